import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { findCourseFolders, loadCatalog } from '../../electron/courses/catalog.js';
import { buildWorkers, CORE_EXTERNALS, RUNTIME_PACKAGES } from '../lib/build-manifest.mjs';
import { BUNDLED_COURSES_DIR, PROJECT_ROOT, RENDERER_BUILD_DIR } from '../lib/project-paths.js';
import { PARTNER_FOLDER, PARTNER_SETTINGS_FILE, type PartnerSettings } from './app/partner-settings.js';
import { DEFAULT_ACCENT, iconIco, iconPng, iconSvg } from './icon.js';
import type { CachedRuntime } from './runtime-cache.js';
import type { Target } from './targets.js';
import type { Partner } from './partner-file.js';
import { productionPackages, thirdPartyNotices } from './third-party-notices.js';
import { buildWindowsLauncher, type WindowsBranding } from './windows-installer.js';

/** Packages the app loads from `app/node_modules` instead of its bundle, and which of their files ship. */
interface ShippedPackage {
  name: string;
  /** Paths (files, or folders ending in `/`) to copy; everything but docs, maps and types when absent. */
  only?: (target: Target) => string[];
}

/** Which files of the manifest's runtime packages ship (why each stays out of the bundle: build-manifest.mjs). */
const RUNTIME_PACKAGE_FILES: Record<string, ShippedPackage['only']> = {
  // Its JavaScript plus the one prebuilt binary for the target.
  'better-sqlite3': (target) => ['package.json', 'LICENSE', 'lib/', `prebuilds/${target.sqlitePrebuild}.node`],
  pdfkit: undefined,
  // The Node build grading's SQL worker loads, and its .wasm.
  'sql.js': () => ['package.json', 'LICENSE', 'dist/sql-wasm.js', 'dist/sql-wasm.wasm'],
};

const SHIPPED_PACKAGES: ShippedPackage[] = [
  ...RUNTIME_PACKAGES.map(({ name }) => {
    if (!(name in RUNTIME_PACKAGE_FILES)) throw new Error(`build-manifest.mjs names ${name}: say which of its files ship`);
    const only = RUNTIME_PACKAGE_FILES[name];
    return only ? { name, only } : { name };
  }),
  // The PDF fonts (electron/pdf/pdf-fonts.ts finds them by package path; nothing imports them).
  {
    name: '@expo-google-fonts/noto-sans',
    only: () => ['package.json', 'LICENSE', '400Regular/NotoSans_400Regular.ttf', '700Bold/NotoSans_700Bold.ttf'],
  },
];

const SKIPPED_FILE = /(\.map|\.d\.ts|\.d\.mts|\.d\.cts|\.md|\.browser\.(m?js)|\.old\.(m?js)|\.standalone\.js)$/;
const KEPT_DOC = /^(licen[cs]e|copying|notice)/i;
const SKIPPED_DIR = new Set(['test', 'tests', '__tests__', 'docs', 'example', 'examples', 'types', '.github']);

function copyTree(from: string, to: string): void {
  fs.cpSync(from, to, {
    recursive: true,
    filter: (source) => {
      const name = path.basename(source);
      if (fs.statSync(source).isDirectory()) return source === from || !SKIPPED_DIR.has(name);
      return KEPT_DOC.test(name) || !SKIPPED_FILE.test(name);
    },
  });
}

function dependenciesOf(dir: string): string[] {
  const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };
  return Object.keys(pkg.dependencies ?? {});
}

/** Copies a package (and, without an `only` list, everything it depends on) into app/node_modules. */
function copyShippedPackage(pkg: ShippedPackage, target: Target, nodeModules: string, copied: Set<string>): void {
  if (copied.has(pkg.name)) return;
  copied.add(pkg.name);
  const from = path.join(PROJECT_ROOT, 'node_modules', pkg.name);
  const to = path.join(nodeModules, pkg.name);
  if (pkg.only) {
    for (const entry of pkg.only(target)) {
      const source = path.join(from, entry);
      if (!fs.existsSync(source)) throw new Error(`${pkg.name} has no ${entry}: is node_modules complete (npm ci)?`);
      fs.mkdirSync(path.dirname(path.join(to, entry)), { recursive: true });
      fs.cpSync(source, path.join(to, entry), { recursive: true });
    }
    return;
  }
  copyTree(from, to);
  for (const dependency of dependenciesOf(from)) copyShippedPackage({ name: dependency }, target, nodeModules, copied);
}

