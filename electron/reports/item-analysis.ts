import type { Language, QuestionAnalysis, QuizAnalysis } from '../contract/channels.js';
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

interface LatestAnswerRow {
  learner_id: string;
  question_id: string;
  correct: number;
  answer_json: string;
  answered_at: string;
}

interface QuestionTally {
  answers: number;
  correct: number;
  wrongByJson: Map<string, number>;
  /** Each learner's latest answer over all their attempts: when, and whether it was right. */
  latestByLearner: Map<string, { at: string; correct: boolean }>;
}

/** `quiz` in the reader's language (same ids in every translation); answers are written in `language`. */
export function analyseQuiz(db: Db, quiz: QuizDefinition, scope: ReportScope, language: Language = 'en'): QuizAnalysis {
  const params = { ...scopeParams(scope), quizId: quiz.id };
  const attempts = db
    .prepare(
      `SELECT count(DISTINCT learner_id) AS learners, count(*) AS finished FROM quiz_attempts
       WHERE course_id = @courseId AND quiz_id = @quizId AND finished_at IS NOT NULL
         AND started_at >= @fromAt AND started_at < @toBefore AND ${inGroupSql('learner_id')}`,
    )
    .get(params) as { learners: number; finished: number };

  // One read: the last answer to each question in each finished attempt. The counts are made
  // here rather than in three grouped statements, which would each repeat the join and its sort.
  const latest = db
    .prepare(
      `SELECT t.learner_id, a.question_id, a.correct, a.answer_json, max(a.answered_at) AS answered_at
       FROM quiz_attempts t JOIN quiz_answers a ON a.attempt_id = t.id
       WHERE t.course_id = @courseId AND t.quiz_id = @quizId AND t.finished_at IS NOT NULL
         AND t.started_at >= @fromAt AND t.started_at < @toBefore AND ${inGroupSql('t.learner_id')}
       GROUP BY a.attempt_id, a.question_id`,
    )
    .all(params) as LatestAnswerRow[];
  const tallies = new Map<string, QuestionTally>();
  for (const row of latest) {
    let tally = tallies.get(row.question_id);
    if (!tally) {
      tally = { answers: 0, correct: 0, wrongByJson: new Map(), latestByLearner: new Map() };
      tallies.set(row.question_id, tally);
    }
    tally.answers += 1;
    if (row.correct === 1) tally.correct += 1;
    else tally.wrongByJson.set(row.answer_json, (tally.wrongByJson.get(row.answer_json) ?? 0) + 1);
    const before = tally.latestByLearner.get(row.learner_id);
    if (!before || row.answered_at > before.at) {
      tally.latestByLearner.set(row.learner_id, { at: row.answered_at, correct: row.correct === 1 });
    }
  }

  const questions: QuestionAnalysis[] = quiz.questions.map((question) => {
    const tally = tallies.get(question.id);
    // Different stored answers can read the same ("10,5" and "10.5"): count them as one.
    const wrongTexts = new Map<string, number>();
    for (const [json, count] of tally?.wrongByJson ?? []) {
      const text = answerText(question, json, language);
      wrongTexts.set(text, (wrongTexts.get(text) ?? 0) + count);
    }
    const commonWrongAnswers = [...wrongTexts]
      .map(([answer, count]) => ({ answer, count }))
      .sort((a, b) => b.count - a.count || a.answer.localeCompare(b.answer))
      .slice(0, WRONG_ANSWERS_SHOWN);
    const learners = [...(tally?.latestByLearner.values() ?? [])];
    return {
      questionId: question.id,
      prompt: question.prompt,
      answers: tally?.answers ?? 0,
      shareCorrect: share(tally?.correct ?? 0, tally?.answers ?? 0),
      learnersFailingShare: share(learners.filter((latest) => !latest.correct).length, learners.length),
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
