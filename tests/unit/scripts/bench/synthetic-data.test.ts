import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AnswerSchema, QUESTION_TYPES } from '../../../../electron/contract/channels.js';
import { findCourseFolders, loadCatalog, type Catalog } from '../../../../electron/courses/catalog.js';
import { startCore } from '../../../../electron/core/start-core.js';
import { LATEST_SCHEMA_VERSION, migrate } from '../../../../electron/db/migrations.js';
import { DATABASE_FILE_NAME } from '../../../../electron/db/open-database.js';
import { gradeAnswer } from '../../../../electron/quiz/grade-answer.js';
import type { QuizDefinition } from '../../../../electron/quiz/quiz-definition.js';
import { seededRandom } from '../../../../scripts/bench/lib/seeded-random.js';
import { generateSyntheticDataFolder, syntheticAnswer } from '../../../../scripts/bench/synthetic-data.js';
import { writeFixtureCourse } from '../../../helpers/fixture-course.js';
import { finalAnswersFromScratch, storedFinalAnswers } from '../../../helpers/final-answers.js';
import { ok } from '../../../helpers/typed-core.js';
import { makeTempDir } from '../../../helpers/temp-dir.js';

/** One question of every type: a per-question quiz with four, a `feedback: end` quiz with the other four. */
const PER_QUESTION = {
  id: 'practice',
  title: 'Practice',
  passMark: 60,
  questions: [
    {
      id: 'pick-one',
      type: 'single-choice',
      prompt: 'Pick one',
      choices: [
        { id: 'a', text: 'A', correct: true },
        { id: 'b', text: 'B' },
        { id: 'c', text: 'C' },
      ],
    },
    {
      id: 'pick-some',
      type: 'multiple-choice',
      prompt: 'Pick some',
      partialCredit: true,
      choices: [
        { id: 'a', text: 'A', correct: true },
        { id: 'b', text: 'B', correct: true },
        { id: 'c', text: 'C' },
      ],
    },
    { id: 'statement', type: 'true-false', prompt: 'True?', answer: false },
    { id: 'number', type: 'numeric', prompt: 'How many?', answer: 8.42, tolerance: 0.05, unit: '%' },
  ],
};
const AT_THE_END = {
  id: 'final',
  title: 'Final',
  passMark: 75,
  attemptLimit: 3,
  feedback: 'end',
  questions: [
    { id: 'word', type: 'short-text', prompt: 'Which column?', accepted: ['households', 'households served'] },
    {
      id: 'steps',
      type: 'ordering',
      prompt: 'Order',
      items: [
        { id: 'one', text: 'One' },
        { id: 'two', text: 'Two' },
        { id: 'three', text: 'Three' },
      ],
    },
    {
      id: 'pairs',
      type: 'matching',
      prompt: 'Match',
      pairs: [
        { id: 'mean', left: 'Mean', right: 'Sum divided by count' },
        { id: 'median', left: 'Median', right: 'Middle value' },
        { id: 'range', left: 'Range', right: 'Largest minus smallest' },
      ],
    },
    {
      id: 'gaps',
      type: 'cloze',
      prompt: 'Fill in',
      text: 'The {measure} is the sum divided by the {what}.',
      blanks: { measure: { accepted: ['mean', 'average'] }, what: { accepted: ['count', 'number'] } },
    },
  ],
};

