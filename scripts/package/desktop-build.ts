import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { findElectronRuntime } from '../lib/electron-runtime.js';
import { PROJECT_ROOT } from '../lib/project-paths.js';
import { copyPartner } from './app-folder.js';
import { electronBuilderConfig, electronBuilderPlatformFlag } from './electron-builder-config.js';
import { DEFAULT_ACCENT, iconIco, iconPng } from './icon.js';
import type { Partner } from './partner-file.js';
import type { Target } from './targets.js';

/**
 * `npm run package -- --desktop`: writes the electron-builder configuration for the target (with
 * the partner's files and icon beside it), then runs electron-builder where both it and the
 * Electron runtime are installed. Returns the exit code; where something is missing, says what in
 * one line.
 */
export function buildDesktopPackage(options: {
  target: Target;
  version: string;
  outDir: string;
  partner: Partner | null;
  log: (message: string) => void;
}): number {
  const { target, outDir, partner } = options;
  const resources = path.join(outDir, `desktop-resources-${target.name}`);
  fs.rmSync(resources, { recursive: true, force: true });
  fs.mkdirSync(resources, { recursive: true });
  const accent = partner?.settings.accentColour ?? DEFAULT_ACCENT;
  fs.writeFileSync(path.join(resources, 'aula.ico'), iconIco(accent));
  fs.writeFileSync(path.join(resources, 'aula.png'), iconPng(512, accent));
  const partnerDir = partner ? path.join(resources, 'partner') : null;
  if (partner && partnerDir) copyPartner(partner, partnerDir);
  const electronPackage = JSON.parse(
    fs.readFileSync(path.join(PROJECT_ROOT, 'node_modules', 'electron', 'package.json'), 'utf8'),
  ) as {
    version: string;
  };
  const config = electronBuilderConfig({
    target,
    version: options.version,
    electronVersion: electronPackage.version,
    productName: 'Aula',
    publisher: partner?.settings.organisation.name ?? 'Aula',
    projectRoot: PROJECT_ROOT,
    outDir,
    iconDir: resources,
    partnerDir,
  });
  const configFile = path.join(outDir, `electron-builder.${target.name}.json`);
  fs.writeFileSync(configFile, `${JSON.stringify(config, null, 2)}\n`);
  options.log(`electron-builder configuration: ${configFile}`);

  if (!findElectronRuntime()) {
    console.error(
      'Aula package: the Electron runtime is not installed (node_modules/electron/dist; see README "Desktop window"), so the desktop app cannot be built here.',
    );
    return 1;
  }
  const cli = path.join(PROJECT_ROOT, 'node_modules', 'electron-builder', 'cli.js');
  if (!fs.existsSync(cli)) {
    console.error(
      'Aula package: electron-builder is not installed (npm install --save-dev --save-exact electron-builder@26), so the desktop app cannot be built here.',
    );
    return 1;
  }
  const result = spawnSync(
    process.execPath,
    [cli, '--config', configFile, electronBuilderPlatformFlag(target), '--projectDir', PROJECT_ROOT],
    {
      stdio: 'inherit',
    },
  );
  return result.status ?? 1;
}
