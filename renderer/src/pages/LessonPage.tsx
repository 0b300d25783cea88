import { memo, useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { LessonStanding, OpenedLesson } from '../../../electron/contract/channels';
import { useSession } from '../api/api-context';
import type { LessonSection } from '../../../electron/contract/lesson-frame-messages';
import { LessonFrame } from '../lesson/frame/LessonFrame';
import { toFrame } from '../lesson/frame/lesson-bridge';
import { lessonOpenArgs } from '../lesson/open-lesson-early';
import { useReadingTracker } from '../lesson/use-reading-tracker';
import { CATALOG_HREF, lessonHref } from '../router';
import { CourseLanguage } from './CourseLanguage';
import { useCoreMutation, useCoreQuery, useCoreQueryUpdates } from '../api/use-core-query';
import { AFTER_LEARNING } from '../api/what-changes';
import { errorMessage } from '../api/error-message';
import { setPageTitle } from '../branding';
import { CourseCelebration } from './lesson/CourseCelebration';
import { LessonCompletion } from './lesson/LessonCompletion';
import { LessonOutline } from './lesson/LessonOutline';
import { LessonPlace } from './lesson/LessonPlace';
import './lesson/lesson-page.css';

/** Room left above a section's heading when the outline scrolls to it. */
const SECTION_MARGIN_PX = 16;

/**
 * Counts reading time and keeps the scroll position. The scroll back to where the learner was
 * waits until the lesson's frame has rendered and has its height.
 */
function ReadingTracker({ lesson, resumeAt }: { lesson: OpenedLesson; resumeAt: number | null }) {
  const { api, session } = useSession();
  useReadingTracker(api, { session, courseId: lesson.courseId, lessonId: lesson.lessonId }, resumeAt);
  return null;
}

/**
 * Where the learner is, the title, its facts and objectives, and the outline. Memoised, like the
 * footer: the page renders again when the lesson in its frame has rendered (to show it), and that
 * render need not redo what did not change.
 */
const LessonHeader = memo(function LessonHeader({
  lesson,
  standing,
  sections,
  heading,
  onShowSection,
}: {
  lesson: OpenedLesson;
  standing: LessonStanding;
  sections: LessonSection[];
  heading: RefObject<HTMLHeadingElement | null>;
  onShowSection: (index: number) => void;
}) {
  const { t } = useTranslation();
  return (
    <header className="lesson-header">
      <LessonPlace lesson={lesson} standing={standing} />
      <div className="lesson-header-main">
        <h1 ref={heading} tabIndex={-1} lang={lesson.language}>
          {lesson.title}
        </h1>
        <div className="lesson-facts">
          <p className="lesson-meta">
            {t('lesson.minutes', { count: lesson.minutes })}
            {standing.done && (
              <>
                {' · '}
                <span className="status status-completed">{t('status.completed')}</span>
              </>
            )}
          </p>
          <CourseLanguage courseId={lesson.courseId} language={lesson.language} languages={lesson.languages} />
        </div>
        {lesson.objectives.length > 0 && (
          <div className="objectives">
            <p>{t('lesson.objectives')}</p>
            <ul lang={lesson.language}>
              {lesson.objectives.map((objective) => (
                <li key={objective}>{objective}</li>
              ))}
            </ul>
          </div>
        )}
      </div>
      <LessonOutline sections={sections} onShow={onShowSection} />
    </header>
  );
});

/** Completing the lesson, the celebration of a course mastered, and the way to the lessons around it. */
const LessonFooter = memo(function LessonFooter({
  lesson,
  standing,
  busy,
  completeError,
  courseJustDone,
  onMarkComplete,
}: {
  lesson: OpenedLesson;
  standing: LessonStanding;
  busy: boolean;
  completeError: unknown;
  courseJustDone: boolean;
  onMarkComplete: () => void;
}) {
  const { t } = useTranslation();
  const showCelebration = standing.courseMastered && (courseJustDone || lesson.nextLesson === null);
  return (
    <footer className="lesson-footer">
      <LessonCompletion standing={standing} busy={busy} onMarkComplete={onMarkComplete} />
      {completeError !== null && <p role="alert">{errorMessage(completeError, t)}</p>}
      {showCelebration && <CourseCelebration lesson={lesson} standing={standing} justNow={courseJustDone} />}
      <nav className="lesson-nav" aria-label={t('lesson.navigation')}>
        {lesson.previousLesson && (
          <a className="button lesson-nav-previous" href={lessonHref(lesson.courseId, lesson.previousLesson.id)}>
            <span>← {t('lesson.previous')}</span>
            <span className="lesson-nav-title">{lesson.previousLesson.title}</span>
          </a>
        )}
        {lesson.nextLesson && (
          <a className="button lesson-nav-next" href={lessonHref(lesson.courseId, lesson.nextLesson.id)}>
            <span>{t('lesson.next')} →</span>
            <span className="lesson-nav-title">{lesson.nextLesson.title}</span>
          </a>
        )}
      </nav>
    </footer>
  );
});

/** What the lesson's own work changes: the lesson's standing, and the learner's summaries elsewhere. */
const AFTER_LESSON_WORK = ['lesson.standing', ...AFTER_LEARNING];

function LessonBody({ lesson }: { lesson: OpenedLesson }) {
  const { session } = useSession();
  const queries = useCoreQueryUpdates();
  // The standing came with the lesson; the core is asked again only once the lesson's work changed.
  const [workChanged, setWorkChanged] = useState(false);
  const asked = useCoreQuery(
    'lesson.standing',
    workChanged ? { session, courseId: lesson.courseId, lessonId: lesson.lessonId } : null,
    { keepMs: 0 },
  );
  // Until the first answer, and while one is late or failed (only the display of progress is late:
  // the work itself was saved by its own call), the standing the lesson came with.
  const standing = asked.state === 'ready' ? asked.value : lesson.standing;
  // A course completed while this lesson was open is celebrated.
  const courseJustDone = standing.courseMastered && !lesson.standing.courseMastered;
  const markComplete = useCoreMutation('lesson.complete', AFTER_LESSON_WORK);
  const [completing, setCompleting] = useState(false);
  const [completeError, setCompleteError] = useState<unknown>(null);
  const [sections, setSections] = useState<LessonSection[]>([]);
  const heading = useRef<HTMLHeadingElement>(null);
  const frame = useRef<HTMLIFrameElement>(null);
  const [rendered, setRendered] = useState(false);
  // A lesson left half-read opens where the learner stopped; a finished one opens at the top.
  const [resumeAt] = useState(() =>
    lesson.status === 'in-progress' && lesson.scrollFraction > 0.01 ? lesson.scrollFraction : null,
  );

  useEffect(() => {
    setPageTitle(`${lesson.title} · ${lesson.courseTitle}`);
  }, [lesson.title, lesson.courseTitle]);
  // The lesson shows, and takes focus, once its frame has rendered: no empty page first. Focus
  // never scrolls: the page opens at the top, a resumed lesson is scrolled by the reading tracker,
  // and a scroll here would move whatever the learner is already reaching for.
  useEffect(() => {
    if (rendered) heading.current?.focus({ preventScroll: true });
  }, [rendered]);

  // The core decides whether the lesson (and the course) is done; the page asks again whenever
  // the lesson's work changed (an answer, an exercise, a canvas, the end read) in its frame.
  const workDone = useCallback(() => {
    setWorkChanged(true);
    queries.invalidate(...AFTER_LESSON_WORK);
  }, [queries]);

  const complete = useCallback(async () => {
    setCompleting(true);
    try {
      await markComplete({ session, courseId: lesson.courseId, lessonId: lesson.lessonId });
      setCompleteError(null);
      setWorkChanged(true);
    } catch (error) {
      setCompleteError(error);
    } finally {
      setCompleting(false);
    }
  }, [markComplete, session, lesson.courseId, lesson.lessonId]);
  const markCompleteClicked = useCallback(() => void complete(), [complete]);
  const showLesson = useCallback(() => setRendered(true), []);

  const showSection = useCallback(
    (index: number) => {
      const element = frame.current;
      const section = sections[index];
      if (!element || !section) return;
      const top = element.getBoundingClientRect().top + window.scrollY + section.top - SECTION_MARGIN_PX;
      const reduced = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
      window.scrollTo({ top: Math.max(0, top), behavior: reduced ? 'instant' : 'smooth' });
      // Focus goes into the lesson, to the section's heading, so Tab continues from there.
      element.focus({ preventScroll: true });
      toFrame(element, { kind: 'show-section', index });
    },
    [sections],
  );

  return (
    <>
      <ReadingTracker lesson={lesson} resumeAt={rendered ? resumeAt : null} />
      <article className={rendered ? 'lesson' : 'lesson lesson-loading'} aria-busy={!rendered}>
        {/* Compact on purpose: where you are on one line, then the title, its facts on one line,
            the objectives, and the outline beside them (wide windows) or folded (elsewhere), so that
            the lesson's text starts on the first screen even at 1024×600 or 150 % zoom. */}
        <LessonHeader lesson={lesson} standing={standing} sections={sections} heading={heading} onShowSection={showSection} />
        <LessonFrame lesson={lesson} frame={frame} onRendered={showLesson} onSections={setSections} onWorkChanged={workDone} />
        <LessonFooter
          lesson={lesson}
          standing={standing}
          // Until the core says how the lesson stands after the change, the button waits too.
          busy={completing || asked.state === 'loading'}
          completeError={completeError}
          courseJustDone={courseJustDone}
          onMarkComplete={markCompleteClicked}
        />
      </article>
    </>
  );
}

export function LessonPage({ courseId, lessonId }: { courseId: string; lessonId: string }) {
  const { t } = useTranslation();
  const { session } = useSession();
  // Opening a lesson is asked of the core each time (it records the visit and the place to resume),
  // never answered from an earlier opening; it is asked again after the learner reads the course in
  // another language (CourseLanguage invalidates it; the lesson then remounts in that language).
  // The request usually left already, when the address changed (open-lesson-early.ts).
  const opened = useCoreQuery('lesson.open', lessonOpenArgs(session, courseId, lessonId), { keepMs: 0 });

  if (opened.state === 'loading') return <p aria-busy="true">{t('lesson.loading')}</p>;
  if (opened.state === 'failed') {
    return (
      <div className="page">
        <div role="alert">
          <p>{t('lesson.loadError', { message: opened.message })}</p>
          {opened.details && opened.details.length > 0 && (
            <div className="course-problems">
              <p>{t('lesson.problemDetails')}</p>
              <ul>
                {opened.details.map((detail) => (
                  <li key={detail}>
                    <code>{detail}</code>
                  </li>
                ))}
              </ul>
            </div>
          )}
        </div>
        <p>
          <a href={CATALOG_HREF}>{t('lesson.backToCatalog')}</a>
        </p>
      </div>
    );
  }
  return <LessonBody key={opened.value.language} lesson={opened.value} />;
}
