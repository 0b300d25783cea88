import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir, REPO_ROOT } from '../../helpers/temp-dir.js';

const NOBODY = 65534;
const runningAsRoot = process.getuid?.() === 0;

/**
 * Starts the core on `dataDir` in a process of its own and returns what it says. Root may write
 * anywhere, so as root the process runs as the unprivileged user "nobody", for whom the folder
 * really is read-only; anyone else is refused by the folder's own permissions.
 */
function startCoreAsAnotherProcess(dataDir: string): string {
  const startCore = pathToFileURL(path.join(REPO_ROOT, 'electron/core/start-core.ts')).href;
  const script = `
    const { startCore } = await import(${JSON.stringify(startCore)});
    try {
      const core = await startCore({ dataDir: ${JSON.stringify(dataDir)}, courseRoots: [], appVersion: 'test', firstBackupDelayMs: false });
      core.close();
      console.log('started');
    } catch (error) {
      console.log(error.message);
    }`;
  return execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    env: { ...process.env, HOME: path.dirname(dataDir) },
    ...(runningAsRoot ? { uid: NOBODY, gid: NOBODY } : {}),
  }).trim();
}

describe('a data folder that cannot be written', () => {
  let temp: ReturnType<typeof makeTempDir>;
  beforeEach(() => {
    temp = makeTempDir();
    fs.chmodSync(temp.dir, 0o755);
  });
  afterEach(() => {
    fs.chmodSync(path.join(temp.dir, 'data'), 0o755);
    temp.remove();
  });

  it('says which folder, that it cannot be written, and what to do, and changes nothing in it', () => {
    const dataDir = path.join(temp.dir, 'data');
    fs.mkdirSync(dataDir);
    fs.writeFileSync(path.join(dataDir, 'keep.txt'), 'mine');
    fs.chmodSync(dataDir, 0o555);

    const said = startCoreAsAnotherProcess(dataDir);
    expect(said).toContain(`Aula cannot save progress in its data folder ${dataDir}: the folder is read-only for you.`);
    expect(said).toContain('Ask the person who looks after this computer to give you permission to change that folder');
    expect(said).toContain('npm start -- --data-dir <folder>');
    expect(said).not.toContain('unable to open database file');
    expect(fs.readdirSync(dataDir)).toEqual(['keep.txt']);
  });

  it('names the database file when the folder is writable but the file is not', () => {
    const dataDir = path.join(temp.dir, 'data');
    fs.mkdirSync(dataDir, { mode: 0o777 });
    fs.chmodSync(dataDir, 0o777);
    fs.writeFileSync(path.join(dataDir, 'aula.sqlite'), '');
    fs.chmodSync(path.join(dataDir, 'aula.sqlite'), 0o444);
    expect(startCoreAsAnotherProcess(dataDir)).toContain('the file aula.sqlite in it is read-only for you');
  });
});
