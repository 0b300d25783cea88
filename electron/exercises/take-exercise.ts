/**
 * The rules of doing an exercise: which submission the learner sees again, how many wrong tries
 * come before the worked explanation, when the hint shows, and what a submission records. The
 * handlers only check the session and find the course; these rules throw DomainRefusal kinds.
 */
import {
  ExerciseAnswerSchema,
  ExerciseOutcomeSchema,
  type ExerciseAnswer,
  type ExerciseState,
  type ExerciseSubmission,
} from '../contract/channels.js';
import { countSubmissions, readBestSubmission, recordSubmission, type ExerciseRef } from '../db/exercise-results.js';
import type { Db } from '../db/open-database.js';
import { DomainRefusal } from '../domain/domain-refusal.js';
import { gradeExercise } from './grade-exercise.js';
import { SqlSolutionError } from './grade-sql.js';
import type { LoadedExercise } from './load-exercises.js';
import { toPublicExercise } from './public-exercise.js';

/**
 * What doing an exercise needs of its course: which one, at which version (submissions record
 * it), and its exercises. A loaded course fits, without the exercise rules depending on courses/.
 */
export interface ExerciseCourse {
  manifest: { id: string; version: string };
  exercises: ReadonlyMap<string, LoadedExercise>;
}

export interface ExerciseScope {
  db: Db;
  learnerId: string;
  course: ExerciseCourse;
  exercise: LoadedExercise;
  exerciseId: string;
}

/** The exercise `exerciseId` of the course, or a not-found refusal naming both. */
export function requireExercise(course: ExerciseCourse, exerciseId: string): LoadedExercise {
  const exercise = course.exercises.get(exerciseId);
  if (!exercise) {
    throw new DomainRefusal('not-found', `The course "${course.manifest.id}" has no exercise "${exerciseId}".`, {
      reason: 'exercise.not-found',
      params: { course: course.manifest.id, exercise: exerciseId },
    });
  }
  return exercise;
}

/** Who does which exercise of which course; refuses an exercise the course does not have. */
export function exerciseScope(db: Db, learnerId: string, course: ExerciseCourse, exerciseId: string): ExerciseScope {
  return { db, learnerId, course, exerciseId, exercise: requireExercise(course, exerciseId) };
}

function refOf(scope: ExerciseScope): ExerciseRef {
  return { learnerId: scope.learnerId, courseId: scope.course.manifest.id, exerciseId: scope.exerciseId };
}

type TriesState = Pick<ExerciseSubmission, 'explanation' | 'solved' | 'wrongTries' | 'triesLeft' | 'showHint'>;

/**
 * Try again before the answer: after a wrong try the hint, then another try; the worked
 * explanation only once the learner has it right or has used up `triesBeforeSolution` wrong tries.
 */
function triesState(scope: ExerciseScope): TriesState {
  const { total, correct } = countSubmissions(scope.db, refOf(scope));
  const limit = scope.exercise.definition.triesBeforeSolution;
  const wrongTries = total - correct;
  const solved = correct > 0;
  const released = solved || wrongTries >= limit;
  return {
    explanation: released ? (scope.exercise.definition.explanation ?? null) : null,
    solved,
    wrongTries,
    triesLeft: released ? 0 : limit - wrongTries,
    showHint: !released && wrongTries > 0,
  };
}

/**
 * The submission the learner sees again: the best one stored (a right answer stays shown after a
 * later wrong one); null if none, or if it no longer reads.
 */
function shownSubmission(scope: ExerciseScope): ExerciseSubmission | null {
  const stored = readBestSubmission(scope.db, refOf(scope));
  if (!stored) return null;
  const answer = ExerciseAnswerSchema.safeParse(JSON.parse(stored.answerJson));
  const outcome = ExerciseOutcomeSchema.safeParse(JSON.parse(stored.outcomeJson));
  // A record from another version of the exercise stays in the database but is not shown.
  if (!answer.success || !outcome.success || answer.data.type !== scope.exercise.definition.type) return null;
  return {
    submissionId: stored.submissionId,
    exerciseId: scope.exerciseId,
    answer: answer.data,
    correct: stored.correct,
    outcome: outcome.data,
    ...triesState(scope),
    savedAt: stored.submittedAt,
  };
}

/** The exercise as the learner's lesson shows it (no answer key), with the submission they see again. */
export function viewExercise(scope: ExerciseScope): ExerciseState {
  return {
    exercise: toPublicExercise(scope.course.manifest.id, scope.exercise),
    latest: shownSubmission(scope),
  };
}

/**
 * Grades an answer and records it (durably, before this returns). A course whose reference query
 * does not run is the course's fault: refused with nothing saved, so the learner's tries stay.
 */
export async function submitExercise(scope: ExerciseScope, answer: ExerciseAnswer): Promise<ExerciseSubmission> {
  const { exercise, course } = scope;
  let grade;
  try {
    grade = await gradeExercise(exercise, answer);
  } catch (error) {
    if (error instanceof SqlSolutionError) {
      throw new DomainRefusal(
        'course-fault',
        `This exercise cannot be checked: its reference query (${exercise.file}) fails: ${error.message}. ` +
          'Please tell the course author. Your query was not saved.',
        { reason: 'exercise.reference-fails', params: { file: exercise.file, error: error.message } },
      );
    }
    throw error;
  }
  const stored = recordSubmission(
    scope.db,
    { ...refOf(scope), courseVersion: course.manifest.version },
    {
      exerciseType: exercise.definition.type,
      answerJson: JSON.stringify(answer),
      correct: grade.correct,
      score: grade.score,
      maxScore: grade.maxScore,
      outcomeJson: JSON.stringify(grade.outcome),
    },
  );
  return {
    submissionId: stored.submissionId,
    exerciseId: scope.exerciseId,
    answer,
    correct: grade.correct,
    outcome: grade.outcome,
    ...triesState(scope),
    savedAt: stored.submittedAt,
  };
}
