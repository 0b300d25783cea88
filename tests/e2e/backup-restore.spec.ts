/**
 * A damaged progress database is restored from Aula's own automatic backup at the next start,
 * and the person learns it on the first screen (in their language), once.
 */
import fs from 'node:fs';
import path from 'node:path';
import { callChannel, expect, startAula, test } from './fixtures/aula-server.js';

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
