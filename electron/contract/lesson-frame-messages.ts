/**
 * The lesson frame protocol's names and the page's messages to the frame, without zod, so that
 * the frame itself stays small (lesson-frame-protocol.ts has the schemas the page checks with).
 */

/** The only channels a lesson may call, each on the open learner's work in the lesson's course. */
export const LESSON_FRAME_CHANNELS = [
  'quiz.get',
  'quiz.submitAnswer',
  'quiz.finish',
  'quiz.retake',
  'exercise.get',
  'exercise.submit',
  'canvas.get',
  'canvas.save',
  'canvas.exportPdf',
] as const;
export type LessonFrameChannel = (typeof LESSON_FRAME_CHANNELS)[number];

/** A file of the lesson's own course, as the path under its `assets/` or `data/` folder. */
export interface CourseFile {
  folder: 'assets' | 'data';
  path: string;
}

/** A call of one of the lesson channels, with the arguments the contract gives it minus the session. */
export interface FrameCall {
  kind: 'call';
  id: number;
  channel: LessonFrameChannel;
  args: { courseId: string } & Record<string, unknown>;
}

/** A section of the lesson (an h2 heading): its text and where it starts in the lesson, in CSS pixels. */
export interface LessonSection {
  title: string;
  top: number;
}

/** Most sections a lesson reports for its outline; a longer list is not an outline any more. */
export const MAX_LESSON_SECTIONS = 40;

/** Everything a lesson frame may say to the page (lesson-frame-protocol.ts checks each). */
export type FrameMessage =
  | { kind: 'ready' }
  /**
   * The frame has put away whatever it showed before and starts the lesson of this `init`: what it
   * sent before this belongs to an earlier lesson, and the page refuses it.
   */
  | { kind: 'started'; lessonId: string }
  | { kind: 'rendered' }
  | { kind: 'height'; height: number }
  /** The lesson's sections for the outline on the page; sent again when the layout changes. */
  | { kind: 'sections'; sections: LessonSection[] }
  | { kind: 'open-link'; url: string }
  | { kind: 'download'; file: CourseFile }
  | { kind: 'next-lesson' }
  /** The end of the lesson has been on screen; the page records it for its own lesson. */
  | { kind: 'reached-end' }
  | { kind: 'render-error'; message: string }
  | FrameCall;

/** What the page tells the frame about its lesson; nothing about other learners or courses. */
export interface LessonFrameInit {
  kind: 'init';
  courseId: string;
  lessonId: string;
  moduleUrl: string;
  assetBaseUrl: string;
  dataBaseUrl: string;
  /** The interface language: Aula's own words in the frame (buttons, feedback) are in it. */
  language: string;
  /**
   * The language the lesson is read in (the course's main language or a translation's), which can
   * differ from the interface's: the frame's document says it, for screen readers and hyphenation.
   */
  lessonLanguage: string;
  /** For the canvas PDF's subtitle: the open learner's own name. */
  learnerName: string;
  /** The lesson's quizzes as `lesson.open` returned them (the frame shows them without another call). */
  quizzes: unknown[];
}

export type PageMessage =
  /** The lesson to show; a frame kept from the learner's previous lesson of the course gets another. */
  | LessonFrameInit
  /** The page no longer shows the lesson: the frame puts it away and waits, out of sight, for the next. */
  | { kind: 'leave' }
  /** The learner switched the interface language while the lesson is open. */
  | { kind: 'language'; language: string }
  /** The learner picked a section in the outline: the page scrolled to it, the frame moves focus there. */
  | { kind: 'show-section'; index: number }
  | { kind: 'result'; id: number; ok: true; result: unknown }
  | { kind: 'result'; id: number; ok: false; error: { code: string; message: string; reason?: string; params?: unknown } };
