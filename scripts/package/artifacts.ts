import fs from 'node:fs';
import path from 'node:path';
import { PORTABLE_MARKER } from './app/data-location.js';
import { writeTarGz, writeZip } from './archives.js';
import { writeDeb } from './debian-package.js';
import type { Target } from './targets.js';
import { buildWindowsInstaller, type WindowsBranding } from './windows-installer.js';

export interface ArtifactOptions {
  target: Target;
  folder: string;
  outDir: string;
  baseName: string;
  version: string;
  branding: WindowsBranding;
  windowTitle: string;
  workDir: string;
  log: (message: string) => void;
}

const PORTABLE_NOTE = `This is a portable copy of Aula: it keeps all progress in the "data" folder beside Aula.exe,
so it can run from a USB stick. Keep this file: without it, Aula keeps progress in the user's
own folder (%APPDATA%\\Aula) instead.
`;

/** The files a partner hands out for the target, built from the Aula folder; returns their paths. */
export async function writeArtifacts(options: ArtifactOptions): Promise<string[]> {
  const { target, folder, outDir, baseName } = options;
  const artifacts: string[] = [];
  if (target.os === 'win32') {
    const setupFile = path.join(outDir, `${baseName}-setup.exe`);
    options.log('Building the Windows installer (NSIS)...');
    buildWindowsInstaller({
      folder,
      icon: path.join(folder, 'app', 'aula.ico'),
      version: options.version,
      branding: options.branding,
      setupFile,
      workDir: options.workDir,
    });
    artifacts.push(setupFile);
    const zip = path.join(outDir, `${baseName}-portable.zip`);
    await writeZip(folder, zip, { [PORTABLE_MARKER]: PORTABLE_NOTE.replace(/\n/g, '\r\n') });
    artifacts.push(zip);
  } else if (target.os === 'linux') {
    const archive = path.join(outDir, `${baseName}.tar.gz`);
    writeTarGz(folder, archive);
    artifacts.push(archive);
    const debFile = path.join(outDir, `aula_${options.version}_${target.arch === 'x64' ? 'amd64' : target.arch}.deb`);
    writeDeb({
      folder,
      target,
      version: options.version,
      publisher: options.branding.publisher,
      windowTitle: options.windowTitle,
      workDir: options.workDir,
      debFile,
    });
    artifacts.push(debFile);
  } else {
    // macOS: the folder as a zip, not signed or notarised (that needs Apple's tools and an Apple
    // developer account): Gatekeeper asks the person to confirm the first start.
    const zip = path.join(outDir, `${baseName}.zip`);
    await writeZip(folder, zip);
    artifacts.push(zip);
  }
  for (const artifact of artifacts) if (!fs.existsSync(artifact)) throw new Error(`${artifact} was not written`);
  return artifacts;
}
