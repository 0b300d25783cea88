import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openAppWindow } from '../../../../scripts/package/app/app-window.js';
import { makeTempDir } from '../../../helpers/temp-dir.js';

const temps: (() => void)[] = [];

function restore(key: 'AULA_BROWSER' | 'DISPLAY', value: string | undefined): void {
  if (value === undefined) Reflect.deleteProperty(process.env, key);
  else process.env[key] = value;
}
const savedEnv = { AULA_BROWSER: process.env.AULA_BROWSER, DISPLAY: process.env.DISPLAY };
afterEach(() => {
  temps.splice(0).forEach((remove) => remove());
  restore('AULA_BROWSER', savedEnv.AULA_BROWSER);
  restore('DISPLAY', savedEnv.DISPLAY);
});

/** A stand-in for Chromium: writes down its arguments, then ends as a browser does when its last window is closed. */
function fakeBrowser(dir: string): { argsFile: string } {
  const argsFile = path.join(dir, 'args.txt');
  const script = path.join(dir, 'browser.sh');
  fs.writeFileSync(script, `#!/bin/sh\nfor arg in "$@"; do echo "$arg"; done > "${argsFile}"\n`, { mode: 0o755 });
  process.env.AULA_BROWSER = script;
  process.env.DISPLAY = ':0';
  return { argsFile };
}

describe.runIf(process.platform !== 'win32')("the installed package's app window", () => {
  it('opens the address as an app window with a profile in the data folder, and reports when it closes', async () => {
    const { dir, remove } = makeTempDir('aula-app-window-');
    temps.push(remove);
    const { argsFile } = fakeBrowser(dir);
    const dataDir = path.join(dir, 'data');
    const closed = new Promise<void>((resolve) => {
      openAppWindow('http://127.0.0.1:4321/?secret=abc', dataDir, { onClosed: resolve, log: () => {} });
    });
    await closed;
    const args = fs.readFileSync(argsFile, 'utf8').trim().split('\n');
    expect(args).toContain('--app=http://127.0.0.1:4321/?secret=abc');
    expect(args).toContain(`--user-data-dir=${path.join(dataDir, 'browser-profile')}`);
    expect(args).toContain('--disable-background-networking');
  });
});
