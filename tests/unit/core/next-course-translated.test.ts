import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Answer, Language } from '../../../electron/contract/channels.js';
import { startCore, type RunningCore } from '../../../electron/core/start-core.js';
import { writeFixtureCourse } from '../../helpers/fixture-course.js';
import { ok } from '../../helpers/typed-core.js';
import { copyCourse, makeTempDir, REPO_ROOT } from '../../helpers/temp-dir.js';

const FIXTURES = path.join(REPO_ROOT, 'tests', 'fixtures', 'courses');

/**
 * The course suggested once a course is complete, for a learner who read it in a translation: the
 * course the learner reads is a translated copy of the catalog's, so the suggestion must find its
 * place in the catalog by id. Catalog order (folder names): before, translated, translated-data.
 */
describe('the next course after a course read in a translation', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let core: RunningCore;

  beforeEach(async () => {
    temp = makeTempDir('aula-next-course-');
    const root = path.join(temp.dir, 'courses');
    // A course before the finished one, not done: the suggestion is the course after, not this one.
    writeFixtureCourse(root, { id: 'before', lessons: ['one'], quizzes: [] });
    copyCourse(path.join(FIXTURES, 'translated'), root);
    copyCourse(path.join(FIXTURES, 'translated-data'), root);
    core = await startCore({ dataDir: path.join(temp.dir, 'data'), courseRoots: [root], appVersion: 'test' });
  });
  afterEach(() => {
    core.close();
    temp.remove();
  });

  /** Reads both lessons of `translated` and passes its quiz, in the learner's language; its last lesson's standing. */
  const finishTranslated = async (language: Language) => {
    const learner = await ok(core, 'learners.create', { displayName: 'Jordi', language });
    const session = (await ok(core, 'learners.open', { learnerId: learner.id })).session;
    const opened = [];
    for (const lessonId of ['counting', 'the-route']) {
      opened.push(await ok(core, 'lesson.open', { session, courseId: 'translated', lessonId }));
    }
    const answer = (questionId: string, value: Answer) =>
      ok(core, 'quiz.submitAnswer', { session, courseId: 'translated', quizId: 'counting-check', questionId, answer: value });
    await answer('what-to-count', { type: 'single-choice', choiceId: 'parcels' });
    await answer('name-the-box', { type: 'short-text', text: language === 'ca' ? 'lot' : 'parcel' });
    await answer('fill-in', { type: 'cloze', blanks: [{ name: 'item', text: language === 'ca' ? 'lots' : 'parcels' }] });
    return { opened, standing: await ok(core, 'lesson.standing', { session, courseId: 'translated', lessonId: 'the-route' }) };
  };

  it('suggests the course after it in the catalog, titled in the language the learner reads it in', async () => {
    const { opened, standing } = await finishTranslated('ca');
    // The learner did read the course in Catalan (a translated copy of the catalog's course).
    expect(opened.map((lesson) => lesson.language)).toEqual(['ca', 'ca']);
    expect(opened[0]?.courseTitle).toBe('Comptar lots');
    expect(standing).toMatchObject({ courseMastered: true, nextCourse: { id: 'translated-data', title: 'Qui continua venint' } });
  });

  it('suggests the same course to a learner who read it in its main language', async () => {
    const { opened, standing } = await finishTranslated('en');
    expect(opened.map((lesson) => lesson.language)).toEqual(['en', 'en']);
    expect(standing).toMatchObject({ courseMastered: true, nextCourse: { id: 'translated-data', title: 'Who is still coming' } });
  });
});
