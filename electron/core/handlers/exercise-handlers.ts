import type { exerciseChannels } from '../../contract/channels.js';
import { canvasPdf, saveCanvas, viewCanvas } from '../../exercises/take-canvas.js';
import { exerciseScope, submitExercise, viewExercise } from '../../exercises/take-exercise.js';
import { requireCourse, requireCourseFor, requireLearner, type CoreDependencies } from '../core-context.js';
import type { HandlerGroup } from '../dispatch.js';

export function createExerciseHandlers(deps: CoreDependencies): HandlerGroup<typeof exerciseChannels> {
  const { db } = deps;
  /** Who does which exercise; refuses unknown sessions, courses and exercises before anything else. */
  const scopeOf = (args: { session: string; courseId: string; exerciseId: string }) => {
    const learner = requireLearner(deps, args.session);
    return exerciseScope(db, learner.id, requireCourseFor(deps, learner, args.courseId), args.exerciseId);
  };
  /** Whose canvas in which course; the canvas id needs no definition (any lesson may show one). */
  const canvasOf = (args: { session: string; courseId: string; canvasId: string }) => {
    const learner = requireLearner(deps, args.session);
    requireCourse(deps, args.courseId);
    return { learnerId: learner.id, courseId: args.courseId, canvasId: args.canvasId };
  };
  return {
    'exercise.get': (args) => viewExercise(scopeOf(args)),
    'exercise.submit': (args) => submitExercise(scopeOf(args), args.answer),
    'canvas.get': (args) => viewCanvas(db, canvasOf(args)),
    'canvas.save': (args) => saveCanvas(db, canvasOf(args), args.content),
    'canvas.exportPdf': (args) => canvasPdf(db, canvasOf(args), args.labels),
  };
}
