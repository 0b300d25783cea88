import type { Language, QuestionAnalysis, QuizAnalysis } from '../contract/channels.js';
import type { Db } from '../db/open-database.js';
import type { QuizDefinition } from '../quiz/quiz-definition.js';
import { answerText } from './answer-text.js';
import { inGroupSql, scopeParams, share, type ReportScope } from './report-scope.js';
import { tallyRanges } from './tally-periods.js';

/**
 * Item analysis of one quiz, as Moodle's quiz statistics: for each question how often it was
 * answered right, which wrong answers are common, and which questions most learners fail.
 *
 * Only finished attempts count (an open attempt with `feedback: end` may still change), and in
 * each of them the last answer to a question (earlier ones were changed before finishing). These
 * final answers are read as the tallies the database keeps of them (migration 14), per learner
 * and period of the attempts' start: a few thousand rows per quiz at a million attempts where the
 * final answers themselves are several hundred thousand.
 */

/** More wrong answers than this are not listed: the trainer looks for the common misconception. */
const WRONG_ANSWERS_SHOWN = 3;
/** A question "most learners fail" when more than this share of them got it wrong at their latest try. */
const MOSTLY_FAILED = 0.5;

/** A tally of one learner's final answers to one question in one period (migration 14). */
interface LearnerQuestionRow {
  question_id: string;
  learner_id: string;
  answers: number;
  correct: number;
  latest_at: string;
  latest_attempt_id: string;
  latest_correct: number;
}

interface WrongAnswerRow {
  question_id: string;
  answer_json: string;
  count: number;
}

interface QuestionTally {
  answers: number;
  correct: number;
  /** Learners whose latest answer was right, and those whose latest answer was wrong. */
  learnersRight: number;
  learnersWrong: number;
  wrongByJson: Map<string, number>;
}

function tallyOf(tallies: Map<string, QuestionTally>, questionId: string): QuestionTally {
  let tally = tallies.get(questionId);
  if (!tally) {
    tally = { answers: 0, correct: 0, learnersRight: 0, learnersWrong: 0, wrongByJson: new Map() };
    tallies.set(questionId, tally);
  }
  return tally;
}

/** `quiz` in the reader's language (same ids in every translation); answers are written in `language`. */
export function analyseQuiz(db: Db, quiz: QuizDefinition, scope: ReportScope, language: Language = 'en'): QuizAnalysis {
  const params = { ...scopeParams(scope), quizId: quiz.id };
  // Learner by learner (CROSS JOIN keeps that order), so that the index is searched down to this
  // quiz's attempts (course, learner, quiz) rather than read through every attempt at the course.
  const attempts = db
    .prepare(
      `SELECT count(DISTINCT t.learner_id) AS learners, count(*) AS finished
       FROM learners CROSS JOIN quiz_attempts t INDEXED BY quiz_attempts_for_reports
         ON t.course_id = @courseId AND t.learner_id = learners.id AND t.quiz_id = @quizId
       WHERE t.finished_at IS NOT NULL AND t.started_at >= @fromAt AND t.started_at < @toBefore AND ${inGroupSql('learners.id')}`,
    )
    .get(params) as { learners: number; finished: number };

  // The tallies of the final answers (migration 14), one range of each table's key per period range.
  const perLearnerStatement = db.prepare(
    `SELECT question_id, learner_id, answers, correct, latest_at, latest_attempt_id, latest_correct
     FROM quiz_question_tallies
     WHERE course_id = @courseId AND quiz_id = @quizId AND span = @span AND period >= @from AND period < @before
       AND ${inGroupSql('learner_id')}`,
  );
  const wrongStatement = db.prepare(
    `SELECT question_id, answer_json, sum(answers) AS count
     FROM quiz_wrong_answer_tallies
     WHERE course_id = @courseId AND quiz_id = @quizId AND span = @span AND period >= @from AND period < @before
       AND ${inGroupSql('learner_id')}
     GROUP BY question_id, answer_json`,
  );
  const tallies = new Map<string, QuestionTally>();
  // Per question and learner, the latest of their final answers over the periods read.
  const latest = new Map<string, LearnerQuestionRow>();
  for (const range of tallyRanges(scope)) {
    const rangeParams = { ...params, ...range };
    for (const row of perLearnerStatement.all(rangeParams) as LearnerQuestionRow[]) {
      const tally = tallyOf(tallies, row.question_id);
      tally.answers += row.answers;
      tally.correct += row.correct;
      const key = `${row.question_id}\u0000${row.learner_id}`;
      const before = latest.get(key);
      // Of equal times the attempt with the smallest id, as within one period.
      if (
        !before ||
        row.latest_at > before.latest_at ||
        (row.latest_at === before.latest_at && row.latest_attempt_id < before.latest_attempt_id)
      )
        latest.set(key, row);
    }
    for (const row of wrongStatement.all(rangeParams) as WrongAnswerRow[]) {
      const wrong = tallyOf(tallies, row.question_id).wrongByJson;
      wrong.set(row.answer_json, (wrong.get(row.answer_json) ?? 0) + row.count);
    }
  }
  for (const row of latest.values()) {
    const tally = tallyOf(tallies, row.question_id);
    if (row.latest_correct === 1) tally.learnersRight += 1;
    else tally.learnersWrong += 1;
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
    return {
      questionId: question.id,
      prompt: question.prompt,
      answers: tally?.answers ?? 0,
      shareCorrect: share(tally?.correct ?? 0, tally?.answers ?? 0),
      learnersFailingShare: share(tally?.learnersWrong ?? 0, (tally?.learnersRight ?? 0) + (tally?.learnersWrong ?? 0)),
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
