import { useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import { flushSync } from 'react-dom';
import { useTranslation } from 'react-i18next';
import type { OpenedLesson } from '../../../../electron/contract/channels';
import type { CourseFile, LessonSection } from '../../../../electron/contract/lesson-frame-messages';
import { useSession } from '../../api/api-context';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { saveBase64File } from '../../save-file';
import { lessonHref } from '../../router';
import { connectLessonBridge, toFrame } from './lesson-bridge';
import { lessonFramePool, placeLessonFrame } from './lesson-frame-pool';
import type { FrameOwner } from './lesson-frames';

function saveCourseFile(lesson: OpenedLesson, file: CourseFile): void {
  const base = file.folder === 'assets' ? lesson.assetBaseUrl : lesson.dataBaseUrl;
  const link = document.createElement('a');
  link.href = `${base}${file.path.split('/').map(encodeURIComponent).join('/')}`;
  link.download = file.path.split('/').pop() ?? file.path;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
}

/**
 * The lesson, in a sandboxed frame of its own: `allow-scripts` only, so it runs with an opaque
 * origin (no cookie, storage or API of the app, no popups, forms, downloads or top navigation).
 * The page answers its messages through the bridge, which checks each one first.
 *
 * The frame element is not React's: it comes from the pool (the frame kept from the learner's
 * previous lesson of this course, a spare booted ahead, or a new one) and lives in a slot
 * (`display: contents`) for as long as this lesson does; then it is kept for the next lesson of
 * the course (lesson-frames.ts says for whom, and why that is safe).
 */
export function LessonFrame({
  lesson,
  frame: frameRef,
  onRendered,
  onSections,
  onWorkChanged,
}: {
  lesson: OpenedLesson;
  /** The frame element, for the page to scroll to a section and talk to the lesson. */
  frame: RefObject<HTMLIFrameElement | null>;
  onRendered: () => void;
  onSections: (sections: LessonSection[]) => void;
  onWorkChanged: () => void;
}) {
  const { t, i18n } = useTranslation();
  const { api, session, learner } = useSession();
  const [renderError, setRenderError] = useState<string | null>(null);
  const [link, setLink] = useState<string | null>(null);
  const rendered = useRef(onRendered);
  const sections = useRef(onSections);
  const workChanged = useRef(onWorkChanged);
  const language = useRef(i18n.language);
  const slot = useRef<HTMLDivElement>(null);
  const frameTitle = t('lesson.frameTitle', { title: lesson.title });
  const learnerName = learner.displayName;

  // The frame and the bridge to it, in one task: listening starts in the task that puts the frame
  // in the page, before its first message; and when the lesson leaves the page, the bridge stops
  // before the frame is kept for the learner's next lesson of this course (or dropped).
  useLayoutEffect(() => {
    const place = slot.current;
    if (!place) return;
    const pool = lessonFramePool();
    const owner: FrameOwner = {
      courseId: lesson.courseId,
      learnerId: learner.id,
      session,
      readingLanguage: lesson.language,
    };
    const taken = pool.take(owner, language.current);
    const element = taken.frame;
    element.className = 'lesson-frame';
    element.removeAttribute('tabindex');
    // As tall as the lesson says it is; until it says, the stylesheet's height.
    element.style.height = '';
    placeLessonFrame(place, element, taken.from !== 'new');
    frameRef.current = element;
    // Until the lesson has rendered, its first sections wait to be shown with it, in one render of
    // the page instead of one for the outline and another for the lesson.
    let shown = false;
    let firstSections: LessonSection[] | null = null;
    const bridge = connectLessonBridge({
      frameReady: taken.ready,
      frame: element,
      api,
      session,
      lesson,
      language: () => language.current,
      learnerName,
      actions: {
        height: (height) => {
          element.style.height = `${height}px`;
        },
        sections: (list) => {
          if (shown) sections.current(list);
          else firstSections = list;
        },
        workChanged: () => workChanged.current(),
        // The page around the lesson shows it, with its outline, in the task that hears it rendered
        // (its height is set already).
        rendered: () => {
          shown = true;
          const list = firstSections;
          firstSections = null;
          flushSync(() => {
            if (list) sections.current(list);
            rendered.current();
          });
        },
        renderError: (message) => {
          shown = true;
          if (firstSections) sections.current(firstSections);
          firstSections = null;
          setRenderError(message);
          rendered.current();
        },
        openLink: setLink,
        download: (file) => saveCourseFile(lesson, file),
        nextLesson: () => {
          if (lesson.nextLessonId) window.location.hash = lessonHref(lesson.courseId, lesson.nextLessonId);
        },
        saveFile: saveBase64File,
      },
    });
    return () => {
      bridge.disconnect();
      if (frameRef.current === element) frameRef.current = null;
      if (bridge.started()) {
        // The frame unmounts the lesson (its code stops) and waits, out of sight, for the next.
        toFrame(element, { kind: 'leave' });
        pool.keep(element, owner);
      } else {
        pool.discard(element);
      }
    };
  }, [lesson, api, session, learner.id, learnerName, frameRef]);
  useEffect(() => {
    if (!frameRef.current) return;
    frameRef.current.title = frameTitle;
    // The frame holds the lesson, in the language the course is read in (not the interface's).
    frameRef.current.lang = lesson.language;
  }, [frameTitle, frameRef, lesson]);

  useEffect(() => {
    language.current = i18n.language;
    if (frameRef.current) toFrame(frameRef.current, { kind: 'language', language: i18n.language });
  }, [i18n.language, frameRef]);
  useEffect(() => {
    rendered.current = onRendered;
    sections.current = onSections;
    workChanged.current = onWorkChanged;
  }, [onRendered, onSections, onWorkChanged]);

  return (
    <>
      {renderError !== null && (
        <p role="alert" className="lesson-render-error">
          {t('lesson.renderError', { message: renderError })}
        </p>
      )}
      <div ref={slot} className="lesson-frame-slot" />
      {link !== null && (
        <ConfirmDialog
          title={t('lesson.linkTitle')}
          confirmLabel={t('lesson.linkOpen')}
          cancelLabel={t('install.cancel')}
          onConfirm={() => {
            // Outside Aula, never in its window: the desktop shell hands it to the PC's browser.
            window.open(link, '_blank', 'noopener,noreferrer');
            setLink(null);
          }}
          onCancel={() => setLink(null)}
        >
          <p>{t('lesson.linkNeedsInternet')}</p>
          <p className="link-address">{link}</p>
        </ConfirmDialog>
      )}
    </>
  );
}
