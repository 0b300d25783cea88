/**
 * The rules of taking a quiz: attempts, the attempt limit, when answers are final, when verdicts
 * may be shown, finishing and retaking. Each function that writes runs in one transaction, so a
 * reply means the change is on disk, and a refusal means nothing changed.
 */
import { randomBytes } from 'node:crypto';
import {
  AnswerSchema,
  type Answer,
  type AnswerResult,
  type AttemptState,
  type PublicQuiz,
  type SavedAnswer,
} from '../contract/channels.js';
import { DomainRefusal } from '../domain/domain-refusal.js';
import type { Db } from '../db/open-database.js';
import {
  insertAnswer,
  insertAttempt,
  listAttempts,
  markAttemptFinished,
  readLatestAnswers,
  readQuestionTries,
  type AttemptRecord,
  type QuestionTries,
  type QuizRef,
  type StoredAnswer,
} from '../db/quiz-attempts.js';
import { AnswerShapeError, gradeAnswer } from './grade-answer.js';
import { questionsInAttemptOrder, toPublicQuestion } from './public-question.js';
import type { QuestionDefinition, QuizDefinition } from './quiz-definition.js';
import { questionClosed, solutionOf, triesAllowed } from './quiz-tries.js';

/**
 * What taking a quiz needs of its course: which one, at which version (attempts record it). A
 * loaded course fits; the quiz rules need nothing more, so they don't depend on course loading.
 */
export interface QuizCourse {
  manifest: { id: string; version: string };
}

export interface QuizScope {
  db: Db;
  learnerId: string;
  course: QuizCourse;
  quiz: QuizDefinition;
}

function refOf(scope: QuizScope): QuizRef {
  return { learnerId: scope.learnerId, courseId: scope.course.manifest.id, quizId: scope.quiz.id };
}

/**
 * The seed of an attempt's order. The first attempt is recorded only with its first answer, so
 * before that its seed is derived from who takes which quiz: the order shown before the first
 * answer is the order stored with it.
 */
function firstAttemptSeed(ref: QuizRef): string {
  return `first/${ref.learnerId}/${ref.courseId}/${ref.quizId}`;
}

function seedOf(attempt: AttemptRecord | undefined, ref: QuizRef): string {
  if (!attempt) return firstAttemptSeed(ref);
  return attempt.seed ?? attempt.id;
}

/** Pass marks are percentages of the points; tiny float error must not fail a learner who is exactly at the mark. */
function reachesPassMark(score: number, maxScore: number, passMark: number): boolean {
  return maxScore > 0 && (score / maxScore) * 100 + 1e-9 >= passMark;
}

function attemptState(attempt: AttemptRecord | undefined, number: number): AttemptState {
  const finished = attempt?.finishedAt != null;
  const score = finished ? (attempt?.score ?? 0) : null;
  const maxScore = finished ? (attempt?.maxScore ?? 0) : null;
  return {
    attemptId: attempt?.id ?? null,
    number,
    startedAt: attempt?.startedAt ?? null,
    finishedAt: attempt?.finishedAt ?? null,
    score,
    maxScore,
    percent: score !== null && maxScore ? Math.floor((score / maxScore) * 100 + 1e-9) : null,
    passed: finished ? attempt?.passed === true : null,
  };
}

/**
 * What the learner may see of a question's verdict now: nothing (a `feedback: end` attempt still
 * open), the verdict without the explanation and part marks (tries left), or all of it.
 */
type Reveal = 'nothing' | 'verdict' | 'all';

/** A verdict with what would give the answer away taken out, while the learner has tries left. */
function withheld(result: AnswerResult): AnswerResult {
  return result.correct ? result : { ...result, explanation: null, parts: [] };
}

/** Tries left and the right answer, for an answer to a question in a per-question attempt. */
function triesView(
  scope: QuizScope,
  question: QuestionDefinition,
  tries: QuestionTries | undefined,
  attemptFinished: boolean,
): { reveal: Reveal; triesLeft: number; solution: Answer | null } {
  const allowed = triesAllowed(scope.quiz, question);
  const closed = attemptFinished || questionClosed(tries, allowed);
  return {
    reveal: closed ? 'all' : 'verdict',
    triesLeft: closed ? 0 : allowed - (tries?.tries ?? 0),
    solution: closed && tries?.correct !== true ? solutionOf(question) : null,
  };
}

/**
 * An answer as the learner may see it now: the stored verdict (what counted) with feedback from
 * the current quiz file, as much of it as `reveal` allows.
 */
