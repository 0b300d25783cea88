import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Language } from '../../../electron/contract/languages.js';
import { resolveAppFile } from '../../../electron/core/app-files.js';
import { startCore, type RunningCore } from '../../../electron/core/start-core.js';
import { findCourseFolders, loadCatalog } from '../../../electron/courses/catalog.js';
import { buildPack } from '../../../electron/courses/pack/build-pack.js';
import { installPack } from '../../../electron/courses/pack/install-pack.js';
import { renameDiagramElements } from '../../../electron/courses/translations/translation-overlay.js';
import { copyCourse, makeTempDir, REPO_ROOT } from '../../helpers/temp-dir.js';
import { ok } from '../../helpers/typed-core.js';

const TRANSLATED_COURSE_DIR = path.join(REPO_ROOT, 'tests', 'fixtures', 'courses', 'translated');

describe('a course translation laid over the main language', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let coursesRoot: string;
  beforeEach(() => {
    temp = makeTempDir();
    coursesRoot = path.join(temp.dir, 'courses');
    copyCourse(TRANSLATED_COURSE_DIR, coursesRoot);
  });
  afterEach(() => temp.remove());

  it('takes the words from the translation and the answer keys and structure from the main files', async () => {
    const catalog = await loadCatalog(findCourseFolders(coursesRoot), path.join(temp.dir, 'cache'));
    expect(catalog.problems).toEqual([]);
    const course = catalog.courses.get('translated')!;
    const ca = course.translations.get('ca')!;
    expect(ca.title).toBe('Comptar lots');
    expect(ca.lessons.map((lesson) => lesson.id)).toEqual(course.lessons.map((lesson) => lesson.id));
    expect(ca.lessons[0]?.title).toBe('Comptar el que reparteixes');
    // Minutes left out of the translation are the main lesson's; the module is its own.
    expect(ca.lessons[0]?.minutes).toBe(5);
    expect(ca.lessons[0]?.moduleHash).not.toBe(course.lessons[0]?.moduleHash);
    expect(ca.lessons[0]?.quizIds).toEqual(['counting-check']);
    expect(catalog.lessonModules.get(ca.lessons[0]!.moduleHash)).toBe(ca.lessons[0]?.modulePath);

    const quiz = ca.quizzes.get('counting-check')!;
    expect(quiz.title).toBe('Comprovació del recompte');
    const choice = quiz.questions[0];
    if (choice?.type !== 'single-choice') throw new Error('expected the single-choice question first');
    expect(choice.choices.map((c) => [c.id, c.text, c.correct])).toEqual([
      ['parcels', 'Cada lot que reparteix', true],
      ['visitors', 'Cada persona que visita la botiga', false],
    ]);
    const shortText = quiz.questions[1];
    if (shortText?.type !== 'short-text') throw new Error('expected the short-text question second');
    expect(shortText.accepted).toEqual(['lot', "lot d'aliments", 'parcel', 'food parcel']);
    const cloze = quiz.questions[2];
    if (cloze?.type !== 'cloze') throw new Error('expected the cloze question third');
    expect(cloze.text).toBe("Un banc d'aliments reparteix {item} a les llars.");
    expect(cloze.blanks.item?.accepted).toEqual(['lots', 'parcels']);

    const number = ca.exercises.get('total-parcels')!.definition;
    expect(number.type === 'number' && [number.prompt, number.unit, number.answer]).toEqual([
      'Quants lots es van repartir en els tres mesos?',
      'lots',
      1187,
    ]);
    const route = ca.exercises.get('parcel-route')!.definition;
    expect(route.type === 'process' && route.rules).toEqual([
      { kind: 'task-exists', name: 'Revisar el lot' },
      { kind: 'task-before-task', before: 'Revisar el lot', after: 'Repartir el lot' },
    ]);
    // The main language is untouched.
    expect(course.quizzes.get('counting-check')?.title).toBe('Counting check');
  });

  it('renames a starting diagram’s elements by the names map, escaping XML', () => {
    const xml = '<bpmn:task id="a" name="Check the parcel" /><bpmn:task id="b" name="Other" />';
    expect(renameDiagramElements(xml, { 'Check the parcel': 'Revisar "el" lot & més' })).toBe(
      '<bpmn:task id="a" name="Revisar &quot;el&quot; lot &amp; més" /><bpmn:task id="b" name="Other" />',
    );
  });

  it('serves a translation’s copy of an asset, and the main file where it has none', async () => {
    const catalog = await loadCatalog(findCourseFolders(coursesRoot), path.join(temp.dir, 'cache'));
    const shelf = resolveAppFile('/course-files/translated/translations/ca/assets/shelf.svg', temp.dir, catalog);
    expect(fs.readFileSync(shelf!.file, 'utf8')).toContain('Prestatge');
    const data = resolveAppFile('/course-files/translated/translations/ca/data/parcels.csv', temp.dir, catalog);
    expect(data?.file).toBe(path.join(coursesRoot, 'translated', 'data', 'parcels.csv'));
    expect(resolveAppFile('/course-files/translated/translations/fr/assets/shelf.svg', temp.dir, catalog)).toBeNull();
    expect(resolveAppFile('/course-files/translated/translations/ca/quizzes/counting-check.yaml', temp.dir, catalog)).toBeNull();
  });

  it('leaves out a translation that cannot be read, with a problem naming its file, and keeps the course', async () => {
    fs.writeFileSync(
      path.join(coursesRoot, 'translated', 'translations', 'ca', 'quizzes', 'counting-check.yaml'),
      'title: Comprovació\nquestions:\n  - id: what-to-count\n    correct: true\n',
    );
    const catalog = await loadCatalog(findCourseFolders(coursesRoot), path.join(temp.dir, 'cache'));
    expect(catalog.courses.get('translated')?.translations.size).toBe(0);
    expect(catalog.problems.join('\n')).toContain('translations/ca/quizzes/counting-check.yaml');
  });

  it('carries the translation in a pack, and the installed course reads it without compiling', async () => {
    const { bytes, manifest } = await buildPack(path.join(coursesRoot, 'translated'), { cacheDir: path.join(temp.dir, 'cache') });
    const paths = manifest.files.map((file) => file.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'course/translations/ca/course.yaml',
        'course/translations/ca/lessons/counting.js',
        'course/translations/ca/lessons/counting.json',
        'course/translations/ca/quizzes/counting-check.yaml',
        'course/translations/ca/exercises/parcel-route.yaml',
        'course/translations/ca/assets/shelf.svg',
      ]),
    );
    expect(paths.some((file) => file.endsWith('.mdx'))).toBe(false);

    const packFile = path.join(temp.dir, 'translated.aulapack');
    fs.writeFileSync(packFile, bytes);
    const dataDir = path.join(temp.dir, 'data');
    const installedDir = path.join(dataDir, 'courses');
    await installPack(packFile, { coursesDir: installedDir, dataDir, allowUnsigned: true });
    const catalog = await loadCatalog(findCourseFolders(installedDir), path.join(dataDir, 'cache'));
    expect(catalog.counts.compiled).toBe(0);
    const ca = catalog.courses.get('translated')?.translations.get('ca');
    expect(ca?.lessons.map((lesson) => lesson.title)).toEqual(['Comptar el que reparteixes', "El recorregut d'un lot"]);
    expect(ca?.quizzes.get('counting-check')?.title).toBe('Comprovació del recompte');
    expect(catalog.lessonModules.has(ca!.lessons[0]!.moduleHash)).toBe(true);
  });
});

