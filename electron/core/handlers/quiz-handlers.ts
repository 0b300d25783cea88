import type { Answer, GradedAnswer, quizChannels } from '../../contract/channels.js';
import { readLatestAnswers, recordAnswer } from '../../db/quiz-attempts.js';
import { AnswerShapeError, gradeAnswer, toPublicQuestion } from '../../quiz/grade-answer.js';
import { ApiFailure } from '../api-failure.js';
import { requireCourse, requireLearner, requireQuiz, type CoreDependencies } from '../core-context.js';
import type { HandlerGroup } from '../dispatch.js';

export function createQuizHandlers(deps: CoreDependencies): HandlerGroup<typeof quizChannels> {
  const { db } = deps;
  return {
    'quiz.get': ({ session, courseId, quizId }) => {
      const learnerId = requireLearner(deps, session);
      const quiz = requireQuiz(requireCourse(deps, courseId), quizId);
      const answers = readLatestAnswers(db, { learnerId, courseId, quizId }).flatMap((stored): GradedAnswer[] => {
        const question = quiz.questions.find((q) => q.id === stored.questionId);
        if (!question) return []; // the course changed since; the record stays in the database
        const answer = JSON.parse(stored.answerJson) as Answer;
        try {
          // Feedback is regraded from the current quiz file; the stored verdict is what counts.
          const grade = gradeAnswer(question, answer);
          return [
            {
              answerId: stored.answerId,
              questionId: stored.questionId,
              answer,
              ...grade,
              correct: stored.correct,
              score: stored.score,
              maxScore: stored.maxScore,
              savedAt: stored.answeredAt,
            },
          ];
        } catch (error) {
          if (error instanceof AnswerShapeError) return [];
          throw error;
        }
      });
      return { courseId, quizId, title: quiz.title, questions: quiz.questions.map(toPublicQuestion), answers };
    },

    'quiz.submitAnswer': ({ session, courseId, quizId, questionId, answer }) => {
      const learnerId = requireLearner(deps, session);
      const course = requireCourse(deps, courseId);
      const quiz = requireQuiz(course, quizId);
      const question = quiz.questions.find((q) => q.id === questionId);
      if (!question) throw new ApiFailure('not-found', `The quiz "${quizId}" has no question "${questionId}".`);
      let grade;
      try {
        grade = gradeAnswer(question, answer);
      } catch (error) {
        if (error instanceof AnswerShapeError) throw new ApiFailure('invalid-arguments', error.message);
        throw error;
      }
      const stored = recordAnswer(
        db,
        { learnerId, courseId, courseVersion: course.manifest.version, quizId },
        { questionId, answerJson: JSON.stringify(answer), correct: grade.correct, score: grade.score, maxScore: grade.maxScore },
      );
      return { answerId: stored.answerId, questionId, answer, ...grade, savedAt: stored.answeredAt };
    },
  };
}
