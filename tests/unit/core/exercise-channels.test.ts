import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiResponse, CanvasPdfLabels, ChannelName } from '../../../electron/contract/channels.js';
import { CANVAS_FIELDS, DEFAULT_TRIES_BEFORE_SOLUTION, MAX_CANVAS_BLOCK_CHARS } from '../../../electron/contract/channels.js';
import { call as callCore, callUnchecked, resultOf, type ChannelInput } from '../../helpers/typed-core.js';
import { startCore, type RunningCore } from '../../../electron/core/start-core.js';
import { copyCourse, makeTempDir, REPO_ROOT } from '../../helpers/temp-dir.js';

const TOUR = path.join(REPO_ROOT, 'docs', 'examples', 'components-tour');

function errorCode(response: ApiResponse<unknown>): string {
  if (response.ok) throw new Error('expected an error');
  return response.error.code;
}

/** The channels that act on one course for the open learner. */
type CourseChannel = {
  [C in ChannelName]: ChannelInput<C> extends { session: string; courseId: string } ? C : never;
}[ChannelName];

const labels: CanvasPdfLabels = {
  language: 'en',
  title: 'Social business model canvas',
  subtitle: 'Learner',
  fields: Object.fromEntries(CANVAS_FIELDS.map((field) => [field, field])) as CanvasPdfLabels['fields'],
  valueProposition: 'Value proposition',
  fullTextHeading: 'Every block in full',
  empty: '(empty)',
  continued: 'continued',
};

