/**
 * `npm run bench`: measures Aula on this PC, each figure next to a baseline measured in the same
 * run, and prints PASS or OVER against the budgets. Not part of `npm test`: timings are reported,
 * never asserted.
 *
 * Everything it starts (servers on 127.0.0.1 port 0, Chromium) and everything it writes (data
 * folders, builds) lives in one temp folder and is stopped and removed at the end, also after a
 * failure or Ctrl+C. The exception is dist/renderer, which it rebuilds as `npm start` would.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { PROJECT_ROOT } from '../lib/project-paths.js';
import { launchBrowser } from './lib/browser.js';
import { buildBundledLessonCache } from '../lib/lesson-cache-build.js';
import { buildAulaRenderer, buildBaselinePage } from './lib/builds.js';
import { bundledLessons, loadBundledCourses } from './lib/bundled-courses.js';
import { FULL_SIZES, QUICK_SIZES, type BenchContext, type Measurement } from './lib/context.js';
import { currentLoadAverage, describeMachine, formatMachine, type MachineInfo } from './lib/machine.js';
import { formatMarkdownTable, formatTextTable, judgeRow, problems, type BenchRow } from './lib/report.js';
import { BenchResources } from './lib/resources.js';
import { answerRoundTripMeasurement } from './measure/answer-round-trip.js';
import { sizeMeasurement } from './measure/bundle-size.js';
import { databaseMeasurement } from './measure/database-scale.js';
import { lessonOpenMeasurement } from './measure/lesson-open.js';
import { lrsBacklogMeasurement } from './measure/lrs-backlog.js';
import { memoryMeasurement } from './measure/memory.js';
import { packagesMeasurement } from './measure/packages.js';
import { packsMeasurement } from './measure/packs.js';
import { reportsMeasurement } from './measure/reports-scale.js';
import { startMeasurement } from './measure/start.js';

/** In the order they run; later ones may use what earlier ones recorded in the context. */
const MEASUREMENTS: Measurement[] = [
  startMeasurement,
  lessonOpenMeasurement,
  answerRoundTripMeasurement,
  databaseMeasurement,
  reportsMeasurement,
  lrsBacklogMeasurement,
  packsMeasurement,
  memoryMeasurement,
  // After lesson-open: it checks the scripts that opening text lessons requested.
  sizeMeasurement,
  packagesMeasurement,
];

const RESULTS_DIR = path.join(PROJECT_ROOT, 'bench', 'results');
const PARTIAL_RESULTS_DIR = path.join(PROJECT_ROOT, 'bench', 'tmp');
const README = path.join(PROJECT_ROOT, 'README.md');
const README_START = '<!-- bench-results:start -->';
const README_END = '<!-- bench-results:end -->';
const OFFLINE_SECTION = '8. Offline';

const HELP = `Usage: npm run bench -- [options]

Measures Aula on this PC next to baselines measured in the same run, and prints PASS or OVER
against the budgets. Takes a few minutes; rebuilds dist/renderer as \`npm start\` would.

Options:
  --quick            A smoke run with small sizes.
  --only a,b         Run only these measurements: ${MEASUREMENTS.map((m) => m.id).join(', ')}.
  --update-readme    Put the table into README.md's Performance section (full runs only).
  -h, --help         Show this help.

Results of full runs go to bench/results/; those of --quick and --only runs to bench/tmp/.
`;

/** A mistake in the command line: reported in one line with the help, without a stack trace. */
class UsageError extends Error {}

