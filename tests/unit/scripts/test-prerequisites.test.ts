import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findMissing, planPrerequisites, TEST_PREREQUISITES } from '../../../scripts/check-test-prerequisites.mjs';
import { makeTempDir, REPO_ROOT } from '../../helpers/temp-dir.js';

const chromium = { command: '/usr/bin/chromium', debianPackage: 'chromium', unlessEnv: 'AULA_CHROMIUM' };
const pdftotext = { command: 'pdftotext', debianPackage: 'poppler-utils' };
const pdfinfo = { command: 'pdfinfo', debianPackage: 'poppler-utils' };

describe("the tests' system prerequisites", () => {
  let temp: ReturnType<typeof makeTempDir>;
  beforeEach(() => {
    temp = makeTempDir();
  });
  afterEach(() => temp.remove());

  const program = (dir: string, name: string, mode = 0o755) => {
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, name), '#!/bin/sh\n', { mode });
    return path.join(dir, name);
  };

  it('finds programs on PATH (executable files only) and by absolute path, and honours a replacement variable', () => {
    const bin = path.join(temp.dir, 'bin');
    program(bin, 'pdftotext');
    program(bin, 'pdfinfo', 0o644);
    const browser = program(path.join(temp.dir, 'usr'), 'chromium');
    const items = [{ ...chromium, command: browser }, pdftotext, pdfinfo];
    expect(findMissing(items, { PATH: bin })).toEqual([pdfinfo]);
    expect(findMissing(items, { PATH: '' })).toEqual([pdftotext, pdfinfo]);
    const elsewhere = { ...chromium, command: path.join(temp.dir, 'nowhere', 'chromium') };
    expect(findMissing([elsewhere], { PATH: bin })).toEqual([elsewhere]);
    expect(findMissing([elsewhere], { PATH: bin, AULA_CHROMIUM: '/opt/chrome' })).toEqual([]);
  });

  it('does nothing when nothing is missing', () => {
    expect(planPrerequisites({ missing: [], aptGet: true, root: false, sudoWithoutPassword: false })).toEqual({ action: 'none' });
  });

  it('installs each package once with apt-get, as root or through sudo -n', () => {
    const missing = [chromium, pdftotext, pdfinfo];
    expect(planPrerequisites({ missing, aptGet: true, root: true, sudoWithoutPassword: false })).toEqual({
      action: 'install',
      packages: ['chromium', 'poppler-utils'],
      commands: [
        ['apt-get', 'update'],
        ['apt-get', 'install', '-y', '--no-install-recommends', 'chromium', 'poppler-utils'],
      ],
    });
    const viaSudo = planPrerequisites({ missing: [pdfinfo], aptGet: true, root: false, sudoWithoutPassword: true });
    expect(viaSudo).toMatchObject({
      action: 'install',
      commands: [
        ['sudo', '-n', 'apt-get', 'update'],
        ['sudo', '-n', 'apt-get', 'install', '-y', '--no-install-recommends', 'poppler-utils'],
      ],
    });
  });

  it('otherwise stops with one line naming the packages and the command', () => {
    const plan = planPrerequisites({ missing: [chromium, pdfinfo], aptGet: true, root: false, sudoWithoutPassword: false });
    expect(plan).toEqual({
      action: 'stop',
      packages: ['chromium', 'poppler-utils'],
      message:
        'The tests need chromium, pdfinfo (Debian packages: chromium poppler-utils); install them with: sudo apt-get install chromium poppler-utils',
    });
    const noApt = planPrerequisites({ missing: [pdftotext], aptGet: false, root: true, sudoWithoutPassword: false });
    expect(noApt).toMatchObject({ action: 'stop' });
    expect(noApt.action === 'stop' && noApt.message).toBe(
      "The tests need pdftotext; install them with your system's package manager (on Debian or Ubuntu: sudo apt-get install poppler-utils)",
    );
  });

  it('lists at least chromium and poppler-utils, and the script passes quietly on a machine that has them', () => {
    expect(TEST_PREREQUISITES.map((item) => item.debianPackage)).toEqual(expect.arrayContaining(['chromium', 'poppler-utils']));
    const missingHere = findMissing(TEST_PREREQUISITES);
    // This machine runs the end-to-end tests, so it has them; the script then changes nothing.
    expect(missingHere).toEqual([]);
    const run = spawnSync(process.execPath, ['scripts/check-test-prerequisites.mjs'], { cwd: REPO_ROOT, encoding: 'utf8' });
    expect(run.status).toBe(0);
    expect(run.stdout + run.stderr).toBe('');
  });
});
