import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Answer, Language, QuestionAnalysis, QuizAnalysis, ReportFilters } from '../../../electron/contract/channels.js';
import { createLearner } from '../../../electron/db/learners.js';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../../electron/db/migrations.js';
import { migration0012QuizFinalAnswers } from '../../../electron/db/migrations/0012-quiz-final-answers.js';
import { migration0014QuizItemTallies } from '../../../electron/db/migrations/0014-quiz-item-tallies.js';
import { closeDatabase, DATABASE_FILE_NAME, openDatabase, type Db } from '../../../electron/db/open-database.js';
import type { QuizDefinition } from '../../../electron/quiz/quiz-definition.js';
import { answerText } from '../../../electron/reports/answer-text.js';
import { analyseQuiz } from '../../../electron/reports/item-analysis.js';
import { tallyRanges } from '../../../electron/reports/tally-periods.js';
import { reportScope, type ReportScope } from '../../../electron/reports/report-scope.js';
import { seededRandom } from '../../../scripts/bench/lib/seeded-random.js';
import { openAtSchemaVersion } from '../../helpers/older-database.js';
import { makeTempDir } from '../../helpers/temp-dir.js';
import { COURSE, QUIZ } from './reports-fixture.js';

/**
 * Item analysis reads tallies of the final answers (migration 14) that the database keeps on every
 * write. Here it is checked against the analysis worked out in the test from every stored answer
 * and attempt, on random work written the ways Aula writes it: attempts taken here (answers changed
 * before finishing, some left open), attempts arriving finished from a progress file with their
 * answers after them, answers arriving for attempts already finished, equal answer times within an
 * attempt and across a learner's attempts, attempts starting at the first and last instant of a
 * day, and a learner deleted.
 */

const MINUTE = 60_000;
const DAY = 86_400_000;
/** The work spans three months and their edges: 2026-01-28 to 2026-04-03 (UTC). */
const FIRST_DAY = Date.parse('2026-01-28T00:00:00.000Z');
const DAYS = 66;
/** Days of the span that attempts start on (from FIRST_DAY): Jan 31, Feb 1, Feb 28, Mar 1, Mar 31, Apr 1 among them. */
const DAY_GRID = [0, 3, 4, 10, 18, 31, 32, 40, 50, 62, 63, 65];

const WRONG: Record<string, Answer[]> = {
  q1: [
    { type: 'single-choice', choiceId: 'b' },
    { type: 'single-choice', choiceId: 'c' },
  ],
  q2: [
    { type: 'numeric', value: '12' },
    { type: 'numeric', value: '9,5' },
    { type: 'numeric', value: '9.5' },
  ],
  q3: [
    { type: 'short-text', text: 'sum' },
    { type: 'short-text', text: 'average' },
  ],
};
const RIGHT: Record<string, Answer> = {
  q1: { type: 'single-choice', choiceId: 'a' },
  q2: { type: 'numeric', value: '10' },
  q3: { type: 'short-text', text: 'total' },
};
const QUESTION_IDS = ['q1', 'q2', 'q3'];

interface Work {
  learners: string[];
  groupId: string;
}

