import { useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { OpenedLesson } from '../../../../electron/contract/channels';
import type { CourseFile, LessonSection } from '../../../../electron/contract/lesson-frame-messages';
import { useSession } from '../../api/api-context';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { saveBase64File } from '../../save-file';
import { lessonHref } from '../../router';
import { connectLessonBridge, toFrame } from './lesson-bridge';
import { lessonFramePool, placeLessonFrame } from './lesson-frame-pool';

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
 * The frame element is not React's: it comes from the pool (the spare booted ahead, or a new one)
 * and lives in a slot (`display: contents`) for as long as this lesson does. Once the lesson has
 * rendered, the next frame for this course boots in idle time.
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
  const [height, setHeight] = useState<number | null>(null);
  const [renderError, setRenderError] = useState<string | null>(null);
  const [link, setLink] = useState<string | null>(null);
  const rendered = useRef(onRendered);
  const sections = useRef(onSections);
  const workChanged = useRef(onWorkChanged);
  const language = useRef(i18n.language);
  const slot = useRef<HTMLDivElement>(null);
  /** The frame came booted (a spare) and waits for its lesson: the bridge sends it at once. */
  const bootedAhead = useRef(false);
  const frameTitle = t('lesson.frameTitle', { title: lesson.title });
  const courseId = lesson.courseId;

  // One frame per lesson, never used again: a lesson never sees what ran before it.
  useLayoutEffect(() => {
    const place = slot.current;
    if (!place) return;
    const taken = lessonFramePool().take(lesson.courseId, language.current);
    const element = taken.frame;
    element.className = 'lesson-frame';
    element.removeAttribute('tabindex');
    placeLessonFrame(place, element, taken.spare);
    frameRef.current = element;
    bootedAhead.current = taken.ready;
    return () => {
      element.remove();
      if (frameRef.current === element) frameRef.current = null;
    };
  }, [lesson, frameRef]);
  useEffect(() => {
    if (!frameRef.current) return;
    frameRef.current.title = frameTitle;
    // The frame holds the lesson, in the language the course is read in (not the interface's).
    frameRef.current.lang = lesson.language;
  }, [frameTitle, frameRef, lesson]);
  useEffect(() => {
    if (frameRef.current) frameRef.current.style.height = height === null ? '' : `${height}px`;
  }, [height, frameRef, lesson]);

  useEffect(() => {
    language.current = i18n.language;
    if (frameRef.current) toFrame(frameRef.current, { kind: 'language', language: i18n.language });
  }, [i18n.language, frameRef]);
  useEffect(() => {
    rendered.current = onRendered;
    sections.current = onSections;
    workChanged.current = onWorkChanged;
  }, [onRendered, onSections, onWorkChanged]);

  // Listening starts in the same task that puts the frame in the page, before its first message.
  useLayoutEffect(() => {
    const element = frameRef.current;
    if (!element) return;
    const frameReady = bootedAhead.current;
    bootedAhead.current = false;
    return connectLessonBridge({
      frameReady,
      frame: element,
      api,
      session,
      lesson,
      language: () => language.current,
      learnerName: learner.displayName,
      actions: {
        height: setHeight,
        sections: (list) => sections.current(list),
        workChanged: () => workChanged.current(),
        rendered: () => {
          rendered.current();
          lessonFramePool().prepare(courseId, language.current);
        },
        renderError: (message) => {
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
  }, [api, session, lesson, learner.displayName, frameRef, courseId]);

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
