/**
 * A damaged progress database is restored from Aula's own automatic backup at the next start,
 * and the person learns it on the first screen (in their language), once.
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect, startAula, test, type AulaProcess } from './fixtures/aula-server.js';

async function callChannel<T>(aula: AulaProcess, channel: string, args: unknown): Promise<T> {
  const secret = new URL(aula.url).searchParams.get('secret') ?? '';
  const response = await fetch(`${aula.origin}/api/${channel}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'x-aula-secret': secret },
    body: JSON.stringify(args),
  });
  const body = (await response.json()) as { ok: boolean; result?: T; error?: unknown };
  if (!body.ok) throw new Error(`${channel}: ${JSON.stringify(body.error)}`);
  return body.result as T;
}

test('a damaged database is restored from the automatic backup and the person is told once', async ({
  page,
  dataDir,
  aulaOrigin,
}) => {
  test.setTimeout(120_000);
  const first = await startAula(dataDir);
  await callChannel(first, 'learners.create', { displayName: 'Montse Ribas', language: 'en' });
  // The daily backup is made a few seconds after start, once the first screen can be served.
  const backups = path.join(dataDir, 'backups');
  await expect
    .poll(() => (fs.existsSync(backups) ? fs.readdirSync(backups).filter((name) => name.endsWith('-daily.sqlite')) : []), {
      timeout: 30_000,
    })
    .toHaveLength(1);
  expect(await first.stop()).toBe(0);

  fs.writeFileSync(path.join(dataDir, 'aula.sqlite'), Buffer.alloc(32 * 1024, 'not a database any more '));

  const second = await startAula(dataDir);
  try {
    aulaOrigin.current = second.origin;
    expect(second.output()).toContain('restored the automatic backup');
    expect(second.output()).toContain(path.join(dataDir, 'damaged'));

    await page.goto(second.url);
    const notice = page.getByRole('alert').filter({ hasText: 'Your progress was restored from a backup' });
    await expect(notice).toBeVisible();
    await expect(notice).toContainText('Work done after that time may be missing');
    await expect(notice).toContainText(path.join(dataDir, 'damaged'));
    await expect(page.getByRole('button', { name: 'Montse Ribas', exact: true })).toBeVisible();

    await page.getByRole('combobox', { name: 'Language', exact: true }).selectOption('ca');
    const catalan = page.getByRole('alert').filter({ hasText: "El teu progrés s'ha recuperat d'una còpia de seguretat" });
    await expect(catalan).toBeVisible();
    await catalan.getByRole('button', { name: "D'acord, entesos" }).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('alert')).toHaveCount(0);

    await page.reload();
    await expect(page.getByRole('button', { name: 'Montse Ribas', exact: true })).toBeVisible();
    await expect(page.getByRole('alert')).toHaveCount(0);
  } finally {
    await second.stop();
  }
  const damaged = fs.readdirSync(path.join(dataDir, 'damaged'));
  expect(damaged).toHaveLength(1);
  expect(fs.readdirSync(path.join(dataDir, 'damaged', damaged[0] ?? ''))).toContain('aula.sqlite');
});
