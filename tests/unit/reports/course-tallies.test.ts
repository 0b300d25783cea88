import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ReportCell, ReportFilters } from '../../../electron/contract/channels.js';
import { createLearner, deleteLearner } from '../../../electron/db/learners.js';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../../electron/db/migrations.js';
import { migration0013QuizTallies } from '../../../electron/db/migrations/0013-quiz-tallies.js';
import { closeDatabase, DATABASE_FILE_NAME, openDatabase, type Db } from '../../../electron/db/open-database.js';
import { markAttemptFinished } from '../../../electron/db/quiz-attempts.js';
import { exportProgress } from '../../../electron/progress-files/export-progress.js';
import { importProgress } from '../../../electron/progress-files/import-progress.js';
import { loadInstallationIdentity } from '../../../electron/progress-files/installation-identity.js';
import type { ProgressPayload } from '../../../electron/progress-files/progress-file-format.js';
import { QuizDefinitionSchema } from '../../../electron/quiz/quiz-definition.js';
import { buildCourseReport, roundPercent } from '../../../electron/reports/course-report.js';
import { tallyRanges } from '../../../electron/reports/tally-periods.js';
import { reportScope, type ReportCourse } from '../../../electron/reports/report-scope.js';
import { seededRandom } from '../../../scripts/bench/lib/seeded-random.js';
import { openAtSchemaVersion } from '../../helpers/older-database.js';
import { makeTempDir } from '../../helpers/temp-dir.js';
import { writeReportsFixture } from './reports-fixture.js';

/**
 * The course report reads tallies of attempts (migration 13) that the database keeps on every
 * write. Here its quiz cells are checked against the same cells worked out from the raw attempts
 * (below, not in the app), on random data: open and finished attempts, starts on the first and
 * last millisecond of days and months, groups, ranges, progress files, deleted learners.
 */

const quizDefinition = (id: string) =>
  QuizDefinitionSchema.parse({
    id,
    title: `Quiz ${id}`,
    passMark: 60,
    questions: [{ id: 'only', type: 'true-false', prompt: 'Yes?', answer: true }],
  });
const QUIZZES = ['alpha', 'beta', 'gamma'].map(quizDefinition);
const COURSE: ReportCourse = {
  id: 'tallied',
  title: 'Tallied',
  lessons: [{ id: 'one', title: 'One', quizIds: ['alpha', 'beta'] }],
  quizzes: new Map(QUIZZES.map((quiz) => [quiz.id, quiz])),
};

interface AttemptRow {
  learner_id: string;
  quiz_id: string;
  started_at: string;
  finished_at: string | null;
  score: number | null;
  max_score: number | null;
  passed: number | null;
}

/** The quiz cells of the report, from every stored attempt of the course started in the scope. */
function quizCellsFromAttempts(db: Db, filters: ReportFilters): Map<string, ReportCell> {
  const scope = reportScope(filters);
  const members =
    scope.groupId === null
      ? null
      : new Set(db.prepare('SELECT learner_id FROM learner_group_members WHERE group_id = ?').pluck().all(scope.groupId));
  const attempts = (db.prepare('SELECT * FROM quiz_attempts WHERE course_id = ?').all(COURSE.id) as AttemptRow[]).filter(
    (row) =>
      // Attempts at a quiz the course no longer has are left out of the table.
      COURSE.quizzes.has(row.quiz_id) &&
      row.started_at >= scope.fromAt &&
      row.started_at < scope.toBefore &&
      (members === null || members.has(row.learner_id)),
  );
  const byCell = new Map<string, AttemptRow[]>();
  for (const row of attempts) {
    const key = `${row.learner_id}/${row.quiz_id}`;
    byCell.set(key, [...(byCell.get(key) ?? []), row]);
  }
  const cells = new Map<string, ReportCell>();
  for (const [key, rows] of byCell) {
    const finished = rows.filter((row) => row.finished_at !== null);
    const fractions = finished.flatMap((row) => ((row.max_score ?? 0) > 0 ? [(row.score ?? 0) / (row.max_score ?? 1)] : []));
    const milliseconds = finished.reduce((sum, row) => sum + Date.parse(row.finished_at ?? '') - Date.parse(row.started_at), 0);
    cells.set(key, {
      status: rows.some((row) => row.passed === 1) ? 'passed' : finished.length > 0 ? 'failed' : 'in-progress',
      bestScorePercent: fractions.length === 0 ? null : roundPercent(Math.max(...fractions)),
      attempts: rows.length,
      timeSpentSeconds: Math.round(milliseconds / 1000),
      lastActivityAt:
        rows
          .map((row) => row.finished_at ?? row.started_at)
          .sort()
          .at(-1) ?? null,
    });
  }
  return cells;
}

