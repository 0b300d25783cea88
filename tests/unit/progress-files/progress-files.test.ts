import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CourseReport, ExportedProgressFile } from '../../../electron/contract/channels.js';
import { startCore, type RunningCore } from '../../../electron/core/start-core.js';
import type { Db } from '../../../electron/db/open-database.js';
import { readProgressFile } from '../../../electron/progress-files/read-progress-file.js';
import { writeFixtureCourse } from '../../helpers/fixture-course.js';
import { failure, failureUnchecked, failureWithFile, ok, okWithFile } from '../../helpers/typed-core.js';
import { finalAnswersFromScratch, storedFinalAnswers } from '../../helpers/final-answers.js';
import { dumpDatabase } from '../../helpers/database-dump.js';
import { makeTempDir } from '../../helpers/temp-dir.js';
import { COURSE, QUIZ, writeReportsFixture, type FixtureLearners } from '../reports/reports-fixture.js';

/** The learners' work as records, leaving out where they live (origins, roles, settings) and the importing PC's own Trainer. */
function work(db: Db): Record<string, unknown[]> {
  const all = dumpDatabase(db);
  const sorted = (rows: unknown[]) => rows.map((row) => JSON.stringify(row)).sort();
  return {
    learners: sorted(
      db.prepare("SELECT id, display_name, language, created_at FROM learners WHERE display_name <> 'Trainer'").all(),
    ),
    lesson_progress: sorted(all.lesson_progress ?? []),
    quiz_attempts: sorted(all.quiz_attempts ?? []),
    quiz_answers: sorted(all.quiz_answers ?? []),
    quiz_final_answers: sorted(all.quiz_final_answers ?? []),
    exercise_submissions: sorted(all.exercise_submissions ?? []),
    canvas_revisions: sorted(all.canvas_revisions ?? []),
  };
}

/** A report's rows as this PC's manager sees them, without the importing PC's own manager. */
function learnerRows(report: CourseReport, leaveOut: string[] = []) {
  return report.rows.filter((row) => !leaveOut.includes(row.displayName)).map(({ fromPc: _from, ...row }) => row);
}

const bytesOf = (file: ExportedProgressFile) => Buffer.from(file.base64, 'base64');

/** Work the reports fixture does not have: an exercise submission and a canvas revision. */
function writePracticalWork(db: Db, learnerId: string): void {
  db.prepare(
    `INSERT INTO exercise_submissions (id, learner_id, course_id, course_version, exercise_id, exercise_type, answer_json,
       correct, score, max_score, outcome_json, submitted_at)
     VALUES ('9a1d0c55-4c4f-4d39-9d5e-3f4f6f1d2a01', ?, ?, '1.0.0', 'members-total', 'number', '{"value":"12"}', 1, 1, 1,
       '{"correct":true}', '2026-03-04T09:00:00.000Z')`,
  ).run(learnerId, COURSE.id);
  db.prepare(
    `INSERT INTO canvas_revisions (id, learner_id, course_id, canvas_id, content_json, saved_at)
     VALUES ('9a1d0c55-4c4f-4d39-9d5e-3f4f6f1d2a02', ?, ?, 'our-model', '{"customers":"Families"}', '2026-03-04T09:30:00.000Z')`,
  ).run(learnerId, COURSE.id);
}

