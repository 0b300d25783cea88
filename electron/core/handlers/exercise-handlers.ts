import {
  ExerciseAnswerSchema,
  ExerciseOutcomeSchema,
  type CanvasContent,
  type ExerciseSubmission,
  type exerciseChannels,
} from '../../contract/channels.js';
import { readLatestCanvas, saveCanvasRevision } from '../../db/canvases.js';
import { countSubmissions, readBestSubmission, recordSubmission, type ExerciseRef } from '../../db/exercise-results.js';
import type { Db } from '../../db/open-database.js';
import { gradeExercise } from '../../exercises/grade-exercise.js';
import { SqlSolutionError } from '../../exercises/grade-sql.js';
import type { LoadedExercise } from '../../exercises/load-exercises.js';
import { toPublicExercise } from '../../exercises/public-exercise.js';
import { ApiFailure } from '../api-failure.js';
import { requireCourse, requireCourseFor, requireLearner, type CoreDependencies } from '../core-context.js';
import type { HandlerGroup } from '../dispatch.js';
import type { LoadedCourse } from '../../courses/load-course.js';

function requireExercise(course: LoadedCourse, exerciseId: string): LoadedExercise {
  const exercise = course.exercises.get(exerciseId);
  if (!exercise) {
    throw new ApiFailure('not-found', `The course "${course.manifest.id}" has no exercise "${exerciseId}".`, {
      reason: 'exercise.not-found',
      params: { course: course.manifest.id, exercise: exerciseId },
    });
  }
  return exercise;
}

/**
 * Try again before the answer: after a wrong try the hint, then another try; the worked
 * explanation only once the learner has it right or has used up `triesBeforeSolution` wrong tries.
 */
function triesState(db: Db, ref: ExerciseRef, exercise: LoadedExercise) {
  const { total, correct } = countSubmissions(db, ref);
  const limit = exercise.definition.triesBeforeSolution;
  const wrongTries = total - correct;
  const solved = correct > 0;
  const released = solved || wrongTries >= limit;
  return {
    explanation: released ? (exercise.definition.explanation ?? null) : null,
    solved,
    wrongTries,
    triesLeft: released ? 0 : limit - wrongTries,
    showHint: !released && wrongTries > 0,
  };
}

/** The latest stored submission as the renderer sees it; null if none, or if it no longer reads. */
function latestSubmission(db: Db, ref: ExerciseRef, exercise: LoadedExercise): ExerciseSubmission | null {
  const stored = readBestSubmission(db, ref);
  if (!stored) return null;
  const answer = ExerciseAnswerSchema.safeParse(JSON.parse(stored.answerJson));
  const outcome = ExerciseOutcomeSchema.safeParse(JSON.parse(stored.outcomeJson));
  // A record from another version of the exercise stays in the database but is not shown.
  if (!answer.success || !outcome.success || answer.data.type !== exercise.definition.type) return null;
  return {
    submissionId: stored.submissionId,
    exerciseId: ref.exerciseId,
    answer: answer.data,
    correct: stored.correct,
    outcome: outcome.data,
    ...triesState(db, ref, exercise),
    savedAt: stored.submittedAt,
  };
}

function parseCanvas(json: string): CanvasContent {
  const parsed = JSON.parse(json) as unknown;
  return parsed && typeof parsed === 'object' ? (parsed as CanvasContent) : {};
}

export function createExerciseHandlers(deps: CoreDependencies): HandlerGroup<typeof exerciseChannels> {
  const { db } = deps;
  return {
    'exercise.get': ({ session, courseId, exerciseId }) => {
      const learnerId = requireLearner(deps, session);
      const course = requireCourseFor(deps, learnerId, courseId);
      const exercise = requireExercise(course, exerciseId);
      return {
        exercise: toPublicExercise(courseId, exercise),
        latest: latestSubmission(db, { learnerId, courseId, exerciseId }, exercise),
      };
    },

    'exercise.submit': async ({ session, courseId, exerciseId, answer }) => {
      const learnerId = requireLearner(deps, session);
      const course = requireCourseFor(deps, learnerId, courseId);
      const exercise = requireExercise(course, exerciseId);
      let grade;
      try {
        grade = await gradeExercise(exercise, answer);
      } catch (error) {
        if (error instanceof SqlSolutionError) {
          throw new ApiFailure(
            'internal',
            `This exercise cannot be checked: its reference query (${exercise.file}) fails: ${error.message}. ` +
              'Please tell the course author. Your query was not saved.',
            { reason: 'exercise.reference-fails', params: { file: exercise.file, error: error.message } },
          );
        }
        throw error;
      }
      const ref = { learnerId, courseId, exerciseId };
      const stored = recordSubmission(
        db,
        { ...ref, courseVersion: course.manifest.version },
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
        exerciseId,
        answer,
        correct: grade.correct,
        outcome: grade.outcome,
        ...triesState(db, ref, exercise),
        savedAt: stored.submittedAt,
      };
    },

    'canvas.get': ({ session, courseId, canvasId }) => {
      const learnerId = requireLearner(deps, session);
      requireCourse(deps, courseId);
      const stored = readLatestCanvas(db, { learnerId, courseId, canvasId });
      return { canvasId, content: stored ? parseCanvas(stored.contentJson) : {}, savedAt: stored?.savedAt ?? null };
    },

    'canvas.save': ({ session, courseId, canvasId, content }) => {
      const learnerId = requireLearner(deps, session);
      requireCourse(deps, courseId);
      const stored = saveCanvasRevision(db, { learnerId, courseId, canvasId }, JSON.stringify(content));
      return { canvasId, content, savedAt: stored.savedAt };
    },

    'canvas.exportPdf': async ({ session, courseId, canvasId, labels }) => {
      const learnerId = requireLearner(deps, session);
      requireCourse(deps, courseId);
      const stored = readLatestCanvas(db, { learnerId, courseId, canvasId });
      if (!stored) {
        throw new ApiFailure('not-found', 'Save your canvas first: there is nothing saved to put in a PDF yet.', {
          reason: 'canvas.nothing-saved',
        });
      }
      // pdfkit loads on first use, keeping it out of Aula's start.
      const { renderCanvasPdf } = await import('../../pdf/canvas-pdf.js');
      const pdf = await renderCanvasPdf(parseCanvas(stored.contentJson), labels, labels.language);
      return { fileName: `${canvasId}.pdf`, base64: pdf.toString('base64') };
    },
  };
}
