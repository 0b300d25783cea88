import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiResponse, CanvasPdfLabels, ExerciseState, ExerciseSubmission } from '../../../electron/contract/channels.js';
import { CANVAS_FIELDS, DEFAULT_TRIES_BEFORE_SOLUTION, MAX_CANVAS_BLOCK_CHARS } from '../../../electron/contract/channels.js';
import { dispatch } from '../../../electron/core/dispatch.js';
import { startCore, type RunningCore } from '../../../electron/core/start-core.js';
import { copyCourse, makeTempDir, REPO_ROOT } from '../../helpers/temp-dir.js';

const TOUR = path.join(REPO_ROOT, 'docs', 'examples', 'components-tour');

function okResult<T>(response: ApiResponse<unknown>): T {
  if (!response.ok) throw new Error(`expected ok, got ${JSON.stringify(response.error)}`);
  return response.result as T;
}

function errorCode(response: ApiResponse<unknown>): string {
  if (response.ok) throw new Error('expected an error');
  return response.error.code;
}

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
  const call = (channel: string, args: Record<string, unknown>) =>
    dispatch(core.handlers, channel, { session, courseId: 'components-tour', ...args });
  const start = async () => {
    core = await startCore({
      dataDir: path.join(temp.dir, 'data'),
      courseRoots: [path.join(temp.dir, 'courses')],
      appVersion: '0.0.0-test',
    });
    // The first start makes the profile (the core makes none by itself); a restart opens it again.
    const learner =
      okResult<{ id: string }[]>(await dispatch(core.handlers, 'learners.list', {}))[0] ??
      okResult<{ id: string }>(await dispatch(core.handlers, 'learners.create', { displayName: 'Learner', language: 'en' }));
    session = okResult<{ session: string }>(await dispatch(core.handlers, 'learners.open', { learnerId: learner.id })).session;
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

  it('sends exercises without answers, tolerances, reference queries or rules', async () => {
    for (const exerciseId of ['mean-parcels', 'households-per-month', 'fix-sign-up']) {
      const state = okResult<ExerciseState>(await call('exercise.get', { exerciseId }));
      const text = JSON.stringify(state);
      expect(text).not.toMatch(
        /"answer"|"tolerance"|"solution"|"rules"|"explanation"|395\.67|ORDER BY households DESC|gateway-after-task/,
      );
      expect(state.latest).toBeNull();
    }
    const sql = okResult<ExerciseState>(await call('exercise.get', { exerciseId: 'households-per-month' }));
    expect(sql.exercise).toMatchObject({ type: 'sql', starterQuery: 'SELECT * FROM parcels', orderMatters: true });
    if (sql.exercise.type === 'sql') expect(sql.exercise.tables[0]!.rows).toHaveLength(3);
  });

  it('grades, stores and returns a submission; the explanation comes with the right answer', async () => {
    const wrong = okResult<ExerciseSubmission>(
      await call('exercise.submit', { exerciseId: 'mean-parcels', answer: { type: 'number', value: '390' } }),
    );
    expect(wrong).toMatchObject({ correct: false, explanation: null, outcome: { kind: 'number', value: 390 } });
    const right = okResult<ExerciseSubmission>(
      await call('exercise.submit', { exerciseId: 'mean-parcels', answer: { type: 'number', value: '395,67' } }),
    );
    expect(right).toMatchObject({ correct: true, explanation: '(380 + 395 + 412) / 3 = 395.67' });
    expect(countRows('exercise_submissions')).toBe(2);

    core.close();
    await start();
    const state = okResult<ExerciseState>(await call('exercise.get', { exerciseId: 'mean-parcels' }));
    expect(state.latest).toMatchObject({
      submissionId: right.submissionId,
      correct: true,
      answer: { type: 'number', value: '395,67' },
    });
  });

  it(`gives the hint after a wrong try, another try, then the explanation after ${DEFAULT_TRIES_BEFORE_SOLUTION} wrong tries`, async () => {
    const exercise = okResult<ExerciseState>(await call('exercise.get', { exerciseId: 'mean-parcels' }));
    expect(exercise.exercise.triesBeforeSolution).toBe(DEFAULT_TRIES_BEFORE_SOLUTION);
    const submit = (value: string) =>
      call('exercise.submit', { exerciseId: 'mean-parcels', answer: { type: 'number', value } }).then((response) =>
        okResult<ExerciseSubmission>(response),
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
        okResult<ExerciseSubmission>(response),
      );
    const right = await submit('395.67');
    expect(right).toMatchObject({ correct: true, solved: true, triesLeft: 0, showHint: false });
    const wrong = await submit('12');
    // The wrong try is graded and stored, but the learner's answer stays the correct one.
    expect(wrong).toMatchObject({ correct: false, solved: true, explanation: '(380 + 395 + 412) / 3 = 395.67' });
    expect(countRows('exercise_submissions')).toBe(2);
    const state = okResult<ExerciseState>(await call('exercise.get', { exerciseId: 'mean-parcels' }));
    expect(state.latest).toMatchObject({ submissionId: right.submissionId, correct: true, solved: true });
  });

  it('grades SQL and process answers in the core', async () => {
    const sql = okResult<ExerciseSubmission>(
      await call('exercise.submit', {
        exerciseId: 'households-by-district',
        answer: { type: 'sql', query: 'SELECT district, count(*) FROM households GROUP BY 1' },
      }),
    );
    expect(sql.correct).toBe(true);
    const process = okResult<ExerciseSubmission>(
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
      expect(errorCode(await call('exercise.submit', args))).toBe(code);
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
    expect(okResult(await call('canvas.get', { canvasId: 'my-canvas' }))).toEqual({
      canvasId: 'my-canvas',
      content: {},
      savedAt: null,
    });
    expect(errorCode(await call('canvas.exportPdf', { canvasId: 'my-canvas', labels }))).toBe('not-found');
    okResult(await call('canvas.save', { canvasId: 'my-canvas', content: { surplus: 'first' } }));
    const saved = okResult<{ savedAt: string }>(
      await call('canvas.save', { canvasId: 'my-canvas', content: { surplus: 'Reinvested', revenue: 'Sales' } }),
    );
    expect(countRows('canvas_revisions')).toBe(2);
    const read = okResult<{ content: unknown; savedAt: string }>(await call('canvas.get', { canvasId: 'my-canvas' }));
    expect(read).toEqual({ canvasId: 'my-canvas', content: { surplus: 'Reinvested', revenue: 'Sales' }, savedAt: saved.savedAt });
    const pdf = okResult<{ fileName: string; base64: string }>(await call('canvas.exportPdf', { canvasId: 'my-canvas', labels }));
    expect(pdf.fileName).toBe('my-canvas.pdf');
    expect(Buffer.from(pdf.base64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
  });

  it.each([
    ['an unknown block', { content: { 'secret-plans': 'x' } }],
    ['a block over the length limit', { content: { surplus: 'x'.repeat(MAX_CANVAS_BLOCK_CHARS + 1) } }],
    ['a block that is not text', { content: { surplus: 42 } }],
    ['a canvas id that is not a slug', { canvasId: '../etc', content: {} }],
  ])('refuses to save a canvas with %s, storing nothing', async (_what, args) => {
    expect(errorCode(await call('canvas.save', { canvasId: 'my-canvas', ...args }))).toBe('invalid-arguments');
    expect(countRows('canvas_revisions')).toBe(0);
  });
});
