import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultDataFolder } from '../../../electron/core/data-folder.js';
import { desktopDataFolder } from '../../../electron/desktop/desktop-data-folder.js';
import { REPO_ROOT } from '../../helpers/temp-dir.js';

describe('the desktop shell opens the same data folder as browser mode', () => {
  it('uses the one default data folder when no --data-dir is given, in development and packaged', () => {
    expect(desktopDataFolder(['/opt/electron', 'dist/electron/main.cjs'], false)).toBe(defaultDataFolder());
    expect(desktopDataFolder(['/opt/Aula/aula'], true)).toBe(defaultDataFolder());
    // On Linux that is ~/.config/Aula, not the ~/.config/aula Electron would derive from package.json's "name".
    const linux = () => defaultDataFolder('linux', {}, '/home/ana');
    expect(desktopDataFolder(['/opt/Aula/aula'], true, linux)).toBe('/home/ana/.config/Aula');
    const packageName = (JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { name: string }).name;
    expect(path.basename(linux())).not.toBe(packageName);
  });

  it('uses --data-dir when given, resolved to an absolute path', () => {
    expect(desktopDataFolder(['/opt/electron', 'main.cjs', '--data-dir', 'my-data'], false)).toBe(path.resolve('my-data'));
    expect(desktopDataFolder(['/opt/Aula/aula', '--data-dir=/srv/aula'], true)).toBe('/srv/aula');
  });

  it('is what the desktop main process passes to the core (never Electron userData)', () => {
    const main = fs.readFileSync(path.join(REPO_ROOT, 'electron/desktop/main.ts'), 'utf8');
    expect(main).toContain('dataDir: desktopDataFolder(process.argv, app.isPackaged)');
    expect(main).not.toContain("getPath('userData')");
  });
});
