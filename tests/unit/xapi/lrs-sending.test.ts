import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadQuizzes } from '../../../electron/courses/load-course.js';
import { startCore, type RunningCore } from '../../../electron/core/start-core.js';
import { exportOutboxJson } from '../../../electron/db/xapi-outbox.js';
import { rightAnswer } from '../../helpers/right-answer.js';
import { failure, ok } from '../../helpers/typed-core.js';
import { makeTempDir, SAMPLE_COURSE_DIR } from '../../helpers/temp-dir.js';
import { startTestLrs, type TestLrs } from '../../helpers/test-lrs.js';
import { xapiProblems } from '../../helpers/xapi-validator.js';

/** Sending the outbox to a real LRS (Learning Locker's statement service) on 127.0.0.1. */
describe('sending xAPI statements to an LRS', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let lrs: TestLrs;
  let core: RunningCore;
  let session: string;
  const dataDir = () => path.join(temp.dir, 'data');
  const start = async () => {
    core = await startCore({
      dataDir: dataDir(),
      courseRoots: [],
      courseFolders: [SAMPLE_COURSE_DIR],
      appVersion: 't',
      lrsSender: { firstRetryMs: 20, maxRetryMs: 100, gatherMs: 10, batchSize: 7 },
    });
  };
  const status = () => ok(core, 'lrs.status', { session });
  const sendNow = () => ok(core, 'lrs.sendNow', { session });
  const outbox = () => JSON.parse(exportOutboxJson(core.deps.db).json) as { id: string; verb: { id: string } }[];
  const ids = (statements: { id: string }[]) => statements.map((statement) => statement.id).sort();

  const sample = loadQuizzes(SAMPLE_COURSE_DIR);
  const lessons = ['data-you-already-have', 'reading-a-table', 'describing-figures'];
  const studyLesson = async (lessonId: string) => {
    const lesson = { session, courseId: 'sample', lessonId };
    await ok(core, 'lesson.open', lesson);
    await ok(core, 'progress.recordReading', { ...lesson, activeSeconds: 30, scrollFraction: 1 });
    await ok(core, 'lesson.complete', lesson);
  };
  const passQuiz = async (quizId: string) => {
    const args = { session, courseId: 'sample', quizId };
    const quiz = await ok(core, 'quiz.get', args);
    const key = sample.get(quizId);
    for (const shown of quiz.questions) {
      const question = key?.questions.find((candidate) => candidate.id === shown.id);
      if (!question) throw new Error(`No key for ${quizId}/${shown.id}`);
      await ok(core, 'quiz.submitAnswer', { ...args, questionId: shown.id, answer: rightAnswer(question, shown) });
    }
    const after = await ok(core, 'quiz.get', args);
    if (after.attempt.attemptId && after.attempt.finishedAt === null) await ok(core, 'quiz.finish', args);
  };

  beforeEach(async () => {
    temp = makeTempDir();
    lrs = await startTestLrs();
    await start();
    const learner = await ok(core, 'learners.create', { displayName: 'Ana', language: 'en' });
    session = (await ok(core, 'learners.open', { learnerId: learner.id })).session;
  });
  afterEach(async () => {
    core.close();
    await lrs.stop();
    temp.remove();
  });

  it("delivers a learner's whole sample course: the LRS holds exactly the outbox, each statement valid", async () => {
    await ok(core, 'lrs.configure', { session, endpoint: lrs.endpoint, key: lrs.key, secret: lrs.secret });
    for (const lessonId of lessons) await studyLesson(lessonId);
    for (const quizId of sample.keys()) await passQuiz(quizId);
    const sent = await sendNow();
    expect(sent).toMatchObject({ waiting: 0, lastError: null, endpoint: lrs.endpoint, key: lrs.key, secretSet: true });

    const recorded = outbox();
    const held = await lrs.statements();
    expect(held).toHaveLength(recorded.length);
    expect(ids(held)).toEqual(ids(recorded));
    const verbs = recorded.map((statement) => statement.verb.id.split('/').at(-1));
    expect(verbs.filter((verb) => verb === 'completed')).toHaveLength(lessons.length);
    expect(verbs.filter((verb) => verb === 'passed')).toHaveLength(sample.size);
    expect(verbs.filter((verb) => verb === 'terminated')).toHaveLength(sample.size);
    for (const statement of recorded) expect(xapiProblems(statement)).toEqual([]);
    // The secret went in and never comes back out.
    expect(JSON.stringify(sent)).not.toContain(lrs.secret);
  });

  it('keeps statements while the LRS is away, across a restart, and delivers each once when it is back', async () => {
    await ok(core, 'lrs.configure', { session, endpoint: lrs.endpoint, key: lrs.key, secret: lrs.secret });
    await studyLesson(lessons[0]!);
    expect((await sendNow()).waiting).toBe(0);
    const before = (await lrs.statements()).length;

    await lrs.goOffline();
    await studyLesson(lessons[1]!);
    await passQuiz('data-sources-check');
    const away = await sendNow();
    expect(away.waiting).toBeGreaterThan(0);
    expect(away.lastError).toMatchObject({ problem: 'unreachable', status: null });
    expect(away.nextTryAt).not.toBeNull();
    const waiting = away.waiting;

    // Aula closes and starts again while the LRS is still away: nothing waiting is lost.
    core.close();
    await start();
    session = (await ok(core, 'learners.open', { learnerId: (await ok(core, 'learners.list', {}))[0]!.id })).session;
    expect((await status()).waiting).toBe(waiting);

    // Back: the sender's own retry (no button) delivers everything.
    await lrs.comeBack();
    await vi.waitFor(async () => expect((await status()).waiting).toBe(0), { timeout: 20_000, interval: 50 });
    expect((await status()).lastError).toBeNull();
    const held = await lrs.statements();
    expect(held).toHaveLength(before + waiting);
    expect(ids(held)).toEqual(ids(outbox()));
    expect(new Set(ids(held)).size).toBe(held.length);
  });

  it('counts a statement the LRS already has under its id as delivered', async () => {
    await studyLesson(lessons[0]!);
    const [first] = outbox();
    // The LRS got this id before (say, from an exported file), with other content: it answers 409.
    const conflicting = {
      ...first,
      verb: { id: 'http://adlnet.gov/expapi/verbs/experienced', display: { 'en-US': 'experienced' } },
    };
    const put = await fetch(`${lrs.endpoint}statements?statementId=${first!.id}`, {
      method: 'PUT',
      headers: {
        Authorization: `Basic ${Buffer.from(`${lrs.key}:${lrs.secret}`).toString('base64')}`,
        'X-Experience-API-Version': '1.0.3',
        'Content-Type': 'application/json',
      },
      body: JSON.stringify(conflicting),
    });
    expect(put.status).toBe(204);
    const configured = await ok(core, 'lrs.configure', {
      session,
      endpoint: lrs.endpoint,
      key: lrs.key,
      secret: lrs.secret,
    });
    expect(configured).toMatchObject({ waiting: 0, lastError: null });
    expect(ids(await lrs.statements())).toEqual(ids(outbox()));
  });

  it('says clearly when the LRS refuses the key and secret, and keeps every statement', async () => {
    await studyLesson(lessons[0]!);
    const refused = await ok(core, 'lrs.configure', {
      session,
      endpoint: lrs.endpoint,
      key: lrs.key,
      secret: 'not-the-secret',
    });
    expect(refused.lastError).toMatchObject({ problem: 'credentials', status: 401 });
    expect(refused.waiting).toBe(outbox().length);
    expect(await lrs.statements()).toEqual([]);
    // Changing only the key keeps the stored secret; the right secret then delivers.
    const fixed = await ok(core, 'lrs.configure', {
      session,
      endpoint: lrs.endpoint,
      key: lrs.key,
      secret: lrs.secret,
    });
    expect(fixed).toMatchObject({ waiting: 0, lastError: null });
  });

  it("is a manager's business: a learner can neither read nor change the LRS settings", async () => {
    await ok(core, 'lrs.configure', { session, endpoint: lrs.endpoint, key: lrs.key, secret: lrs.secret });
    const other = await ok(core, 'learners.create', { displayName: 'Joan', language: 'ca' });
    const learnerSession = (await ok(core, 'learners.open', { learnerId: other.id })).session;
    for (const channel of ['lrs.status', 'lrs.sendNow', 'lrs.exportOutbox'] as const) {
      expect((await failure(core, channel, { session: learnerSession })).reason).toBe('profile.manager-required');
    }
    const change = await failure(core, 'lrs.configure', { session: learnerSession, endpoint: null, key: '' });
    expect(change.reason).toBe('profile.manager-required');
    expect((await status()).endpoint).toBe(lrs.endpoint);
  });
});
