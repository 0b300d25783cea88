import path from 'node:path';
import { readSheet } from 'read-excel-file/node';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startCore, type RunningCore } from '../../../electron/core/start-core.js';
import { writeFixtureCourse } from '../../helpers/fixture-course.js';
import { type ChannelCall, failure, failureOf, ok } from '../../helpers/typed-core.js';
import { makeTempDir } from '../../helpers/temp-dir.js';
import { COURSE, QUIZ, writeReportsFixture, type FixtureLearners } from '../reports/reports-fixture.js';

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
    writeFixtureCourse(courses, { id: COURSE.id, lessons: ['first', 'second'], quizzes: [{ ...QUIZ }] });
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
