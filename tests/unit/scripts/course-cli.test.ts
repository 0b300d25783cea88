import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir, REPO_ROOT } from '../../helpers/temp-dir.js';
import { addressOf, callChannel } from '../../helpers/typed-http.js';

/** Runs `npm run course -- ...` as a trainer would, from their own folder (INIT_CWD). */
function course(cwd: string, ...args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', path.join(REPO_ROOT, 'scripts', 'course.ts'), ...args], {
    cwd: REPO_ROOT,
    env: { ...process.env, INIT_CWD: cwd },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

describe('npm run course', () => {
  let temp: ReturnType<typeof makeTempDir>;
  beforeEach(() => {
    temp = makeTempDir();
  });
  afterEach(() => temp.remove());

  it('lists its commands, and every command has --help', () => {
    const overview = course(temp.dir, '--help');
    expect(overview.code).toBe(0);
    for (const name of ['new', 'check', 'preview', 'keygen', 'pack', 'install']) {
      expect(overview.out).toContain(name);
      const help = course(temp.dir, name, '--help');
      expect(help.code, name).toBe(0);
      expect(help.out).toContain(`npm run course -- ${name}`);
    }
    expect(course(temp.dir, 'frobnicate').code).toBe(1);
  });

  it('new makes a course that passes check, and refuses a folder that is not empty', () => {
    const created = course(temp.dir, 'new', 'food-bank-basics', '--title', 'Food bank basics');
    expect(created.code).toBe(0);
    for (const file of ['course.yaml', 'lessons/01-welcome.mdx', 'quizzes/welcome-check.yaml', 'assets/course-folder.svg']) {
      expect(fs.existsSync(path.join(temp.dir, 'food-bank-basics', file)), file).toBe(true);
    }
    expect(fs.readFileSync(path.join(temp.dir, 'food-bank-basics', 'course.yaml'), 'utf8')).toContain('id: food-bank-basics');
    const checked = course(temp.dir, 'check', 'food-bank-basics');
    expect(checked.out).toContain('Course OK (0 errors, 0 warnings).');
    expect(checked.code).toBe(0);
    expect(course(temp.dir, 'new', 'food-bank-basics').code).toBe(1);
  });

  it('check prints every problem as path:line:column and fails on errors only', () => {
    course(temp.dir, 'new', 'broken');
    const lesson = path.join(temp.dir, 'broken', 'lessons', '01-welcome.mdx');
    fs.writeFileSync(
      lesson,
      fs
        .readFileSync(lesson, 'utf8')
        .replace('<Quiz id="welcome-check" />', '<Quiz id="no-such-quiz" />\n\n<Chrt />')
        .replace('![A course folder with lessons, quizzes and assets]', '![]'),
    );
    const result = course(temp.dir, 'check', 'broken');
    expect(result.code).toBe(1);
    const lines = result.out.split('\n');
    expect(lines).toContainEqual(
      expect.stringMatching(/^broken\/lessons\/01-welcome\.mdx:\d+:1 error: quiz "no-such-quiz" is used here/),
    );
    expect(lines).toContainEqual(
      expect.stringMatching(/^broken\/lessons\/01-welcome\.mdx:\d+:1 error: unknown component <Chrt>/),
    );
    expect(lines).toContainEqual(
      expect.stringMatching(/^broken\/lessons\/01-welcome\.mdx:\d+:1 warning: image .* has no alt text/),
    );
    expect(lines).toContainEqual(
      expect.stringMatching(
        /^broken\/quizzes\/welcome-check\.yaml:1:1 warning: quiz "welcome-check" is defined but no lesson uses it/,
      ),
    );
    expect(result.out).toContain('Course has problems: 2 errors, 2 warnings.');

    // Warnings alone do not fail.
    fs.writeFileSync(
      lesson,
      fs.readFileSync(lesson, 'utf8').replace('<Quiz id="no-such-quiz" />\n\n<Chrt />', '<Quiz id="welcome-check" />'),
    );
    expect(course(temp.dir, 'check', 'broken').code).toBe(0);
  });

  it('keygen, pack and install: a signed pack, deterministic, installed only once its signer is trusted', () => {
    course(temp.dir, 'new', 'rotas');
    const keygen = course(temp.dir, 'keygen', 'Coop Ñandú', '-o', 'keys');
    expect(keygen.code).toBe(0);
    const keyFile = path.join(temp.dir, 'keys', 'coop-nandu.aula-key.json');
    expect(fs.statSync(keyFile).mode & 0o777).toBe(0o600);
    expect(fs.existsSync(path.join(temp.dir, 'keys', 'coop-nandu.aula-public.json'))).toBe(true);
    expect(course(temp.dir, 'keygen', 'Coop Ñandú', '-o', 'keys').code).toBe(1); // never overwrites a key

    expect(course(temp.dir, 'pack', 'rotas', '--key', 'keys/coop-nandu.aula-key.json', '-o', 'a.aulapack').code).toBe(0);
    const packed = course(temp.dir, 'pack', 'rotas', '--key', 'keys/coop-nandu.aula-key.json', '-o', 'b.aulapack');
    expect(packed.out).toContain('Signed by "Coop Ñandú"');
    expect(fs.readFileSync(path.join(temp.dir, 'a.aulapack')).equals(fs.readFileSync(path.join(temp.dir, 'b.aulapack')))).toBe(
      true,
    );

    const refused = course(temp.dir, 'install', 'a.aulapack', '--data-dir', 'data');
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('does not trust yet');
    expect(fs.existsSync(path.join(temp.dir, 'data', 'courses', 'rotas'))).toBe(false);

    const installed = course(temp.dir, 'install', 'a.aulapack', '--data-dir', 'data', '--trust');
    expect(installed.code).toBe(0);
    expect(installed.out).toContain('Installed "My first Aula course" 0.1.0');
    expect(fs.existsSync(path.join(temp.dir, 'data', 'courses', 'rotas', 'lessons', 'welcome.js'))).toBe(true);
    // The signer is trusted from now on.
    expect(course(temp.dir, 'install', 'b.aulapack', '--data-dir', 'data').code).toBe(0);
  });

  it('pack refuses a course with errors, and install refuses a file that is not a pack', () => {
    course(temp.dir, 'new', 'rotas');
    fs.writeFileSync(path.join(temp.dir, 'rotas', 'quizzes', 'welcome-check.yaml'), 'id: welcome-check\ntitle: [unclosed\n');
    const packed = course(temp.dir, 'pack', 'rotas');
    expect(packed.code).toBe(1);
    expect(packed.err).toMatch(/rotas\/quizzes\/welcome-check\.yaml:\d+:\d+ error: Flow sequence/);
    expect(packed.err).toContain('Not packed');
    fs.writeFileSync(path.join(temp.dir, 'notes.aulapack'), 'hello');
    const installed = course(temp.dir, 'install', 'notes.aulapack', '--data-dir', 'data');
    expect(installed.code).toBe(1);
    expect(installed.err).toContain('not an Aula course pack');
  });
});

/**
 * Listens on the preview's event stream: `connected` settles once the server has sent its
 * greeting (it subscribes before writing it, so a save after that is seen), `reloaded` on the
 * first reload event.
 */
function nextReload(url: URL, secret: string): { connected: Promise<void>; reloaded: Promise<void> } {
  let connect: () => void = () => {};
  const connected = new Promise<void>((resolve) => (connect = resolve));
  const reloaded = new Promise<void>((resolve, reject) => {
    const request = http.get(new URL('/events', url), { headers: { 'x-aula-secret': secret } }, (response) => {
      response.on('data', (chunk: Buffer) => {
        const text = chunk.toString();
        if (text.includes(': connected')) connect();
        if (text.includes('event: reload')) {
          request.destroy();
          resolve();
        }
      });
    });
    request.on('error', (error) => (error.message.includes('aborted') ? undefined : reject(error)));
    setTimeout(() => reject(new Error('no reload event within 15 s')), 15_000).unref();
  });
  return { connected, reloaded };
}

describe('npm run course -- preview', () => {
  it('serves the course, and on each save reloads it and tells the page, with compile errors reported', async () => {
    const temp = makeTempDir();
    course(temp.dir, 'new', 'rotas');
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', path.join(REPO_ROOT, 'scripts', 'course.ts'), 'preview', 'rotas', '--no-open'],
      {
        cwd: REPO_ROOT,
        env: { ...process.env, INIT_CWD: temp.dir },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    try {
      const launch = await new Promise<URL>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no ready line:\n${output}`)), 60_000);
        child.stdout.on('data', () => {
          const match = /Aula ready: (\S+)/.exec(output);
          if (match?.[1]) {
            clearTimeout(timer);
            resolve(new URL(match[1]));
          }
        });
      });
      const secret = launch.searchParams.get('secret')!;
      const preview = addressOf(launch);
      // The preview's temporary data folder comes with one profile, so the trainer is not asked for a name each time.
      const learners = await callChannel(preview, 'learners.list', {});
      expect(learners.map((learner) => learner.displayName)).toEqual(['Preview']);
      const opened = await callChannel(preview, 'learners.open', { learnerId: learners[0]!.id });
      const titles = async () =>
        (await callChannel(preview, 'catalog.list', { session: opened.session })).map((entry) => entry.title);
      expect(await titles()).toEqual(['My first Aula course']);

      const lesson = path.join(temp.dir, 'rotas', 'lessons', '01-welcome.mdx');
      let events = nextReload(launch, secret);
      await events.connected;
      fs.writeFileSync(lesson, fs.readFileSync(lesson, 'utf8').replace('<Quiz id="welcome-check" />', '<Callout>never closed'));
      await events.reloaded;
      const problems = await callChannel(preview, 'catalog.problems', {});
      expect(problems.join('\n')).toMatch(/lessons\/01-welcome\.mdx:\d+:\d+ <Callout> is never closed/);
      expect(await titles()).toEqual([]);

      events = nextReload(launch, secret);
      await events.connected;
      fs.writeFileSync(lesson, fs.readFileSync(lesson, 'utf8').replace('<Callout>never closed', '<Quiz id="welcome-check" />'));
      await events.reloaded;
      expect(await titles()).toEqual(['My first Aula course']);
    } finally {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('close', resolve));
      temp.remove();
    }
  });
});