function toSavedAnswer(
  scope: QuizScope,
  stored: StoredAnswer,
  view: { reveal: Reveal; triesLeft: number | null; solution: Answer | null },
): SavedAnswer | null {
  const reveal = view.reveal;
  const question = scope.quiz.questions.find((candidate) => candidate.id === stored.questionId);
  if (!question) return null; // the course changed since; the record stays in the database
  let parsedJson: unknown;
  try {
    parsedJson = JSON.parse(stored.answerJson);
  } catch {
    return null;
  }
  const parsed = AnswerSchema.safeParse(parsedJson);
  if (!parsed.success) return null;
  let result: AnswerResult | null = null;
  if (reveal !== 'nothing') {
    let regraded: AnswerResult | null = null;
    try {
      regraded = gradeAnswer(question, parsed.data);
    } catch (error) {
      if (!(error instanceof AnswerShapeError)) throw error;
    }
    const sameVerdict = regraded?.correct === stored.correct;
    result = {
      correct: stored.correct,
      score: stored.score,
      maxScore: stored.maxScore,
      feedback: sameVerdict ? (regraded?.feedback ?? null) : null,
      explanation: question.explanation ?? null,
      parts: sameVerdict ? (regraded?.parts ?? []) : [],
    };
    if (reveal === 'verdict') result = withheld(result);
  }
  return {
    answerId: stored.answerId,
    attemptId: stored.attemptId,
    questionId: stored.questionId,
    answer: parsed.data,
    savedAt: stored.answeredAt,
    result,
    triesLeft: view.triesLeft,
    solution: view.solution,
  };
}

function attemptsLeft(quiz: QuizDefinition, attempts: AttemptRecord[]): number | null {
  if (quiz.attemptLimit === undefined) return null;
  return Math.max(0, quiz.attemptLimit - attempts.filter((attempt) => attempt.finishedAt !== null).length);
}

/** The quiz as the learner sees it now: their current (or last) attempt, in its order, with what they answered. */
export function viewQuiz(scope: QuizScope): PublicQuiz {
  const ref = refOf(scope);
  const attempts = listAttempts(scope.db, ref);
  const current = attempts.at(-1);
  const seed = seedOf(current, ref);
  const perQuestion = scope.quiz.feedback === 'per-question';
  const finished = current?.finishedAt != null;
  const tries = current && perQuestion ? readQuestionTries(scope.db, current.id) : new Map<string, QuestionTries>();
  const answers = current
    ? readLatestAnswers(scope.db, current.id).flatMap((stored) => {
        const question = scope.quiz.questions.find((candidate) => candidate.id === stored.questionId);
        if (!question) return [];
        const view = perQuestion
          ? triesView(scope, question, tries.get(question.id), finished)
          : { reveal: finished ? ('all' as const) : ('nothing' as const), triesLeft: null, solution: null };
        return toSavedAnswer(scope, stored, view) ?? [];
      })
    : [];
  const left = attemptsLeft(scope.quiz, attempts);
  return {
    courseId: ref.courseId,
    quizId: ref.quizId,
    title: scope.quiz.title,
    passMark: scope.quiz.passMark,
    attemptLimit: scope.quiz.attemptLimit ?? null,
    feedback: scope.quiz.feedback,
    questions: questionsInAttemptOrder(scope.quiz, seed).map((question) => toPublicQuestion(question, seed, scope.quiz.shuffle)),
    attempt: attemptState(current, Math.max(1, attempts.length)),
    answers,
    finishedAttempts: attempts.filter((attempt) => attempt.finishedAt !== null).length,
    attemptsLeft: left,
    passedEver: attempts.some((attempt) => attempt.passed === true),
    canRetake: current?.finishedAt != null && (left === null || left > 0),
  };
}

function refuseFinishedAttempt(quiz: QuizDefinition, attempts: AttemptRecord[]): never {
  if (attemptsLeft(quiz, attempts) === 0) {
    throw new DomainRefusal('conflict', `You have used all ${quiz.attemptLimit} attempts at "${quiz.title}".`, {
      reason: 'quiz.attempts-used',
      params: { count: quiz.attemptLimit ?? 0, title: quiz.title },
    });
  }
  throw new DomainRefusal('conflict', `This attempt at "${quiz.title}" is finished. Retake the quiz to answer again.`, {
    reason: 'quiz.attempt-finished',
    params: { title: quiz.title },
  });
}

/** Scores an open attempt from the latest answer to each question (unanswered questions score 0) and closes it. */
function finishAttempt(scope: QuizScope, attempt: AttemptRecord, now: Date): void {
  const latest = new Map(readLatestAnswers(scope.db, attempt.id).map((answer) => [answer.questionId, answer]));
  // With tries, a question counts its best try: a later wrong try never takes away a right one.
  // With feedback at the end, the learner's last answer is the one they chose to give.
  const best = scope.quiz.feedback === 'per-question' ? readQuestionTries(scope.db, attempt.id) : null;
  let score = 0;
  let maxScore = 0;
  for (const question of scope.quiz.questions) {
    const answer = latest.get(question.id);
    score += best?.get(question.id)?.bestScore ?? answer?.score ?? 0;
    maxScore += answer?.maxScore ?? 1;
  }
  const passMark = scope.quiz.passMark;
  markAttemptFinished(
    scope.db,
    attempt.id,
    { score, maxScore, passMark, passed: reachesPassMark(score, maxScore, passMark) },
    now,
  );
}

export interface SubmitOutcome {
  saved: SavedAnswer;
  attempt: AttemptState;
}