describe('what a learner reads, by language', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let core: RunningCore;
  let profiles = 0;
  const openProfile = async (language: Language) => {
    profiles += 1;
    const displayName = `Reader ${profiles} ${language}`;
    const learner = await ok(core, 'learners.create', { displayName, language });
    return (await ok(core, 'learners.open', { learnerId: learner.id })).session;
  };
  const course = async (session: string) =>
    (await ok(core, 'catalog.list', { session })).find((entry) => entry.id === 'translated')!;

  beforeEach(async () => {
    temp = makeTempDir();
    const root = path.join(temp.dir, 'courses');
    copyCourse(TRANSLATED_COURSE_DIR, root);
    core = await startCore({ dataDir: temp.dir, courseRoots: [root], appVersion: '0.0.0-test' });
  });
  afterEach(() => {
    core.close();
    temp.remove();
  });

  it('shows the course in the interface language when it has it, else in its main language', async () => {
    const catalan = await course(await openProfile('ca'));
    expect([catalan.title, catalan.language, catalan.mainLanguage, catalan.languages]).toEqual([
      'Comptar lots',
      'ca',
      'en',
      ['en', 'ca'],
    ]);
    const spanish = await course(await openProfile('es'));
    expect([spanish.title, spanish.language, spanish.languages]).toEqual(['Counting parcels', 'en', ['en', 'ca']]);
  });

  it('opens a lesson in the chosen language, remembers the choice, and keeps one progress', async () => {
    const session = await openProfile('ca');
    const lesson = await ok(core, 'lesson.open', { session, courseId: 'translated', lessonId: 'counting' });
    expect([lesson.title, lesson.language, lesson.assetBaseUrl]).toEqual([
      'Comptar el que reparteixes',
      'ca',
      '/course-files/translated/translations/ca/assets/',
    ]);
    expect(lesson.quizzes[0]?.title).toBe('Comprovació del recompte');

    expect(await ok(core, 'course.setLanguage', { session, courseId: 'translated', language: 'en' })).toEqual({
      courseId: 'translated',
      language: 'en',
    });
    const english = await ok(core, 'lesson.open', { session, courseId: 'translated', lessonId: 'counting' });
    expect([english.title, english.language, english.status]).toEqual(['Counting what you hand out', 'en', lesson.status]);
    // A language the course does not have is not kept.
    expect(await ok(core, 'course.setLanguage', { session, courseId: 'translated', language: 'fr' })).toEqual({
      courseId: 'translated',
      language: 'en',
    });
    expect((await course(session)).title).toBe('Counting parcels');
  });

  it('accepts a short-text answer in the language read and in the main language', async () => {
    // One profile per answer: a question is answered once per attempt.
    const answer = async (text: string) => {
      const session = await openProfile('ca');
      const result = await ok(core, 'quiz.submitAnswer', {
        session,
        courseId: 'translated',
        quizId: 'counting-check',
        questionId: 'name-the-box',
        answer: { type: 'short-text', text },
      });
      return result.saved.result?.correct;
    };
    expect(await answer('Lot')).toBe(true);
    expect(await answer('food parcel')).toBe(true);
    expect(await answer('caixa')).toBe(false);
  });
});
