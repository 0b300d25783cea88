/**
 * The desktop shell end to end, with Playwright's Electron support. It needs the Electron runtime
 * binary (downloaded from the internet by `npx install-electron`); it loads the same prebuilt
 * better-sqlite3 binary as Node. Where the runtime is missing, as on Aula's CI machine, it is skipped
 * and says why. The desktop shell always shows the bundled courses (`--courses` is browser mode's),
 * so this spec answers a question of the bundled sample course (courses/sample) as it ships.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';
import { buildElectronShell } from '../../scripts/lib/electron-build.js';
import { findElectronRuntime } from '../../scripts/lib/electron-runtime.js';
import { createFirstProfile, goToCourses } from './fixtures/profiles.js';

const runtime = findElectronRuntime();
const skipReason = runtime
  ? ''
  : 'Electron runtime binary not installed (it cannot be downloaded here); the desktop shell is covered by typecheck and the browser-mode specs.';
if (skipReason) console.log(`[electron.spec] skipped: ${skipReason}`);

test.describe('desktop shell', () => {
  test.skip(Boolean(skipReason), skipReason);

  test('opens the catalog in a sandboxed window and answers a question over IPC', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'aula-electron-'));
    const main = await buildElectronShell();
    const app = await electron.launch({
      executablePath: runtime!,
      args: [main, '--data-dir', dataDir],
    });
    try {
      const page = await app.firstWindow();
      // A new data folder has no profile: the first-run welcome asks for a name.
      await expect(page.getByRole('heading', { level: 1, name: 'Welcome to Aula' })).toBeVisible();
      expect(page.url()).toMatch(/^aula:\/\/app\//);
      // No Node in the renderer; only the preload's task-specific functions.
      expect(await page.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
      expect(await page.evaluate(() => typeof (globalThis as { process?: unknown }).process)).toBe('undefined');
      expect(
        await page.evaluate(() =>
          Object.keys((globalThis as unknown as { aulaDesktop: object }).aulaDesktop).includes('quiz.submitAnswer'),
        ),
      ).toBe(true);

      await createFirstProfile(page, 'Learner');
      await goToCourses(page);
      await page.getByRole('link', { name: 'The data your organisation already has' }).click();
      const question = page.getByRole('form', { name: 'Which of these records is personal data under the GDPR?' });
      await question.getByLabel('A list of cooperative members with the rent each one pays').check();
      await question.getByRole('button', { name: 'Check answer' }).click();
      await expect(question.getByRole('status').filter({ hasText: 'Correct!' })).toContainText('Answer saved');

      // New windows are denied.
      await page.evaluate(() => globalThis.open('https://example.org'));
      expect(app.windows()).toHaveLength(1);
    } finally {
      await app.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
