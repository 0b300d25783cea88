import type { QuestionAnalysis, QuizAnalysis } from '../contract/channels.js';
import type { Db } from '../db/open-database.js';
import type { QuizDefinition } from '../quiz/quiz-definition.js';
import { answerText } from './answer-text.js';
import { inGroupSql, scopeParams, share, type ReportScope } from './report-scope.js';

/**
 * Item analysis of one quiz, as Moodle's quiz statistics: for each question how often it was
 * answered right, which wrong answers are common, and which questions most learners fail.
 *
 * Only finished attempts count (an open attempt with `feedback: end` may still change), and in
 * each of them the last answer to a question (earlier ones were changed before finishing).
 */

/** More wrong answers than this are not listed: the trainer looks for the common misconception. */
const WRONG_ANSWERS_SHOWN = 3;
/** A question "most learners fail" when more than this share of them got it wrong at their latest try. */
const MOSTLY_FAILED = 0.5;

function latestAnswersSql(): string {
  return `WITH latest AS (
      SELECT t.learner_id, a.question_id, a.correct, a.answer_json, max(a.answered_at) AS answered_at
      FROM quiz_attempts t JOIN quiz_answers a ON a.attempt_id = t.id
      WHERE t.course_id = @courseId AND t.quiz_id = @quizId AND t.finished_at IS NOT NULL
        AND t.started_at >= @fromAt AND t.started_at < @toBefore AND ${inGroupSql('t.learner_id')}
      GROUP BY a.attempt_id, a.question_id
    )`;
}

interface CountRow {
  question_id: string;
  total: number;
  correct: number;
}

interface WrongRow {
  question_id: string;
  answer_json: string;
  count: number;
}

export function analyseQuiz(db: Db, quiz: QuizDefinition, scope: ReportScope): QuizAnalysis {
  const params = { ...scopeParams(scope), quizId: quiz.id };
  const attempts = db
    .prepare(
      `SELECT count(DISTINCT learner_id) AS learners, count(*) AS finished FROM quiz_attempts
       WHERE course_id = @courseId AND quiz_id = @quizId AND finished_at IS NOT NULL
         AND started_at >= @fromAt AND started_at < @toBefore AND ${inGroupSql('learner_id')}`,
    )
    .get(params) as { learners: number; finished: number };

  const perAnswer = db
    .prepare(
      `${latestAnswersSql()}
       SELECT question_id, count(*) AS total, sum(correct) AS correct FROM latest GROUP BY question_id`,
    )
    .all(params) as CountRow[];
  // Each learner's latest answer to each question, over all their attempts.
  const perLearner = db
    .prepare(
      `${latestAnswersSql()}
       SELECT question_id, count(*) AS total, sum(correct) AS correct FROM (
         SELECT learner_id, question_id, correct, max(answered_at) FROM latest GROUP BY learner_id, question_id
       ) GROUP BY question_id`,
    )
    .all(params) as CountRow[];
  const wrong = db
    .prepare(
      `${latestAnswersSql()}
       SELECT question_id, answer_json, count(*) AS count FROM latest WHERE correct = 0 GROUP BY question_id, answer_json`,
    )
    .all(params) as WrongRow[];

  const answersBy = new Map(perAnswer.map((row) => [row.question_id, row]));
  const learnersBy = new Map(perLearner.map((row) => [row.question_id, row]));
  const questions: QuestionAnalysis[] = quiz.questions.map((question) => {
    // Different stored answers can read the same ("10,5" and "10.5"): count them as one.
    const wrongTexts = new Map<string, number>();
    for (const row of wrong) {
      if (row.question_id !== question.id) continue;
      const text = answerText(question, row.answer_json);
      wrongTexts.set(text, (wrongTexts.get(text) ?? 0) + row.count);
    }
    const commonWrongAnswers = [...wrongTexts]
      .map(([answer, count]) => ({ answer, count }))
      .sort((a, b) => b.count - a.count || a.answer.localeCompare(b.answer))
      .slice(0, WRONG_ANSWERS_SHOWN);
    const answers = answersBy.get(question.id);
    const learners = learnersBy.get(question.id);
    return {
      questionId: question.id,
      prompt: question.prompt,
      answers: answers?.total ?? 0,
      shareCorrect: share(answers?.correct ?? 0, answers?.total ?? 0),
      learnersFailingShare: learners ? share(learners.total - learners.correct, learners.total) : null,
      commonWrongAnswers,
    };
  });

  const mostFailed = questions
    .filter((question) => (question.learnersFailingShare ?? 0) > MOSTLY_FAILED)
    .sort((a, b) => (b.learnersFailingShare ?? 0) - (a.learnersFailingShare ?? 0))
    .map((question) => question.questionId);

  return {
    courseId: scope.courseId,
    quizId: quiz.id,
    quizTitle: quiz.title,
    learners: attempts.learners,
    finishedAttempts: attempts.finished,
    averageAttempts: share(attempts.finished, attempts.learners),
    questions,
    mostFailed,
  };
}
