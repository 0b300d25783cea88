/**
 * A synthetic data folder for the database-at-scale measurement: learners, their lesson progress,
 * and quiz attempts with answers spread over two years, for every bundled course.
 *
 * This is the one module of the benchmark that knows the database schema. When a migration adds
 * or changes columns (attempts are about to gain some), adapt the INSERT statements below; the
 * rest of the benchmark only calls `generateSyntheticDataFolder`. The file itself is created and
 * migrated by the app's own migrations, so it always has the app's current schema.
 *
 * Speed: one connection with the journal and syncing off (a crash leaves a temp file nobody
 * needs), secondary indexes dropped during the load and rebuilt after it, prepared statements,
 * one transaction. The folder is then switched to WAL, as the app leaves it.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Catalog } from '../../electron/courses/catalog.js';
import { migrate } from '../../electron/db/migrations.js';
import { DATABASE_FILE_NAME } from '../../electron/db/open-database.js';
import type { QuestionDefinition } from '../../electron/quiz/quiz-definition.js';
import { seededRandom } from './lib/seeded-random.js';

export interface SyntheticSpec {
  learners: number;
  /** Quiz attempts in total, over all learners and quizzes. */
  attempts: number;
  /** The attempts are spread evenly over this many days up to now. */
  days: number;
  /** Seed of the pseudo-random choices, so two runs generate the same shape of data. */
  seed: number;
}

export const AT_SCALE: SyntheticSpec = { learners: 200, attempts: 1_000_000, days: 730, seed: 20_240_101 };

export interface SyntheticSummary {
  learnerIds: string[];
  /** Rows written per table. */
  rows: Record<string, number>;
  elapsedMs: number;
}

interface QuizTarget {
  courseId: string;
  courseVersion: string;
  quizId: string;
  questions: QuestionDefinition[];
}

/** An answer as the app stores it, and whether the answer key says it is right. */
function syntheticAnswer(question: QuestionDefinition, random: () => number): { json: string; correct: boolean } {
  switch (question.type) {
    case 'single-choice': {
      // Learners pick the right choice more often than chance.
      const right = question.choices.find((choice) => choice.correct);
      const choice = random() < 0.6 && right ? right : question.choices[Math.floor(random() * question.choices.length)];
      if (!choice) throw new Error(`question ${question.id} has no choices`);
      return { json: JSON.stringify({ type: 'single-choice', choiceId: choice.id }), correct: choice.correct };
    }
  }
}

function quizTargets(catalog: Catalog): QuizTarget[] {
  return [...catalog.courses.values()].flatMap((course) =>
    [...course.quizzes.values()].map((quiz) => ({
      courseId: course.manifest.id,
      courseVersion: course.manifest.version,
      quizId: quiz.id,
      questions: quiz.questions,
    })),
  );
}

/**
 * Writes a new data folder at `dataDir` (which must not hold a database yet) with `spec`'s
 * learners and attempts over the courses of `catalog`.
 */
export function generateSyntheticDataFolder(
  dataDir: string,
  catalog: Catalog,
  spec: SyntheticSpec,
  now = Date.now(),
): SyntheticSummary {
  const startedAt = performance.now();
  const file = path.join(dataDir, DATABASE_FILE_NAME);
  if (fs.existsSync(file)) throw new Error(`${file} already exists; the generator only writes new data folders`);
  const quizzes = quizTargets(catalog);
  if (quizzes.length === 0) throw new Error('the bundled courses have no quizzes to make attempts at');
  const lessons = [...catalog.courses.values()].flatMap((course) =>
    course.lessons.map((lesson) => ({ courseId: course.manifest.id, lessonId: lesson.id })),
  );
  const random = seededRandom(spec.seed);
  const spanMs = spec.days * 86_400_000;
  const firstDay = now - spanMs;
  const iso = (ms: number) => new Date(ms).toISOString();
  const rows = { learners: 0, lesson_progress: 0, quiz_attempts: 0, quiz_answers: 0 };

  fs.mkdirSync(dataDir, { recursive: true });
  const db = new Database(file);
  try {
    db.pragma('journal_mode = OFF');
    db.pragma('synchronous = OFF');
    db.pragma('locking_mode = EXCLUSIVE');
    db.pragma('cache_size = -262144'); // 256 MiB: the whole load stays in memory until written once
    db.pragma('temp_store = MEMORY');
    migrate(db);
    const indexes = db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL").all() as {
      name: string;
      sql: string;
    }[];

    const insertLearner = db.prepare('INSERT INTO learners (id, display_name, language, created_at) VALUES (?, ?, ?, ?)');
    const insertProgress = db.prepare(
      `INSERT INTO lesson_progress (learner_id, course_id, lesson_id, status, first_opened_at, completed_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
    const insertAttempt = db.prepare(
      'INSERT INTO quiz_attempts (id, learner_id, course_id, course_version, quiz_id, started_at) VALUES (?, ?, ?, ?, ?, ?)',
    );
    const insertAnswer = db.prepare(
      `INSERT INTO quiz_answers (id, attempt_id, question_id, answer_json, correct, score, max_score, answered_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );

    const learnerIds: string[] = [];
    db.transaction(() => {
      for (const index of indexes) db.exec(`DROP INDEX ${index.name}`);
      for (let i = 0; i < spec.learners; i += 1) {
        const id = randomUUID();
        learnerIds.push(id);
        insertLearner.run(id, `Learner ${i + 1}`, i % 3 === 0 ? 'ca' : 'en', iso(firstDay + random() * 14 * 86_400_000));
        rows.learners += 1;
        for (const lesson of lessons) {
          const roll = random();
          if (roll < 0.2) continue; // never opened
          const opened = firstDay + random() * spanMs;
          const completed = roll < 0.7 ? Math.min(now, opened + random() * 30 * 86_400_000) : null;
          insertProgress.run(
            id,
            lesson.courseId,
            lesson.lessonId,
            completed === null ? 'in-progress' : 'completed',
            iso(opened),
            completed === null ? null : iso(completed),
            iso(completed ?? opened),
          );
          rows.lesson_progress += 1;
        }
      }
      // Attempts in time order, as they accumulate on a real PC; each answers every question once.
      const step = spanMs / spec.attempts;
      for (let i = 0; i < spec.attempts; i += 1) {
        const learnerId = learnerIds[Math.floor(random() * learnerIds.length)] as string;
        const quiz = quizzes[Math.floor(random() * quizzes.length)] as QuizTarget;
        const attemptId = randomUUID();
        const started = firstDay + (i + random()) * step;
        insertAttempt.run(attemptId, learnerId, quiz.courseId, quiz.courseVersion, quiz.quizId, iso(started));
        rows.quiz_attempts += 1;
        quiz.questions.forEach((question, n) => {
          const answer = syntheticAnswer(question, random);
          const score = answer.correct ? 1 : 0;
          insertAnswer.run(randomUUID(), attemptId, question.id, answer.json, score, score, 1, iso(started + (n + 1) * 20_000));
          rows.quiz_answers += 1;
        });
      }
      for (const index of indexes) db.exec(index.sql);
    })();
    db.pragma('locking_mode = NORMAL');
    db.pragma('journal_mode = WAL');
    return { learnerIds, rows, elapsedMs: performance.now() - startedAt };
  } finally {
    db.close();
  }
}
