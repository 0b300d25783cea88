/**
 * Whether a learner has done what a course asks (its completion rule, with each quiz, lesson and
 * practical task): a plain function of the database, the learner and the loaded course, which the
 * lesson page, the home page and the certificates build on.
 */
import type { Db } from '../db/open-database.js';
import { readFirstCanvasSaves } from '../db/canvases.js';
import { readFirstSolved } from '../db/exercise-results.js';
import { readLessonRecords } from '../db/progress.js';
import { readFirstPasses } from '../db/quiz-attempts.js';
import type { CompletionRule } from './completion-rule.js';
import type { LoadedCourse } from './load-course.js';

export interface QuizMastery {
  quizId: string;
  title: string;
  /** Counts towards the rule (all quizzes for all-quizzes and some-quizzes; only the final one otherwise). */
  required: boolean;
  passed: boolean;
  passedAt: string | null;
}

/** One lesson as progress sees it. */
export interface LessonMastery {
  lessonId: string;
  visited: boolean;
  /** The learner has had the end of the lesson on screen (lessons opened before Aula recorded this count as read). */
  reachedEnd: boolean;
  /**
   * Done: marked complete, or read to the end with every quiz it shows passed, exercise solved and
   * canvas saved (a lesson with practical work needs no extra button press).
   */
  done: boolean;
  /** When it became done (the button, or the last of its work), or null. */
  doneAt: string | null;
}

export interface CourseMastery {
  courseId: string;
  rule: CompletionRule;
  mastered: boolean;
  /** When the rule was first met (the last requirement fulfilled), or null. */
  masteredAt: string | null;
  lessonsVisited: number;
  /** Lessons done (see LessonMastery.done). */
  lessonsCompleted: number;
  lessonCount: number;
  lessons: LessonMastery[];
  quizzes: QuizMastery[];
  /** Exercises and canvases the lessons show, and how many are solved or saved. */
  exercisesSolved: number;
  exerciseCount: number;
  canvasesSaved: number;
  canvasCount: number;
  /** When each solved exercise, passed quiz or saved canvas was first done: the progress timeline uses them. */
  workDoneAt: { kind: 'quiz' | 'exercise' | 'canvas'; at: string }[];
  /** Quizzes that must be passed, and how many of those are. */
  quizzesRequired: number;
  quizzesPassed: number;
  /**
   * Share of the steps done: lessons done, required quizzes passed, exercises solved and canvases
   * saved (100 once mastered, and never 100 before).
   */
  percentComplete: number;
}

function latest(times: (string | null | undefined)[]): string | null {
  let result: string | null = null;
  for (const time of times) if (time && (result === null || time > result)) result = time;
  return result;
}

