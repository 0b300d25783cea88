/**
 * The files a partner hands out, built as `npm run package` builds them and read back: the Windows
 * setup and portable zip with 7-Zip (which opens NSIS installers): the pinned Node, only the
 * win32-x64 SQLite binary, the same app files as the linux-x64 package, the bundled courses and
 * the partner's branding; the Linux .deb with dpkg-deb.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { target } from '../../../../scripts/package/targets.js';
import { writePartnerFolder } from '../../../helpers/partner-fixture.js';
import { REPO_ROOT, makeTempDir } from '../../../helpers/temp-dir.js';

const VERSION = (JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
// A guard against a hung build, not a speed check: building and compressing takes minutes on a busy PC.
const BUILD_TIMEOUT_MS = 45 * 60_000;
const temp = makeTempDir('aula-windows-package-');
const out = path.join(temp.dir, 'out');

function buildPackage(args: string[]): void {
  execFileSync(process.execPath, ['--import', 'tsx', 'scripts/package.ts', '--out', out, ...args], {
    cwd: REPO_ROOT,
    stdio: 'pipe',
  });
}

/** File paths inside an archive, as 7-Zip lists them. */
function listArchive(file: string): string[] {
  const listing = execFileSync('7z', ['l', '-slt', '-ba', file], { maxBuffer: 64 * 1024 * 1024 }).toString();
  return listing
    .split(/\r?\n/)
    .filter((line) => line.startsWith('Path = '))
    .map((line) => line.slice('Path = '.length).replace(/\\/g, '/'));
}

function extractOne(archive: string, entry: string): Buffer {
  return execFileSync('7z', ['e', '-so', archive, entry], { maxBuffer: 256 * 1024 * 1024 });
}

function listFolder(dir: string, base = dir): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? listFolder(full, base) : [path.relative(base, full).split(path.sep).join('/')];
  });
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
/** The app's files apart from what differs by design: the SQLite binary and the partner's folder. */
const comparableAppFiles = (files: string[]) =>
  files.filter((file) => file.startsWith('app/') && !file.includes('/prebuilds/') && !file.startsWith('app/partner/')).sort();

let setup = '';
let deb = '';
let zip = '';
let linuxFiles: string[] = [];

beforeAll(async () => {
  const partnerFile = await writePartnerFolder(path.join(temp.dir, 'partner'));
  buildPackage(['--target', 'linux-x64']);
  linuxFiles = listFolder(path.join(out, `Aula-${VERSION}-linux-x64`));
  deb = path.join(out, `aula_${VERSION}_amd64.deb`);
  buildPackage(['--target', 'win-x64', '--partner', partnerFile]);
  setup = path.join(out, `Aula-${VERSION}-win-x64-setup.exe`);
  zip = path.join(out, `Aula-${VERSION}-win-x64-portable.zip`);
}, BUILD_TIMEOUT_MS);

afterAll(() => temp.remove());