/** The report's quiz cells by learner and quiz, leaving out those not started. */
function quizCellsOfReport(db: Db, filters: ReportFilters): Map<string, ReportCell> {
  const report = buildCourseReport(db, COURSE, reportScope(filters));
  const cells = new Map<string, ReportCell>();
  for (const row of report.rows) {
    report.columns.forEach((column, index) => {
      const cell = row.cells[index];
      if (column.kind === 'quiz' && cell && cell.status !== 'not-started') cells.set(`${row.learnerId}/${column.id}`, cell);
    });
  }
  return cells;
}

/** Ranges at the edges of days, months and a year, open at either end, and none. */
const RANGES: { from?: string; to?: string }[] = [
  {},
  { from: '2026-01-31', to: '2026-01-31' },
  { from: '2026-01-31', to: '2026-02-01' },
  { from: '2025-12-31', to: '2026-01-01' },
  { from: '2026-02-01', to: '2026-02-28' },
  { from: '2026-02-01', to: '2026-03-31' },
  { from: '2026-01-15', to: '2026-03-10' },
  { from: '2026-01-02', to: '2026-02-27' },
  { from: '2025-12-01', to: '2026-04-30' },
  { from: '2026-02-15' },
  { to: '2026-02-14' },
  { from: '2026-03-01' },
  { to: '2026-02-28' },
];

function expectReportsMatchAttempts(db: Db, groupIds: (string | undefined)[]): void {
  for (const groupId of groupIds) {
    for (const range of RANGES) {
      const filters: ReportFilters = { courseId: COURSE.id, ...range, ...(groupId ? { groupId } : {}) };
      const expected = quizCellsFromAttempts(db, filters);
      expect(Object.fromEntries(quizCellsOfReport(db, filters)), JSON.stringify(filters)).toEqual(Object.fromEntries(expected));
    }
  }
}

/** What the triggers keep, against the migration's fill from the attempts as they are now. */
function expectTalliesAsIfFilledAnew(db: Db): void {
  const read = () => db.prepare('SELECT * FROM quiz_tallies ORDER BY course_id, span, period, learner_id, quiz_id').all();
  const kept = read();
  db.transaction(() => {
    db.exec('DELETE FROM quiz_tallies');
    db.exec('DROP TRIGGER quiz_tallies_on_attempt; DROP TRIGGER quiz_tallies_on_finish; DROP TRIGGER quiz_tallies_on_delete');
    db.exec('DROP TABLE quiz_tallies');
    migration0013QuizTallies(db);
  })();
  expect(read()).toEqual(kept);
}

