import fs from 'node:fs';
import path from 'node:path';
import { readSheet } from 'read-excel-file/node';
import { parse, stringify } from 'yaml';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startCore, type RunningCore } from '../../../electron/core/start-core.js';
import { writeFixtureCourse } from '../../helpers/fixture-course.js';
import { type ChannelCall, failure, failureOf, ok } from '../../helpers/typed-core.js';
import { makeTempDir } from '../../helpers/temp-dir.js';
import { COURSE, QUIZ, writeReportsFixture, type FixtureLearners } from '../reports/reports-fixture.js';

/** A Catalan translation of the reports fixture's course: the same ids, other words. */
function writeCatalanTranslation(courseDir: string): void {
  const manifestFile = path.join(courseDir, 'course.yaml');
  fs.writeFileSync(
    manifestFile,
    stringify({ ...(parse(fs.readFileSync(manifestFile, 'utf8')) as object), translations: ['ca'] }),
  );
  const dir = path.join(courseDir, 'translations', 'ca');
  fs.mkdirSync(path.join(dir, 'lessons'), { recursive: true });
  fs.mkdirSync(path.join(dir, 'quizzes'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'course.yaml'), stringify({ title: 'Curs dels informes' }));
  fs.writeFileSync(path.join(dir, 'lessons', '01-first.mdx'), '---\ntitle: Primera lliçó\n---\n\nText.\n');
  fs.writeFileSync(path.join(dir, 'lessons', '02-second.mdx'), '---\ntitle: Segona lliçó\n---\n\nText.\n');
  fs.writeFileSync(
    path.join(dir, 'quizzes', 'check.yaml'),
    stringify({
      title: 'Comprova què has entès',
      questions: [
        {
          id: 'q1',
          prompt: 'Quina és una dada personal?',
          choices: [
            { id: 'a', text: 'Una llista de socis' },
            { id: 'b', text: 'Un total' },
            { id: 'c', text: "L'horari d'obertura" },
          ],
        },
        { id: 'q2', prompt: 'Quant fan 4 + 6?' },
        { id: 'q3', prompt: 'Com es diu la suma d’una columna?', accepted: ['total'] },
      ],
    }),
  );
}

