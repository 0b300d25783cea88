/**
 * 9. Packages, as `npm run package` builds them for partners:
 * - the size of each file a partner hands out (budget: the Windows setup at most 60 MB, so it
 *   fits a small USB stick and a slow share);
 * - the installed linux-x64 package, extracted into a temp folder and started by its own launcher
 *   with no `node` on PATH and an empty HOME, from the launch to a usable first-run welcome on a
 *   new data folder (the first thing a learner on a new PC sees), next to the bare page baseline
 *   served and opened the same way.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { FIRST_RUN_READY_SELECTOR } from '../lib/aula-pages.js';
import { BUDGETS } from '../lib/budgets.js';
import { SECTIONS, type BenchContext, type Measurement } from '../lib/context.js';
import type { BenchRow } from '../lib/report.js';
import { startBaselineServer, startInstalledPackage } from '../lib/server-process.js';
import { median } from '../lib/stats.js';
import { BASELINE_LABEL, BASELINE_READY_SELECTOR, timeStart, type StartTiming } from './start.js';
import { PROJECT_ROOT, readAppVersion } from '../../lib/project-paths.js';

const MB = 1e6;

function buildPackage(target: string, outDir: string, log: (message: string) => void): void {
  log(`packages: building ${target}`);
  execFileSync(process.execPath, ['--import', 'tsx', 'scripts/package.ts', '--target', target, '--out', outDir], {
    cwd: PROJECT_ROOT,
    stdio: 'pipe',
  });
}

/** A PC with nothing installed: only the tools the launcher script uses on PATH, an empty HOME. */
function bareEnvironment(root: string): NodeJS.ProcessEnv {
  const bin = path.join(root, 'bin');
  const home = path.join(root, 'home');
  fs.mkdirSync(bin, { recursive: true });
  fs.mkdirSync(home, { recursive: true });
  for (const tool of ['dirname', 'readlink']) {
    const found = ['/usr/bin', '/bin'].map((dir) => path.join(dir, tool)).find((file) => fs.existsSync(file));
    if (found) fs.symlinkSync(found, path.join(bin, tool));
  }
  return { PATH: bin, HOME: home, LANG: 'C.UTF-8' };
}

function sizeRow(name: string, file: string, budgeted = false): BenchRow {
  return {
    kind: 'measured',
    section: SECTIONS.packages,
    name,
    value: fs.statSync(file).size / MB,
    unit: 'MB',
    ...(budgeted ? { budget: BUDGETS.windowsSetupMB } : {}),
  };
}

async function measurePackages(context: BenchContext): Promise<BenchRow[]> {
  const { resources } = context;
  const outDir = resources.folder('packages');
  const version = readAppVersion();
  buildPackage('linux-x64', outDir, context.log);
  buildPackage('win-x64', outDir, context.log);
  const rows: BenchRow[] = [
    sizeRow('Windows installer (Aula-…-win-x64-setup.exe)', path.join(outDir, `Aula-${version}-win-x64-setup.exe`), true),
    sizeRow('Windows portable zip', path.join(outDir, `Aula-${version}-win-x64-portable.zip`)),
    sizeRow('Linux tar.gz (linux-x64)', path.join(outDir, `Aula-${version}-linux-x64.tar.gz`)),
    sizeRow('Linux .deb (amd64)', path.join(outDir, `aula_${version}_amd64.deb`)),
  ];

  const installed = resources.folder('packages-installed');
  execFileSync('tar', ['-xzf', path.join(outDir, `Aula-${version}-linux-x64.tar.gz`), '-C', installed]);
  const launcher = path.join(installed, `Aula-${version}-linux-x64`, 'aula');
  const env = bareEnvironment(resources.folder('packages-pc'));
  const startBaseline = () => startBaselineServer(resources, context.baselinePage.outDir);
  const aula: StartTiming[] = [];
  const baseline: StartTiming[] = [];
  for (let run = 0; run < context.sizes.startRuns; run += 1) {
    context.log(`packages: start ${run + 1} of ${context.sizes.startRuns}`);
    baseline.push(await timeStart(context, startBaseline, BASELINE_READY_SELECTOR, false));
    const dataDir = resources.folder(`packages-data-${run + 1}`);
    aula.push(
      await timeStart(
        context,
        () => startInstalledPackage(resources, launcher, dataDir, env),
        FIRST_RUN_READY_SELECTOR,
        true,
        'create-profile',
      ),
    );
  }
  rows.push({
    kind: 'measured',
    section: SECTIONS.packages,
    name: `Installed linux-x64 package: launch to a usable first-run welcome, new data folder (median of ${aula.length})`,
    value: median(aula.map((timing) => timing.totalMs)),
    unit: 'ms',
    baseline: { label: BASELINE_LABEL, value: median(baseline.map((timing) => timing.totalMs)) },
  });
  return rows;
}

export const packagesMeasurement: Measurement = { id: 'packages', section: SECTIONS.packages, run: measurePackages };