/** Bundles the package's entry (core, browser-mode server, launcher logic) into app/main.mjs and its chunks. */
async function bundleApp(appDir: string): Promise<void> {
  await build({
    absWorkingDir: PROJECT_ROOT,
    entryPoints: { main: path.join('scripts', 'package', 'app', 'main.ts') },
    outdir: appDir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node24',
    external: CORE_EXTERNALS,
    minify: true,
    legalComments: 'none',
    logLevel: 'warning',
    // Bundled CommonJS packages call require(); an ES module has none of its own.
    banner: {
      js: "import { createRequire as __aulaCreateRequire } from 'node:module'; const require = __aulaCreateRequire(import.meta.url);",
    },
  });
  // Worker threads run as files of their own, found beside the code that starts them.
  await buildWorkers(PROJECT_ROOT, appDir, { minify: true, target: 'node24' });
}

/**
 * Compiles every bundled lesson with the course compiler into `lessonsDir`, named by content hash
 * exactly as the core's lesson cache names them, so an installed Aula never compiles a bundled
 * lesson. `compileCacheDir` keeps compiled lessons between builds (same content, same hash).
 */
async function compileBundledLessons(coursesDir: string, lessonsDir: string, compileCacheDir: string): Promise<void> {
  const catalog = await loadCatalog(findCourseFolders(coursesDir), compileCacheDir);
  if (catalog.problems.length > 0) throw new Error(`Bundled courses with problems:\n${catalog.problems.join('\n')}`);
  fs.mkdirSync(lessonsDir, { recursive: true });
  for (const modulePath of catalog.lessonModules.values()) {
    for (const file of [modulePath, modulePath.replace(/\.js$/, '.json')])
      fs.copyFileSync(file, path.join(lessonsDir, path.basename(file)));
  }
}

/** Copies a checked partner's files into the package, with the settings the app reads on first start. */
export function copyPartner(partner: Partner, partnerDir: string): void {
  fs.mkdirSync(path.join(partnerDir, 'packs'), { recursive: true });
  const logo = partner.logo ? `logo${path.extname(partner.logo).toLowerCase()}` : null;
  if (partner.logo && logo) fs.copyFileSync(partner.logo, path.join(partnerDir, logo));
  const packs = partner.coursePacks.map((pack) => {
    const name = `packs/${pack.courseId}-${pack.version}.aulapack`;
    fs.copyFileSync(pack.file, path.join(partnerDir, name));
    return name;
  });
  if (partner.issuerKeyFile) fs.copyFileSync(partner.issuerKeyFile, path.join(partnerDir, 'issuer.aula-key.json'));
  const { settings } = partner;
  const withoutId: Omit<PartnerSettings, 'id'> = {
    organisation: { name: settings.organisation.name, logo },
    accentColour: settings.accentColour ?? null,
    windowTitle: settings.windowTitle ?? null,
    defaultLanguage: settings.defaultLanguage ?? null,
    lrs: settings.lrs ?? null,
    coursePacks: packs,
    trustedSigners: [...partner.trustedSigners, ...partner.coursePacks.flatMap((pack) => (pack.signer ? [pack.signer] : []))],
    certificateIssuer: settings.certificateIssuer
      ? {
          name: settings.certificateIssuer.name,
          url: settings.certificateIssuer.url ?? null,
          keyFile: partner.issuerKeyFile ? 'issuer.aula-key.json' : null,
        }
      : null,
  };
  const hash = createHash('sha256').update(JSON.stringify(withoutId));
  for (const file of fs.readdirSync(path.join(partnerDir, 'packs')).sort())
    hash.update(fs.readFileSync(path.join(partnerDir, 'packs', file)));
  const settingsFile: PartnerSettings = { id: hash.digest('hex').slice(0, 16), ...withoutId };
  fs.writeFileSync(path.join(partnerDir, PARTNER_SETTINGS_FILE), `${JSON.stringify(settingsFile, null, 2)}\n`);
}

function launcherScript(target: Target): string {
  return [
    '#!/bin/sh',
    '# Starts Aula with the Node runtime that ships beside this script; options as `aula --help` lists.',
    'here=$(dirname "$(readlink -f "$0")")',
    `exec "$here/runtime/${target.runtimeName}" "$here/app/main.mjs" "$@"`,
    '',
  ].join('\n');
}

