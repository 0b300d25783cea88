import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { findElectronRuntime } from '../../../../scripts/lib/electron-runtime.js';
import { electronBuilderConfig } from '../../../../scripts/package/electron-builder-config.js';
import { target } from '../../../../scripts/package/targets.js';
import { REPO_ROOT, makeTempDir } from '../../../helpers/temp-dir.js';

const temps: (() => void)[] = [];
afterEach(() => temps.splice(0).forEach((remove) => remove()));

function config(partnerDir: string | null) {
  return electronBuilderConfig({
    target: target('win-x64'),
    version: '1.2.3',
    electronVersion: '45.5.0',
    productName: 'Aula',
    publisher: 'Cooperativa di Prova',
    projectRoot: REPO_ROOT,
    outDir: path.join(REPO_ROOT, 'dist', 'package'),
    iconDir: path.join(REPO_ROOT, 'dist', 'package', 'desktop-resources-win-x64'),
    partnerDir,
  }) as Record<string, unknown>;
}

describe('the electron-builder configuration of the desktop path', () => {
  it('uses the runtime on disk, closes the fuses and ships only the target binary, unpacked', () => {
    const generated = config(null);
    expect(generated.electronDist).toBe('node_modules/electron/dist');
    expect(generated.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      enableCookieEncryption: true,
    });
    expect(generated.asar).toBe(true);
    const binaries = (generated.files as string[]).filter((file) => file.endsWith('.node'));
    expect(binaries).toEqual(['node_modules/better-sqlite3/prebuilds/win32-x64.node']);
    expect(generated.asarUnpack).toEqual(binaries);
    expect(generated.npmRebuild).toBe(false);
  });

  it('installs per user with NSIS, adds a portable exe, and keeps data on uninstall', () => {
    const generated = config(null);
    expect(generated.win).toMatchObject({
      target: [
        { target: 'nsis', arch: ['x64'] },
        { target: 'portable', arch: ['x64'] },
      ],
    });
    expect(generated.nsis).toMatchObject({ perMachine: false, oneClick: false, deleteAppDataOnUninstall: false });
  });

  it('brings the bundled courses, and the partner files when there are some, as resources', () => {
    expect(config(null).extraResources).toEqual([{ from: 'courses', to: 'courses' }]);
    expect(config(path.join(REPO_ROOT, 'dist', 'package', 'desktop-resources-win-x64', 'partner')).extraResources).toEqual([
      { from: 'courses', to: 'courses' },
      { from: 'dist/package/desktop-resources-win-x64/partner', to: 'partner' },
    ]);
  });

  it('names only packaged files that exist in the checkout', () => {
    const generated = config(null);
    for (const file of (generated.files as string[]).filter((entry) => entry.startsWith('node_modules/') && !entry.includes('*')))
      expect(fs.existsSync(path.join(REPO_ROOT, file)), file).toBe(true);
    expect(fs.existsSync(path.join(REPO_ROOT, 'courses'))).toBe(true);
  });

  it.skipIf(findElectronRuntime() !== null)(
    'without the Electron runtime, writes the config, says why in one line and exits 1',
    () => {
      const { dir, remove } = makeTempDir('aula-desktop-');
      temps.push(remove);
      const result = spawnSync(
        process.execPath,
        ['--import', 'tsx', 'scripts/package.ts', '--desktop', '--target', 'win-x64', '--out', dir],
        {
          cwd: REPO_ROOT,
          encoding: 'utf8',
        },
      );
      expect(result.status).toBe(1);
      expect(result.stderr.trim().split('\n')).toEqual([expect.stringContaining('the Electron runtime is not installed')]);
      const written = JSON.parse(fs.readFileSync(path.join(dir, 'electron-builder.win-x64.json'), 'utf8')) as {
        electronDist: string;
      };
      expect(written.electronDist).toBe('node_modules/electron/dist');
    },
  );
});
