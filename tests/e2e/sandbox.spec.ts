import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Request } from '@playwright/test';
import { buildPack } from '../../electron/courses/pack/build-pack.js';
import { generateSigningKey, readSigningKey } from '../../electron/crypto/signing-keys.js';
import { callChannel, expect, REPO_ROOT, startAula, test, type AulaProcess } from './fixtures/aula-server.js';
import { lessonContent } from './fixtures/lesson-frame.js';
import { chooseProfile, goToCourses } from './fixtures/profiles.js';

const HOSTILE = path.join(REPO_ROOT, 'tests', 'fixtures', 'courses', 'hostile');

/**
 * Learning records the lesson's own work writes (opening it, answering its own quiz): xAPI statements
 * about the hostile course, the installation id the first statement makes, and the outbox's counter.
 */
function aboutHostile(table: string, row: Record<string, unknown>): boolean {
  if (table === 'xapi_outbox') return String(row.statement_json).includes('urn:aula:course:hostile');
  if (table === 'settings') return row.key === 'xapi.installation-id';
  if (table === 'sqlite_sequence') return row.name === 'xapi_outbox';
  return false;
}

/** Every row of every table, except the hostile course's own work (a lesson may answer its own quiz). */
function snapshotDatabase(dataDir: string): Record<string, unknown[]> {
  const db = new Database(path.join(dataDir, 'aula.sqlite'), { readonly: true });
  try {
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all() as string[];
    const hostileAttempts = new Set(
      db.prepare("SELECT id FROM quiz_attempts WHERE course_id = 'hostile'").pluck().all() as string[],
    );
    return Object.fromEntries(
      tables.map((table) => {
        // Sorted by contents: a table without rowid (quiz_final_answers) has no insertion order to sort by.
        const rows = (db.prepare(`SELECT * FROM "${table}"`).all() as Record<string, unknown>[])
          .map((row) => JSON.stringify(row))
          .sort()
          .map((row) => JSON.parse(row) as Record<string, unknown>);
        return [
          table,
          rows.filter(
            (row) =>
              row.course_id !== 'hostile' && !hostileAttempts.has(String(row.attempt_id ?? '')) && !aboutHostile(table, row),
          ),
        ];
      }),
    );
  } finally {
    db.close();
  }
}

/**
 * Every file of the data folder with its hash, but the database (compared above), backups, caches
 * and the last-write marker, which counts the learner's records and so moves with the lesson's own
 * quiz answer (the one thing the lesson may do).
 */
function snapshotFiles(dataDir: string): Record<string, string> {
  const files: Record<string, string> = {};
  const skip = /^(aula\.sqlite.*|backups|cache|tmp|logs?|last-write\.json)$/;
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (dir === dataDir && skip.test(entry.name)) continue;
      if (entry.isDirectory()) walk(full);
      else files[path.relative(dataDir, full)] = createHash('sha256').update(fs.readFileSync(full)).digest('hex');
    }
  };
  walk(dataDir);
  return files;
}

/** Installs the hostile course through the real API, signed, trusting its signer, as a manager would. */
async function installHostilePack(aula: AulaProcess, workDir: string): Promise<void> {
  const keyFile = path.join(workDir, 'key.json');
  fs.writeFileSync(keyFile, generateSigningKey('Friendly Looking Coop').privateFile);
  const { bytes } = await buildPack(HOSTILE, { key: readSigningKey(keyFile), cacheDir: path.join(workDir, 'cache') });
  const learners = await callChannel(aula, 'learners.list', {});
  const manager = learners.find((learner) => learner.displayName === 'Montse');
  const { session } = await callChannel(aula, 'learners.open', { learnerId: manager!.id });
  const upload = await fetch(`${aula.origin}/api/packs.stage`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/octet-stream',
      'x-aula-secret': aula.secret,
      'x-aula-args': JSON.stringify({ session }),
    },
    body: new Uint8Array(bytes),
  });
  const staged = (await upload.json()) as { ok: boolean; result: { token: string } };
  expect(staged.ok).toBe(true);
  await callChannel(aula, 'packs.install', { session, token: staged.result.token, trustSigner: true });
  await callChannel(aula, 'learners.close', { session });
}

