/**
 * Progress files at scale (docs/progress-files.md, "Size and memory"): the size of a file, and the
 * time and peak memory of exporting and importing it, for
 * - a busy PC: 30 learners who finished every bundled course (every lesson completed) with about
 *   three attempts at every quiz;
 * - a file near the import limit (MAX_PROGRESS_FILE_BYTES), the same learners with more attempts;
 * - the benchmark's scale (200 learners, 1 M attempts), with `--at-scale`.
 * No budget: the figures are for docs/progress-files.md and for setting the limit.
 *
 *   node_modules/.bin/node --import tsx scripts/bench/progress-files.ts [--near-limit] [--at-scale] [--export-only]
 *
 * Each export and import runs in a child process of its own (Aula's core, as the desktop shell
 * and browser mode run it, through `dispatch` and the channel's handler), so that its peak RSS
 * is its own; the peak heap is the largest "used before GC" of V8's --trace-gc lines while the
 * call ran. An idle child (the core started, a manager's session open) is the baseline. The
 * import of the file near the limit also runs with the V8 heap limit a 4 GB PC gets (a quarter of
 * its memory: --max-old-space-size=1024), to see whether it fits there.
 */
import { spawn } from 'node:child_process';
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { dispatch } from '../../electron/core/dispatch.js';
import { DATABASE_FILE_NAME } from '../../electron/db/open-database.js';
import { newUploadFile } from '../../electron/core/received-files.js';
import { startCore } from '../../electron/core/start-core.js';
import { MAX_PROGRESS_FILE_BYTES } from '../../electron/progress-files/progress-file-format.js';
import { loadBundledCourses } from './lib/bundled-courses.js';
import { currentLoadAverage } from './lib/machine.js';
import { BenchResources } from './lib/resources.js';
import { AT_SCALE, generateSyntheticDataFolder } from './synthetic-data.js';

const SCRIPT = fileURLToPath(import.meta.url);
const NODE = process.execPath;
const START_MARK = '@@progress-files:start';
const END_MARK = '@@progress-files:end';
/** A 4 GB PC's V8 heap: V8 gives the old generation a quarter of the physical memory. */
const LOW_END_HEAP_MB = 1024;

interface ChildResult {
  ok: boolean;
  error?: string;
  ms: number;
  rssBeforeMb: number;
  maxRssMb: number;
  fileBytes?: number;
  summary?: unknown;
}

interface Measured extends ChildResult {
  peakHeapMb: number | null;
  exitCode: number | null;
}

const mb = (bytes: number) => bytes / 1048576;

/** Opens Aula's core on `dataDir` with a manager's session (the first learner made one, or a new one). */
async function openAsManager(dataDir: string) {
  const core = await startCore({ dataDir, courseRoots: [], appVersion: 'bench', firstBackupDelayMs: false });
  let managerId = core.db.prepare('SELECT id FROM learners ORDER BY created_at LIMIT 1').pluck().get() as string | undefined;
  if (managerId === undefined) {
    const created = await dispatch(core.handlers, 'learners.create', { displayName: 'Trainer', language: 'en' });
    if (!created.ok) throw new Error(created.error.message);
    managerId = (created.result as { id: string }).id;
  }
  core.db.prepare('UPDATE learners SET is_manager = 1 WHERE id = ?').run(managerId);
  const opened = await dispatch(core.handlers, 'learners.open', { learnerId: managerId });
  if (!opened.ok) throw new Error(opened.error.message);
  return { core, session: (opened.result as { session: string }).session };
}

