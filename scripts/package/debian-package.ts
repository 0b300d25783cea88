import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Target } from './targets.js';

/** Debian's name for the target's processor. */
const DEBIAN_ARCH: Record<Target['arch'], string> = { x64: 'amd64', arm64: 'arm64' };

/** Where the deb installs the Aula folder, and the command it puts on PATH. */
export const DEB_INSTALL_DIR = '/opt/aula';

export function desktopEntry(windowTitle: string): string {
  return [
    '[Desktop Entry]',
    'Type=Application',
    `Name=${windowTitle}`,
    'Comment=Offline courses on data, process innovation and social business models',
    `Exec=${DEB_INSTALL_DIR}/aula`,
    'Icon=aula',
    'Terminal=false',
    'Categories=Education;',
    '',
  ].join('\n');
}

function folderSizeKb(dir: string): number {
  let bytes = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) bytes += fs.statSync(path.join(entry.parentPath, entry.name)).size;
  }
  return Math.ceil(bytes / 1024);
}

/**
 * A .deb of the Aula folder (built with dpkg-deb): the folder in /opt/aula, `aula` on PATH, a
 * desktop entry and the icon. Learners' data is in ~/.config/Aula, which removing the package
 * (even purging it) never touches.
 */
export function writeDeb(options: {
  folder: string;
  target: Target;
  version: string;
  publisher: string;
  windowTitle: string;
  workDir: string;
  debFile: string;
}): void {
  const root = path.join(options.workDir, 'deb');
  fs.rmSync(root, { recursive: true, force: true });
  const installDir = path.join(root, DEB_INSTALL_DIR);
  fs.mkdirSync(path.dirname(installDir), { recursive: true });
  fs.cpSync(options.folder, installDir, { recursive: true });
  fs.mkdirSync(path.join(root, 'usr', 'bin'), { recursive: true });
  fs.symlinkSync(`${DEB_INSTALL_DIR}/aula`, path.join(root, 'usr', 'bin', 'aula'));
  const share = path.join(root, 'usr', 'share');
  fs.mkdirSync(path.join(share, 'applications'), { recursive: true });
  fs.writeFileSync(path.join(share, 'applications', 'aula.desktop'), desktopEntry(options.windowTitle));
  for (const [size, file] of [
    ['256x256', 'aula.png'],
    ['scalable', 'aula.svg'],
  ] as const) {
    const dir = path.join(share, 'icons', 'hicolor', size, 'apps');
    fs.mkdirSync(dir, { recursive: true });
    fs.copyFileSync(path.join(options.folder, 'app', file), path.join(dir, file));
  }
  fs.mkdirSync(path.join(root, 'DEBIAN'));
  fs.writeFileSync(
    path.join(root, 'DEBIAN', 'control'),
    [
      'Package: aula',
      `Version: ${options.version}`,
      `Architecture: ${DEBIAN_ARCH[options.target.arch]}`,
      `Maintainer: ${options.publisher} <aula@localhost>`,
      `Installed-Size: ${folderSizeKb(root)}`,
      'Section: education',
      'Priority: optional',
      'Recommends: chromium | google-chrome-stable | microsoft-edge-stable',
      'Description: Aula, offline learning for the social economy',
      ' Courses on data, process innovation and social business models that run on this PC',
      " with no network. Progress stays in each user's ~/.config/Aula, also after removal.",
      '',
    ].join('\n'),
  );
  try {
    execFileSync('dpkg-deb', ['--root-owner-group', '--build', root, options.debFile], { stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'ENOENT')
      throw new Error('dpkg-deb is not installed: on Debian or Ubuntu, run `apt-get install dpkg`.', { cause: error });
    throw new Error(`dpkg-deb failed: ${error instanceof Error && 'stderr' in error ? String(error.stderr) : String(error)}`, {
      cause: error,
    });
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}