test('a signed, trusted hostile lesson can reach nothing but its own quiz: every attempt fails and nothing changes', async ({
  page,
  dataDir,
  aulaOrigin,
}) => {
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'aula-hostile-'));
  const aula = await startAula(dataDir, { learners: ['Montse', 'Jonas'] });
  aulaOrigin.current = aula.origin;
  // Anything the lesson's frame got an answer to, but its own static files. (Chrome also reports
  // requests its CSP blocked before they left, as failed ones: those are not counted.)
  const frameRequests: string[] = [];
  page.on('requestfinished', (request: Request) => {
    if (request.frame() === page.mainFrame()) return;
    const url = new URL(request.url());
    if (url.origin === aula.origin && /^\/(assets|lesson-runtime|lessons|course-files\/hostile)\//.test(url.pathname)) return;
    if (url.origin === aula.origin && url.pathname === '/lesson-frame.html') return;
    frameRequests.push(request.url());
  });
  const refusals: string[] = [];
  page.on('console', (message) => {
    if (message.text().startsWith('Aula refused a message from the lesson')) refusals.push(message.text());
  });
  try {
    await installHostilePack(aula, workDir);
    const databaseBefore = snapshotDatabase(dataDir);
    const filesBefore = snapshotFiles(dataDir);

    // The manager opens the lesson: even a manager's session gives the lesson nothing more.
    await page.goto(aula.url);
    await chooseProfile(page, 'Montse');
    await goToCourses(page);
    await page
      .getByRole('article', { name: 'A course that tries everything' })
      .getByRole('link', { name: 'Try everything' })
      .click();
    await expect(page.getByRole('heading', { level: 1, name: 'Try everything' })).toBeVisible();
    const attempts = lessonContent(page).getByRole('region', { name: 'Attempts' }).getByRole('listitem');
    await expect(attempts.first()).toBeVisible({ timeout: 30_000 });
    const outcomes = await attempts.allInnerTexts();
    expect(outcomes.length).toBeGreaterThanOrEqual(35);
    const control = outcomes.filter((text) => text.startsWith('bridge own quiz (control)'));
    expect(control).toEqual(['bridge own quiz (control): answered']);
    // A beacon is only queued by the browser; the checks on the network below show it never left.
    const notBlocked = outcomes.filter((text) => !text.endsWith(': blocked') && !control.includes(text));
    expect(notBlocked.filter((text) => text !== 'beacon to the web: queued')).toEqual([]);
    // The page wrote down each refused bridge message.
    expect(refusals.length).toBeGreaterThanOrEqual(16);

    // Ways out of the app by navigation: a link targeting the top, and the frame's own location.
    const lessonUrl = page.url();
    const stillInTheApp = async () => {
      await expect(page.getByRole('heading', { level: 1, name: 'Try everything' })).toBeVisible();
      expect(page.url()).toBe(lessonUrl);
      expect(page.context().pages()).toHaveLength(1);
      // No frame shows anything but the lesson page (a blocked navigation leaves an error page).
      const elsewhere = page.frames().filter((frame) => /^https?:/.test(frame.url()) && !frame.url().startsWith(aula.origin));
      expect(elsewhere.map((frame) => frame.url())).toEqual([]);
      expect(page.frames().filter((frame) => frame.url() === `${aula.origin}/`)).toEqual([]);
    };
    await lessonContent(page).locator('#link-out').click();
    await stillInTheApp();
    // Each blocked navigation of the frame leaves it empty, so the lesson is opened again in between.
    for (const button of ['#navigate-frame', '#navigate-app']) {
      await page.reload();
      await expect(lessonContent(page).locator(button)).toBeVisible();
      await lessonContent(page).locator(button).click();
      await stillInTheApp();
    }
    // The app itself still works: its own calls go through.
    await page.goto(`${aula.origin}/#/courses`);
    await expect(page.getByRole('article', { name: 'A course that tries everything' })).toBeVisible();

    expect(frameRequests, 'requests of the lesson frame beyond its static files').toEqual([]);
    expect(snapshotDatabase(dataDir)).toEqual(databaseBefore);
    expect(snapshotFiles(dataDir)).toEqual(filesBefore);
  } finally {
    await aula.stop();
    fs.rmSync(workDir, { recursive: true, force: true });
  }
});