/** Whether a learner has completed a course by its rule, and how far they are. Reads only. */
export function evaluateMastery(db: Db, learnerId: string, course: LoadedCourse): CourseMastery {
  const rule = course.manifest.completion;
  const courseId = course.manifest.id;
  const passes = new Map(readFirstPasses(db, learnerId, courseId).map((pass) => [pass.quizId, pass.passedAt]));
  const solved = readFirstSolved(db, learnerId, courseId);
  const saved = readFirstCanvasSaves(db, learnerId, courseId);
  const lessonRecords = readLessonRecords(db, learnerId, courseId);
  const lessons = course.lessons.map((lesson): LessonMastery & { firstOpenedAt: string | null } => {
    const record = lessonRecords.get(lesson.id);
    const work = [
      ...lesson.quizIds.filter((id) => course.quizzes.has(id)).map((id) => passes.get(id)),
      ...lesson.exerciseIds.filter((id) => course.exercises.has(id)).map((id) => solved.get(id)),
      ...lesson.canvasIds.map((id) => saved.get(id)),
    ];
    // "Read it and did its work": the end of the lesson has been on screen and every piece of work is done.
    const reachedEndAt = record?.reachedEndAt ?? null;
    const workDone = reachedEndAt !== null && work.length > 0 && work.every((at) => at !== undefined);
    const marked = record?.status === 'completed';
    return {
      lessonId: lesson.id,
      visited: record !== undefined,
      reachedEnd: reachedEndAt !== null,
      done: marked || workDone,
      doneAt: marked ? (record.completedAt ?? record.updatedAt) : workDone ? latest([...work, reachedEndAt]) : null,
      firstOpenedAt: record?.firstOpenedAt ?? null,
    };
  });
  const lessonsVisited = lessons.filter((lesson) => lesson.visited).length;
  const lessonsCompleted = lessons.filter((lesson) => lesson.done).length;
  const exerciseIds = new Set(course.lessons.flatMap((lesson) => lesson.exerciseIds.filter((id) => course.exercises.has(id))));
  const canvasIds = new Set(course.lessons.flatMap((lesson) => lesson.canvasIds));
  const exercisesSolved = [...exerciseIds].filter((id) => solved.has(id)).length;
  const canvasesSaved = [...canvasIds].filter((id) => saved.has(id)).length;
  const quizzes: QuizMastery[] = [...course.quizzes.values()].map((quiz) => ({
    quizId: quiz.id,
    title: quiz.title,
    required: rule.rule === 'final-assessment' ? quiz.id === rule.quiz : true,
    passed: passes.has(quiz.id),
    passedAt: passes.get(quiz.id) ?? null,
  }));
  const required = quizzes.filter((quiz) => quiz.required);
  const quizzesRequired = rule.rule === 'some-quizzes' ? Math.min(rule.count ?? 0, required.length) : required.length;
  const passedTimes = required.flatMap((quiz) => (quiz.passedAt ? [quiz.passedAt] : [])).sort();
  const quizzesPassed = Math.min(passedTimes.length, quizzesRequired);
  // Meeting the rule happened when the last required quiz pass came (the count-th, for some-quizzes)...
  const quizzesMet = quizzesPassed >= quizzesRequired;
  const quizzesMetAt = quizzesRequired === 0 ? null : (passedTimes[quizzesRequired - 1] ?? null);
  // ...or when the last lesson was first opened, if that was later.
  const lessonsMet = !rule.lessonsVisited || lessonsVisited === course.lessons.length;
  const lessonsMetAt = rule.lessonsVisited ? latest(lessons.map((lesson) => lesson.firstOpenedAt)) : null;
  const mastered = quizzesMet && lessonsMet && (quizzesRequired > 0 || rule.lessonsVisited);
  const steps = course.lessons.length + quizzesRequired + exerciseIds.size + canvasIds.size;
  const done = lessonsCompleted + quizzesPassed + exercisesSolved + canvasesSaved;
  const workDoneAt = [
    ...quizzes.flatMap((quiz) => (quiz.passedAt ? [{ kind: 'quiz' as const, at: quiz.passedAt }] : [])),
    ...[...exerciseIds].flatMap((id) => {
      const at = solved.get(id);
      return at ? [{ kind: 'exercise' as const, at }] : [];
    }),
    ...[...canvasIds].flatMap((id) => {
      const at = saved.get(id);
      return at ? [{ kind: 'canvas' as const, at }] : [];
    }),
  ];

  const masteredAt = mastered ? latest([quizzesMetAt, lessonsMetAt]) : null;
  // Once the course is complete, every lesson the learner opened counts as done: "100 %, 0 lessons" would read as an error.
  const lessonResults = lessons.map(({ firstOpenedAt: _firstOpenedAt, ...lesson }) =>
    mastered && lesson.visited && !lesson.done ? { ...lesson, done: true, doneAt: masteredAt } : lesson,
  );

  return {
    courseId,
    rule,
    mastered,
    masteredAt,
    lessonsVisited,
    lessonsCompleted: lessonResults.filter((lesson) => lesson.done).length,
    lessonCount: course.lessons.length,
    lessons: lessonResults,
    quizzes,
    exercisesSolved,
    exerciseCount: exerciseIds.size,
    canvasesSaved,
    canvasCount: canvasIds.size,
    workDoneAt,
    quizzesRequired,
    quizzesPassed,
    percentComplete: mastered ? 100 : Math.min(99, Math.floor((done / Math.max(1, steps)) * 100)),
  };
}
