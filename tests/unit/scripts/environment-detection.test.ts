import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultDataFolder } from '../../../electron/core/data-folder.js';
import { findElectronRuntime } from '../../../scripts/lib/electron-runtime.js';
import { findChromiumBrowser } from '../../../scripts/lib/find-browser.js';
import { makeTempDir } from '../../helpers/temp-dir.js';

describe('findElectronRuntime', () => {
  let temp: ReturnType<typeof makeTempDir>;
  beforeEach(() => {
    temp = makeTempDir();
    fs.mkdirSync(path.join(temp.dir, 'node_modules', 'electron'), { recursive: true });
  });
  afterEach(() => temp.remove());

  it('reports no runtime when the package is installed but its binary was never downloaded', () => {
    expect(findElectronRuntime(temp.dir, {})).toBeNull();
    fs.writeFileSync(path.join(temp.dir, 'node_modules', 'electron', 'path.txt'), 'electron');
    expect(findElectronRuntime(temp.dir, {})).toBeNull();
  });

  it('finds the binary named by path.txt once it is there', () => {
    const dist = path.join(temp.dir, 'node_modules', 'electron', 'dist');
    fs.mkdirSync(dist);
    fs.writeFileSync(path.join(temp.dir, 'node_modules', 'electron', 'path.txt'), 'electron');
    fs.writeFileSync(path.join(dist, 'electron'), '');
    expect(findElectronRuntime(temp.dir, {})).toBe(path.join(dist, 'electron'));
  });
});

describe('defaultDataFolder', () => {
  it('uses each OS per-user application-data folder', () => {
    expect(defaultDataFolder('win32', { APPDATA: 'C:\\Users\\ana\\AppData\\Roaming' }, 'C:\\Users\\ana')).toBe(
      path.join('C:\\Users\\ana\\AppData\\Roaming', 'Aula'),
    );
    expect(defaultDataFolder('darwin', {}, '/Users/ana')).toBe('/Users/ana/Library/Application Support/Aula');
    expect(defaultDataFolder('linux', {}, '/home/ana')).toBe('/home/ana/.config/Aula');
    expect(defaultDataFolder('linux', { XDG_CONFIG_HOME: '/cfg' }, '/home/ana')).toBe('/cfg/Aula');
  });
});

describe('findChromiumBrowser', () => {
  it('honours AULA_BROWSER and finds browsers on PATH', () => {
    const temp = makeTempDir();
    try {
      const fake = path.join(temp.dir, 'chromium');
      fs.writeFileSync(fake, '');
      expect(findChromiumBrowser('linux', { AULA_BROWSER: fake })).toBe(fake);
      expect(findChromiumBrowser('linux', { PATH: temp.dir })).toBe(fake);
      expect(findChromiumBrowser('linux', { PATH: path.join(temp.dir, 'nothing') })).toBeNull();
    } finally {
      temp.remove();
    }
  });
});