/** Random work of `learners` learners on the fixture quiz, written as Aula's code paths write it. */
function writeRandomWork(db: Db, seed: number, learnerCount: number): Work {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const created = new Date('2026-01-01T08:00:00.000Z');
  const learners = Array.from({ length: learnerCount }, (_, i) => createLearner(db, `Learner ${i}`, 'en', created).id);
  const groupId = randomUUID();
  db.prepare("INSERT INTO learner_groups (id, name, created_at) VALUES (?, ?, '2026-01-01T08:00:00.000Z')").run(
    groupId,
    `Workshop ${seed}`,
  );
  for (const member of learners.filter((_, i) => i % 3 === 0))
    db.prepare('INSERT INTO learner_group_members VALUES (?, ?)').run(groupId, member);

  const insertAttempt = db.prepare(
    `INSERT INTO quiz_attempts (id, learner_id, course_id, course_version, quiz_id, started_at, seed, finished_at, score, max_score, pass_mark, passed)
     VALUES (?, ?, ?, '1.0.0', ?, ?, 'seed', ?, ?, ?, ?, ?)`,
  );
  const finish = db.prepare(
    'UPDATE quiz_attempts SET finished_at = ?, score = 1, max_score = 3, pass_mark = 70, passed = 0 WHERE id = ? AND finished_at IS NULL',
  );
  const insertAnswer = db.prepare(
    `INSERT INTO quiz_answers (id, attempt_id, question_id, answer_json, correct, score, max_score, answered_at)
     VALUES (?, ?, ?, ?, ?, ?, 1, ?)`,
  );
  const iso = (ms: number) => new Date(ms).toISOString();
  /** Starts on a few days at month edges and between, often at a day's first or last instant. */
  const startOf = () => {
    const day = FIRST_DAY + pick(DAY_GRID) * DAY;
    const roll = random();
    if (roll < 0.2) return day;
    if (roll < 0.4) return day + DAY - 1;
    return day + pick([9, 12, 15]) * 60 * MINUTE;
  };
  /**
   * Answer times on a coarse grid around noon, so that a learner's attempts share them: of the
   * start's day, or of the next day for an attempt started at the last instant of a day (so that
   * attempts counted in different periods share them too).
   */
  const answerAt = (start: number) => {
    const day = start + 1 - ((start + 1) % DAY);
    return day + 12 * 60 * MINUTE + Math.floor(random() * 3) * MINUTE;
  };
  const answer = (attemptId: string, at: number) => {
    const questionId = pick(QUESTION_IDS);
    const right = random() < 0.5;
    const given = right ? (RIGHT[questionId] as Answer) : pick(WRONG[questionId] as Answer[]);
    insertAnswer.run(randomUUID(), attemptId, questionId, JSON.stringify(given), right ? 1 : 0, right ? 1 : 0, iso(at));
  };
  const finished: { id: string; start: number }[] = [];

  for (let i = 0; i < learnerCount * 30; i += 1) {
    const learnerId = pick(learners);
    const attemptId = randomUUID();
    const start = startOf();
    const roll = random();
    if (roll < 0.6) {
      // Taken here: open, answered (answers changed, some at the same instant), finished or left open.
      insertAttempt.run(attemptId, learnerId, COURSE.id, QUIZ.id, iso(start), null, null, null, null, null);
      const answers = 1 + Math.floor(random() * 5);
      for (let k = 0; k < answers; k += 1) answer(attemptId, answerAt(start));
      if (random() < 0.8) {
        finish.run(iso(start + 10 * MINUTE), attemptId);
        finished.push({ id: attemptId, start });
      }
    } else if (roll < 0.9) {
      // From a progress file: the attempt arrives finished, its answers after it.
      insertAttempt.run(attemptId, learnerId, COURSE.id, QUIZ.id, iso(start), iso(start + 10 * MINUTE), 1, 3, 70, 0);
      const answers = 1 + Math.floor(random() * 4);
      for (let k = 0; k < answers; k += 1) answer(attemptId, answerAt(start));
      finished.push({ id: attemptId, start });
    } else if (finished.length > 0) {
      // Another progress file brings more answers to a finished attempt: earlier, as late, or later than its own.
      const earlier = pick(finished);
      for (let k = 0; k < 3; k += 1) answer(earlier.id, answerAt(earlier.start) + Math.floor(random() * 2) * MINUTE);
    }
  }
  // Another quiz at the same course, whose answers must not count.
  const other = randomUUID();
  insertAttempt.run(other, learners[0], COURSE.id, 'other-quiz', iso(FIRST_DAY), iso(FIRST_DAY + MINUTE), 0, 3, 70, 0);
  insertAnswer.run(randomUUID(), other, 'q1', JSON.stringify(WRONG.q1?.[0]), 0, 0, iso(FIRST_DAY));
  return { learners, groupId };
}