/** Writes random attempts: some finished at once (as a progress file stores them), some finished later, some left open. */
function writeRandomAttempts(db: Db, learnerIds: string[], count: number, seed: number): void {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const firstDay = Date.parse('2025-12-28T00:00:00.000Z');
  const insert = db.prepare(
    `INSERT INTO quiz_attempts (id, learner_id, course_id, course_version, quiz_id, started_at, seed,
       finished_at, score, max_score, pass_mark, passed)
     VALUES (?, ?, ?, '1.0.0', ?, ?, 'seed', ?, ?, ?, 60, ?)`,
  );
  for (let i = 0; i < count; i += 1) {
    const day = firstDay + Math.floor(random() * 100) * 86_400_000;
    // Many starts on the first or last millisecond of a day, where ranges cut.
    const roll = random();
    const started = roll < 0.25 ? day : roll < 0.5 ? day + 86_399_999 : day + Math.floor(random() * 86_400_000);
    const finished = started + Math.floor(random() * 3 * 3_600_000);
    const maxScore = random() < 0.1 ? 0 : 1 + Math.floor(random() * 5);
    const score = Math.floor(random() * (maxScore + 1));
    const passed = maxScore > 0 && score / maxScore >= 0.6;
    const courseId = random() < 0.1 ? 'other-course' : COURSE.id;
    const quizId = random() < 0.05 ? 'retired-quiz' : pick(QUIZZES).id;
    const id = randomUUID();
    const how = random();
    const startedAt = new Date(started).toISOString();
    if (how < 0.4) {
      insert.run(
        id,
        pick(learnerIds),
        courseId,
        quizId,
        startedAt,
        new Date(finished).toISOString(),
        score,
        maxScore,
        passed ? 1 : 0,
      );
    } else {
      insert.run(id, pick(learnerIds), courseId, quizId, startedAt, null, null, null, null);
      if (how < 0.85) markAttemptFinished(db, id, { score, maxScore, passMark: 60, passed }, new Date(finished));
    }
  }
}

