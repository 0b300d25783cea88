import { useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { OpenedLesson } from '../../../../electron/contract/channels';
import type { CourseFile, LessonSection } from '../../../../electron/contract/lesson-frame-messages';
import { useSession } from '../../api/api-context';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { saveBase64File } from '../../save-file';
import { lessonHref } from '../../router';
import { connectLessonBridge, toFrame } from './lesson-bridge';

/** The page that lessons run in (electron/core/app-files.ts serves it with its own policy). */
const LESSON_FRAME_URL = '/lesson-frame.html';

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
 */
export function LessonFrame({
  lesson,
  frame,
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
  useEffect(() => {
    language.current = i18n.language;
    if (frame.current) toFrame(frame.current, { kind: 'language', language: i18n.language });
  }, [i18n.language, frame]);
  useEffect(() => {
    rendered.current = onRendered;
    sections.current = onSections;
    workChanged.current = onWorkChanged;
  }, [onRendered, onSections, onWorkChanged]);

  // Listening starts in the same task that puts the frame in the page, before its first message.
  useLayoutEffect(() => {
    const element = frame.current;
    if (!element) return;
    return connectLessonBridge({
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
        rendered: () => rendered.current(),
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
  }, [api, session, lesson, learner.displayName, frame]);

  return (
    <>
      {renderError !== null && (
        <p role="alert" className="lesson-render-error">
          {t('lesson.renderError', { message: renderError })}
        </p>
      )}
      <iframe
        ref={frame}
        className="lesson-frame"
        title={t('lesson.frameTitle', { title: lesson.title })}
        sandbox="allow-scripts"
        lang={lesson.language}
        src={`${LESSON_FRAME_URL}?course=${encodeURIComponent(lesson.courseId)}`}
        style={height === null ? undefined : { height: `${height}px` }}
      />
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
