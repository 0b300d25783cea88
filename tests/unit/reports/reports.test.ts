import { readSheet } from 'read-excel-file/node';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ReportCell } from '../../../electron/contract/channels.js';
import { closeDatabase, openDatabase, type Db } from '../../../electron/db/open-database.js';
import { buildCourseReport } from '../../../electron/reports/course-report.js';
import { analyseQuiz } from '../../../electron/reports/item-analysis.js';
import { buildLearnerHistory } from '../../../electron/reports/learner-history.js';
import { reportCsv, reportXlsx } from '../../../electron/reports/report-export.js';
import { reportScope } from '../../../electron/reports/report-scope.js';
import { makeTempDir } from '../../helpers/temp-dir.js';
import { COURSE, QUIZ, writeReportsFixture, type FixtureLearners } from './reports-fixture.js';

const notStarted: ReportCell = {
  status: 'not-started',
  bestScorePercent: null,
  attempts: null,
  timeSpentSeconds: 0,
  lastActivityAt: null,
};
const lesson = (status: ReportCell['status'], seconds: number, at: string): ReportCell => ({
  status,
  bestScorePercent: null,
  attempts: null,
  timeSpentSeconds: seconds,
  lastActivityAt: at,
});
const quiz = (status: ReportCell['status'], best: number | null, attempts: number, seconds: number, at: string): ReportCell => ({
  status,
  bestScorePercent: best,
  attempts,
  timeSpentSeconds: seconds,
  lastActivityAt: at,
});

