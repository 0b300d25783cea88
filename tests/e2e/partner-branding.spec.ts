/**
 * A partner's branding reaches the interface: the window is named by the partner file's
 * `windowTitle` and Aula's accent becomes the partner's colour (previewed with `npm start --
 * --partner FILE`, the same settings a built package passes to the core).
 */
import { spawnSync } from 'node:child_process';
import { REPO_ROOT, SAMPLE_FIXTURE_COURSE, expect, startAulaScript, test } from './fixtures/aula-server.js';

const PARTNER_FILE = 'partners/example/partner.yaml';

test("a partner file's window title and accent colour brand the pages", async ({ page, dataDir, aulaOrigin }) => {
  const aula = await startAulaScript(
    [
      'scripts/launch.mjs',
      '--browser',
      '--no-open',
      '--port',
      '0',
      '--data-dir',
      dataDir,
      '--partner',
      PARTNER_FILE,
      '--courses',
      SAMPLE_FIXTURE_COURSE,
    ],
    { learners: [] },
  );
  aulaOrigin.current = aula.origin;
  try {
    await page.goto(aula.url);
    await expect(page.getByRole('heading', { level: 1, name: 'Welcome to Aula' })).toBeVisible();
    await expect(page).toHaveTitle('Welcome to Aula · Aula · Example Social Cooperative');
    // partners/example's accent (#8a3b12) already passes AA on white, so it is used unchanged.
    await expect(page.getByRole('button', { name: 'Create my profile and start' })).toHaveCSS(
      'background-color',
      'rgb(138, 59, 18)',
    );
  } finally {
    await aula.stop();
  }
});

test('plain Aula keeps its own name and colour', async ({ page, dataDir, aulaOrigin }) => {
  const aula = await startAulaScript(
    ['scripts/launch.mjs', '--browser', '--no-open', '--port', '0', '--data-dir', dataDir, '--courses', SAMPLE_FIXTURE_COURSE],
    {
      learners: [],
    },
  );
  aulaOrigin.current = aula.origin;
  try {
    await page.goto(aula.url);
    await expect(page).toHaveTitle('Welcome to Aula · Aula');
    await expect(page.getByRole('button', { name: 'Create my profile and start' })).toHaveCSS(
      'background-color',
      'rgb(29, 92, 99)',
    );
  } finally {
    await aula.stop();
  }
});

test('a partner file that cannot be used stops the start with the field it is about', () => {
  const run = spawnSync(
    process.execPath,
    ['scripts/launch.mjs', '--browser', '--no-open', '--port', '0', '--partner', 'tests/no-such-partner.yaml'],
    { cwd: REPO_ROOT, env: { ...process.env, INIT_CWD: REPO_ROOT }, encoding: 'utf8', timeout: 60_000 },
  );
  expect(run.status).toBe(1);
  expect(run.stderr).toContain('no-such-partner.yaml');
});
