import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Answer } from '../../../electron/contract/channels.js';
import { startCore, type RunningCore } from '../../../electron/core/start-core.js';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../../electron/db/migrations.js';
import { migration0012QuizFinalAnswers } from '../../../electron/db/migrations/0012-quiz-final-answers.js';
import { closeDatabase, DATABASE_FILE_NAME, openDatabase } from '../../../electron/db/open-database.js';
import { analyseQuiz } from '../../../electron/reports/item-analysis.js';
import { reportScope } from '../../../electron/reports/report-scope.js';
import { writeFixtureCourse } from '../../helpers/fixture-course.js';
import { finalAnswersFromScratch, storedFinalAnswers } from '../../helpers/final-answers.js';
import { openAtSchemaVersion } from '../../helpers/older-database.js';
import { ok } from '../../helpers/typed-core.js';
import { makeTempDir } from '../../helpers/temp-dir.js';
import { COURSE, QUIZ, writeReportsFixture } from './reports-fixture.js';

const tf = (id: string, answer: boolean) => ({ id, type: 'true-false', prompt: `Statement ${id}`, answer });
const PRACTICE = { id: 'practice', title: 'Practice', passMark: 60, questions: [tf('a', true), tf('b', false)] };
const FINAL = { id: 'final', title: 'Final', passMark: 100, feedback: 'end', questions: [tf('x', true), tf('y', true)] };
const yes = (value: boolean): Answer => ({ type: 'true-false', value });

/**
 * The final answers of finished attempts (migration 12), which item analysis reads: kept by the
 * database on every write, checked against a computation from every stored answer.
 */
