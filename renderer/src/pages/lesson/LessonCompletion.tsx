import { CircleCheck } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { LessonStanding } from '../../../../electron/contract/channels';

/**
 * How the lesson gets done, as the core decided: done; done by its work (no button: passing its
 * quiz and doing its exercises completes it); or, for a lesson with nothing to answer, the button.
 */
export function LessonCompletion({
  standing,
  busy,
  onMarkComplete,
}: {
  standing: LessonStanding;
  busy: boolean;
  onMarkComplete: () => void;
}) {
  const { t } = useTranslation();
  // The status region stays in the page so that "completed" is announced when a quiz completes the lesson.
  return (
    <div className="lesson-completion">
      <p role="status" className={standing.done ? 'lesson-done' : 'lesson-to-do'}>
        {standing.done ? (
          <>
            <CircleCheck aria-hidden="true" size={20} /> {t('lesson.completed')}
          </>
        ) : standing.completesBy === 'work' ? (
          t('lesson.completesByWork')
        ) : null}
      </p>
      {!standing.done && standing.completesBy === 'button' && (
        <button type="button" className="button button-primary" disabled={busy} onClick={onMarkComplete}>
          {t('lesson.markComplete')}
        </button>
      )}
    </div>
  );
}
