import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LESSON_RUNTIME_MODULES } from '../../../electron/contract/lesson-runtime.js';
import { findCourseFolders, loadCatalog } from '../../../electron/courses/catalog.js';
import { lessonModulePath } from '../../../electron/courses/lesson-cache.js';
import { copyCourse, makeTempDir, SAMPLE_COURSE_DIR } from '../../helpers/temp-dir.js';

describe('course catalog', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let coursesRoot: string;
  let cacheDir: string;
  beforeEach(() => {
    temp = makeTempDir();
    coursesRoot = path.join(temp.dir, 'courses');
    cacheDir = path.join(temp.dir, 'cache');
    copyCourse(SAMPLE_COURSE_DIR, coursesRoot);
  });
  afterEach(() => temp.remove());

  it('loads the sample course and compiles each lesson into an ES module without eval', async () => {
    const catalog = await loadCatalog(findCourseFolders(coursesRoot), cacheDir);
    expect(catalog.problems).toEqual([]);
    const course = catalog.courses.get('sample');
    expect(course?.lessons.map((lesson) => lesson.id)).toEqual([
      'data-you-already-have',
      'reading-a-table',
      'describing-figures',
    ]);
    // Each lesson is compiled once per language the course is in.
    const languages = 1 + course!.manifest.translations.length;
    expect(catalog.counts).toEqual({ compiled: 3 * languages, reused: 0 });
    const code = fs.readFileSync(lessonModulePath(cacheDir, course!.lessons[0]!.moduleHash), 'utf8');
    expect(code).toMatch(/export\s*\{/);
    expect(code).not.toContain('return Component');
    // React comes from the frame's own modules, by import, not from globals.
    expect(code).toContain(`from"${LESSON_RUNTIME_MODULES['react/jsx-runtime']}"`);
    expect(code).not.toMatch(/\b_jsx_runtime\b|globalThis/);
    expect(code).not.toMatch(/\bnew Function\b|\beval\(/);
    expect(course?.lessons[0]?.objectives.length).toBeGreaterThan(0);
  });

  it('does not recompile unchanged lessons on the next start, and recompiles only a changed one', async () => {
    const first = await loadCatalog(findCourseFolders(coursesRoot), cacheDir);
    const lessonFiles = first.counts.compiled;
    const again = await loadCatalog(findCourseFolders(coursesRoot), cacheDir);
    expect(again.counts).toEqual({ compiled: 0, reused: lessonFiles });

    const lesson = path.join(coursesRoot, 'sample', 'lessons', '02-reading-a-table.mdx');
    fs.appendFileSync(lesson, '\nOne more sentence.\n');
    const afterEdit = await loadCatalog(findCourseFolders(coursesRoot), cacheDir);
    // Only the edited lesson: its translations are files of their own and did not change.
    expect(afterEdit.counts).toEqual({ compiled: 1, reused: lessonFiles - 1 });
  });

  it('keeps answer keys out of the compiled lesson JavaScript', async () => {
    const catalog = await loadCatalog(findCourseFolders(coursesRoot), cacheDir);
    const course = catalog.courses.get('sample')!;
    const quiz = course.quizzes.get('data-sources-check')!;
    const allCode = course.lessons
      .map((lesson) => fs.readFileSync(lessonModulePath(cacheDir, lesson.moduleHash), 'utf8'))
      .join('\n');
    const first = quiz.questions[0]!;
    if (first.type !== 'single-choice') throw new Error('the sample quiz should start with a single-choice question');
    const keyedChoice = first.choices.find((choice) => choice.correct)!;
    expect(allCode).toContain('data-sources-check');
    expect(allCode).not.toContain(keyedChoice.text);
    expect(allCode).not.toContain(keyedChoice.feedback!);
  });

  it('leaves out a broken course with a message naming the file and line, and still loads the others', async () => {
    const broken = copyCourse(SAMPLE_COURSE_DIR, coursesRoot, 'broken');
    fs.writeFileSync(
      path.join(broken, 'course.yaml'),
      fs.readFileSync(path.join(broken, 'course.yaml'), 'utf8').replace('id: sample', 'id: broken'),
    );
    fs.writeFileSync(
      path.join(broken, 'lessons', '01-data-you-already-have.mdx'),
      '---\ntitle: Broken\n---\n\n# Hi\n\n<Callout>never closed\n',
    );
    const catalog = await loadCatalog(findCourseFolders(coursesRoot), cacheDir);
    expect([...catalog.courses.keys()]).toEqual(['sample']);
    expect(catalog.problems).toHaveLength(1);
    expect(catalog.problems[0]).toMatch(/^broken\/lessons\/01-data-you-already-have\.mdx:7:1 <Callout> is never closed/);
  });

  it('reports a manifest that fails the schema, naming the field', async () => {
    const broken = copyCourse(SAMPLE_COURSE_DIR, coursesRoot, 'bad-manifest');
    fs.writeFileSync(path.join(broken, 'course.yaml'), 'id: bad-manifest\nversion: one\ntitle: T\nlanguage: en\nlessons: []\n');
    const catalog = await loadCatalog(findCourseFolders(coursesRoot), cacheDir);
    expect(catalog.problems.join('\n')).toMatch(/bad-manifest\/course\.yaml:2:10 version: must be a semantic version/);
  });
});
