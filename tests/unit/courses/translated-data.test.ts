import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Language } from '../../../electron/contract/languages.js';
import { startCore, type RunningCore } from '../../../electron/core/start-core.js';
import { findCourseFolders, loadCatalog } from '../../../electron/courses/catalog.js';
import { checkCourse } from '../../../electron/courses/check/check-course.js';
import { courseToEdit } from '../../helpers/course-to-edit.js';
import { copyCourse, REPO_ROOT } from '../../helpers/temp-dir.js';
import { ok } from '../../helpers/typed-core.js';

const COURSE_DIR = path.join(REPO_ROOT, 'tests', 'fixtures', 'courses', 'translated-data');
const OTHER_TRANSLATED_COURSE_DIR = path.join(REPO_ROOT, 'tests', 'fixtures', 'courses', 'translated');
const TABLE = 'translations/ca/data/register.csv';
const EXERCISE = 'translations/ca/exercises/active-per-workshop.yaml';

/** A translation with its own data: translated CSV values and an SQL solution naming them. */
describe('translated data of an SQL exercise', () => {
  const fixture = courseToEdit(COURSE_DIR, { underCourses: true });

  describe('course check', () => {
    it('finds nothing when the table and the solution are translated alike', async () => {
      expect(await fixture.findings()).toEqual([]);
    });

    it('reports a value translated two ways, two values made one, and a changed date or number, at their cells', async () => {
      fixture.edit(TABLE, (text) =>
        text
          .replace('P-03,2024-02-05,Jardineria,25,actiu', 'P-03,2024-02-05,Jardí,25,actiu')
          .replace('P-05,2024-03-04,Reparació de bicis,15,actiu', 'P-05,2024-03-04,Cuina,15,actiu')
          .replace('P-06,2024-03-11,Jardineria,20,baixa', 'P-06,2024-03-12,Jardineria,20,baixa')
          .replace('P-07,2024-04-08,Cuina,30,actiu', 'P-07,2024-04-08,Cuina,35,actiu'),
      );
      expect(await fixture.findings()).toEqual([
        `${TABLE}:4:17 error: workshop: "Gardening" is translated two ways, "Jardineria" (line 2) and "Jardí"`,
        `${TABLE}:6:17 error: workshop: "Cuina" stands for both "Catering" and "Bike repair" of the main file; give them different words`,
        `${TABLE}:7:6 error: start_date: "2024-03-12" should be "2024-03-11" as in the main file (numbers, dates and empty cells stay the same)`,
        `${TABLE}:8:23 error: hours: 35 should be 30 as in the main file (numbers, dates and empty cells stay the same)`,
      ]);
    });

    it('reports another header and a row too many', async () => {
      fixture.edit(TABLE, (text) => text.replace('person_id,start_date,workshop', 'persona,start_date,workshop'));
      expect(await fixture.findings()).toEqual([
        `${TABLE}:1:1 error: the header must be the main file's (person_id, start_date, workshop, hours, status), not persona, start_date, workshop, hours, status`,
      ]);
      fixture.edit(TABLE, (text) => `${text.replace('persona,', 'person_id,')}P-08,2024-04-15,Cuina,20,actiu\n`);
      expect(await fixture.findings()).toEqual([
        `${TABLE}:9:1 error: has 8 rows; the main file has 7 (the same rows, in the same order)`,
      ]);
    });

    it('reports a translation without its own solution, and a solution that names a value the table does not have', async () => {
      fixture.edit(EXERCISE, (text) => text.replace(/^solution: .*\n/m, ''));
      expect(await fixture.findings()).toEqual([
        `${EXERCISE}:1:1 error: the main language's solution gives another result on the translated tables than the main ` +
          'solution on the main tables (0 rows of 2 columns, where 3 rows of 2 columns with the values translated were ' +
          'expected): give the translation its own solution: naming the translated values',
      ]);
      fs.appendFileSync(
        fixture.file(EXERCISE),
        "solution: SELECT workshop, COUNT(*) AS people FROM register WHERE status = 'activa' GROUP BY workshop\n",
      );
      expect(await fixture.findings()).toEqual([
        `${EXERCISE}:7:11 error: the solution gives another result on the translated tables than the main solution on ` +
          'the main tables (0 rows of 2 columns, where 3 rows of 2 columns with the values translated were expected)',
      ]);
    });

    it('reports a solution in the translation of an exercise that is not an SQL exercise', async () => {
      const otherDir = copyCourse(OTHER_TRANSLATED_COURSE_DIR, path.join(fixture.tempDir, 'other'));
      fs.appendFileSync(path.join(otherDir, 'translations/ca/exercises/total-parcels.yaml'), 'solution: SELECT 1\n');
      expect((await checkCourse(otherDir)).format()).toEqual([
        'translations/ca/exercises/total-parcels.yaml:5:11 error: "solution" is only for sql exercises',
      ]);
    });
  });

  describe('loading and grading', () => {
    it('gives the Catalan exercise its own table, starting query and solution', async () => {
      const catalog = await loadCatalog(
        findCourseFolders(path.join(fixture.tempDir, 'courses')),
        path.join(fixture.tempDir, 'cache'),
      );
      expect(catalog.problems).toEqual([]);
      const course = catalog.courses.get('translated-data')!;
      const main = course.exercises.get('active-per-workshop')!;
      const ca = course.translations.get('ca')!.exercises.get('active-per-workshop')!;
      expect(main.tables[0]?.rows[0]).toEqual(['P-01', '2024-01-08', 'Gardening', 15, 'active']);
      expect(ca.tables[0]?.rows[0]).toEqual(['P-01', '2024-01-08', 'Jardineria', 15, 'actiu']);
      if (ca.definition.type !== 'sql') throw new Error('expected an SQL exercise');
      expect(ca.definition.starterQuery).toBe("SELECT * FROM register WHERE status = 'actiu'");
      expect(ca.definition.solution).toContain("status = 'actiu'");
    });

    it('leaves the translation out when its table has other rows than the main one', async () => {
      fixture.edit(TABLE, (text) => text.replace('P-07,2024-04-08,Cuina,30,actiu\n', ''));
      const catalog = await loadCatalog(
        findCourseFolders(path.join(fixture.tempDir, 'courses')),
        path.join(fixture.tempDir, 'cache'),
      );
      expect(catalog.courses.get('translated-data')?.translations.size).toBe(0);
      expect(catalog.problems.join('\n')).toContain(`${TABLE} has 6 rows; the main file has 7`);
    });

    describe('through the core', () => {
      let core: RunningCore;
      beforeEach(async () => {
        core = await startCore({
          dataDir: fixture.tempDir,
          courseRoots: [path.join(fixture.tempDir, 'courses')],
          appVersion: '0.0.0-test',
        });
      });
      afterEach(() => core.close());

      const openProfile = async (displayName: string, language: Language) => {
        const learner = await ok(core, 'learners.create', { displayName, language });
        return (await ok(core, 'learners.open', { learnerId: learner.id })).session;
      };
      const submit = async (session: string, query: string) =>
        ok(core, 'exercise.submit', {
          session,
          courseId: 'translated-data',
          exerciseId: 'active-per-workshop',
          answer: { type: 'sql', query },
        });
      const catalanQuery = "SELECT workshop, COUNT(*) FROM register WHERE status = 'actiu' GROUP BY workshop";
      const englishQuery = "SELECT workshop, COUNT(*) FROM register WHERE status = 'active' GROUP BY workshop";

      it('grades a Catalan reader on the Catalan values they see, and an English reader on the English ones', async () => {
        const catalan = await openProfile('Lectora', 'ca');
        const shown = await ok(core, 'exercise.get', {
          session: catalan,
          courseId: 'translated-data',
          exerciseId: 'active-per-workshop',
        });
        if (shown.exercise.type !== 'sql') throw new Error('expected an SQL exercise');
        expect(shown.exercise.tables[0]?.rows.map((row) => row[2])).toContain('Reparació de bicis');
        expect(shown.exercise.starterQuery).toContain("'actiu'");
        expect((await submit(catalan, englishQuery)).correct).toBe(false);
        expect((await submit(catalan, catalanQuery)).correct).toBe(true);

        const english = await openProfile('Reader', 'en');
        expect((await submit(english, catalanQuery)).correct).toBe(false);
        expect((await submit(english, englishQuery)).correct).toBe(true);
      });

      it('grades on the language the learner chose for the course, not the interface language', async () => {
        const session = await openProfile('Lector', 'ca');
        await ok(core, 'course.setLanguage', { session, courseId: 'translated-data', language: 'en' });
        expect((await submit(session, englishQuery)).correct).toBe(true);
      });
    });
  });
});
