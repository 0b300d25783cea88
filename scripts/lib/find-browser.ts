import fs from 'node:fs';
import path from 'node:path';

const LINUX_NAMES = [
  'chromium',
  'chromium-browser',
  'google-chrome',
  'google-chrome-stable',
  'microsoft-edge',
  'microsoft-edge-stable',
];

function windowsCandidates(env: NodeJS.ProcessEnv): string[] {
  const roots = [env['PROGRAMFILES(X86)'], env.PROGRAMFILES, env.LOCALAPPDATA].filter((r): r is string => Boolean(r));
  return roots.flatMap((root) => [
    path.join(root, 'Microsoft', 'Edge', 'Application', 'msedge.exe'),
    path.join(root, 'Google', 'Chrome', 'Application', 'chrome.exe'),
    path.join(root, 'Chromium', 'Application', 'chrome.exe'),
  ]);
}

const MAC_CANDIDATES = [
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];

/**
 * A Chromium-family browser on this PC (they all support `--app=` windows), or null. Checked
 * with file lookups only: nothing is started or downloaded.
 */
export function findChromiumBrowser(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
): string | null {
  if (env.AULA_BROWSER) return fs.existsSync(env.AULA_BROWSER) ? env.AULA_BROWSER : null;
  if (platform === 'win32') return windowsCandidates(env).find((file) => fs.existsSync(file)) ?? null;
  if (platform === 'darwin') return MAC_CANDIDATES.find((file) => fs.existsSync(file)) ?? null;
  const dirs = (env.PATH ?? '').split(path.delimiter).filter(Boolean);
  for (const name of LINUX_NAMES) {
    for (const dir of dirs) {
      const file = path.join(dir, name);
      if (fs.existsSync(file)) return file;
    }
  }
  return null;
}
