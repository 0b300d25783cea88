import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startCore, type RunningCore } from '../../../electron/core/start-core.js';
import { exportOutboxJson, installationId } from '../../../electron/db/xapi-outbox.js';
import {
  activityIds,
  AULA_IRI_BASE,
  CMI5_PROGRESS_EXTENSION,
  installationHomePage,
  isHttpsIriBase,
  statementsFor,
  type LearningEvent,
  type XapiStatement,
} from '../../../electron/xapi/learning-statements.js';
import { writeFixtureCourse } from '../../helpers/fixture-course.js';
import { failure, ok } from '../../helpers/typed-core.js';
import { makeTempDir } from '../../helpers/temp-dir.js';
import { xapiProblems } from '../../helpers/xapi-validator.js';

const tf = (id: string, answer: boolean) => ({ id, type: 'true-false', prompt: `Statement ${id}`, answer });
const QUIZ = { id: 'check', title: 'Check', passMark: 50, questions: [tf('a', true), tf('b', false)] };
const verb = (statement: XapiStatement) => statement.verb.id.split('/').at(-1);

const ORGANISATION_BASE = 'https://lrs.esempio.example/xapi/aula/';

describe('xAPI statements for learning events', () => {
  it.each([
    ['the default URN base', AULA_IRI_BASE],
    ["an organisation's https base", ORGANISATION_BASE],
  ])('are valid xAPI for every kind of event under %s (checked by the validator the LRS runs)', (_name, iriBase) => {
    const attemptId = '0b8f0a8e-2f7e-4a8e-9d0e-3c1f5a6b7c8d';
    const events: LearningEvent[] = [
      { kind: 'lesson-opened', courseId: 'c', lessonId: 'l' },
      { kind: 'lesson-progressed', courseId: 'c', lessonId: 'l', progressPercent: 50 },
      { kind: 'lesson-completed', courseId: 'c', lessonId: 'l', timeSpentSeconds: 95 },
      { kind: 'quiz-started', courseId: 'c', quizId: 'q', attemptId },
      {
        kind: 'question-answered',
        courseId: 'c',
        quizId: 'q',
        attemptId,
        questionId: 'x',
        response: '{"type":"true-false","value":true}',
        success: true,
        score: 1,
        maxScore: 1,
      },
      { kind: 'quiz-finished', courseId: 'c', quizId: 'q', attemptId, score: 1, maxScore: 2, passed: false, durationSeconds: 61 },
      { kind: 'exercise-submitted', courseId: 'c', exerciseId: 'e', response: '42', success: true, score: 2, maxScore: 2 },
    ];
    let n = 0;
    const statements = events.flatMap((event) =>
      statementsFor(event, {
        installationId: '7d6c5b4a-3e2f-4a1b-8c9d-0e1f2a3b4c5d',
        learnerId: '5b0e8c1e-7a4f-4d2b-9a57-2f1c3d4e5f61',
        at: new Date('2026-12-07T10:00:00.000Z'),
        newId: () => `00000000-0000-4000-8000-${String((n += 1)).padStart(12, '0')}`,
        iriBase,
      }),
    );
    expect(statements.map(verb)).toEqual([
      'initialized',
      'progressed',
      'completed',
      'initialized',
      'answered',
      'failed',
      'terminated',
      'answered',
    ]);
    for (const statement of statements) expect(xapiProblems(statement), JSON.stringify(statement)).toEqual([]);
    expect(statements[1]?.result?.extensions?.[CMI5_PROGRESS_EXTENSION]).toBe(50);
    expect(statements[5]?.result?.score).toEqual({ scaled: 0.5, raw: 1, min: 0, max: 2 });
    expect(statements[2]?.result?.duration).toBe('PT95S');
    // Every activity and the actor's home page live under the base.
    const ids = statements.flatMap((statement) => [
      statement.object.id,
      statement.actor.account.homePage,
      ...(statement.context.contextActivities?.parent ?? []).map((activity) => activity.id),
    ]);
    expect(ids.filter((id) => !id.startsWith(iriBase))).toEqual([]);
  });

  it('makes the same ids as before under the URN, and path segments under an https base', () => {
    expect(activityIds.question('c', 'q', 'x y')).toBe('urn:aula:course:c:quiz:q:question:x%20y');
    expect(installationHomePage('i-1')).toBe('urn:aula:installation:i-1');
    const [statement] = statementsFor(
      { kind: 'lesson-opened', courseId: 'data-foundations', lessonId: 'where-data-lives' },
      { installationId: 'i-1', learnerId: 'l-1', at: new Date(0), newId: () => 'id', iriBase: ORGANISATION_BASE },
    );
    expect(statement?.object.id).toBe('https://lrs.esempio.example/xapi/aula/course/data-foundations/lesson/where-data-lives');
    expect(statement?.actor.account.homePage).toBe('https://lrs.esempio.example/xapi/aula/installation/i-1');
  });

  it('takes as a base only an absolute https URL ending in "/"', () => {
    const accepted = ['https://example.org/', 'https://example.org/xapi/aula/', 'https://lrs.example.org:8443/ids/'];
    const refused = [
      'http://example.org/xapi/',
      'https://example.org/xapi',
      'https://example.org/xapi/?a=1/',
      'https://example.org/x#/',
      'https://user:pw@example.org/',
      'urn:aula:',
      '/xapi/aula/',
      'https://example.org/with space/',
      '',
    ];
    expect(accepted.filter((base) => !isHttpsIriBase(base))).toEqual([]);
    expect(refused.filter((base) => isHttpsIriBase(base))).toEqual([]);
  });

  it('the validator refuses what is not xAPI (so the check above can fail)', () => {
    expect(xapiProblems({ actor: { mbox: 'ana@example.org' }, verb: { id: 'not an iri' }, object: {} })).not.toEqual([]);
  });

  describe('recorded by the core with the events themselves', () => {
    let temp: ReturnType<typeof makeTempDir>;
    let core: RunningCore;
    beforeEach(async () => {
      temp = makeTempDir();
      writeFixtureCourse(path.join(temp.dir, 'courses'), { id: 'fixture', lessons: ['one', 'two'], quizzes: [QUIZ] });
      core = await startCore({
        dataDir: path.join(temp.dir, 'data'),
        courseRoots: [path.join(temp.dir, 'courses')],
        appVersion: 't',
      });
    });
    afterEach(() => {
      core.close();
      temp.remove();
    });

    it('makes one statement per event, by account (never e-mail or name), with stable activity ids', async () => {
      const learner = await ok(core, 'learners.create', { displayName: 'Ana Puig', language: 'ca' });
      const { session } = await ok(core, 'learners.open', { learnerId: learner.id });
      const lesson = { session, courseId: 'fixture', lessonId: 'one' };
      await ok(core, 'lesson.open', lesson);
      for (const scrollFraction of [0.1, 0.3, 0.35, 0.8, 1]) {
        await ok(core, 'progress.recordReading', { ...lesson, activeSeconds: 10, scrollFraction });
      }
      await ok(core, 'lesson.complete', lesson);
      await ok(core, 'lesson.complete', lesson);
      const quiz = { session, courseId: 'fixture', quizId: 'check' };
      await ok(core, 'quiz.submitAnswer', { ...quiz, questionId: 'a', answer: { type: 'true-false', value: true } });
      await ok(core, 'quiz.submitAnswer', { ...quiz, questionId: 'b', answer: { type: 'true-false', value: true } });

      const statements = JSON.parse(exportOutboxJson(core.deps.db).json) as XapiStatement[];
      expect(statements.map((statement) => `${verb(statement)} ${statement.object.id}`)).toEqual([
        `initialized ${activityIds.lesson('fixture', 'one')}`,
        `progressed ${activityIds.lesson('fixture', 'one')}`,
        `progressed ${activityIds.lesson('fixture', 'one')}`,
        `progressed ${activityIds.lesson('fixture', 'one')}`,
        `completed ${activityIds.lesson('fixture', 'one')}`,
        `initialized ${activityIds.quiz('fixture', 'check')}`,
        `answered ${activityIds.question('fixture', 'check', 'a')}`,
        `answered ${activityIds.question('fixture', 'check', 'b')}`,
        `passed ${activityIds.quiz('fixture', 'check')}`,
        `terminated ${activityIds.quiz('fixture', 'check')}`,
      ]);
      expect(statements.map((s) => s.result?.extensions?.[CMI5_PROGRESS_EXTENSION]).filter(Boolean)).toEqual([25, 75, 100]);
      const answered = statements.filter((s) => verb(s) === 'answered');
      expect(answered.map((s) => [s.result?.success, s.result?.response])).toEqual([
        [true, '{"type":"true-false","value":true}'],
        [false, '{"type":"true-false","value":true}'],
      ]);
      expect(statements.find((s) => verb(s) === 'passed')?.result?.score?.scaled).toBe(0.5);
      // One attempt, one registration, on every statement about it.
      const registrations = new Set(statements.filter((s) => s.context.registration).map((s) => s.context.registration));
      expect(registrations.size).toBe(1);

      const homePage = installationHomePage(installationId(core.deps.db));
      for (const statement of statements) {
        expect(xapiProblems(statement)).toEqual([]);
        expect(statement.actor).toEqual({ objectType: 'Agent', account: { homePage, name: learner.id } });
      }
      expect(JSON.stringify(statements)).not.toContain('Ana');
      expect(new Set(statements.map((s) => s.id)).size).toBe(statements.length);
    });

    it("makes new statements under a manager's https base, keeps those recorded, and refuses a base that is not one", async () => {
      const manager = await ok(core, 'learners.create', { displayName: 'Montse', language: 'ca' });
      const { session } = await ok(core, 'learners.open', { learnerId: manager.id });
      const lesson = { session, courseId: 'fixture', lessonId: 'one' };
      const outbox = () => JSON.parse(exportOutboxJson(core.deps.db).json) as XapiStatement[];
      await ok(core, 'lesson.open', lesson);
      const before = outbox();
      expect((await ok(core, 'lrs.status', { session })).iriBase).toBe(AULA_IRI_BASE);

      // No LRS yet: the base can be set before any is connected, so every statement sent uses it.
      const set = await ok(core, 'lrs.configure', { session, endpoint: null, key: '', iriBase: ORGANISATION_BASE });
      expect(set.iriBase).toBe(ORGANISATION_BASE);
      await ok(core, 'lesson.complete', lesson);
      const after = outbox();
      expect(after.slice(0, before.length)).toEqual(before);
      expect(after.map((statement) => statement.object.id)).toEqual([
        activityIds.lesson('fixture', 'one'),
        `${ORGANISATION_BASE}course/fixture/lesson/one`,
      ]);
      for (const statement of after) expect(xapiProblems(statement)).toEqual([]);

      for (const bad of ['http://esempio.example/xapi/', 'https://esempio.example/xapi', 'urn:other:']) {
        const error = await failure(core, 'lrs.configure', { session, endpoint: null, key: '', iriBase: bad });
        expect([error.code, error.reason, error.params]).toEqual(['invalid-arguments', 'lrs.iri-base-invalid', { base: bad }]);
      }
      expect((await ok(core, 'lrs.status', { session })).iriBase).toBe(ORGANISATION_BASE);
      // Left out, the base is kept; null (or an empty field) goes back to the default.
      expect((await ok(core, 'lrs.configure', { session, endpoint: null, key: '' })).iriBase).toBe(ORGANISATION_BASE);
      expect((await ok(core, 'lrs.configure', { session, endpoint: null, key: '', iriBase: '' })).iriBase).toBe(AULA_IRI_BASE);
    });
  });
});