describe('progress files between two data folders', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let courses: string;
  let source: RunningCore;
  let who: FixtureLearners;
  let sourceManager: string;
  const targets: RunningCore[] = [];

  const startAula = (name: string) =>
    startCore({
      dataDir: path.join(temp.dir, name),
      courseRoots: [courses],
      appVersion: '0.0.0-test',
      firstBackupDelayMs: false,
    });

  /** A second Aula with its own manager, the trainer who imports. */
  async function startTarget(name: string): Promise<{ core: RunningCore; manager: string }> {
    const core = await startAula(name);
    targets.push(core);
    const trainer = await ok(core, 'learners.create', { displayName: 'Trainer', language: 'en' });
    const { session } = await ok(core, 'learners.open', { learnerId: trainer.id });
    return { core, manager: session };
  }

  const courseReport = (core: RunningCore, session: string) => ok(core, 'reports.course', { session, courseId: COURSE.id });
  const importFile = (core: RunningCore, session: string, bytes: Uint8Array) =>
    okWithFile(core, 'progressFiles.import', { session }, bytes);

  beforeEach(async () => {
    temp = makeTempDir();
    courses = path.join(temp.dir, 'courses');
    writeFixtureCourse(courses, { id: COURSE.id, lessons: ['first', 'second'], quizzes: [{ ...QUIZ }] });
    source = await startAula('library-pc');
    who = writeReportsFixture(source.db);
    writePracticalWork(source.db, who.dani);
    sourceManager = (await ok(source, 'learners.open', { learnerId: who.anna })).session;
    await ok(source, 'progressFiles.setPcName', { session: sourceManager, name: 'Library PC 2' });
  });
  afterEach(() => {
    source.close();
    for (const core of targets.splice(0)) core.close();
    temp.remove();
  });

  it('imports everyone twice: the same reports as on the PC they came from, "from" that PC, nothing duplicated', async () => {
    const file = await ok(source, 'progressFiles.exportAll', { session: sourceManager });
    expect(file.fileName).toMatch(/^aula-progress-library-pc-2-all-\d{4}-\d{2}-\d{2}\.aulaprogress$/);
    expect(file.learners).toBe(4);
    const { core: target, manager } = await startTarget('trainer-laptop');

    const first = await importFile(target, manager, bytesOf(file));
    expect(first).toMatchObject({
      pcName: 'Library PC 2',
      learners: { new: 4, known: 0 },
      attempts: { new: 5, known: 0 },
      // 3 lesson progress rows, 14 answers, 1 submission, 1 canvas revision.
      otherRecords: { new: 19, known: 0 },
    });
    const afterFirst = dumpDatabase(target.db);
    const second = await importFile(target, manager, bytesOf(file));
    expect(second).toMatchObject({
      learners: { new: 0, known: 4 },
      attempts: { new: 0, known: 5 },
      otherRecords: { new: 0, known: 19 },
    });
    // Only the times of the latest import change.
    expect(dumpDatabase(target.db)).toEqual({ ...afterFirst, progress_origins: expect.any(Array), known_pcs: expect.any(Array) });
    expect(work(target.db)).toEqual(work(source.db));

    const there = await courseReport(source, sourceManager);
    const here = await courseReport(target, manager);
    expect(learnerRows(here, ['Trainer'])).toEqual(learnerRows(there));
    expect(here.rows.map((row) => [row.displayName, row.fromPc])).toEqual([
      ['Anna', 'Library PC 2'],
      ['Bernat', 'Library PC 2'],
      ['Carla', 'Library PC 2'],
      ['Dani', 'Library PC 2'],
      ['Trainer', null],
    ]);
    const analysis = (core: RunningCore, session: string) =>
      ok(core, 'reports.quiz', { session, courseId: COURSE.id, quizId: QUIZ.id });
    expect(await analysis(target, manager)).toEqual(await analysis(source, sourceManager));
    const history = await ok(target, 'reports.learner', {
      session: manager,
      learnerId: who.dani,
    });
    expect(history.fromPc).toBe('Library PC 2');
    expect(history.events).toEqual((await ok(source, 'reports.learner', { session: sourceManager, learnerId: who.dani })).events);

    // A trainer's group can hold imported learners, and its report shows them.
    const learners = await ok(target, 'reports.learners', {
      session: manager,
    });
    expect(learners.map((learner) => [learner.displayName, learner.fromPc])).toEqual([
      ['Trainer', null],
      ['Anna', 'Library PC 2'],
      ['Bernat', 'Library PC 2'],
      ['Carla', 'Library PC 2'],
      ['Dani', 'Library PC 2'],
    ]);
    const group = await ok(target, 'groups.create', { session: manager, name: 'Workshop' });
    await ok(target, 'groups.setMembers', { session: manager, groupId: group.id, learnerIds: [who.dani] });
    const groupReport = await ok(target, 'reports.course', {
      session: manager,
      courseId: COURSE.id,
      groupId: group.id,
    });
    expect(groupReport.rows.map((row) => [row.displayName, row.fromPc])).toEqual([['Dani', 'Library PC 2']]);

    // Imported learners are in reports only: not on the profile picker, and nobody can open them here.
    expect((await ok(target, 'learners.list', {})).map((learner) => learner.displayName)).toEqual(['Trainer']);
    expect((await failure(target, 'learners.open', { learnerId: who.anna })).reason).toBe('profile.not-found');
  });

  it('lets a manager delete an imported learner with all their records here; importing the file again brings them back', async () => {
    const file = bytesOf(await ok(source, 'progressFiles.exportAll', { session: sourceManager }));
    const { core: target, manager } = await startTarget('trainer-laptop');
    await importFile(target, manager, file);
    const imported = work(target.db);
    const group = await ok(target, 'groups.create', { session: manager, name: 'Workshop' });
    await ok(target, 'groups.setMembers', { session: manager, groupId: group.id, learnerIds: [who.dani, who.anna] });
    const danisRows = (table: string) =>
      target.db.prepare(`SELECT count(*) FROM "${table}" WHERE learner_id = ?`).pluck().get(who.dani) as number;
    const learnerTables = [
      'lesson_progress',
      'quiz_attempts',
      'exercise_submissions',
      'canvas_revisions',
      'learner_group_members',
      'quiz_final_answers',
    ];
    expect(learnerTables.map(danisRows)).toEqual([0, 1, 1, 1, 1, 3]);

    // Someone who is not a manager cannot; nor can a manager delete this PC's own profile this way.
    const helper = await ok(target, 'learners.create', { displayName: 'Helper', language: 'en' });
    const helperSession = (await ok(target, 'learners.open', { learnerId: helper.id })).session;
    const refused = await failure(target, 'reports.deleteImportedLearner', { session: helperSession, learnerId: who.dani });
    expect(refused.reason).toBe('profile.manager-required');
    const own = await failure(target, 'reports.deleteImportedLearner', { session: manager, learnerId: helper.id });
    expect(own.reason).toBe('profile.not-found');
    expect(target.db.prepare('SELECT count(*) FROM learners WHERE id = ?').pluck().get(helper.id)).toBe(1);

    expect(await ok(target, 'reports.deleteImportedLearner', { session: manager, learnerId: who.dani })).toEqual({
      deleted: true,
    });
    expect(learnerTables.map(danisRows)).toEqual([0, 0, 0, 0, 0, 0]);
    expect(storedFinalAnswers(target.db)).toEqual(finalAnswersFromScratch(target.db));
    expect(
      target.db
        .prepare('SELECT count(*) FROM quiz_answers a JOIN quiz_attempts t ON t.id = a.attempt_id WHERE t.learner_id = ?')
        .pluck()
        .get(who.dani),
    ).toBe(0);
    const report = await courseReport(target, manager);
    expect(report.rows.map((row) => row.displayName)).toEqual(['Anna', 'Bernat', 'Carla', 'Helper', 'Trainer']);
    expect((await failure(target, 'reports.learner', { session: manager, learnerId: who.dani })).reason).toBe(
      'profile.not-found',
    );
    // Deleted once is gone: a second call finds nobody.
    expect((await failure(target, 'reports.deleteImportedLearner', { session: manager, learnerId: who.dani })).reason).toBe(
      'profile.not-found',
    );
    // The others are untouched, and so is the group (now with Anna only).
    expect((await ok(target, 'groups.list', { session: manager })).map((listed) => listed.memberIds)).toEqual([[who.anna]]);

    const again = await importFile(target, manager, file);
    expect(again).toMatchObject({ learners: { new: 1, known: 3 } });
    const reimported = work(target.db);
    expect({ ...reimported, learners: (reimported.learners ?? []).filter((row) => !String(row).includes('Helper')) }).toEqual(
      imported,
    );
  });

  it('keeps the newer state whatever the order of an older and a newer file, and the same in both orders', async () => {
    const older = bytesOf(await ok(source, 'progressFiles.exportAll', { session: sourceManager }));
    // Later on the library PC: Bernat finishes his open attempt and reads on to the end; the PC and Bernat are renamed.
    source.db
      .prepare(
        `UPDATE quiz_attempts SET finished_at = '2026-03-06T11:04:00.000Z', score = 3, max_score = 3, pass_mark = 70, passed = 1
         WHERE learner_id = ? AND finished_at IS NULL`,
      )
      .run(who.bernat);
    source.db
      .prepare(
        `UPDATE lesson_progress SET status = 'completed', completed_at = '2026-03-08T09:00:00.000Z',
           updated_at = '2026-03-08T09:00:00.000Z', last_opened_at = '2026-03-08T09:00:00.000Z', time_spent_seconds = 400,
           reached_end_at = '2026-03-08T08:58:00.000Z'
         WHERE learner_id = ?`,
      )
      .run(who.bernat);
    await ok(source, 'learners.update', { session: sourceManager, learnerId: who.bernat, displayName: 'Bernat Soler' });
    await ok(source, 'progressFiles.setPcName', { session: sourceManager, name: 'Library PC 3' });
    // Made after those changes (each a durable write), so its creation time is later.
    const newer = bytesOf(await ok(source, 'progressFiles.exportAll', { session: sourceManager }));
    expect(readProgressFile(newer).createdAt > readProgressFile(older).createdAt).toBe(true);

    const newerFirst = await startTarget('newer-first');
    await importFile(newerFirst.core, newerFirst.manager, newer);
    const summary = await importFile(newerFirst.core, newerFirst.manager, older);
    expect(summary).toMatchObject({ learners: { new: 0, known: 4 }, attempts: { new: 0, known: 5 } });
    const olderFirst = await startTarget('older-first');
    await importFile(olderFirst.core, olderFirst.manager, older);
    await importFile(olderFirst.core, olderFirst.manager, newer);

    expect(work(newerFirst.core.db)).toEqual(work(source.db));
    expect(work(olderFirst.core.db)).toEqual(work(source.db));
    // Bernat's attempt, finished by the newer file, has its final answer in both orders.
    for (const core of [newerFirst.core, olderFirst.core]) {
      expect(storedFinalAnswers(core.db)).toEqual(finalAnswersFromScratch(core.db));
      expect(core.db.prepare('SELECT count(*) FROM quiz_final_answers WHERE learner_id = ?').pluck().get(who.bernat)).toBe(4);
    }
    const analysis = (core: RunningCore, session: string) =>
      ok(core, 'reports.quiz', { session, courseId: COURSE.id, quizId: QUIZ.id });
    const analysed = await analysis(source, sourceManager);
    expect(await analysis(newerFirst.core, newerFirst.manager)).toEqual(analysed);
    expect(await analysis(olderFirst.core, olderFirst.manager)).toEqual(analysed);
    const there = await courseReport(source, sourceManager);
    for (const { core, manager } of [newerFirst, olderFirst]) {
      const here = await courseReport(core, manager);
      expect(learnerRows(here, ['Trainer'])).toEqual(learnerRows(there));
      expect(here.rows.find((row) => row.learnerId === who.bernat)?.fromPc).toBe('Library PC 3');
      expect(here.rows.find((row) => row.learnerId === who.bernat)?.displayName).toBe('Bernat Soler');
    }
  });

  it('passes learners on: a file made where they were imported keeps the PC they came from', async () => {
    const { core: office, manager: officeManager } = await startTarget('office');
    await ok(office, 'progressFiles.setPcName', { session: officeManager, name: 'Office' });
    await importFile(office, officeManager, bytesOf(await ok(source, 'progressFiles.exportAll', { session: sourceManager })));
    const relayed = await ok(office, 'progressFiles.exportAll', { session: officeManager });

    const { core: federation, manager } = await startTarget('federation');
    const summary = await importFile(federation, manager, bytesOf(relayed));
    expect(summary).toMatchObject({ pcName: 'Office', learners: { new: 5, known: 0 } });
    const report = await courseReport(federation, manager);
    // Two profiles called "Trainer" (this one's and the Office's) may come in either order.
    const byNameThenPc = (a: [string, string | null], b: [string, string | null]) =>
      a[0].localeCompare(b[0]) || String(a[1]).localeCompare(String(b[1]));
    const fromWhere = report.rows.map((row): [string, string | null] => [row.displayName, row.fromPc]);
    expect(fromWhere.sort(byNameThenPc)).toEqual([
      ['Anna', 'Library PC 2'],
      ['Bernat', 'Library PC 2'],
      ['Carla', 'Library PC 2'],
      ['Dani', 'Library PC 2'],
      ['Trainer', null],
      ['Trainer', 'Office'],
    ]);

    // Brought back to the library PC, the file adds nothing and leaves its own profiles as they are.
    const before = dumpDatabase(source.db);
    const back = await importFile(source, sourceManager, bytesOf(relayed));
    expect(back).toMatchObject({ learners: { new: 1, known: 4 }, attempts: { new: 0, known: 5 }, otherRecords: { new: 0 } });
    const after = dumpDatabase(source.db);
    // Rows are sorted by content, so the one new profile may sit anywhere among the old ones.
    expect(after.learners).toHaveLength((before.learners?.length ?? 0) + 1);
    expect(after.learners).toEqual(expect.arrayContaining(before.learners ?? []));
    expect(after.quiz_answers).toEqual(before.quiz_answers);
  });

  it('refuses a tampered, a cut-off, another version and another kind of file, and changes nothing', async () => {
    const file = bytesOf(await ok(source, 'progressFiles.exportAll', { session: sourceManager }));
    const { core: target, manager } = await startTarget('trainer-laptop');
    const text = file.toString('utf8');
    const tampered = Buffer.from(text.replace('Dani', 'Dana'), 'utf8');
    expect(tampered.length).toBe(file.length);
    const oneByteOff = Buffer.from(file);
    const at = text.indexOf('2026-03-07T08:02:00.000Z');
    oneByteOff[at + 3] = '7'.charCodeAt(0);
    const otherVersion = Buffer.from(text.replace('"formatVersion":1', '"formatVersion":2'), 'utf8');
    const cases: [string, Buffer, string, Record<string, unknown>?][] = [
      ['a changed name', tampered, 'progress-file.tampered'],
      ['one changed byte', oneByteOff, 'progress-file.tampered'],
      ['the first half', file.subarray(0, Math.floor(file.length / 2)), 'progress-file.incomplete'],
      ['all but the last byte', file.subarray(0, file.length - 3), 'progress-file.incomplete'],
      ['format version 2', otherVersion, 'progress-file.other-version', { version: 2, supported: 1 }],
      ['a CSV file', Buffer.from('learner;score\nAnna;3\n'), 'progress-file.wrong-kind'],
      ['a course pack (zip)', Buffer.from('PK\u0003\u0004 not a progress file'), 'progress-file.wrong-kind'],
      ['another JSON file', Buffer.from('{"format":"aula-report"}'), 'progress-file.wrong-kind'],
    ];
    const before = dumpDatabase(target.db);
    for (const [what, bytes, reason, params] of cases) {
      const error = await failureWithFile(target, 'progressFiles.import', { session: manager }, bytes);
      expect([what, error.code, error.reason]).toEqual([what, 'invalid-arguments', reason]);
      if (params) expect(error.params).toEqual(params);
      expect(dumpDatabase(target.db)).toEqual(before);
    }
    // The untouched file still imports.
    expect((await importFile(target, manager, file)).learners.new).toBe(4);
  });

  it('lets a learner export only their own progress, and only a manager export everyone, import or rename the PC', async () => {
    const bernat = (await ok(source, 'learners.open', { learnerId: who.bernat })).session;
    const own = await ok(source, 'progressFiles.exportOwn', { session: bernat });
    expect(own.fileName).toMatch(/^aula-progress-library-pc-2-bernat-/);
    const payload = readProgressFile(bytesOf(own));
    expect(payload.scope).toEqual({ kind: 'learner' });
    expect(payload.learners.map((learner) => learner.id)).toEqual([who.bernat]);
    const learnerIds = Object.values(payload.records).flatMap((records) =>
      records.flatMap((record) => ('learner_id' in record ? [record.learner_id] : [])),
    );
    expect(new Set(learnerIds)).toEqual(new Set([who.bernat]));
    expect(payload.records.quiz_answers).toHaveLength(4);
    // No PINs or anything about this PC's roles travel.
    expect(bytesOf(own).toString('utf8')).not.toMatch(/pin|is_manager|isManager/i);

    const before = dumpDatabase(source.db);
    for (const [channel, args] of [
      ['progressFiles.exportAll', { session: bernat }],
      ['progressFiles.exportAll', { session: bernat, groupId: who.groupId }],
      ['progressFiles.identity', { session: bernat }],
      ['progressFiles.setPcName', { session: bernat, name: 'Mine' }],
    ] as const) {
      const error = await failure(source, channel, args);
      expect([channel, error.code, error.reason]).toEqual([channel, 'forbidden', 'profile.manager-required']);
    }
    const refusedImport = await failureWithFile(source, 'progressFiles.import', { session: bernat }, bytesOf(own));
    expect([refusedImport.code, refusedImport.reason]).toEqual(['forbidden', 'profile.manager-required']);
    // exportOwn takes no learner id: there is no way to name someone else's progress.
    expect((await failureUnchecked(source, 'progressFiles.exportOwn', { session: bernat, learnerId: who.anna })).reason).toBe(
      'request.invalid-arguments',
    );
    expect(dumpDatabase(source.db)).toEqual(before);

    // A manager's group export carries the group's members only.
    const group = readProgressFile(
      bytesOf(await ok(source, 'progressFiles.exportAll', { session: sourceManager, groupId: who.groupId })),
    );
    expect(group.scope).toEqual({ kind: 'group', groupName: 'March workshop' });
    expect(group.learners.map((learner) => learner.displayName).sort()).toEqual(['Anna', 'Carla']);
  });
});