export interface AppFolderOptions {
  target: Target;
  runtime: CachedRuntime;
  version: string;
  /** The folder to fill; it must not exist yet. */
  folder: string;
  /** Scratch space for build files (NSIS scripts). */
  workDir: string;
  /** Lessons compiled by earlier builds, reused when unchanged. */
  compileCacheDir: string;
  branding: WindowsBranding;
  partner: Partner | null;
  log: (message: string) => void;
}

/**
 * Builds the Aula folder, the same layout on every system:
 *   aula | Aula.exe, aula.cmd the launcher (Windows: a hidden one, and one with a console)
 *   runtime/node[.exe]        the target's Node runtime
 *   app/main.mjs + chunks     the core and browser-mode server, one bundle
 *   app/renderer/             the built interface (with its fonts)
 *   app/courses/, app/lessons/  the bundled courses and their compiled lessons
 *   app/aula.ico|png|svg      the icon
 *   app/node_modules/         better-sqlite3 (the target's binary only), pdfkit, sql.js, the PDF fonts
 *   THIRD-PARTY-NOTICES.txt
 */
export async function buildAppFolder(options: AppFolderOptions): Promise<void> {
  const { target, folder, log } = options;
  if (!fs.existsSync(path.join(RENDERER_BUILD_DIR, 'index.html')))
    throw new Error('No built interface in dist/renderer: run `npm run build` first.');
  const appDir = path.join(folder, 'app');
  fs.mkdirSync(appDir, { recursive: true });

  log('Bundling the core and server...');
  await bundleApp(appDir);
  fs.writeFileSync(
    path.join(appDir, 'package.json'),
    `${JSON.stringify({ name: 'aula-app', version: options.version, private: true, type: 'module', target: target.name, runtime: `${target.runtimePackage}@${options.runtime.version}` }, null, 2)}\n`,
  );
  const copied = new Set<string>();
  for (const pkg of SHIPPED_PACKAGES) copyShippedPackage(pkg, target, path.join(appDir, 'node_modules'), copied);

  fs.cpSync(RENDERER_BUILD_DIR, path.join(appDir, 'renderer'), { recursive: true, filter: (file) => !file.endsWith('.map') });
  log('Compiling the bundled lessons...');
  fs.cpSync(BUNDLED_COURSES_DIR, path.join(appDir, 'courses'), { recursive: true });
  await compileBundledLessons(path.join(appDir, 'courses'), path.join(appDir, 'lessons'), options.compileCacheDir);

  const runtimeDir = path.join(folder, 'runtime');
  fs.mkdirSync(runtimeDir);
  fs.copyFileSync(options.runtime.binary, path.join(runtimeDir, target.runtimeName));
  fs.chmodSync(path.join(runtimeDir, target.runtimeName), 0o755);
  if (options.partner) copyPartner(options.partner, path.join(appDir, PARTNER_FOLDER));
  const accent = options.partner?.settings.accentColour ?? DEFAULT_ACCENT;
  fs.writeFileSync(path.join(appDir, 'aula.ico'), iconIco(accent));
  fs.writeFileSync(path.join(appDir, 'aula.png'), iconPng(256, accent));
  fs.writeFileSync(path.join(appDir, 'aula.svg'), iconSvg(accent));
  if (target.os === 'win32') {
    buildWindowsLauncher(folder, path.join(appDir, 'aula.ico'), options.version, options.branding, options.workDir);
  } else {
    fs.writeFileSync(path.join(folder, target.launcherName), launcherScript(target), { mode: 0o755 });
  }

  const nodeLicence =
    options.runtime.licence ??
    path.join(
      PROJECT_ROOT,
      'node_modules',
      'node',
      'node_modules',
      `node-${process.platform === 'win32' ? 'win' : process.platform}-${process.arch}`,
      'LICENSE',
    );
  fs.writeFileSync(
    path.join(folder, 'THIRD-PARTY-NOTICES.txt'),
    thirdPartyNotices(productionPackages(PROJECT_ROOT), {
      name: 'Node.js',
      version: options.runtime.version,
      licence: 'MIT and the licences of its parts',
      text: fs.existsSync(nodeLicence) ? fs.readFileSync(nodeLicence, 'utf8').trim() : null,
    }),
  );
}
