import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startCore, type RunningCore } from '../../../electron/core/start-core.js';
import { buildBundledLessonCache } from '../../../scripts/lib/lesson-cache-build.js';
import { makeTempDir, sampleOnlyCourseRoot } from '../../helpers/temp-dir.js';

/** Every file under `dir` with its size and modification time, to show a folder was not written. */
function snapshot(dir: string): Record<string, [number, number]> {
  const files: Record<string, [number, number]> = {};
  for (const name of fs.readdirSync(dir, { recursive: true }) as string[]) {
    const stat = fs.statSync(path.join(dir, name));
    if (stat.isFile()) files[name] = [stat.size, stat.mtimeMs];
  }
  return files;
}

function compiledModulesIn(dir: string): string[] {
  return fs.existsSync(dir) ? fs.readdirSync(dir).filter((name) => name.endsWith('.js')) : [];
}

describe('the bundled lessons compiled at build time (dist/lesson-cache)', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let coursesRoot: string;
  let prebuiltDir: string;
  let core: RunningCore | undefined;
  // Every lesson file is compiled: the main language's and each translation's.
  const lessonCount = () => {
    const sample = path.join(coursesRoot, 'sample');
    const translations = path.join(sample, 'translations');
    const languages = fs.existsSync(translations) ? fs.readdirSync(translations) : [];
    return [path.join(sample, 'lessons'), ...languages.map((language) => path.join(translations, language, 'lessons'))]
      .map((dir) => fs.readdirSync(dir).length)
      .reduce((sum, count) => sum + count, 0);
  };
  const start = async (dataDir: string, prebuilt: string | null = prebuiltDir) => {
    core = await startCore({
      dataDir,
      courseRoots: [coursesRoot],
      prebuiltLessonCacheDir: prebuilt ?? undefined,
      appVersion: 'test',
    });
    return core;
  };

  beforeEach(() => {
    temp = makeTempDir();
    coursesRoot = sampleOnlyCourseRoot(temp.dir);
    prebuiltDir = path.join(temp.dir, 'app', 'dist', 'lesson-cache');
  });
  afterEach(() => {
    core?.close();
    core = undefined;
    temp.remove();
  });

  it('lets a new data folder open without compiling anything, and is never written by the core', async () => {
    const build = await buildBundledLessonCache(prebuiltDir, coursesRoot);
    expect(build).toMatchObject({ compiled: lessonCount(), reused: 0, problems: [] });
    const before = snapshot(prebuiltDir);

    const dataDir = path.join(temp.dir, 'new-data-folder');
    const catalog = (await start(dataDir)).catalog.current();
    expect(catalog.problems).toEqual([]);
    expect(catalog.counts).toEqual({ compiled: 0, reused: lessonCount() });
    expect(compiledModulesIn(path.join(dataDir, 'cache', 'lessons'))).toEqual([]);
    // The lessons are served from the prebuilt cache itself.
    expect(catalog.lessonModules.size).toBe(lessonCount());
    for (const file of catalog.lessonModules.values()) expect(path.dirname(file)).toBe(prebuiltDir);
    expect(snapshot(prebuiltDir)).toEqual(before);
  });

  it('compiles into the data folder only what changed since the build; without the cache, everything', async () => {
    await buildBundledLessonCache(prebuiltDir, coursesRoot);
    const lesson = path.join(coursesRoot, 'sample', 'lessons', '02-reading-a-table.mdx');
    fs.appendFileSync(lesson, '\nA sentence added after the build.\n');

    const edited = path.join(temp.dir, 'edited');
    expect((await start(edited)).catalog.current().counts).toEqual({ compiled: 1, reused: lessonCount() - 1 });
    expect(compiledModulesIn(path.join(edited, 'cache', 'lessons'))).toHaveLength(1);
    core!.close();

    const withoutCache = path.join(temp.dir, 'without-cache');
    expect((await start(withoutCache, null)).catalog.current().counts).toEqual({ compiled: lessonCount(), reused: 0 });
  });

  it('reuses unchanged entries when built again, and drops entries no lesson uses any more', async () => {
    await buildBundledLessonCache(prebuiltDir, coursesRoot);
    const stale = path.join(prebuiltDir, '0123456789abcdef0123456789abcdef.js');
    fs.writeFileSync(stale, 'export default null;');
    const again = await buildBundledLessonCache(prebuiltDir, coursesRoot);
    expect(again).toMatchObject({ compiled: 0, reused: lessonCount() });
    expect(fs.existsSync(stale)).toBe(false);
    // Only files named by content hash (and the parsed YAML): nothing that ties it to one place.
    for (const name of fs.readdirSync(prebuiltDir)) expect(name).toMatch(/^([0-9a-f]{32}\.(js|json)|yaml-values\.json)$/);
  });
});
