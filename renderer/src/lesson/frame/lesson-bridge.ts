import type { ExportedCertificate, LearnApi, OpenedLesson } from '../../../../electron/contract/channels';
import type {
  FrameMessage,
  LessonFrameInit,
  LessonSection,
  PageMessage,
} from '../../../../electron/contract/lesson-frame-messages';

import { ApiCallError } from '../../api/learn-api-client';
import { checkFrameMessage } from './bridge-checks';

type Call = Extract<FrameMessage, { kind: 'call' }>;

/** Calls that can complete a lesson's work (and so the lesson, or the course). */
const WORK_CHANNELS = new Set<string>(['quiz.submitAnswer', 'quiz.finish', 'exercise.submit', 'canvas.save']);

/** What the page does for the lesson once a message passed the checks. */
export interface BridgeActions {
  height(height: number): void;
  sections(sections: LessonSection[]): void;
  /** The lesson's quizzes, exercises or canvases changed on disk: its standing may have too. */
  workChanged(): void;
  rendered(): void;
  renderError(message: string): void;
  openLink(url: string): void;
  download(file: Extract<FrameMessage, { kind: 'download' }>['file']): void;
  nextLesson(): void;
  /** A canvas PDF the core made: the page saves it (the frame may not download anything). */
  saveFile(file: ExportedCertificate): void;
}

export interface LessonBridgeOptions {
  frame: HTMLIFrameElement;
  api: LearnApi;
  session: string;
  lesson: OpenedLesson;
  /** The interface language now (the frame follows a switch while it is open). */
  language: () => string;
  learnerName: string;
  actions: BridgeActions;
  /** Where refusals are written; a lesson that tries something it may not is worth knowing about. */
  log?: (message: string) => void;
  /**
   * The frame said `ready` before the bridge listened (a spare booted ahead, or the frame kept
   * from the learner's previous lesson of the course): it is sent its lesson at once instead of
   * on `ready`.
   */
  frameReady?: boolean;
}

/** What the page knows of the frame's work on its lesson while the bridge listens. */
export interface BridgeState {
  /** The frame has started this lesson (`started` with its id): it may be kept for the next one. */
  started(): boolean;
  /** Stops listening. */
  disconnect(): void;
}

export function toFrame(frame: HTMLIFrameElement, message: PageMessage): void {
  // An opaque origin cannot be named as the target; frame-src keeps this frame on the lesson page.
  frame.contentWindow?.postMessage(message, '*');
}

async function callCore(options: LessonBridgeOptions, call: Call): Promise<unknown> {
  const method = options.api[call.channel] as (args: unknown) => Promise<unknown>;
  const result = await method({ ...call.args, session: options.session });
  if (call.channel === 'canvas.exportPdf') {
    const pdf = result as { fileName: string; base64: string };
    options.actions.saveFile({ fileName: pdf.fileName, mediaType: 'application/pdf', base64: pdf.base64 });
    // The frame only needs to know it is done; the file itself went to the learner.
    return { fileName: pdf.fileName, base64: '' };
  }
  return result;
}

/**
 * The learner has had the end of the lesson on screen: recorded for this page's own lesson and
 * session (the message names neither), then the standing is asked again, since reading to the end
 * can complete a lesson whose work is done.
 */
function recordReachedEnd(options: LessonBridgeOptions): void {
  const { api, session, lesson, actions } = options;
  api['lesson.reachedEnd']({ session, courseId: lesson.courseId, lessonId: lesson.lessonId }).then(
    () => actions.workChanged(),
    // Like reading time, never a reason to interrupt the learner; the next visit reports it again.
    () => undefined,
  );
}

/** Listens to the lesson's frame and answers it, until `disconnect`. */
export function connectLessonBridge(options: LessonBridgeOptions): BridgeState {
  const { frame, lesson, actions } = options;
  const log = options.log ?? ((message: string) => console.warn(message));
  let started = false;
  let initSent = false;
  const scope = {
    frameWindow: () => frame.contentWindow,
    courseId: lesson.courseId,
    lessonId: lesson.lessonId,
    lessonStarted: () => started,
    quizIds: new Set(lesson.quizzes.map((quiz) => quiz.quizId)),
    exerciseIds: new Set(lesson.exerciseIds),
    canvasIds: new Set(lesson.canvasIds),
  };
  const init = (): LessonFrameInit => ({
    kind: 'init',
    courseId: lesson.courseId,
    lessonId: lesson.lessonId,
    moduleUrl: lesson.moduleUrl,
    assetBaseUrl: lesson.assetBaseUrl,
    dataBaseUrl: lesson.dataBaseUrl,
    language: options.language(),
    lessonLanguage: lesson.language,
    learnerName: options.learnerName,
    quizzes: lesson.quizzes,
  });

  // One `init` per lesson: a frame that says `ready` again is not sent its lesson twice.
  const sendInit = () => {
    if (initSent) return;
    initSent = true;
    toFrame(frame, init());
  };
  let reachedEndSent = false;
  const onMessage = (event: MessageEvent) => {
    if (event.source !== frame.contentWindow) return; // another window's business, not the lesson's
    const checked = checkFrameMessage(event, scope);
    if (!checked.ok) {
      log(`Aula refused a message from the lesson ${lesson.courseId}/${lesson.lessonId}: ${checked.reason}`);
      if (checked.callId !== undefined) {
        toFrame(frame, {
          kind: 'result',
          id: checked.callId,
          ok: false,
          error: { code: 'forbidden', message: 'A lesson may not do this.', reason: 'request.invalid-arguments' },
        });
      }
      return;
    }
    const message = checked.message;
    switch (message.kind) {
      case 'ready':
        sendInit();
        return;
      case 'started':
        started = true;
        return;
      case 'rendered':
        actions.rendered();
        return;
      case 'height':
        actions.height(message.height);
        return;
      case 'sections':
        actions.sections(message.sections);
        return;
      case 'render-error':
        actions.renderError(message.message);
        return;
      case 'open-link':
        actions.openLink(message.url);
        return;
      case 'download':
        actions.download(message.file);
        return;
      case 'next-lesson':
        actions.nextLesson();
        return;
      case 'reached-end':
        if (!reachedEndSent) {
          reachedEndSent = true;
          recordReachedEnd(options);
        }
        return;
      case 'call':
        callCore(options, message).then(
          (result) => {
            toFrame(frame, { kind: 'result', id: message.id, ok: true, result });
            if (WORK_CHANNELS.has(message.channel)) actions.workChanged();
          },
          (error: unknown) =>
            toFrame(frame, {
              kind: 'result',
              id: message.id,
              ok: false,
              error:
                error instanceof ApiCallError
                  ? error.error
                  : { code: 'internal', message: error instanceof Error ? error.message : String(error) },
            }),
        );
    }
  };
  window.addEventListener('message', onMessage);
  if (options.frameReady) sendInit();
  return {
    started: () => started,
    disconnect: () => window.removeEventListener('message', onMessage),
  };
}