describe('reports on this PC', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let db: Db;
  let who: FixtureLearners;

  beforeEach(() => {
    temp = makeTempDir();
    db = openDatabase(temp.dir);
    who = writeReportsFixture(db);
  });
  afterEach(() => {
    closeDatabase(db);
    temp.remove();
  });

  const scope = (filters: { groupId?: string; from?: string; to?: string } = {}) =>
    reportScope({ courseId: COURSE.id, ...filters });

  it('lays out every learner against the lessons and quizzes in course order, with exact numbers', () => {
    const report = buildCourseReport(db, COURSE, scope());
    expect(report.columns).toEqual([
      { kind: 'lesson', id: 'first', title: 'First lesson' },
      { kind: 'quiz', id: 'check', title: 'Check your understanding' },
      { kind: 'lesson', id: 'second', title: 'Second lesson' },
    ]);
    expect(report.rows).toEqual([
      {
        learnerId: who.anna,
        displayName: 'Anna',
        fromPc: null,
        cells: [
          lesson('completed', 300, '2026-03-01T09:10:00.000Z'),
          quiz('passed', 100, 2, 210, '2026-03-03T10:01:30.000Z'),
          lesson('in-progress', 120, '2026-03-02T10:02:00.000Z'),
        ],
        timeSpentSeconds: 630,
        lastActivityAt: '2026-03-03T10:01:30.000Z',
      },
      {
        learnerId: who.bernat,
        displayName: 'Bernat',
        fromPc: null,
        // The open second attempt counts as an attempt and as activity, not as time or a score.
        cells: [
          lesson('in-progress', 60, '2026-03-05T10:51:00.000Z'),
          quiz('failed', 33.3, 2, 300, '2026-03-06T11:00:00.000Z'),
          notStarted,
        ],
        timeSpentSeconds: 360,
        lastActivityAt: '2026-03-06T11:00:00.000Z',
      },
      {
        learnerId: who.carla,
        displayName: 'Carla',
        fromPc: null,
        cells: [notStarted, notStarted, notStarted],
        timeSpentSeconds: 0,
        lastActivityAt: null,
      },
      {
        learnerId: who.dani,
        displayName: 'Dani',
        fromPc: null,
        cells: [notStarted, quiz('failed', 33.3, 1, 120, '2026-03-07T08:02:00.000Z'), notStarted],
        timeSpentSeconds: 120,
        lastActivityAt: '2026-03-07T08:02:00.000Z',
      },
    ]);
  });

  it('filters by group and by a range of whole days', () => {
    expect(buildCourseReport(db, COURSE, scope({ groupId: who.groupId })).rows.map((row) => row.displayName)).toEqual([
      'Anna',
      'Carla',
    ]);
    const ranged = buildCourseReport(db, COURSE, scope({ from: '2026-03-03', to: '2026-03-05' }));
    const byName = new Map(ranged.rows.map((row) => [row.displayName, row.cells]));
    // Anna's lessons were last open before the range; only her second attempt started in it.
    expect(byName.get('Anna')).toEqual([notStarted, quiz('passed', 100, 1, 90, '2026-03-03T10:01:30.000Z'), notStarted]);
    // "to" includes the whole day of the 5th, and not the 6th (Bernat's open attempt).
    expect(byName.get('Bernat')).toEqual([
      lesson('in-progress', 60, '2026-03-05T10:51:00.000Z'),
      quiz('failed', 33.3, 1, 300, '2026-03-05T11:05:00.000Z'),
      notStarted,
    ]);
    expect(byName.get('Dani')).toEqual([notStarted, notStarted, notStarted]);
  });

  it('analyses each question: share right, common wrong answers, learners failing, average attempts', () => {
    const analysis = analyseQuiz(db, QUIZ, scope());
    expect(analysis).toEqual({
      courseId: COURSE.id,
      quizId: 'check',
      quizTitle: 'Check your understanding',
      learners: 3,
      finishedAttempts: 4,
      averageAttempts: 4 / 3,
      questions: [
        {
          questionId: 'q1',
          prompt: 'Which one is personal data?',
          answers: 4,
          shareCorrect: 1 / 4,
          // Anna's latest answer is right; Bernat's (his open attempt does not count) and Dani's are wrong.
          learnersFailingShare: 2 / 3,
          commonWrongAnswers: [
            { answer: 'A total', count: 2 },
            { answer: 'Opening hours', count: 1 },
          ],
        },
        {
          questionId: 'q2',
          prompt: 'How much is 4 + 6?',
          answers: 4,
          shareCorrect: 3 / 4,
          learnersFailingShare: 1 / 3,
          commonWrongAnswers: [{ answer: '12', count: 1 }],
        },
        {
          questionId: 'q3',
          prompt: 'What is the sum of a column called?',
          answers: 4,
          shareCorrect: 3 / 4,
          learnersFailingShare: 1 / 3,
          // Dani's "Sum"; Anna's "sum" was changed before she finished, so it is not counted.
          commonWrongAnswers: [{ answer: 'sum', count: 1 }],
        },
      ],
      mostFailed: ['q1'],
    });
    const inGroup = analyseQuiz(db, QUIZ, scope({ groupId: who.groupId }));
    expect([inGroup.learners, inGroup.finishedAttempts, inGroup.questions[0]?.learnersFailingShare]).toEqual([1, 2, 0]);
  });

  it("lists a learner's history, newest first, with titles, scores and groups", () => {
    const history = buildLearnerHistory(db, { id: who.anna, displayName: 'Anna' }, new Map([[COURSE.id, COURSE]]), null);
    expect(history.groups).toEqual(['March workshop']);
    expect(
      history.events.map((event) => [
        event.at,
        event.kind,
        event.itemTitle,
        event.scorePercent,
        event.success,
        event.timeSpentSeconds,
      ]),
    ).toEqual([
      ['2026-03-03T10:01:30.000Z', 'quiz-finished', 'Check your understanding', 100, true, 90],
      ['2026-03-03T10:00:00.000Z', 'quiz-started', 'Check your understanding', null, null, null],
      ['2026-03-02T10:00:00.000Z', 'lesson-opened', 'Second lesson', null, null, null],
      ['2026-03-01T09:12:00.000Z', 'quiz-finished', 'Check your understanding', 66.7, false, 120],
      ['2026-03-01T09:10:00.000Z', 'lesson-completed', 'First lesson', null, null, 300],
      ['2026-03-01T09:10:00.000Z', 'quiz-started', 'Check your understanding', null, null, null],
      ['2026-03-01T09:00:00.000Z', 'lesson-opened', 'First lesson', null, null, null],
    ]);
    expect(buildLearnerHistory(db, { id: who.anna, displayName: 'Anna' }, new Map(), 'other-course').events).toEqual([]);
  });

  it('exports CSV with a byte order mark, and with ";" and decimal commas where the locale writes them', () => {
    const report = buildCourseReport(db, COURSE, scope({ groupId: who.groupId }));
    const csv = reportCsv(report, 'en', false);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.slice(1).split('\r\n')).toEqual([
      'Learner,Type,Item,Status,Best score (%),Attempts,Time spent (minutes),Last activity',
      'Anna,Lesson,First lesson,Completed,,,5,2026-03-01T09:10:00Z',
      'Anna,Quiz,Check your understanding,Passed,100,2,3.5,2026-03-03T10:01:30Z',
      'Anna,Lesson,Second lesson,In progress,,,2,2026-03-02T10:02:00Z',
      'Carla,Lesson,First lesson,Not started,,,0,',
      'Carla,Quiz,Check your understanding,Not started,,,0,',
      'Carla,Lesson,Second lesson,Not started,,,0,',
      '',
    ]);
    const catalan = reportCsv(buildCourseReport(db, COURSE, scope()), 'ca', true)
      .slice(1)
      .split('\r\n');
    expect(catalan[0]).toBe(
      'Participant;Tipus;Element;Estat;Millor puntuació (%);Intents;Temps dedicat (minuts);Darrera activitat',
    );
    expect(catalan).toContain('Bernat;Qüestionari;Check your understanding;Encara no superat;33,3;2;5;2026-03-06T11:00:00Z');
  });

  it('quotes separators and keeps a name from running as a spreadsheet formula', () => {
    db.prepare('UPDATE learners SET display_name = ? WHERE id = ?').run('=HYPERLINK("x"), "Carla"', who.carla);
    const lines = reportCsv(buildCourseReport(db, COURSE, scope({ groupId: who.groupId })), 'en', false).split('\r\n');
    expect(lines).toContain(`"'=HYPERLINK(""x""), ""Carla""",Lesson,First lesson,Not started,,,0,`);
  });

  it('exports XLSX that reads back with the same numbers and dates', async () => {
    const report = buildCourseReport(db, COURSE, scope());
    // Spreadsheet dates are fractions of a day: read back, they may be a millisecond off, so compare to the second.
    const toSecond = (value: unknown) => (value instanceof Date ? new Date(Math.round(value.getTime() / 1000) * 1000) : value);
    const rows = (await readSheet(await reportXlsx(report, 'en'))).map((row) => row.map(toSecond));
    expect(rows).toHaveLength(1 + 4 * 3);
    expect(rows[0]).toEqual([
      'Learner',
      'Type',
      'Item',
      'Status',
      'Best score (%)',
      'Attempts',
      'Time spent (minutes)',
      'Last activity',
    ]);
    expect(rows[2]).toEqual([
      'Anna',
      'Quiz',
      'Check your understanding',
      'Passed',
      100,
      2,
      3.5,
      new Date('2026-03-03T10:01:30.000Z'),
    ]);
    expect(rows[5]).toEqual([
      'Bernat',
      'Quiz',
      'Check your understanding',
      'Not passed yet',
      33.3,
      2,
      5,
      new Date('2026-03-06T11:00:00.000Z'),
    ]);
    expect(rows[7]).toEqual(['Carla', 'Lesson', 'First lesson', 'Not started', null, null, 0, null]);
  });
});
