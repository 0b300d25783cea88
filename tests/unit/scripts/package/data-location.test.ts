import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { chooseDataFolder } from '../../../../scripts/package/app/data-location.js';

const installRoot = path.resolve('/opt/aula');
const base = {
  installRoot,
  cwd: path.resolve('/home/ana'),
  platform: 'linux' as const,
  env: {},
  home: path.resolve('/home/ana'),
};

describe('where an installed package keeps its data', () => {
  it('uses the OS per-user folder for an installed copy', () => {
    expect(chooseDataFolder({ ...base, dataDirOption: undefined, isPortable: false })).toBe(
      path.resolve('/home/ana/.config/Aula'),
    );
    expect(
      chooseDataFolder({
        ...base,
        dataDirOption: undefined,
        isPortable: false,
        platform: 'win32',
        env: { APPDATA: 'C:\\Users\\ana\\AppData\\Roaming' },
      }),
    ).toBe(path.join('C:\\Users\\ana\\AppData\\Roaming', 'Aula'));
  });

  it("keeps a portable copy's data beside the launcher", () => {
    expect(chooseDataFolder({ ...base, dataDirOption: undefined, isPortable: true })).toBe(path.join(installRoot, 'data'));
  });

  it('lets --data-dir win, relative to where Aula was started', () => {
    expect(chooseDataFolder({ ...base, dataDirOption: 'my-data', isPortable: true })).toBe(path.resolve('/home/ana/my-data'));
  });
});