describe('final answers of finished attempts', () => {
  let temp: ReturnType<typeof makeTempDir>;
  beforeEach(() => {
    temp = makeTempDir();
  });
  afterEach(() => temp.remove());

  describe('taking quizzes through the core', () => {
    let core: RunningCore;
    let learner: string;
    let manager: string;

    beforeEach(async () => {
      writeFixtureCourse(path.join(temp.dir, 'courses'), { id: 'fixture', lessons: ['only'], quizzes: [PRACTICE, FINAL] });
      core = await startCore({
        dataDir: path.join(temp.dir, 'data'),
        courseRoots: [path.join(temp.dir, 'courses')],
        appVersion: 't',
      });
      const trainer = await ok(core, 'learners.create', { displayName: 'Trainer', language: 'en' });
      manager = (await ok(core, 'learners.open', { learnerId: trainer.id })).session;
      const person = await ok(core, 'learners.create', { displayName: 'Ona', language: 'en' });
      learner = (await ok(core, 'learners.open', { learnerId: person.id })).session;
    });
    afterEach(() => core.close());

    const quiz = (quizId: string) => ({ session: learner, courseId: 'fixture', quizId });
    const submit = (quizId: string, questionId: string, value: boolean) =>
      ok(core, 'quiz.submitAnswer', { ...quiz(quizId), questionId, answer: yes(value) });
    const analysis = (quizId: string) => ok(core, 'reports.quiz', { session: manager, courseId: 'fixture', quizId });
    const finalsOf = (quizId: string) =>
      storedFinalAnswers(core.db)
        .filter((row) => row.quiz_id === quizId)
        .map((row) => [row.question_id, row.answer_json, row.correct]);

    it('adds an attempt’s answers when it is finished, its latest answer to each question, and none while it is open', async () => {
      // With feedback at the end the learner changes an answer; nothing counts until they finish.
      await submit('final', 'x', false);
      await submit('final', 'y', true);
      await submit('final', 'x', true);
      expect(finalsOf('final')).toEqual([]);
      expect((await analysis('final')).questions.map((question) => question.answers)).toEqual([0, 0]);

      await ok(core, 'quiz.finish', quiz('final'));
      expect(finalsOf('final')).toEqual([
        ['x', '{"type":"true-false","value":true}', 1],
        ['y', '{"type":"true-false","value":true}', 1],
      ]);
      expect(storedFinalAnswers(core.db)).toEqual(finalAnswersFromScratch(core.db));

      // Per question, the last answer finishes the attempt in the same write.
      await submit('practice', 'a', false);
      expect(finalsOf('practice')).toEqual([]);
      await submit('practice', 'b', false);
      expect(finalsOf('practice')).toHaveLength(2);

      // A retake counts once finished. Ona got `a` right and then `b` wrong: her latest answers say she fails `b`.
      await ok(core, 'quiz.retake', quiz('practice'));
      await submit('practice', 'a', true);
      expect(finalsOf('practice')).toHaveLength(2);
      await submit('practice', 'b', true);
      expect(finalsOf('practice')).toHaveLength(4);
      expect(storedFinalAnswers(core.db)).toEqual(finalAnswersFromScratch(core.db));
      const practice = await analysis('practice');
      expect(practice).toMatchObject({ learners: 1, finishedAttempts: 2, averageAttempts: 2, mostFailed: ['b'] });
      expect(
        practice.questions.map((question) => [question.answers, question.shareCorrect, question.learnersFailingShare]),
      ).toEqual([
        [2, 0.5, 0],
        [2, 0.5, 1],
      ]);
      expect(practice.questions.map((question) => question.commonWrongAnswers)).toEqual([
        [{ answer: 'False', count: 1 }],
        [{ answer: 'True', count: 1 }],
      ]);
    });

    it('loses a learner’s final answers with the learner', async () => {
      await submit('practice', 'a', true);
      await submit('practice', 'b', true);
      const learnerId = (core.db.prepare("SELECT id FROM learners WHERE display_name = 'Ona'").pluck().get() as string) ?? '';
      expect(finalsOf('practice')).toHaveLength(2);
      await ok(core, 'learners.delete', { session: manager, learnerId });
      expect(storedFinalAnswers(core.db)).toEqual([]);
      expect((await analysis('practice')).questions.map((question) => question.answers)).toEqual([0, 0]);
    });
  });

  it('are filled by migration 12 from a data folder at the version before it, with the same item analysis', () => {
    const file = path.join(temp.dir, DATABASE_FILE_NAME);
    const old = openAtSchemaVersion(file, MIGRATIONS.indexOf(migration0012QuizFinalAnswers));
    writeReportsFixture(old);
    // Two answers to one question at the same instant: the first stored is the final one.
    const attemptId = old.prepare('SELECT id FROM quiz_attempts WHERE finished_at IS NOT NULL ORDER BY started_at').pluck().get();
    const answer = old.prepare(
      `INSERT INTO quiz_answers (id, attempt_id, question_id, answer_json, correct, score, max_score, answered_at)
       VALUES (?, ?, 'q2', ?, ?, ?, 1, '2026-03-01T09:11:50.000Z')`,
    );
    answer.run('00000000-0000-4000-8000-000000000001', attemptId, '{"type":"numeric","value":"9"}', 0, 0);
    answer.run('00000000-0000-4000-8000-000000000002', attemptId, '{"type":"numeric","value":"10"}', 1, 1);
    const expected = finalAnswersFromScratch(old);
    old.close();

    const db = openDatabase(temp.dir);
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
      const finals = storedFinalAnswers(db);
      expect(finals).toEqual(expected);
      // Anna's two attempts, Bernat's finished one and Dani's: three questions each; Bernat's open one has none.
      expect(finals).toHaveLength(12);
      expect(finals.find((row) => row.attempt_id === attemptId && row.question_id === 'q2')?.answer_json).toBe(
        '{"type":"numeric","value":"9"}',
      );
      const analysed = analyseQuiz(db, QUIZ, reportScope({ courseId: COURSE.id }));
      expect(analysed.questions.map((question) => [question.questionId, question.answers, question.shareCorrect])).toEqual([
        ['q1', 4, 0.25],
        ['q2', 4, 0.5],
        ['q3', 4, 0.75],
      ]);
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(db.pragma('foreign_key_check')).toEqual([]);
    } finally {
      closeDatabase(db);
    }
  });
});