/** Analysis as item-analysis.ts formats it, from the final answers worked out here from every stored answer. */
function analysisFromRawAnswers(db: Db, quiz: QuizDefinition, scope: ReportScope, language: Language): QuizAnalysis {
  const members =
    scope.groupId === null
      ? null
      : new Set(db.prepare('SELECT learner_id FROM learner_group_members WHERE group_id = ?').pluck().all(scope.groupId));
  const attempts = new Map(
    (
      db
        .prepare(
          'SELECT id, learner_id, started_at FROM quiz_attempts WHERE course_id = ? AND quiz_id = ? AND finished_at IS NOT NULL',
        )
        .all(scope.courseId, quiz.id) as { id: string; learner_id: string; started_at: string }[]
    )
      .filter((a) => a.started_at >= scope.fromAt && a.started_at < scope.toBefore && (!members || members.has(a.learner_id)))
      .map((a) => [a.id, a]),
  );
  const finals = new Map<
    string,
    { attempt: string; learner: string; question: string; at: string; correct: number; json: string }
  >();
  const answers = db
    .prepare('SELECT attempt_id, question_id, answered_at, correct, answer_json FROM quiz_answers ORDER BY rowid')
    .all() as { attempt_id: string; question_id: string; answered_at: string; correct: number; answer_json: string }[];
  for (const row of answers) {
    const attempt = attempts.get(row.attempt_id);
    if (!attempt) continue;
    const key = `${row.attempt_id}/${row.question_id}`;
    const before = finals.get(key);
    if (before && before.at >= row.answered_at) continue; // of equal times the first stored stays
    finals.set(key, {
      attempt: row.attempt_id,
      learner: attempt.learner_id,
      question: row.question_id,
      at: row.answered_at,
      correct: row.correct,
      json: row.answer_json,
    });
  }
  const questions: QuestionAnalysis[] = quiz.questions.map((question) => {
    const mine = [...finals.values()].filter((final) => final.question === question.id);
    const latest = new Map<string, (typeof mine)[number]>();
    for (const final of mine) {
      const before = latest.get(final.learner);
      if (!before || final.at > before.at || (final.at === before.at && final.attempt < before.attempt))
        latest.set(final.learner, final);
    }
    const wrong = new Map<string, number>();
    for (const final of mine.filter((f) => f.correct === 0)) {
      const text = answerText(question, final.json, language);
      wrong.set(text, (wrong.get(text) ?? 0) + 1);
    }
    const learnersWrong = [...latest.values()].filter((final) => final.correct === 0).length;
    return {
      questionId: question.id,
      prompt: question.prompt,
      answers: mine.length,
      shareCorrect: mine.length > 0 ? mine.filter((f) => f.correct === 1).length / mine.length : null,
      learnersFailingShare: latest.size > 0 ? learnersWrong / latest.size : null,
      commonWrongAnswers: [...wrong]
        .map(([answer, count]) => ({ answer, count }))
        .sort((a, b) => b.count - a.count || a.answer.localeCompare(b.answer))
        .slice(0, 3),
    };
  });
  const learners = new Set([...attempts.values()].map((a) => a.learner_id)).size;
  return {
    courseId: scope.courseId,
    quizId: quiz.id,
    quizTitle: quiz.title,
    learners,
    finishedAttempts: attempts.size,
    averageAttempts: learners > 0 ? attempts.size / learners : null,
    questions,
    mostFailed: questions
      .filter((q) => (q.learnersFailingShare ?? 0) > 0.5)
      .sort((a, b) => (b.learnersFailingShare ?? 0) - (a.learnersFailingShare ?? 0))
      .map((q) => q.questionId),
  };
}

/** Ranges at month and day edges, open at either end, one day, across years; with and without the group. */
function filtersToCheck(groupId: string, seed: number): ReportFilters[] {
  const courseId = COURSE.id;
  const ranges: Omit<ReportFilters, 'courseId'>[] = [
    {},
    { from: '2026-02-01' },
    { from: '2026-02-02' },
    { to: '2026-02-28' },
    { to: '2026-03-01' },
    { from: '2026-01-31', to: '2026-03-01' },
    { from: '2026-02-01', to: '2026-02-28' },
    { from: '2026-02-15', to: '2026-02-15' },
    { from: '2026-03-01', to: '2026-03-31' },
    { from: '2026-02-28', to: '2026-04-01' },
    { from: '2025-12-31', to: '2027-01-01' },
    { from: '2026-04-03', to: '2026-04-03' },
    { from: '2026-05-01' },
  ];
  const random = seededRandom(seed);
  const day = (offset: number) => new Date(FIRST_DAY + offset * DAY).toISOString().slice(0, 10);
  for (let i = 0; i < 25; i += 1) {
    const a = Math.floor(random() * (DAYS + 4)) - 2;
    const b = a + Math.floor(random() * 50);
    ranges.push({ from: day(a), to: day(b) });
  }
  return ranges.flatMap((range) => [
    { courseId, ...range },
    { courseId, groupId, ...range },
  ]);
}

