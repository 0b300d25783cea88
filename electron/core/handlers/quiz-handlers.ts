import type { quizChannels } from '../../contract/channels.js';
import { finishQuiz, retakeQuiz, submitAnswer, viewQuiz, type QuizScope } from '../../quiz/take-quiz.js';
import { requireQuiz } from '../../courses/catalog-lookup.js';
import { requireCourseFor, requireLearner, type CoreDependencies } from '../core-context.js';
import type { HandlerGroup } from '../dispatch.js';

export function createQuizHandlers(deps: CoreDependencies): HandlerGroup<typeof quizChannels> {
  /** Who is asking about which quiz; refuses unknown sessions, courses and quizzes before anything else. */
  const scopeOf = (args: { session: string; courseId: string; quizId: string }): QuizScope => {
    const learner = requireLearner(deps, args.session);
    const course = requireCourseFor(deps, learner, args.courseId);
    return { db: deps.db, learnerId: learner.id, course, quiz: requireQuiz(course, args.quizId) };
  };
  return {
    'quiz.get': (args) => viewQuiz(scopeOf(args)),
    'quiz.submitAnswer': (args) => submitAnswer(scopeOf(args), args.questionId, args.answer),
    'quiz.finish': (args) => finishQuiz(scopeOf(args)),
    'quiz.retake': (args) => retakeQuiz(scopeOf(args)),
  };
}