/**
 * Grades and stores one answer. With per-question feedback a question takes another try after a
 * wrong one while it has tries left (quiz-tries.ts), then it is closed (else trying every choice
 * would pass any quiz), and the attempt finishes when every question is closed; the explanation
 * and the right answer are given only once a question is closed. With `feedback: end` answers may
 * change until the learner finishes, and no verdict leaves the core before then.
 */
export function submitAnswer(scope: QuizScope, questionId: string, answer: Answer, now = new Date()): SubmitOutcome {
  const question = scope.quiz.questions.find((candidate) => candidate.id === questionId);
  if (!question) {
    throw new DomainRefusal('not-found', `The quiz "${scope.quiz.id}" has no question "${questionId}".`, {
      reason: 'quiz.question-not-found',
      params: { quiz: scope.quiz.id, question: questionId },
    });
  }
  // An answer of the wrong shape is refused here (AnswerShapeError), before anything is stored.
  const grade: AnswerResult = gradeAnswer(question, answer);
  const ref = refOf(scope);
  const perQuestion = scope.quiz.feedback === 'per-question';
  return scope.db.transaction((): SubmitOutcome => {
    const attempts = listAttempts(scope.db, ref);
    let attempt = attempts.at(-1);
    if (attempt?.finishedAt) refuseFinishedAttempt(scope.quiz, attempts);
    if (!attempt) {
      attempt = insertAttempt(
        scope.db,
        { ...ref, courseVersion: scope.course.manifest.version, seed: firstAttemptSeed(ref) },
        now,
      );
      attempts.push(attempt);
    }
    const tries = readQuestionTries(scope.db, attempt.id);
    const allowed = triesAllowed(scope.quiz, question);
    if (perQuestion && questionClosed(tries.get(questionId), allowed)) {
      throw new DomainRefusal(
        'conflict',
        'You have already answered this question in this attempt. Retake the quiz to answer it again.',
        { reason: 'quiz.already-answered' },
      );
    }
    const stored = insertAnswer(
      scope.db,
      attempt.id,
      { questionId, answerJson: JSON.stringify(answer), correct: grade.correct, score: grade.score, maxScore: grade.maxScore },
      now,
    );
    const before = tries.get(questionId);
    const afterTry: QuestionTries = {
      tries: (before?.tries ?? 0) + 1,
      correct: grade.correct || before?.correct === true,
      bestScore: Math.max(grade.score, before?.bestScore ?? 0),
      maxScore: grade.maxScore,
    };
    tries.set(questionId, afterTry);
    const everyClosed = scope.quiz.questions.every((candidate) =>
      questionClosed(tries.get(candidate.id), triesAllowed(scope.quiz, candidate)),
    );
    if (perQuestion && everyClosed) finishAttempt(scope, attempt, now);
    const view = triesView(scope, question, afterTry, false);
    const updated = listAttempts(scope.db, ref);
    return {
      saved: {
        answerId: stored.answerId,
        attemptId: stored.attemptId,
        questionId,
        answer,
        savedAt: stored.answeredAt,
        result: perQuestion ? (view.reveal === 'all' ? grade : withheld(grade)) : null,
        triesLeft: perQuestion ? view.triesLeft : null,
        solution: perQuestion ? view.solution : null,
      },
      attempt: attemptState(updated.at(-1), updated.length),
    };
  })();
}

/** Ends the open attempt now and reveals its verdicts. */
export function finishQuiz(scope: QuizScope, now = new Date()): PublicQuiz {
  const ref = refOf(scope);
  scope.db.transaction(() => {
    const current = listAttempts(scope.db, ref).at(-1);
    if (!current) {
      throw new DomainRefusal('conflict', 'Answer at least one question before you finish the quiz.', {
        reason: 'quiz.nothing-answered',
      });
    }
    if (current.finishedAt) {
      throw new DomainRefusal('conflict', 'This attempt is already finished.', { reason: 'quiz.already-finished' });
    }
    finishAttempt(scope, current, now);
  })();
  return viewQuiz(scope);
}

/** Starts a new attempt with a fresh order, once the last one is finished and the limit allows another. */
export function retakeQuiz(scope: QuizScope, now = new Date()): PublicQuiz {
  const ref = refOf(scope);
  scope.db.transaction(() => {
    const attempts = listAttempts(scope.db, ref);
    const current = attempts.at(-1);
    if (!current?.finishedAt) {
      throw new DomainRefusal('conflict', 'Finish this attempt before you start another one.', { reason: 'quiz.attempt-open' });
    }
    if (attemptsLeft(scope.quiz, attempts) === 0) {
      throw new DomainRefusal('conflict', `You have used all ${scope.quiz.attemptLimit} attempts at "${scope.quiz.title}".`, {
        reason: 'quiz.attempts-used',
        params: { count: scope.quiz.attemptLimit ?? 0, title: scope.quiz.title },
      });
    }
    insertAttempt(
      scope.db,
      { ...ref, courseVersion: scope.course.manifest.version, seed: randomBytes(16).toString('base64url') },
      now,
    );
  })();
  return viewQuiz(scope);
}