describe('the Windows package', () => {
  // Reading one file out of a solid LZMA installer unpacks everything before it: slow on a busy PC.
  it('has an installer of at most 60 MB holding the launcher, the uninstaller and the pinned Node', { timeout: 600_000 }, () => {
    expect(fs.statSync(setup).size).toBeLessThanOrEqual(60 * 1024 * 1024);
    const files = listArchive(setup);
    expect(files).toEqual(
      expect.arrayContaining(['Aula.exe', 'aula.cmd', 'Uninstall.exe', 'runtime/node.exe', 'THIRD-PARTY-NOTICES.txt']),
    );

    // node.exe is byte for byte the one in the npm package of the version the target pins.
    const win = target('win-x64');
    const tarball = path.join(REPO_ROOT, '.package-cache', `${win.runtimePackage}-${win.runtimeVersion}.tgz`);
    const packageJson = JSON.parse(execFileSync('tar', ['-xzOf', tarball, 'package/package.json']).toString()) as {
      version: string;
    };
    expect(packageJson.version).toBe(win.runtimeVersion);
    const pinned = execFileSync('tar', ['-xzOf', tarball, win.runtimeFile], { maxBuffer: 256 * 1024 * 1024 });
    expect(sha256(extractOne(setup, 'runtime/node.exe'))).toBe(sha256(pinned));
    expect(sha256(extractOne(zip, `Aula-${VERSION}-win-x64/runtime/node.exe`))).toBe(sha256(pinned));
  });

  it("holds better-sqlite3's win32-x64 binary and no other system's", () => {
    for (const files of [listArchive(setup), listArchive(zip)]) {
      expect(files.filter((file) => file.endsWith('.node'))).toEqual([
        expect.stringMatching(/(^|\/)app\/node_modules\/better-sqlite3\/prebuilds\/win32-x64\.node$/),
      ]);
    }
  });

  it('holds the same app files as the linux-x64 package, with every bundled course', () => {
    const setupFiles = listArchive(setup);
    expect(comparableAppFiles(setupFiles)).toEqual(comparableAppFiles(linuxFiles));
    const top = `Aula-${VERSION}-win-x64/`;
    const zipFiles = listArchive(zip)
      .filter((file) => file.startsWith(top))
      .map((file) => file.slice(top.length));
    expect(comparableAppFiles(zipFiles)).toEqual(comparableAppFiles(linuxFiles));
    // Each folder under courses/ is a course (courses/README.md is the course map, not a course).
    const courses = fs
      .readdirSync(path.join(REPO_ROOT, 'courses'), { withFileTypes: true })
      .filter((entry) => entry.isDirectory());
    expect(courses.length).toBeGreaterThan(0);
    for (const course of courses) expect(setupFiles).toContain(`app/courses/${course.name}/course.yaml`);
  });

  it("carries the partner's branding, packs and keys", () => {
    const files = listArchive(setup);
    expect(files).toEqual(
      expect.arrayContaining([
        'app/partner/partner.json',
        'app/partner/logo.png',
        expect.stringMatching(/^app\/partner\/packs\/partner-course-.*\.aulapack$/),
        'app/partner/issuer.aula-key.json',
      ]),
    );
    const settings = JSON.parse(extractOne(setup, 'app/partner/partner.json').toString()) as Record<string, unknown>;
    expect(settings).toMatchObject({
      organisation: { name: 'Cooperativa di Prova', logo: 'logo.png' },
      accentColour: '#2a5599',
      defaultLanguage: 'ca',
      trustedSigners: [
        expect.objectContaining({ name: 'Cooperativa di Prova' }),
        expect.objectContaining({ name: 'Cooperativa di Prova' }),
      ],
      certificateIssuer: { name: 'Cooperativa di Prova', url: 'https://prova.example', keyFile: 'issuer.aula-key.json' },
    });
  });

  it('has a portable zip that keeps its data beside the launcher', () => {
    const files = listArchive(zip);
    expect(files).toEqual(expect.arrayContaining([`Aula-${VERSION}-win-x64/portable.txt`, `Aula-${VERSION}-win-x64/Aula.exe`]));
    expect(listArchive(setup)).not.toContain('portable.txt');
  });
});

describe('the Linux .deb', () => {
  it('installs the Aula folder in /opt/aula with the command, a desktop entry and the icon', () => {
    const fields = execFileSync('dpkg-deb', ['-f', deb, 'Package', 'Version', 'Architecture']).toString();
    expect(fields).toBe(`Package: aula\nVersion: ${VERSION}\nArchitecture: amd64\n`);
    const listing = execFileSync('dpkg-deb', ['-c', deb], { maxBuffer: 64 * 1024 * 1024 }).toString();
    const paths = listing.split('\n').map((line) => line.split(/\s+/).slice(5).join(' '));
    expect(paths).toEqual(
      expect.arrayContaining([
        './opt/aula/aula',
        './opt/aula/runtime/node',
        './usr/bin/aula -> /opt/aula/aula',
        './usr/share/applications/aula.desktop',
        './usr/share/icons/hicolor/256x256/apps/aula.png',
        './usr/share/icons/hicolor/scalable/apps/aula.svg',
      ]),
    );
    expect(paths.filter((file) => file.endsWith('.node'))).toEqual([
      './opt/aula/app/node_modules/better-sqlite3/prebuilds/linux-x64.node',
    ]);
    const root = path.join(temp.dir, 'deb-root');
    execFileSync('dpkg-deb', ['-x', deb, root]);
    const entry = fs.readFileSync(path.join(root, 'usr', 'share', 'applications', 'aula.desktop'), 'utf8');
    expect(entry).toContain('Exec=/opt/aula/aula\n');
    expect(entry).toContain('Icon=aula\n');
    expect(fs.statSync(path.join(root, 'opt', 'aula', 'aula')).mode & 0o111).not.toBe(0);
  });
});