function parseOptions() {
  let parsed;
  try {
    parsed = parseArgs({
      options: {
        quick: { type: 'boolean', default: false },
        only: { type: 'string' },
        'update-readme': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const { values } = parsed;
  const known = new Set(MEASUREMENTS.map((measurement) => measurement.id));
  const only = values.only?.split(',').map((id) => id.trim()) ?? null;
  const unknown = only?.filter((id) => !known.has(id)) ?? [];
  if (unknown.length > 0) throw new UsageError(`unknown measurement ${unknown.join(', ')}; known: ${[...known].join(', ')}`);
  if (values['update-readme'] && (values.quick || only)) {
    throw new UsageError('--update-readme needs a full run (no --quick, no --only)');
  }
  return { ...values, only };
}

function log(message: string): void {
  console.error(`bench: ${message}`);
}

function sectionOrder(a: BenchRow, b: BenchRow): number {
  return a.section.localeCompare(b.section, 'en', { numeric: true });
}

/** Measurements that open Aula in Chromium, watching for requests that leave the app origin. */
const PAGE_MEASUREMENTS = new Set(['start', 'lesson-open', 'memory']);

function offlineRow(context: BenchContext, ran: string[]): BenchRow {
  const name = 'No request left the app origin in any Aula page of this run';
  if (!ran.some((id) => PAGE_MEASUREMENTS.has(id))) {
    return { kind: 'not-measured', section: OFFLINE_SECTION, name, reason: 'no measurement that opens Aula in Chromium ran' };
  }
  const foreign = [...new Set(context.foreignRequests)];
  return {
    kind: 'check',
    section: OFFLINE_SECTION,
    name,
    ok: foreign.length === 0,
    detail: foreign.length === 0 ? 'none did' : `${foreign.length}: ${foreign.slice(0, 3).join(', ')}`,
  };
}

function timestampForFile(date: Date): string {
  return date.toISOString().slice(0, 16).replace(':', '') + 'Z';
}

function writeResults(
  file: string,
  machine: MachineInfo,
  startedAt: Date,
  rows: BenchRow[],
  context: BenchContext,
  quick: boolean,
) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const json = {
    machine,
    startedAt: startedAt.toISOString(),
    durationSeconds: Math.round((Date.now() - startedAt.getTime()) / 1000),
    quick,
    sizes: context.sizes,
    rows: rows.map((row) => {
      const { ratio, result } = judgeRow(row);
      return { ...row, ratio, result };
    }),
    details: context.details,
  };
  fs.writeFileSync(file, `${JSON.stringify(json, null, 2)}\n`);
}

function updateReadme(machine: MachineInfo, startedAt: Date, rows: BenchRow[]): void {
  const text = fs.readFileSync(README, 'utf8');
  const start = text.indexOf(README_START);
  const end = text.indexOf(README_END);
  if (start < 0 || end < start) throw new Error(`README.md has no ${README_START} ... ${README_END} block to fill`);
  const block = [
    README_START,
    `Measured on ${startedAt.toISOString().slice(0, 10)} on this machine:`,
    '',
    ...formatMachine(machine)
      .split('\n')
      .map((line) => `- ${line}`),
    '',
    formatMarkdownTable(rows),
    README_END,
  ].join('\n');
  fs.writeFileSync(README, text.slice(0, start) + block + text.slice(end + README_END.length));
}

async function main(): Promise<number> {
  const options = parseOptions();
  if (options.help) {
    console.log(HELP);
    return 0;
  }
  const startedAt = new Date();
  const resources = new BenchResources();
  const onSignal = (signal: NodeJS.Signals) => {
    log(`${signal}: stopping servers and Chromium, removing ${resources.root}`);
    void resources.release(log).finally(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  process.once('exit', () => resources.releaseNow());

  try {
    const sizes = options.quick ? QUICK_SIZES : FULL_SIZES;
    log('building the renderer (into dist/renderer), the bundled lessons (into dist/lesson-cache) and the baseline page');
    const renderer = await buildAulaRenderer();
    // As `npm run build` does: a new data folder then starts without compiling the bundled lessons.
    await buildBundledLessonCache();
    const baselinePage = await buildBaselinePage(resources.folder('baseline-page'));
    const catalog = await loadBundledCourses(resources.folder('bundled-lesson-cache'));
    const browser = await launchBrowser(resources);
    const machine = describeMachine(browser.version());
    const context: BenchContext = {
      resources,
      browser,
      sizes,
      catalog,
      lessons: bundledLessons(catalog),
      renderer,
      baselinePage,
      foreignRequests: [],
      textLessonScripts: null,
      notes: [],
      details: {},
      log,
    };

    const rows: BenchRow[] = [];
    const ran: string[] = [];
    for (const measurement of MEASUREMENTS) {
      if (options.only && !options.only.includes(measurement.id)) continue;
      if (resources.isReleased) break;
      log(`measuring ${measurement.id}`);
      try {
        rows.push(...(await measurement.run(context)));
        ran.push(measurement.id);
      } catch (error) {
        if (resources.isReleased) break; // stopped by a signal: the failure is ours, not the app's
        log(`${measurement.id} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
        const reason = error instanceof Error ? (error.message.split('\n')[0] ?? error.message) : String(error);
        rows.push({ kind: 'failed', section: measurement.section, name: measurement.id, reason });
      }
    }
    if (resources.isReleased) return 130; // stopped by a signal: no partial table, no results file
    rows.push(offlineRow(context, ran));
    machine.loadAverageAtEnd = currentLoadAverage();
    rows.sort(sectionOrder);

    console.log(`\nAula benchmark, ${startedAt.toISOString()}${options.quick ? ' (QUICK: small sizes)' : ''}`);
    console.log(formatMachine(machine));
    console.log(`\n${formatTextTable(rows)}\n`);
    if (context.notes.length > 0) console.log(`${context.notes.join('\n')}\n`);
    const over = problems(rows);
    console.log(
      over.length === 0 ? 'Every budget and check passed.' : `Over budget, failed or not holding:\n  ${over.join('\n  ')}`,
    );

    // Only complete full runs go to bench/results/; smoke and partial runs go to the ignored bench/tmp/.
    const partial = options.quick || options.only !== null;
    const file = partial
      ? path.join(PARTIAL_RESULTS_DIR, `${options.quick ? 'quick' : 'partial'}-${timestampForFile(startedAt)}.json`)
      : path.join(RESULTS_DIR, `${timestampForFile(startedAt)}.json`);
    writeResults(file, machine, startedAt, rows, context, options.quick);
    console.log(`\nResults written to ${path.relative(PROJECT_ROOT, file)}`);
    if (options['update-readme']) {
      updateReadme(machine, startedAt, rows);
      console.log('README.md Performance section updated.');
    }
    return rows.some((row) => row.kind === 'failed') ? 1 : 0;
  } finally {
    await resources.release(log);
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof UsageError) {
      console.error(`bench: ${error.message}\n\n${HELP}`);
      process.exit(2);
    }
    log(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exit(1);
  },
);
