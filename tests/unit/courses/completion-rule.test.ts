import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findCourseFolders, loadCatalog } from '../../../electron/courses/catalog.js';
import { CompletionRuleSchema } from '../../../electron/courses/completion-rule.js';
import { CourseManifestSchema } from '../../../electron/courses/course-manifest.js';
import { copyCourse, makeTempDir, SAMPLE_COURSE_DIR } from '../../helpers/temp-dir.js';

describe('the completion and certificate blocks of course.yaml', () => {
  let temp: ReturnType<typeof makeTempDir>;
  beforeEach(() => {
    temp = makeTempDir();
  });
  afterEach(() => temp.remove());

  const manifest = (extra: Record<string, unknown>) =>
    CourseManifestSchema.safeParse({
      id: 'c',
      version: '1.0.0',
      title: 'T',
      language: 'en',
      lessons: [{ id: 'l', file: 'lessons/l.mdx' }],
      ...extra,
    });

  it('defaults to every quiz passed and every lesson opened, and no certificate block', () => {
    const parsed = manifest({});
    expect(parsed.success && parsed.data.completion).toEqual({ rule: 'all-quizzes', lessonsVisited: true });
    expect(parsed.success && parsed.data.certificate).toBeUndefined();
  });

  it('reads the documented example', () => {
    const parsed = manifest({
      completion: { rule: 'final-assessment', quiz: 'final-assessment', lessonsVisited: true },
      certificate: { enabled: true, hours: 2 },
    });
    expect(parsed.success && parsed.data).toMatchObject({
      completion: { rule: 'final-assessment', quiz: 'final-assessment' },
      certificate: { enabled: true, hours: 2 },
    });
  });

  it.each([
    [{ rule: 'final-assessment' }, /quiz: final-assessment needs the id/],
    [{ rule: 'some-quizzes' }, /count: some-quizzes needs a count/],
    [{ rule: 'all-quizzes', count: 2 }, /count: is only used with rule: some-quizzes/],
    [{ rule: 'most-quizzes' }, /rule/],
    [{ rule: 'some-quizzes', count: 0 }, /count/],
  ])('refuses %j', (completion, message) => {
    const parsed = CompletionRuleSchema.safeParse(completion);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')).toMatch(message);
  });

  it('leaves out a course whose rule names a quiz it does not have, saying so in course.yaml', async () => {
    const root = path.join(temp.dir, 'courses');
    const course = copyCourse(SAMPLE_COURSE_DIR, root);
    const file = path.join(course, 'course.yaml');
    fs.writeFileSync(
      file,
      fs.readFileSync(file, 'utf8').replace('rule: all-quizzes', 'rule: final-assessment\n  quiz: no-such-quiz'),
    );
    const catalog = await loadCatalog(findCourseFolders(root), path.join(temp.dir, 'cache'));
    expect(catalog.courses.size).toBe(0);
    expect(catalog.problems.join('\n')).toMatch(/sample\/course\.yaml completion\.quiz: there is no quiz "no-such-quiz"/);
  });

  it('leaves out a course that asks for more quizzes than it has', async () => {
    const root = path.join(temp.dir, 'courses');
    const course = copyCourse(SAMPLE_COURSE_DIR, root);
    const file = path.join(course, 'course.yaml');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('rule: all-quizzes', 'rule: some-quizzes\n  count: 9'));
    const catalog = await loadCatalog(findCourseFolders(root), path.join(temp.dir, 'cache'));
    expect(catalog.problems.join('\n')).toMatch(/completion\.count: 9 quizzes must be passed, but the course has 3/);
  });
});