/** In the child: one call, timed, with the process's peak RSS; the result as JSON into `resultFile`. */
async function runChild(what: string, dataDir: string, file: string, resultFile: string): Promise<void> {
  const { core, session } = await openAsManager(dataDir);
  const rssBeforeMb = mb(process.memoryUsage().rss);
  let result: ChildResult;
  console.log(START_MARK);
  const started = performance.now();
  if (what === 'export') {
    const outcome = await dispatch(core.handlers, 'progressFiles.exportAll', { session });
    const ms = performance.now() - started;
    const maxRssMb = process.resourceUsage().maxRSS / 1024;
    console.log(END_MARK);
    if (outcome.ok) {
      const bytes = Buffer.from((outcome.result as { base64: string }).base64, 'base64');
      fs.writeFileSync(file, bytes);
      result = { ok: true, ms, rssBeforeMb, maxRssMb, fileBytes: bytes.byteLength };
    } else {
      result = {
        ok: false,
        error: `${outcome.error.reason ?? outcome.error.code}: ${outcome.error.message}`,
        ms,
        rssBeforeMb,
        maxRssMb,
      };
    }
  } else if (what === 'import') {
    // Where an upload leaves the file before the handler runs.
    const uploaded = newUploadFile(dataDir, '.aulaprogress');
    fs.copyFileSync(file, uploaded);
    const size = fs.statSync(uploaded).size;
    const outcome = await dispatch(core.handlers, 'progressFiles.import', { session }, () => {}, { path: uploaded, size });
    const ms = performance.now() - started;
    const maxRssMb = process.resourceUsage().maxRSS / 1024;
    console.log(END_MARK);
    result = outcome.ok
      ? { ok: true, ms, rssBeforeMb, maxRssMb, summary: outcome.result }
      : {
          ok: false,
          error: `${outcome.error.reason ?? outcome.error.code}: ${outcome.error.message}`,
          ms,
          rssBeforeMb,
          maxRssMb,
        };
  } else {
    const ms = performance.now() - started;
    const maxRssMb = process.resourceUsage().maxRSS / 1024;
    console.log(END_MARK);
    result = { ok: true, ms, rssBeforeMb, maxRssMb };
  }
  core.close();
  fs.writeFileSync(resultFile, JSON.stringify(result));
}

/** The largest heap in use before a GC between the marks, from V8's --trace-gc lines. */
function peakHeapOf(traceGc: string): number | null {
  const between = traceGc.slice(traceGc.indexOf(START_MARK), traceGc.indexOf(END_MARK) + 1 || undefined);
  let peak: number | null = null;
  for (const match of between.matchAll(/: [A-Za-z-]+(?: \([^)]*\))? ([\d.]+) \(([\d.]+)\) -> ([\d.]+) \(([\d.]+)\) MB/g)) {
    peak = Math.max(peak ?? 0, Number(match[1]));
  }
  return peak;
}

async function measureInChild(
  resources: BenchResources,
  what: 'idle' | 'export' | 'import',
  dataDir: string,
  file: string,
  heapMb?: number,
): Promise<Measured> {
  const resultFile = path.join(resources.root, `result-${what}-${Date.now()}.json`);
  const args = [
    '--trace-gc',
    ...(heapMb ? [`--max-old-space-size=${heapMb}`] : []),
    '--import',
    'tsx',
    SCRIPT,
    '--child',
    what,
    dataDir,
    file,
    resultFile,
  ];
  const child = spawn(NODE, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  resources.trackChild(child);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (data: Buffer) => (stdout += data.toString()));
  child.stderr.on('data', (data: Buffer) => (stderr += data.toString()));
  const exitCode = await new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const peakHeapMb = peakHeapOf(stdout);
  if (!fs.existsSync(resultFile)) {
    const lastLines = stderr.trim().split('\n').slice(-3).join(' / ');
    return {
      ok: false,
      error: `the child ended with ${exitCode}: ${lastLines}`,
      ms: NaN,
      rssBeforeMb: NaN,
      maxRssMb: NaN,
      peakHeapMb,
      exitCode,
    };
  }
  return { ...(JSON.parse(fs.readFileSync(resultFile, 'utf8')) as ChildResult), peakHeapMb, exitCode };
}

/** Every lesson of every bundled course completed by every learner: they finished the courses. */
function completeEveryLesson(dataDir: string, lessons: { courseId: string; lessonId: string }[]): void {
  const db = new Database(path.join(dataDir, DATABASE_FILE_NAME));
  try {
    const learnerIds = db.prepare('SELECT id FROM learners').pluck().all() as string[];
    const complete = db.prepare(
      `INSERT INTO lesson_progress (learner_id, course_id, lesson_id, status, first_opened_at, completed_at, updated_at,
         time_spent_seconds, scroll_fraction, last_opened_at, reached_end_at)
       VALUES (?, ?, ?, 'completed', ?, ?, ?, 600, 1, ?, ?)
       ON CONFLICT (learner_id, course_id, lesson_id) DO UPDATE SET status = 'completed',
         completed_at = COALESCE(completed_at, excluded.completed_at), scroll_fraction = 1,
         reached_end_at = COALESCE(reached_end_at, excluded.reached_end_at)`,
    );
    const at = new Date().toISOString();
    db.transaction(() => {
      for (const learnerId of learnerIds) {
        for (const lesson of lessons) complete.run(learnerId, lesson.courseId, lesson.lessonId, at, at, at, at, at);
      }
    })();
  } finally {
    db.close();
  }
}

