import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { courseToEdit } from '../../helpers/course-to-edit.js';
import { REPO_ROOT } from '../../helpers/temp-dir.js';

const TRANSLATED_COURSE_DIR = path.join(REPO_ROOT, 'tests', 'fixtures', 'courses', 'translated');

/** `course check` on translations: each kind of finding, at its file, line and column. */
describe('course check of translations', () => {
  const fixture = courseToEdit(TRANSLATED_COURSE_DIR);

  it('finds nothing in a complete translation', async () => {
    expect(await fixture.findings()).toEqual([]);
  });

  it('asks a reference title kept from the main lesson to say its language, and accepts a translated title', async () => {
    fixture.edit('lessons/01-counting.mdx', (text) =>
      text.replace(
        '- Aula course team, test fixture (no external source).',
        '- FAO (2019). *Food Loss and Waste*.\n- Regione (2020). <span lang="it">*Banchi alimentari*</span>.',
      ),
    );
    fixture.edit('translations/ca/lessons/01-counting.mdx', (text) =>
      text.replace(
        "- Equip del curs d'Aula, fixture de proves (sense font externa).",
        '- FAO (2019). *Food Loss and\n  Waste*.\n- Regió (2020). *Banchi alimentari*.',
      ),
    );
    expect(await fixture.findings()).toEqual([
      'translations/ca/lessons/01-counting.mdx:18:15 warning: the reference title "Food Loss and Waste" is the main ' +
        "lesson's: if the source has an edition in this language, cite that; if not, keep the title and say its " +
        'language: <span lang="en">*Food Loss and Waste*</span>',
      'translations/ca/lessons/01-counting.mdx:20:17 warning: the reference title "Banchi alimentari" is the main ' +
        "lesson's: if the source has an edition in this language, cite that; if not, keep the title and say its " +
        'language: <span lang="it">*Banchi alimentari*</span>',
    ]);
    fixture.edit('translations/ca/lessons/01-counting.mdx', (text) =>
      text
        .replace('*Food Loss and\n  Waste*', '<span lang="en">*Food Loss and\n  Waste*</span>')
        .replace('*Banchi alimentari*', "*Bancs d'aliments*"),
    );
    expect(await fixture.findings()).toEqual([]);
  });

  it('reports a missing lesson file, and a listed translation without a folder', async () => {
    fs.rmSync(fixture.file('translations/ca/lessons/02-the-route.mdx'));
    fixture.edit('course.yaml', (text) => text.replace('translations: [ca]', 'translations: [ca, es]'));
    expect(await fixture.findings()).toEqual([
      'course.yaml:18:20 error: lists the translation "es", but translations/es/ does not exist',
      'translations/ca/lessons/02-the-route.mdx:1:1 error: is missing: the ca translation lacks the lesson "the-route"',
    ]);
  });

  it('reports a translation folder course.yaml does not list', async () => {
    fs.cpSync(fixture.file('translations/ca'), fixture.file('translations/fr'), { recursive: true });
    expect(await fixture.findings()).toEqual([
      'course.yaml:18:15 warning: translations/fr/ is not listed under translations:, so learners will not see it',
    ]);
  });

  it('reports a missing prompt, choice and feedback, an id the main language lacks and a key that is not text', async () => {
    fixture.edit('translations/ca/quizzes/counting-check.yaml', (text) =>
      text
        .replace("    prompt: Què apunta el banc d'aliments?\n", '')
        .replace('        feedback: La lliçó parla de lots, no de visitants.\n', '')
        .replace(
          '      - id: parcels\n        text: Cada lot que reparteix\n',
          '      - id: parcel\n        text: Cada lot que reparteix\n        correct: true\n',
        ),
    );
    expect(await fixture.findings()).toEqual([
      'translations/ca/quizzes/counting-check.yaml:6:9 error: questions.0.choices.0: Unrecognized key: "correct"',
    ]);
    fixture.edit('translations/ca/quizzes/counting-check.yaml', (text) => text.replace('        correct: true\n', ''));
    expect(await fixture.findings()).toEqual([
      'translations/ca/quizzes/counting-check.yaml:3:5 error: question "what-to-count" lacks its prompt',
      'translations/ca/quizzes/counting-check.yaml:6:7 error: lacks the choice "parcels" of the main language',
      'translations/ca/quizzes/counting-check.yaml:6:13 error: the choice "parcel" is not in the main language',
      'translations/ca/quizzes/counting-check.yaml:8:9 error: lacks choice "visitors": feedback (the main language has one)',
    ]);
  });

  it('reports a cloze whose blank names differ, and missing accepted answers', async () => {
    fixture.edit('translations/ca/quizzes/counting-check.yaml', (text) =>
      text.replace('reparteix {item} a les', 'reparteix {items} a les').replace("    accepted: [lot, lot d'aliments]\n", ''),
    );
    expect(await fixture.findings()).toEqual([
      'translations/ca/quizzes/counting-check.yaml:12:5 error: question "name-the-box" lacks its accepted answers in this language',
      "translations/ca/quizzes/counting-check.yaml:17:11 error: the blanks differ from the main text's: {item} missing, {items} not in the main text",
    ]);
  });

  it('reports an exercise without its prompt and a process name the rules do not use', async () => {
    fixture.edit('translations/ca/exercises/total-parcels.yaml', (text) => text.replace(/^prompt: .*\n/m, ''));
    fixture.edit('translations/ca/exercises/parcel-route.yaml', (text) =>
      text.replace("'Hand out the parcel'", "'Hand out a parcel'"),
    );
    expect(await fixture.findings()).toEqual([
      'translations/ca/exercises/parcel-route.yaml:4:3 error: lacks a label for "Hand out the parcel" (a name the rules use)',
      'translations/ca/exercises/parcel-route.yaml:5:24 error: "Hand out a parcel" is neither in the rules nor in the starting diagram of the main exercise',
      'translations/ca/exercises/total-parcels.yaml:1:1 error: lacks the prompt',
    ]);
  });

  it('reports MDX that does not compile, and a component whose id or src differs from the main lesson’s', async () => {
    fixture.edit('translations/ca/lessons/01-counting.mdx', (text) =>
      text
        .replace('<Quiz id="counting-check" />', '<Quiz id="counting" />')
        .replace('src="../assets/shelf.svg"', 'src="../assets/prestatge.svg"'),
    );
    fixture.edit('translations/ca/lessons/02-the-route.mdx', (text) =>
      text.replace('Cada lot es revisa', 'Cada <b>lot es revisa'),
    );
    const found = await fixture.findings();
    expect(found.slice(0, 2)).toEqual([
      'translations/ca/lessons/01-counting.mdx:10:1 error: <Figure> must keep the main lesson\'s src="../assets/shelf.svg" (only its words are translated), not src="../assets/prestatge.svg"',
      'translations/ca/lessons/01-counting.mdx:12:1 error: <Quiz> must keep the main lesson\'s id="counting-check" (only its words are translated), not id="counting"',
    ]);
    expect(found[2]).toMatch(/^translations\/ca\/lessons\/02-the-route\.mdx:\d+:\d+ error: does not compile: /);
  });

  it('reports an objective missing from a lesson that compiles, and a file the main language does not have', async () => {
    fixture.edit('translations/ca/lessons/02-the-route.mdx', (text) =>
      text.replace("objectives:\n  - Dibuixar el recorregut d'un lot\n", ''),
    );
    fs.writeFileSync(fixture.file('translations/ca/quizzes/extra-check.yaml'), 'title: Extra\n');
    expect(await fixture.findings()).toEqual([
      "translations/ca/lessons/02-the-route.mdx:2:1 error: lacks 1 of the main lesson's 1 objectives",
      'translations/ca/quizzes/extra-check.yaml:1:1 error: the main language has no quizzes/extra-check.yaml, so this file is never used (same file names as the main language)',
    ]);
  });
});
