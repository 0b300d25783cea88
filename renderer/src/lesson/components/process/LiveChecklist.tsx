import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProcessCheck } from '../../../../../electron/contract/channels';
import { CheckLine, processRuleText } from '../exercise/SubmissionResult';

/**
 * The exercise's rules as a numbered checklist that ticks while the learner draws. Only a rule
 * newly met is announced (politely, once), so a screen reader hears progress, not every edit;
 * a rule that stops holding just loses its tick. The core still grades the diagram on Check.
 */
export function LiveChecklist({ checks }: { checks: ProcessCheck[] | null }) {
  const { t } = useTranslation();
  const previous = useRef<ProcessCheck[] | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const titleId = useId();
  useEffect(() => {
    const before = previous.current;
    previous.current = checks;
    // The diagram as loaded is not news: only what the learner's own edits achieve is announced.
    if (!checks || !before) return;
    const newlyMet = checks.filter((check, index) => check.passed && before[index]?.passed === false);
    if (newlyMet.length > 0) {
      setAnnouncement(newlyMet.map((check) => t('process.ruleMet', { rule: processRuleText(check, t) })).join(' '));
    }
  }, [checks, t]);

  if (!checks) return null;
  const met = checks.filter((check) => check.passed).length;
  return (
    <div className="process-checklist">
      <p id={titleId} className="process-checklist-title">
        {t('process.checklistTitle', { met, total: checks.length })}
      </p>
      <ol className="process-checks" aria-labelledby={titleId}>
        {checks.map((check, index) => (
          <CheckLine key={index} check={check} live />
        ))}
      </ol>
      <p className="visually-hidden" aria-live="polite">
        {announcement}
      </p>
    </div>
  );
}
