// @ts-check
/**
 * `npm test` runs this first: the system programs the tests use, which `npm install` cannot
 * provide. Where one is missing it installs the Debian packages as Playwright's `install-deps`
 * does (apt-get, as root or through sudo without a password prompt), or else stops at once with
 * one line naming the packages and the command, instead of failing minutes later in a test.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * @typedef {object} Prerequisite
 * @property {string} command a program name looked up on PATH, or an absolute path
 * @property {string} debianPackage the Debian package that provides it
 * @property {string} [unlessEnv] an environment variable that, when set, names a replacement (so nothing is needed)
 */

/**
 * What the tests need from the system: one entry per program. Another tool's tests add a line
 * here (e.g. `{ command: 'makensis', debianPackage: 'nsis' }`).
 * @type {Prerequisite[]}
 */
export const TEST_PREREQUISITES = [
  // The end-to-end tests drive Debian's Chromium at this path (playwright.config.ts), or AULA_CHROMIUM.
  { command: '/usr/bin/chromium', debianPackage: 'chromium', unlessEnv: 'AULA_CHROMIUM' },
  // The certificate tests read generated PDFs back.
  { command: 'pdftotext', debianPackage: 'poppler-utils' },
  { command: 'pdfinfo', debianPackage: 'poppler-utils' },
  // The package tests build the Windows installer, read it and the zip back, and build the .deb.
  { command: 'makensis', debianPackage: 'nsis' },
  { command: '7z', debianPackage: 'p7zip-full' },
  { command: 'dpkg-deb', debianPackage: 'dpkg' },
];

/**
 * @param {string} file
 * @returns {boolean}
 */
function isExecutable(file) {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/**
 * The prerequisites not found on this system.
 * @param {Prerequisite[]} prerequisites
 * @param {NodeJS.ProcessEnv} [env]
 * @returns {Prerequisite[]}
 */
export function findMissing(prerequisites, env = process.env) {
  const dirs = (env.PATH ?? '').split(path.delimiter).filter(Boolean);
  return prerequisites.filter((item) => {
    if (item.unlessEnv && env[item.unlessEnv]) return false;
    if (path.isAbsolute(item.command)) return !isExecutable(item.command);
    return !dirs.some((dir) => isExecutable(path.join(dir, item.command)));
  });
}

/**
 * @typedef {{ action: 'none' }
 *   | { action: 'install'; packages: string[]; commands: string[][] }
 *   | { action: 'stop'; packages: string[]; message: string }} Plan
 */

/**
 * What to do about the missing prerequisites: nothing, install them with apt-get (as root, or
 * through `sudo -n` when that works without a password), or stop with one line.
 * @param {{ missing: Prerequisite[]; aptGet: boolean; root: boolean; sudoWithoutPassword: boolean }} situation
 * @returns {Plan}
 */
export function planPrerequisites({ missing, aptGet, root, sudoWithoutPassword }) {
  if (missing.length === 0) return { action: 'none' };
  const packages = [...new Set(missing.map((item) => item.debianPackage))];
  if (aptGet && (root || sudoWithoutPassword)) {
    const prefix = root ? [] : ['sudo', '-n'];
    return {
      action: 'install',
      packages,
      commands: [
        [...prefix, 'apt-get', 'update'],
        [...prefix, 'apt-get', 'install', '-y', '--no-install-recommends', ...packages],
      ],
    };
  }
  const programs = missing.map((item) => path.basename(item.command)).join(', ');
  const install = `sudo apt-get install ${packages.join(' ')}`;
  return {
    action: 'stop',
    packages,
    message: aptGet
      ? `The tests need ${programs} (Debian packages: ${packages.join(' ')}); install them with: ${install}`
      : `The tests need ${programs}; install them with your system's package manager (on Debian or Ubuntu: ${install})`,
  };
}

/** @returns {boolean} */
function canSudoWithoutPassword() {
  return spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore' }).status === 0;
}

/** @returns {number} the exit code */
function main() {
  const missing = findMissing(TEST_PREREQUISITES);
  const aptGet = findMissing([{ command: 'apt-get', debianPackage: 'apt' }]).length === 0;
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  const plan = planPrerequisites({
    missing,
    aptGet,
    root,
    sudoWithoutPassword: missing.length > 0 && aptGet && !root && canSudoWithoutPassword(),
  });
  if (plan.action === 'none') return 0;
  if (plan.action === 'stop') {
    console.error(plan.message);
    return 1;
  }
  console.log(`Installing what the tests need: ${plan.packages.join(' ')} (apt-get)...`);
  for (const command of plan.commands) {
    const [program = '', ...args] = command;
    const result = spawnSync(program, args, {
      stdio: ['ignore', 'inherit', 'inherit'],
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    if (result.status !== 0) {
      console.error(
        `Could not install ${plan.packages.join(' ')}: \`${command.join(' ')}\` failed; install them yourself and run the tests again.`,
      );
      return 1;
    }
  }
  const still = findMissing(TEST_PREREQUISITES);
  if (still.length > 0) {
    console.error(`Still missing after apt-get: ${still.map((item) => item.command).join(', ')}.`);
    return 1;
  }
  return 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) process.exitCode = main();