describe('exercise and canvas channels', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let core: RunningCore;
  let session: string;
  /** A call on the tour course as the open learner: the session and the course id are filled in. */
  const call = <C extends CourseChannel>(channel: C, args: Omit<ChannelInput<C>, 'session' | 'courseId'>) =>
    callCore(core, channel, { session, courseId: 'components-tour', ...args } as ChannelInput<C>);
  /** The same with arguments the contract may refuse. */
  const callAnyway = (channel: CourseChannel, args: Record<string, unknown>) =>
    callUnchecked(core, channel, { session, courseId: 'components-tour', ...args });
  const start = async () => {
    core = await startCore({
      dataDir: path.join(temp.dir, 'data'),
      courseRoots: [path.join(temp.dir, 'courses')],
      appVersion: '0.0.0-test',
    });
    // The first start makes the profile (the core makes none by itself); a restart opens it again.
    const learner =
      resultOf(await callCore(core, 'learners.list', {}))[0] ??
      resultOf(await callCore(core, 'learners.create', { displayName: 'Learner', language: 'en' }));
    session = resultOf(await callCore(core, 'learners.open', { learnerId: learner.id })).session;
  };
  const countRows = (table: string) => core.db.prepare(`SELECT COUNT(*) FROM ${table}`).pluck().get();

  beforeEach(async () => {
    temp = makeTempDir();
    copyCourse(TOUR, path.join(temp.dir, 'courses'));
    await start();
  });
  afterEach(() => {
    core.close();
    temp.remove();
  });

  it('sends exercises without answers, tolerances or reference queries; a process exercise with its checklist', async () => {
    for (const exerciseId of ['mean-parcels', 'households-per-month', 'fix-sign-up']) {
      const state = resultOf(await call('exercise.get', { exerciseId }));
      const text = JSON.stringify(state);
      expect(text).not.toMatch(/"answer"|"tolerance"|"solution"|"explanation"|395\.67|ORDER BY households DESC/);
      expect(state.latest).toBeNull();
    }
    // The rules are the checklist the frame ticks as the learner draws (the prompt asks for the same in words).
    const process = resultOf(await call('exercise.get', { exerciseId: 'fix-sign-up' }));
    expect(process.exercise.type === 'process' && process.exercise.rules.length).toBeGreaterThan(0);
    const sql = resultOf(await call('exercise.get', { exerciseId: 'households-per-month' }));
    expect(sql.exercise).toMatchObject({ type: 'sql', starterQuery: 'SELECT * FROM parcels', orderMatters: true });
    if (sql.exercise.type === 'sql') expect(sql.exercise.tables[0]!.rows).toHaveLength(3);
  });

  it('grades, stores and returns a submission; the explanation comes with the right answer', async () => {
    const wrong = resultOf(
      await call('exercise.submit', { exerciseId: 'mean-parcels', answer: { type: 'number', value: '390' } }),
    );
    expect(wrong).toMatchObject({ correct: false, explanation: null, outcome: { kind: 'number', value: 390 } });
    const right = resultOf(
      await call('exercise.submit', { exerciseId: 'mean-parcels', answer: { type: 'number', value: '395,67' } }),
    );
    expect(right).toMatchObject({ correct: true, explanation: '(380 + 395 + 412) / 3 = 395.67' });
    expect(countRows('exercise_submissions')).toBe(2);

    core.close();
    await start();
    const state = resultOf(await call('exercise.get', { exerciseId: 'mean-parcels' }));
    expect(state.latest).toMatchObject({
      submissionId: right.submissionId,
      correct: true,
      answer: { type: 'number', value: '395,67' },
    });
  });

  it(`gives the hint after a wrong try, another try, then the explanation after ${DEFAULT_TRIES_BEFORE_SOLUTION} wrong tries`, async () => {
    const exercise = resultOf(await call('exercise.get', { exerciseId: 'mean-parcels' }));
    expect(exercise.exercise.triesBeforeSolution).toBe(DEFAULT_TRIES_BEFORE_SOLUTION);
    const submit = (value: string) =>
      call('exercise.submit', { exerciseId: 'mean-parcels', answer: { type: 'number', value } }).then((response) =>
        resultOf(response),
      );
    const first = await submit('100');
    expect(first).toMatchObject({ correct: false, explanation: null, showHint: true, wrongTries: 1, triesLeft: 1 });
    const second = await submit('101');
    expect(second).toMatchObject({
      correct: false,
      explanation: '(380 + 395 + 412) / 3 = 395.67',
      showHint: false,
      triesLeft: 0,
    });
  });

  it('keeps a correct answer: a later wrong try does not replace it', async () => {
    const submit = (value: string) =>
      call('exercise.submit', { exerciseId: 'mean-parcels', answer: { type: 'number', value } }).then((response) =>
        resultOf(response),
      );
    const right = await submit('395.67');
    expect(right).toMatchObject({ correct: true, solved: true, triesLeft: 0, showHint: false });
    const wrong = await submit('12');
    // The wrong try is graded and stored, but the learner's answer stays the correct one.
    expect(wrong).toMatchObject({ correct: false, solved: true, explanation: '(380 + 395 + 412) / 3 = 395.67' });
    expect(countRows('exercise_submissions')).toBe(2);
    const state = resultOf(await call('exercise.get', { exerciseId: 'mean-parcels' }));
    expect(state.latest).toMatchObject({ submissionId: right.submissionId, correct: true, solved: true });
  });

  it('grades SQL and process answers in the core', async () => {
    const sql = resultOf(
      await call('exercise.submit', {
        exerciseId: 'households-by-district',
        answer: { type: 'sql', query: 'SELECT district, count(*) FROM households GROUP BY 1' },
      }),
    );
    expect(sql.correct).toBe(true);
    const process = resultOf(
      await call('exercise.submit', { exerciseId: 'fix-sign-up', answer: { type: 'process', xml: '<nope/>' } }),
    );
    expect(process).toMatchObject({ correct: false, outcome: { kind: 'process-invalid' } });
  });

  describe('refuses bad submissions with a clear error and stores nothing', () => {
    it.each([
      [
        'text that is not a number',
        { exerciseId: 'mean-parcels', answer: { type: 'number', value: 'lots' } },
        'invalid-arguments',
      ],
      [
        'an answer of another type',
        { exerciseId: 'mean-parcels', answer: { type: 'sql', query: 'SELECT 1' } },
        'invalid-arguments',
      ],
      ['an empty query', { exerciseId: 'households-per-month', answer: { type: 'sql', query: '' } }, 'invalid-arguments'],
      [
        'a query longer than the limit',
        { exerciseId: 'households-per-month', answer: { type: 'sql', query: 'x'.repeat(20_001) } },
        'invalid-arguments',
      ],
      ['an unknown answer type', { exerciseId: 'mean-parcels', answer: { type: 'essay', text: 'hi' } }, 'invalid-arguments'],
      [
        'an exercise that does not exist',
        { exerciseId: 'no-such-exercise', answer: { type: 'number', value: '1' } },
        'not-found',
      ],
      [
        'a course that does not exist',
        { courseId: 'nope', exerciseId: 'mean-parcels', answer: { type: 'number', value: '1' } },
        'not-found',
      ],
      [
        'a session that was never opened',
        { session: 'x'.repeat(32), exerciseId: 'mean-parcels', answer: { type: 'number', value: '1' } },
        'forbidden',
      ],
    ])('%s', async (_what, args, code) => {
      expect(errorCode(await callAnyway('exercise.submit', args))).toBe(code);
      expect(countRows('exercise_submissions')).toBe(0);
    });

    it('a course whose reference query fails: the learner is told, nothing is stored', async () => {
      const file = path.join(temp.dir, 'courses', 'components-tour', 'exercises', 'households-per-month.yaml');
      fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(/^solution: .*$/m, 'solution: SELECT missing FROM parcels'));
      core.close();
      await start();
      const response = await call('exercise.submit', {
        exerciseId: 'households-per-month',
        answer: { type: 'sql', query: 'SELECT 1' },
      });
      expect(response.ok).toBe(false);
      if (!response.ok)
        expect(response.error.message).toMatch(
          /reference query .*exercises\/households-per-month\.yaml.* no such column: missing/,
        );
      expect(countRows('exercise_submissions')).toBe(0);
    });
  });

  it('saves canvases as revisions, reads the latest, and exports the saved one as a PDF', async () => {
    expect(resultOf(await call('canvas.get', { canvasId: 'my-canvas' }))).toEqual({
      canvasId: 'my-canvas',
      content: {},
      savedAt: null,
    });
    expect(errorCode(await call('canvas.exportPdf', { canvasId: 'my-canvas', labels }))).toBe('not-found');
    resultOf(await call('canvas.save', { canvasId: 'my-canvas', content: { surplus: 'first' } }));
    const saved = resultOf(
      await call('canvas.save', { canvasId: 'my-canvas', content: { surplus: 'Reinvested', revenue: 'Sales' } }),
    );
    expect(countRows('canvas_revisions')).toBe(2);
    const read = resultOf(await call('canvas.get', { canvasId: 'my-canvas' }));
    expect(read).toEqual({ canvasId: 'my-canvas', content: { surplus: 'Reinvested', revenue: 'Sales' }, savedAt: saved.savedAt });
    const pdf = resultOf(await call('canvas.exportPdf', { canvasId: 'my-canvas', labels }));
    expect(pdf.fileName).toBe('my-canvas.pdf');
    expect(Buffer.from(pdf.base64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
  });

  it.each([
    ['an unknown block', { content: { 'secret-plans': 'x' } }],
    ['a block over the length limit', { content: { surplus: 'x'.repeat(MAX_CANVAS_BLOCK_CHARS + 1) } }],
    ['a block that is not text', { content: { surplus: 42 } }],
    ['a canvas id that is not a slug', { canvasId: '../etc', content: {} }],
  ])('refuses to save a canvas with %s, storing nothing', async (_what, args) => {
    expect(errorCode(await callAnyway('canvas.save', { canvasId: 'my-canvas', ...args }))).toBe('invalid-arguments');
    expect(countRows('canvas_revisions')).toBe(0);
  });
});