function expectSameAnalyses(db: Db, groupId: string, seed: number): void {
  for (const filters of filtersToCheck(groupId, seed)) {
    const scope = reportScope(filters);
    expect(analyseQuiz(db, QUIZ, scope, 'ca'), JSON.stringify(filters)).toEqual(analysisFromRawAnswers(db, QUIZ, scope, 'ca'));
  }
}

describe('item analysis from the tallies of final answers', () => {
  let temp: ReturnType<typeof makeTempDir>;
  beforeEach(() => {
    temp = makeTempDir();
  });
  afterEach(() => temp.remove());

  it('reads all time, whole months and edge days for a range', () => {
    const ranges = (filters: Omit<ReportFilters, 'courseId'>) => tallyRanges(reportScope({ courseId: 'c', ...filters }));
    expect(ranges({})).toEqual([{ span: 0, from: '', before: '~' }]);
    expect(ranges({ from: '2026-02-01' })).toEqual([{ span: 1, from: '2026-02', before: '~' }]);
    expect(ranges({ from: '2026-02-02' })).toEqual([
      { span: 1, from: '2026-03', before: '~' },
      { span: 2, from: '2026-02-02', before: '2026-03-01' },
    ]);
    expect(ranges({ to: '2026-12-31' })).toEqual([{ span: 1, from: '', before: '2027-01' }]);
    expect(ranges({ from: '2026-01-31', to: '2026-03-01' })).toEqual([
      { span: 1, from: '2026-02', before: '2026-03' },
      { span: 2, from: '2026-01-31', before: '2026-02-01' },
      { span: 2, from: '2026-03-01', before: '2026-03-02' },
    ]);
    expect(ranges({ from: '2026-02-15', to: '2026-02-15' })).toEqual([{ span: 2, from: '2026-02-15', before: '2026-02-16' }]);
    expect(ranges({ from: '2026-02-02', to: '2026-03-30' })).toEqual([{ span: 2, from: '2026-02-02', before: '2026-03-31' }]);
  });

  for (const seed of [1, 2, 3]) {
    it(`equals the analysis of every stored answer, for random work (seed ${seed}), before and after a learner is deleted`, () => {
      const db = openDatabase(temp.dir);
      try {
        const work = writeRandomWork(db, seed, 9);
        expectSameAnalyses(db, work.groupId, seed);
        // A learner of the group and one outside it leave, with their attempts, answers and tallies.
        db.prepare('DELETE FROM learners WHERE id IN (?, ?)').run(work.learners[0], work.learners[1]);
        expect(db.prepare('SELECT count(*) FROM quiz_question_tallies WHERE learner_id = ?').pluck().get(work.learners[0])).toBe(
          0,
        );
        expectSameAnalyses(db, work.groupId, seed + 100);
        expect(db.pragma('foreign_key_check')).toEqual([]);
      } finally {
        closeDatabase(db);
      }
    });
  }

  for (const [name, version] of [
    ['before the tallies (migration 14)', MIGRATIONS.indexOf(migration0014QuizItemTallies)],
    ['before the final answers (migration 12)', MIGRATIONS.indexOf(migration0012QuizFinalAnswers)],
  ] as const) {
    it(`are filled on upgrade from a database ${name}, with the same analysis and kept after it`, () => {
      const file = path.join(temp.dir, DATABASE_FILE_NAME);
      const old = openAtSchemaVersion(file, version);
      const work = writeRandomWork(old, 7, 8);
      old.close();
      const db = openDatabase(temp.dir);
      try {
        expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
        expectSameAnalyses(db, work.groupId, 7);
        // Kept by the triggers from then on.
        writeRandomWork(db, 8, 4);
        expectSameAnalyses(db, work.groupId, 8);
        expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
        expect(db.pragma('foreign_key_check')).toEqual([]);
      } finally {
        closeDatabase(db);
      }
    });
  }
});