describe('synthetic data for the database benchmark', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let catalog: Catalog;
  let quizzes: QuizDefinition[];

  beforeAll(async () => {
    temp = makeTempDir('aula-bench-synthetic-');
    const courses = path.join(temp.dir, 'courses');
    writeFixtureCourse(courses, { id: 'fixture', lessons: ['one', 'two'], quizzes: [PER_QUESTION, AT_THE_END] });
    catalog = await loadCatalog(findCourseFolders(courses), path.join(temp.dir, 'lesson-cache'));
    expect(catalog.problems).toEqual([]);
    quizzes = [...(catalog.courses.get('fixture')?.quizzes.values() ?? [])];
  });
  afterAll(() => temp.remove());

  it('answers every question type in the shape the app accepts, sometimes right and sometimes wrong', () => {
    const questions = quizzes.flatMap((quiz) => quiz.questions);
    expect(new Set(questions.map((question) => question.type))).toEqual(new Set(QUESTION_TYPES));
    const random = seededRandom(1);
    for (const question of questions) {
      const verdicts = new Set<boolean>();
      for (let i = 0; i < 200; i += 1) {
        const answer = syntheticAnswer(question, random);
        expect(AnswerSchema.safeParse(answer).success, `${question.type}: ${JSON.stringify(answer)}`).toBe(true);
        verdicts.add(gradeAnswer(question, answer).correct); // throws on an answer that does not fit
      }
      expect([...verdicts].sort(), question.type).toEqual([false, true]);
    }
  });

  it('a more skilled learner is right more often', () => {
    const random = seededRandom(2);
    for (const question of quizzes.flatMap((quiz) => quiz.questions)) {
      const rightShare = (skill: number) => {
        let right = 0;
        for (let i = 0; i < 300; i += 1) if (gradeAnswer(question, syntheticAnswer(question, random, skill)).correct) right += 1;
        return right / 300;
      };
      expect(rightShare(0.9), question.type).toBeGreaterThan(rightShare(0.2));
    }
  });

  describe('a generated data folder', () => {
    const dataDir = () => path.join(temp.dir, 'data');
    let summary: ReturnType<typeof generateSyntheticDataFolder>;
    let db: Database.Database;

    beforeAll(() => {
      summary = generateSyntheticDataFolder(dataDir(), catalog, { learners: 6, attempts: 600, days: 30, seed: 5 });
      db = new Database(path.join(dataDir(), DATABASE_FILE_NAME), { readonly: true });
    });
    afterAll(() => db?.close());

    it('has the current schema, WAL, and the same indexes and triggers as a newly migrated database', () => {
      expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      const fresh = new Database(':memory:');
      migrate(fresh);
      const indexesOf = (database: Database.Database) =>
        database.prepare("SELECT type, name, sql FROM sqlite_master WHERE type IN ('index', 'trigger') ORDER BY name").all();
      expect(indexesOf(db)).toEqual(indexesOf(fresh));
      fresh.close();
    });

    it('writes what it reports', () => {
      const count = (table: string) => (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
      expect(summary.learnerIds).toHaveLength(6);
      for (const table of [
        'learners',
        'lesson_progress',
        'quiz_attempts',
        'quiz_answers',
        'quiz_final_answers',
        'quiz_question_tallies',
        'quiz_wrong_answer_tallies',
      ]) {
        expect(count(table), table).toBe(summary.rows[table]);
      }
      expect(summary.rows.quiz_attempts).toBe(600);
      expect(summary.attempts.finished + summary.attempts.open).toBe(600);
      expect(summary.attempts.open).toBeGreaterThan(0);
      expect(summary.attempts.passed).toBeGreaterThan(0);
      expect(summary.attempts.passed).toBeLessThan(summary.attempts.finished);
      const progress = db
        .prepare('SELECT COUNT(*) AS n FROM lesson_progress WHERE time_spent_seconds > 0 AND last_opened_at IS NOT NULL')
        .get() as { n: number };
      expect(progress.n).toBeGreaterThan(0);
    });

    it('keeps the rules of taking a quiz: seeds, final answers, scores, passes, only the last attempt open', () => {
      interface Row {
        id: string;
        learner_id: string;
        quiz_id: string;
        seed: string;
        finished_at: string | null;
        score: number | null;
        max_score: number | null;
        pass_mark: number | null;
        passed: number | null;
      }
      const attempts = db.prepare('SELECT * FROM quiz_attempts ORDER BY rowid').all() as Row[];
      const answersOf = db.prepare(
        'SELECT question_id, score, answered_at FROM quiz_answers WHERE attempt_id = ? ORDER BY rowid',
      );
      const seen = new Set<string>();
      const lastOfPair = new Map(attempts.map((attempt) => [`${attempt.learner_id}/${attempt.quiz_id}`, attempt.id]));
      for (const attempt of attempts) {
        const quiz = quizzes.find((candidate) => candidate.id === attempt.quiz_id)!;
        const pair = `${attempt.learner_id}/${attempt.quiz_id}`;
        expect(attempt.seed.startsWith('first/')).toBe(!seen.has(pair));
        seen.add(pair);
        const answers = answersOf.all(attempt.id) as { question_id: string; score: number; answered_at: string }[];
        if (quiz.feedback === 'per-question') {
          expect(new Set(answers.map((answer) => answer.question_id)).size).toBe(answers.length);
        }
        if (attempt.finished_at === null) {
          expect(lastOfPair.get(pair)).toBe(attempt.id);
          if (quiz.feedback === 'per-question') expect(answers.length).toBeLessThan(quiz.questions.length);
          continue;
        }
        const latest = new Map(answers.map((answer) => [answer.question_id, answer.score]));
        const score = [...latest.values()].reduce((sum, value) => sum + value, 0);
        expect(attempt.score).toBeCloseTo(score, 9);
        expect(attempt.max_score).toBe(quiz.questions.length);
        expect(attempt.pass_mark).toBe(quiz.passMark);
        expect(attempt.passed).toBe((score / quiz.questions.length) * 100 + 1e-9 >= quiz.passMark ? 1 : 0);
        for (const answer of answers) expect(answer.answered_at <= attempt.finished_at).toBe(true);
      }
    });

    it('holds the final answer to each question of each finished attempt, as the app keeps them', () => {
      const finals = storedFinalAnswers(db);
      expect(finals.length).toBeGreaterThan(0);
      expect(finals).toEqual(finalAnswersFromScratch(db));
    });

    it('is read by the app as its own: learner home, catalog and quizzes', async () => {
      const core = await startCore({ dataDir: dataDir(), courseRoots: [path.join(temp.dir, 'courses')], appVersion: 't' });
      try {
        const learnerId = summary.learnerIds[0]!;
        const { session } = await ok(core, 'learners.open', { learnerId });
        const home = await ok(core, 'progress.home', { session });
        expect(home.learner.id).toBe(learnerId);
        expect(home.timeline.length).toBeGreaterThan(0);
        await ok(core, 'catalog.list', { session });
        for (const quiz of quizzes) {
          const view = await ok(core, 'quiz.get', { session, courseId: 'fixture', quizId: quiz.id });
          expect(view.finishedAttempts).toBeGreaterThan(0);
          expect(view.passedEver).toBe(true);
        }
      } finally {
        core.close();
      }
    });
  });
});
