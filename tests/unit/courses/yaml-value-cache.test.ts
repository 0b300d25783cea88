import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findCourseFolders, loadCatalog } from '../../../electron/courses/catalog.js';
import { YAML_VALUE_CACHE_FILE, YamlValueCache } from '../../../electron/course-source/yaml-value-cache.js';
import { copyCourse, makeTempDir, SAMPLE_COURSE_DIR } from '../../helpers/temp-dir.js';

describe('parsed YAML of course files, cached between starts', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let coursesRoot: string;
  let cacheDir: string;
  let quizFile: string;
  const cacheFile = () => path.join(cacheDir, YAML_VALUE_CACHE_FILE);
  const storedHashes = () =>
    Object.keys((JSON.parse(fs.readFileSync(cacheFile(), 'utf8')) as { values: Record<string, unknown> }).values);
  const load = () => loadCatalog(findCourseFolders(coursesRoot), cacheDir);

  beforeEach(() => {
    temp = makeTempDir();
    coursesRoot = path.join(temp.dir, 'courses');
    cacheDir = path.join(temp.dir, 'cache');
    copyCourse(SAMPLE_COURSE_DIR, coursesRoot);
    quizFile = path.join(coursesRoot, 'sample', 'quizzes', 'data-sources-check.yaml');
  });
  afterEach(() => temp.remove());

  it('remembers every YAML file of a course by the hash of its text', async () => {
    await load();
    const quizHash = YamlValueCache.hashOf(fs.readFileSync(quizFile, 'utf8'));
    const manifestHash = YamlValueCache.hashOf(fs.readFileSync(path.join(coursesRoot, 'sample', 'course.yaml'), 'utf8'));
    expect(storedHashes()).toEqual(expect.arrayContaining([quizHash, manifestHash]));
  });

  it('uses the remembered value for an unchanged file instead of parsing it again', async () => {
    await load();
    const stored = JSON.parse(fs.readFileSync(cacheFile(), 'utf8')) as { values: Record<string, { title: string }> };
    const hash = YamlValueCache.hashOf(fs.readFileSync(quizFile, 'utf8'));
    // Only a value that came from the cache can carry this title: the file does not contain it.
    stored.values[hash]!.title = 'Title from the cache';
    fs.writeFileSync(
      cacheFile(),
      JSON.stringify({ ...stored, format: (JSON.parse(fs.readFileSync(cacheFile(), 'utf8')) as { format: string }).format }),
    );
    const catalog = await load();
    expect(catalog.courses.get('sample')?.quizzes.get('data-sources-check')?.title).toBe('Title from the cache');
  });

  it('parses a changed file again: the catalog never shows stale content, and old values are dropped', async () => {
    await load();
    const before = YamlValueCache.hashOf(fs.readFileSync(quizFile, 'utf8'));
    const text = fs.readFileSync(quizFile, 'utf8');
    const edited = text.replace(/^title: .*$/m, 'title: A retitled quiz');
    expect(edited).not.toBe(text);
    fs.writeFileSync(quizFile, edited);

    const catalog = await load();
    expect(catalog.courses.get('sample')?.quizzes.get('data-sources-check')?.title).toBe('A retitled quiz');
    expect(storedHashes()).toContain(YamlValueCache.hashOf(edited));
    expect(storedHashes()).not.toContain(before);
  });

  it('still validates a cached value: one the schema refuses is parsed from the file again', async () => {
    await load();
    const stored = JSON.parse(fs.readFileSync(cacheFile(), 'utf8')) as { format: string; values: Record<string, unknown> };
    stored.values[YamlValueCache.hashOf(fs.readFileSync(quizFile, 'utf8'))] = {
      id: 'data-sources-check',
      questions: 'not a list',
    };
    fs.writeFileSync(cacheFile(), JSON.stringify(stored));

    const catalog = await load();
    expect(catalog.problems).toEqual([]);
    expect(catalog.courses.get('sample')?.quizzes.get('data-sources-check')?.questions.length).toBeGreaterThan(0);
  });

  it('reports a YAML mistake with its line whether or not the file was cached before', async () => {
    await load();
    fs.writeFileSync(quizFile, `${fs.readFileSync(quizFile, 'utf8')}\n  bad: [indentation\n`);
    const catalog = await load();
    expect(catalog.courses.has('sample')).toBe(false);
    expect(catalog.problems.join('\n')).toMatch(
      /quizzes\/data-sources-check\.yaml.*line \d+|quizzes\/data-sources-check\.yaml:\d+/,
    );
  });

  it('ignores an unreadable cache file and writes a good one', async () => {
    fs.mkdirSync(cacheDir, { recursive: true });
    fs.writeFileSync(cacheFile(), '{ not json');
    const catalog = await load();
    expect(catalog.problems).toEqual([]);
    expect(storedHashes().length).toBeGreaterThan(0);
  });
});