/** The report channels through the core's one door, on a real data folder and a real course folder. */
describe('report and group channels', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let core: RunningCore;
  let who: FixtureLearners;
  let manager: string;
  let learner: string;

  beforeEach(async () => {
    temp = makeTempDir();
    const courses = path.join(temp.dir, 'courses');
    writeCatalanTranslation(writeFixtureCourse(courses, { id: COURSE.id, lessons: ['first', 'second'], quizzes: [{ ...QUIZ }] }));
    core = await startCore({
      dataDir: path.join(temp.dir, 'data'),
      courseRoots: [courses],
      appVersion: '0.0.0-test',
      firstBackupDelayMs: false,
    });
    who = writeReportsFixture(core.db);
    manager = (await ok(core, 'learners.open', { learnerId: who.anna })).session;
    learner = (await ok(core, 'learners.open', { learnerId: who.bernat })).session;
  });
  afterEach(() => {
    core.close();
    temp.remove();
  });

  it('answers a manager with the same numbers the domain computes', async () => {
    const report = await ok(core, 'reports.course', {
      session: manager,
      courseId: COURSE.id,
      groupId: who.groupId,
    });
    expect(report.rows.map((row) => [row.displayName, row.timeSpentSeconds])).toEqual([
      ['Anna', 630],
      ['Carla', 0],
    ]);
    const analysis = await ok(core, 'reports.quiz', { session: manager, courseId: COURSE.id, quizId: QUIZ.id });
    expect([analysis.finishedAttempts, analysis.mostFailed]).toEqual([4, ['q1']]);
    const file = await ok(core, 'reports.export', {
      session: manager,
      courseId: COURSE.id,
      format: 'xlsx',
      language: 'ca',
      decimalComma: true,
    });
    expect(file.fileName).toMatch(/^aula-report-reports-course-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const rows = await readSheet(Buffer.from(file.base64, 'base64'));
    expect(rows[0]?.[0]).toBe('Participant');
    expect(rows).toHaveLength(1 + 4 * 3);
  });

  it("shows titles, prompts and answers in the manager's language when the course has it, with the same numbers", async () => {
    const inEnglish = await ok(core, 'reports.course', { session: manager, courseId: COURSE.id });
    const inCatalan = await ok(core, 'reports.course', { session: manager, courseId: COURSE.id, language: 'ca' });
    expect(inCatalan.columns.map((column) => column.title)).toEqual(['Primera lliçó', 'Segona lliçó', 'Comprova què has entès']);
    expect(inEnglish.columns.map((column) => column.title)).toEqual([
      'Lesson first',
      'Lesson second',
      'Check your understanding',
    ]);
    expect(inCatalan.rows).toEqual(inEnglish.rows);
    // A language the course has no translation into: the main language's words.
    const inSwedish = await ok(core, 'reports.course', { session: manager, courseId: COURSE.id, language: 'sv' });
    expect(inSwedish.columns).toEqual(inEnglish.columns);

    const analysisEn = await ok(core, 'reports.quiz', { session: manager, courseId: COURSE.id, quizId: QUIZ.id });
    const analysisCa = await ok(core, 'reports.quiz', { session: manager, courseId: COURSE.id, quizId: QUIZ.id, language: 'ca' });
    expect(analysisCa.quizTitle).toBe('Comprova què has entès');
    expect(analysisCa.questions.map((question) => question.prompt)).toEqual([
      'Quina és una dada personal?',
      'Quant fan 4 + 6?',
      'Com es diu la suma d’una columna?',
    ]);
    expect(analysisCa.questions[0]?.commonWrongAnswers).toEqual([
      { answer: 'Un total', count: 2 },
      { answer: "L'horari d'obertura", count: 1 },
    ]);
    const numbers = (analysis: typeof analysisEn) =>
      analysis.questions.map((q) => [
        q.answers,
        q.shareCorrect,
        q.learnersFailingShare,
        q.commonWrongAnswers.map((w) => w.count),
      ]);
    expect(numbers(analysisCa)).toEqual(numbers(analysisEn));
    expect([analysisCa.learners, analysisCa.finishedAttempts, analysisCa.mostFailed]).toEqual([3, 4, ['q1']]);

    // Without a language, the manager's profile language (Anna reads English).
    const history = await ok(core, 'reports.learner', { session: manager, learnerId: who.anna });
    expect(history.events.find((event) => event.kind === 'lesson-completed')?.itemTitle).toBe('Lesson first');
    const historyCa = await ok(core, 'reports.learner', { session: manager, learnerId: who.anna, language: 'ca' });
    expect(historyCa.events.find((event) => event.kind === 'lesson-completed')?.itemTitle).toBe('Primera lliçó');

    const file = await ok(core, 'reports.export', {
      session: manager,
      courseId: COURSE.id,
      format: 'csv',
      language: 'ca',
      decimalComma: true,
    });
    const lines = Buffer.from(file.base64, 'base64').toString('utf8').split('\r\n');
    expect(lines.filter((line) => line.startsWith('Anna;')).map((line) => line.split(';').slice(1, 3))).toEqual([
      ['Lliçó', 'Primera lliçó'],
      ['Lliçó', 'Segona lliçó'],
      ['Qüestionari', 'Comprova què has entès'],
    ]);
  });

  it('refuses every report and group channel to a learner, and changes nothing', async () => {
    const group = await ok(core, 'groups.create', { session: manager, name: 'Teixit' });
    const session = learner;
    const calls: ChannelCall[] = [
      ['reports.course', { session, courseId: COURSE.id }],
      ['reports.quiz', { session, courseId: COURSE.id, quizId: QUIZ.id }],
      ['reports.learner', { session, learnerId: who.bernat }],
      ['reports.export', { session, courseId: COURSE.id, format: 'csv', language: 'en', decimalComma: false }],
      ['reports.learners', { session }],
      ['reports.deleteImportedLearner', { session, learnerId: who.bernat }],
      ['groups.list', { session }],
      ['groups.create', { session, name: 'Mine' }],
      ['groups.rename', { session, groupId: group.id, name: 'Mine' }],
      ['groups.setMembers', { session, groupId: group.id, learnerIds: [who.bernat] }],
      ['groups.delete', { session, groupId: group.id }],
    ];
    for (const attempt of calls) {
      const error = await failureOf(core, attempt);
      expect([attempt[0], error.code, error.reason]).toEqual([attempt[0], 'forbidden', 'profile.manager-required']);
    }
    expect((await ok(core, 'groups.list', { session: manager })).map((g) => [g.name, g.memberIds])).toEqual([
      ['March workshop', [who.anna, who.carla]],
      ['Teixit', []],
    ]);
  });

  it('keeps groups: unique names, members set exactly, and a report of a deleted group refused', async () => {
    const group = await ok(core, 'groups.create', { session: manager, name: 'Teixit' });
    expect((await failure(core, 'groups.create', { session: manager, name: 'teixit' })).reason).toBe('group.name-taken');
    expect((await failure(core, 'groups.rename', { session: manager, groupId: group.id, name: 'march WORKSHOP' })).reason).toBe(
      'group.name-taken',
    );
    const members = await ok(core, 'groups.setMembers', {
      session: manager,
      groupId: group.id,
      learnerIds: [who.dani, who.bernat, who.dani],
    });
    expect(members.memberIds).toEqual([who.bernat, who.dani]);
    const report = await ok(core, 'reports.course', { session: manager, courseId: COURSE.id, groupId: group.id });
    expect(report.rows.map((row) => row.displayName)).toEqual(['Bernat', 'Dani']);
    expect(await ok(core, 'groups.delete', { session: manager, groupId: group.id })).toEqual({ deleted: true });
    expect((await failure(core, 'reports.course', { session: manager, courseId: COURSE.id, groupId: group.id })).reason).toBe(
      'group.not-found',
    );
  });
});