describe('the course report from tallies of attempts', () => {
  let temp: ReturnType<typeof makeTempDir>;
  beforeEach(() => {
    temp = makeTempDir();
  });
  afterEach(() => temp.remove());

  it('plans whole months and the days at the ends of a range', () => {
    expect(tallyRanges({ fromDay: null, toDayBefore: null })).toEqual([{ span: 0, from: '', before: '~' }]);
    expect(tallyRanges({ fromDay: '2026-01-15', toDayBefore: '2026-03-11' })).toEqual([
      { span: 1, from: '2026-02', before: '2026-03' },
      { span: 2, from: '2026-01-15', before: '2026-02-01' },
      { span: 2, from: '2026-03-01', before: '2026-03-11' },
    ]);
    expect(tallyRanges({ fromDay: '2026-02-01', toDayBefore: '2026-04-01' })).toEqual([
      { span: 1, from: '2026-02', before: '2026-04' },
    ]);
    expect(tallyRanges({ fromDay: '2026-01-31', toDayBefore: '2026-02-02' })).toEqual([
      { span: 2, from: '2026-01-31', before: '2026-02-02' },
    ]);
    expect(tallyRanges({ fromDay: '2025-11-20', toDayBefore: null })).toEqual([
      { span: 1, from: '2025-12', before: '~' },
      { span: 2, from: '2025-11-20', before: '2025-12-01' },
    ]);
    expect(tallyRanges({ fromDay: null, toDayBefore: '2026-01-01' })).toEqual([{ span: 1, from: '', before: '2026-01' }]);
  });

  it('equals the report worked out from the attempts: started, finished, imported by progress files, deleted with learners', () => {
    const source = openDatabase(path.join(temp.dir, 'other-pc'));
    const db = openDatabase(path.join(temp.dir, 'this-pc'));
    try {
      const created = new Date('2025-12-01T08:00:00.000Z');
      const here = Array.from({ length: 8 }, (_, i) => createLearner(db, `Here ${i}`, 'en', created).id);
      const there = Array.from({ length: 5 }, (_, i) => createLearner(source, `There ${i}`, 'ca', created).id);
      const groupId = randomUUID();
      db.prepare("INSERT INTO learner_groups (id, name, created_at) VALUES (?, 'Group', '2025-12-01T08:00:00.000Z')").run(
        groupId,
      );
      writeRandomAttempts(db, here, 600, 1);
      writeRandomAttempts(source, there, 300, 2);

      // A progress file with the other PC's work, some of it still open; then a later one in which it was finished.
      const identity = loadInstallationIdentity(path.join(temp.dir, 'other-pc'), source);
      const payloadOf = () => {
        const file = exportProgress(source, identity, { learnerIds: there, scope: { kind: 'all' }, label: 'all' }, 't');
        const envelope = JSON.parse(file.bytes.toString('utf8')) as { payload: string };
        return JSON.parse(envelope.payload) as ProgressPayload;
      };
      importProgress(db, payloadOf());
      const open = source.prepare('SELECT id, started_at FROM quiz_attempts WHERE finished_at IS NULL').all() as {
        id: string;
        started_at: string;
      }[];
      expect(open.length).toBeGreaterThan(10);
      for (const attempt of open.slice(0, Math.ceil(open.length / 2))) {
        const finished = new Date(Date.parse(attempt.started_at) + 600_000);
        markAttemptFinished(source, attempt.id, { score: 1, maxScore: 1, passMark: 60, passed: true }, finished);
      }
      writeRandomAttempts(source, there, 100, 3);
      importProgress(db, payloadOf());
      expect(db.prepare('SELECT count(*) FROM quiz_attempts').pluck().get()).toBe(1000);
      // A group of learners of both PCs.
      for (const member of [...here.slice(0, 3), ...there.slice(0, 2)]) {
        db.prepare('INSERT INTO learner_group_members VALUES (?, ?)').run(groupId, member);
      }

      expectReportsMatchAttempts(db, [undefined, groupId]);
      expectTalliesAsIfFilledAnew(db);

      // A learner of this PC and an imported one deleted: their attempts and tallies go.
      expect(deleteLearner(db, here[0] as string)).toBe(true);
      expect(deleteLearner(db, there[0] as string)).toBe(true);
      expect(db.prepare('SELECT count(*) FROM quiz_tallies WHERE learner_id IN (?, ?)').pluck().get(here[0], there[0])).toBe(0);
      expectReportsMatchAttempts(db, [undefined, groupId]);
      // An attempt deleted on its own (Aula does not, but the tallies still hold).
      db.prepare(
        'DELETE FROM quiz_attempts WHERE id = (SELECT id FROM quiz_attempts WHERE course_id = ? LIMIT 1 OFFSET 100)',
      ).run(COURSE.id);
      expectReportsMatchAttempts(db, [undefined]);
      expectTalliesAsIfFilledAnew(db);
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      closeDatabase(source);
      closeDatabase(db);
    }
  });

  it('are filled by migration 13 from a data folder at the version before it, with the same report', () => {
    const file = path.join(temp.dir, DATABASE_FILE_NAME);
    const old = openAtSchemaVersion(file, MIGRATIONS.indexOf(migration0013QuizTallies));
    old.pragma('foreign_keys = ON');
    writeReportsFixture(old);
    const learners = Array.from(
      { length: 6 },
      (_, i) => createLearner(old, `Older ${i}`, 'en', new Date('2025-12-01T00:00:00Z')).id,
    );
    writeRandomAttempts(old, learners, 400, 4);
    const expected = RANGES.map((range) => quizCellsFromAttempts(old, { courseId: COURSE.id, ...range }));
    old.close();

    const db = openDatabase(temp.dir);
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
      RANGES.forEach((range, index) => {
        expect(Object.fromEntries(quizCellsOfReport(db, { courseId: COURSE.id, ...range })), JSON.stringify(range)).toEqual(
          Object.fromEntries(expected[index] ?? new Map()),
        );
      });
      // The fixture's own course: every learner and quiz with attempts has one all-time tally.
      expect(db.prepare("SELECT count(*) FROM quiz_tallies WHERE course_id = 'reports-course' AND span = 0").pluck().get()).toBe(
        3,
      );
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      closeDatabase(db);
    }
  });
});