function describe(label: string, measured: Measured): string {
  // A refused export is a result too: how long and how much memory it took to refuse.
  if (!measured.ok && Number.isNaN(measured.ms)) return `${label}: FAILED (${measured.error})`;
  const heap = measured.peakHeapMb === null ? 'no GC' : `${measured.peakHeapMb.toFixed(0)} MB`;
  const outcome = measured.ok ? '' : ` REFUSED (${measured.error})`;
  return `${label}${outcome}: ${(measured.ms / 1000).toFixed(1)} s, peak RSS ${measured.maxRssMb.toFixed(0)} MB (${measured.rssBeforeMb.toFixed(0)} MB before the call), peak heap ${heap}`;
}

async function main(): Promise<void> {
  if (process.argv[2] === '--child') {
    const [what, dataDir, file, resultFile] = process.argv.slice(3) as [string, string, string, string];
    await runChild(what, dataDir, file, resultFile);
    return;
  }
  const { values } = parseArgs({
    options: {
      'at-scale': { type: 'boolean', default: false },
      'near-limit': { type: 'boolean', default: false },
      'export-only': { type: 'boolean', default: false },
    },
  });
  const resources = new BenchResources('aula-bench-progress-');
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => void resources.release().finally(() => process.exit(130)));
  }
  try {
    console.log(`Progress files at scale, ${new Date().toISOString()}, load average ${currentLoadAverage()}`);
    const catalog = await loadBundledCourses(resources.folder('lesson-cache'));
    const quizzes = [...catalog.courses.values()].reduce((sum, course) => sum + course.quizzes.size, 0);
    const lessons = [...catalog.courses.values()].flatMap((course) =>
      course.lessons.map((lesson) => ({ courseId: course.manifest.id, lessonId: lesson.id })),
    );
    const idle = await measureInChild(resources, 'idle', resources.folder('idle'), '');
    console.log(describe('Baseline (core started, nothing called)', idle));

    const busy = 30 * quizzes * 3;
    /** Generates a data folder, exports everyone's progress and imports the file into a new one. */
    const measureScenario = async (name: string, learners: number, attempts: number, lowEndImport: boolean) => {
      const dataDir = resources.folder('source');
      const generated = generateSyntheticDataFolder(dataDir, catalog, { ...AT_SCALE, learners, attempts });
      completeEveryLesson(dataDir, lessons);
      console.log(
        `${name}: ${learners} learners, ${attempts.toLocaleString('en-US')} attempts, ${generated.rows.quiz_answers?.toLocaleString('en-US')} answers`,
      );
      const file = path.join(resources.root, 'export.aulaprogress');
      fs.rmSync(file, { force: true });
      const exported = await measureInChild(resources, 'export', dataDir, file);
      console.log(describe('  export', exported));
      fs.rmSync(dataDir, { recursive: true, force: true });
      if (!exported.ok) return null;
      const fileBytes = exported.fileBytes ?? 0;
      console.log(`  file: ${mb(fileBytes).toFixed(1)} MB (${(fileBytes / attempts).toFixed(0)} bytes per attempt)`);
      if (values['export-only']) return fileBytes / attempts;
      const target = resources.folder('target');
      console.log(describe('  import', await measureInChild(resources, 'import', target, file)));
      fs.rmSync(target, { recursive: true, force: true });
      if (lowEndImport) {
        const lowEnd = resources.folder('target-low-end');
        console.log(
          describe(
            `  import with a ${LOW_END_HEAP_MB} MB heap (a 4 GB PC)`,
            await measureInChild(resources, 'import', lowEnd, file, LOW_END_HEAP_MB),
          ),
        );
        fs.rmSync(lowEnd, { recursive: true, force: true });
      }
      return fileBytes / attempts;
    };

    const perAttempt = await measureScenario('Busy PC (every course finished, about 3 attempts per quiz)', 30, busy, false);
    if (perAttempt !== null && values['near-limit']) {
      // The same kind of PC with more retakes, so that the file lands just under the import limit.
      const attempts = Math.floor((MAX_PROGRESS_FILE_BYTES * 0.97) / perAttempt);
      await measureScenario(`Near the ${mb(MAX_PROGRESS_FILE_BYTES)} MB limit`, 30, attempts, true);
    }
    if (values['at-scale']) await measureScenario('Benchmark scale', AT_SCALE.learners, AT_SCALE.attempts, true);
  } finally {
    await resources.release();
  }
}

await main();
