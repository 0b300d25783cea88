/**
 * A synthetic data folder for the database-at-scale measurement: learners, their lesson progress
 * (reading time, scroll position, last visit), and quiz attempts with answers spread over two
 * years, for every bundled course.
 *
 * This is the one module of the benchmark that knows the database schema. When a migration adds
 * or changes columns, adapt the INSERT statements below; the rest of the benchmark only calls
 * `generateSyntheticDataFolder`. The file itself is created and migrated by the app's own
 * migrations, so it always has the app's current schema.
 *
 * The records follow the rules of electron/quiz/take-quiz.ts, so the app reads them as its own:
 * - answers are graded by the app's own `gradeAnswer`, so stored verdicts and scores are what
 *   Aula would have stored for them;
 * - a learner's first attempt at a quiz has the seed `first/<learner>/<course>/<quiz>`, later
 *   ones (retakes) a random one;
 * - with per-question feedback each question is answered once and the last answer finishes the
 *   attempt; with `feedback: end` answers may be changed (a later row for the same question) and
 *   the attempt is finished afterwards, possibly with questions left unanswered (they score 0);
 * - a finished attempt has score = the sum of the latest answer per question, max_score = one
 *   point per question, the quiz's pass mark, and passed = score reaching the pass mark;
 * - only a learner's last attempt at a quiz can still be open.
 * One thing is deliberately not realistic: at a million attempts over 200 learners and the
 * bundled quizzes, a learner has hundreds of attempts at each quiz, beyond any `attemptLimit`.
 * That is the point: every per-learner and per-quiz read meets more rows than on a real PC.
 * No profile has a PIN (the PIN columns keep their defaults): the measurement opens 200 profiles.
 * Exercise submissions and canvas revisions stay empty: the learner home, the catalog and quizzes
 * do not read them.
 *
 * Speed: one connection with the journal and syncing off (a crash leaves a temp file nobody
 * needs), secondary indexes and triggers dropped during the load and remade after it (the final
 * answers of migration 12 filled in between by the migration's statement), prepared statements,
 * one transaction. The folder is then switched to WAL, as the app leaves it.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Answer, AnswerResult } from '../../electron/contract/channels.js';
import type { Catalog } from '../../electron/courses/catalog.js';
import { migrate } from '../../electron/db/migrations.js';
import { FILL_QUIZ_FINAL_ANSWERS } from '../../electron/db/migrations/0012-quiz-final-answers.js';
import { fillQuizTallies } from '../../electron/db/migrations/0013-quiz-tallies.js';
import { DATABASE_FILE_NAME } from '../../electron/db/open-database.js';
import { gradeAnswer } from '../../electron/quiz/grade-answer.js';
import { matchOptions } from '../../electron/quiz/public-question.js';
import type { QuestionDefinition, QuizDefinition } from '../../electron/quiz/quiz-definition.js';
import { seededRandom, shuffled } from './lib/seeded-random.js';
import { fillSyntheticItemTallies } from './synthetic-item-tallies.js';

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
  /** Attempts finished, passed, and left open (as a learner leaves a quiz half done). */
  attempts: { finished: number; passed: number; open: number };
  elapsedMs: number;
}

/** Share of a learner's last attempts at a quiz that are left open. */
const OPEN_SHARE = 0.25;
/** With `feedback: end`: how often a learner changes an answer before finishing, and finishes early. */
const CHANGED_ANSWER_SHARE = 0.15;
const FINISHED_EARLY_SHARE = 0.1;
/** Wrong texts learners type into short-text questions and cloze blanks. */
const WRONG_TEXTS = ['I do not know', 'total', 'the sum', 'percentage', 'month', 'n/a'];

interface QuizTarget {
  courseId: string;
  courseVersion: string;
  quiz: QuizDefinition;
}

function pick<T>(items: readonly T[], random: () => number): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error('nothing to pick from');
  return item;
}

/** A number as a learner types it: sometimes with a decimal comma, as Catalan speakers write it. */
function typedNumber(value: number, random: () => number): string {
  const text = String(Math.round(value * 100) / 100);
  return random() < 0.4 ? text.replace('.', ',') : text;
}

/** An accepted text as a learner types it: sometimes capitalised or with stray spaces. */
function typedText(text: string, random: () => number): string {
  const roll = random();
  if (roll < 0.2) return text.charAt(0).toUpperCase() + text.slice(1);
  if (roll < 0.3) return ` ${text} `;
  return text;
}

/**
 * An answer of the right shape for `question`, right with probability `skill` (graded by the
 * app, so a "wrong" guess that happens to be right counts as right, as it would in Aula).
 */
export function syntheticAnswer(question: QuestionDefinition, random: () => number, skill = 0.6): Answer {
  const right = random() < skill;
  switch (question.type) {
    case 'single-choice': {
      const key = question.choices.find((choice) => choice.correct);
      const choice = right && key ? key : pick(question.choices, random);
      return { type: 'single-choice', choiceId: choice.id };
    }
    case 'multiple-choice': {
      const chosen = right ? question.choices.filter((choice) => choice.correct) : question.choices.filter(() => random() < 0.5);
      const choiceIds = (chosen.length > 0 ? chosen : [pick(question.choices, random)]).map((choice) => choice.id);
      return { type: 'multiple-choice', choiceIds };
    }
    case 'true-false':
      return { type: 'true-false', value: right ? question.answer : !question.answer };
    case 'numeric': {
      // A wrong value lies clearly outside the tolerance, on either side.
      const miss = (question.tolerance + Math.max(1, Math.abs(question.answer) * 0.1)) * (0.5 + random());
      const value = right ? question.answer : question.answer + (random() < 0.5 ? -miss : miss);
      return { type: 'numeric', value: typedNumber(value, random) };
    }
    case 'short-text':
      return { type: 'short-text', text: right ? typedText(pick(question.accepted, random), random) : pick(WRONG_TEXTS, random) };
    case 'ordering': {
      const items = right ? question.items : shuffled(question.items, random);
      return { type: 'ordering', itemIds: items.map((item) => item.id) };
    }
    case 'matching': {
      const options = matchOptions(question);
      const optionOf = new Map(options.map((option) => [option.pairId, option.id]));
      const wrongOrder = shuffled(options, random);
      const matches = question.pairs.map((pair, index) => ({
        leftId: pair.id,
        optionId: (right ? optionOf.get(pair.id) : wrongOrder[index]?.id) ?? 'r1',
      }));
      return { type: 'matching', matches };
    }
    case 'cloze': {
      // A learner who knows the answer may still miss one blank.
      const blanks = Object.entries(question.blanks).map(([name, key]) => ({
        name,
        text: (right ? random() < 0.9 : random() < 0.4)
          ? typedText(pick(key.accepted, random), random)
          : pick(WRONG_TEXTS, random),
      }));
      return { type: 'cloze', blanks };
    }
  }
}

function quizTargets(catalog: Catalog): QuizTarget[] {
  return [...catalog.courses.values()].flatMap((course) =>
    [...course.quizzes.values()].map((quiz) => ({
      courseId: course.manifest.id,
      courseVersion: course.manifest.version,
      quiz,
    })),
  );
}

/** The seed of an attempt's question order, as take-quiz.ts sets it. */
function attemptSeed(first: boolean, learnerId: string, target: QuizTarget, random: () => number): string {
  if (first) return `first/${learnerId}/${target.courseId}/${target.quiz.id}`;
  return Math.floor(random() * 2 ** 52).toString(36) + Math.floor(random() * 2 ** 52).toString(36);
}

/** Pass marks are percentages of the points, with the same float slack as take-quiz.ts. */
function reachesPassMark(score: number, maxScore: number, passMark: number): boolean {
  return maxScore > 0 && (score / maxScore) * 100 + 1e-9 >= passMark;
}

/**
 * The app's grades of the answers given so far. Learners give the same few answers over and over,
 * so each distinct answer to a question is graded once; a million attempts stay quick to generate.
 */
class GradeCache {
  private readonly grades = new Map<string, Pick<AnswerResult, 'correct' | 'score' | 'maxScore'>>();

  of(target: QuizTarget, question: QuestionDefinition, answer: Answer, json: string) {
    // Wrong numbers are all different, and quick to grade: not worth keeping.
    if (question.type === 'numeric') return gradeAnswer(question, answer);
    const key = `${target.courseId}/${target.quiz.id}/${question.id}/${json}`;
    let grade = this.grades.get(key);
    if (!grade) {
      const { correct, score, maxScore } = gradeAnswer(question, answer);
      grade = { correct, score, maxScore };
      this.grades.set(key, grade);
    }
    return grade;
  }
}

interface PlannedAnswer {
  questionId: string;
  json: string;
  correct: boolean;
  score: number;
  maxScore: number;
  at: number;
}

/**
 * The answers of one attempt, in the order they are given: every question of a finished
 * attempt (most, with `feedback: end`), some of an open one.
 */
function planAnswers(
  target: QuizTarget,
  open: boolean,
  first: boolean,
  started: number,
  skill: number,
  random: () => number,
  grades: GradeCache,
): PlannedAnswer[] {
  const questions = target.quiz.questions;
  const perQuestion = target.quiz.feedback === 'per-question';
  let count = questions.length;
  if (open) {
    // Per question, answering the last question would finish the attempt; an attempt made by a
    // retake may have no answer yet, but a first attempt is recorded only with its first answer.
    count = Math.floor(random() * (perQuestion ? questions.length : questions.length + 1));
    if (first) count = Math.max(1, count);
  } else if (!perQuestion && questions.length > 1 && random() < FINISHED_EARLY_SHARE) {
    count = questions.length - 1;
  }
  const answers: PlannedAnswer[] = [];
  let at = started;
  const answer = (question: QuestionDefinition) => {
    at += 15_000 + random() * 75_000;
    const given = syntheticAnswer(question, random, skill);
    const json = JSON.stringify(given);
    const grade = grades.of(target, question, given, json);
    answers.push({ questionId: question.id, json, correct: grade.correct, score: grade.score, maxScore: grade.maxScore, at });
  };
  for (const question of questions.slice(0, count)) {
    answer(question);
    if (!perQuestion && random() < CHANGED_ANSWER_SHARE) answer(question);
  }
  return answers;
}

/** An attempt's result from the latest answer per question, as take-quiz.ts `finishAttempt` scores it. */
function scoreAttempt(quiz: QuizDefinition, answers: PlannedAnswer[]) {
  const latest = new Map(answers.map((answer) => [answer.questionId, answer]));
  let score = 0;
  let maxScore = 0;
  for (const question of quiz.questions) {
    score += latest.get(question.id)?.score ?? 0;
    maxScore += latest.get(question.id)?.maxScore ?? 1;
  }
  return { score, maxScore, passed: reachesPassMark(score, maxScore, quiz.passMark) };
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
  if (spec.learners < 1) throw new Error('the synthetic data needs at least one learner');
  const lessons = [...catalog.courses.values()].flatMap((course) =>
    course.lessons.map((lesson) => ({ courseId: course.manifest.id, lessonId: lesson.id, minutes: lesson.minutes })),
  );
  const random = seededRandom(spec.seed);
  const spanMs = spec.days * 86_400_000;
  // The last attempts end (with their answers) an hour before `now`, never in the future.
  const firstDay = now - 3_600_000 - spanMs;
  const iso = (ms: number) => new Date(ms).toISOString();
  const rows = { learners: 0, lesson_progress: 0, quiz_attempts: 0, quiz_answers: 0, quiz_final_answers: 0 };
  const attempts = { finished: 0, passed: 0, open: 0 };

  // Who attempts which quiz, decided first, so that each learner's last attempt at a quiz is known.
  const pairs = spec.learners * quizzes.length;
  const pairOfAttempt = new Uint32Array(spec.attempts);
  const lastAttemptOfPair = new Int32Array(pairs).fill(-1);
  for (let i = 0; i < spec.attempts; i += 1) {
    const pair = Math.floor(random() * pairs);
    pairOfAttempt[i] = pair;
    lastAttemptOfPair[pair] = i;
  }
  const pairStarted = new Uint8Array(pairs);
  const grades = new GradeCache();

  fs.mkdirSync(dataDir, { recursive: true });
  const db = new Database(file);
  try {
    db.pragma('journal_mode = OFF');
    db.pragma('synchronous = OFF');
    db.pragma('locking_mode = EXCLUSIVE');
    db.pragma('cache_size = -262144'); // 256 MiB of page cache for the load and the index rebuilds
    db.pragma('temp_store = MEMORY');
    migrate(db);
    const schemaObjects = db
      .prepare(
        "SELECT type, name, tbl_name AS tableName, sql FROM sqlite_master WHERE type IN ('index', 'trigger') AND sql IS NOT NULL",
      )
      .all() as { type: 'index' | 'trigger'; name: string; tableName: string; sql: string }[];
    // The final answers (migration 12) are derived from the answers: filled once after the load,
    // by the migration's own statement, before their indexes and the triggers that keep them.
    const derived = (object: { tableName: string }) => object.tableName === 'quiz_final_answers';
    const indexes = schemaObjects.filter((object) => object.type === 'index' && !derived(object));
    const afterFill = [
      ...schemaObjects.filter((object) => object.type === 'index' && derived(object)),
      ...schemaObjects.filter((object) => object.type === 'trigger'),
    ];

    const insertLearner = db.prepare('INSERT INTO learners (id, display_name, language, created_at) VALUES (?, ?, ?, ?)');
    const insertProgress = db.prepare(
      `INSERT INTO lesson_progress (learner_id, course_id, lesson_id, status, first_opened_at, completed_at, updated_at,
         time_spent_seconds, scroll_fraction, last_opened_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const insertAttempt = db.prepare(
      `INSERT INTO quiz_attempts (id, learner_id, course_id, course_version, quiz_id, started_at, seed,
         finished_at, score, max_score, pass_mark, passed)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const insertAnswer = db.prepare(
      `INSERT INTO quiz_answers (id, attempt_id, question_id, answer_json, correct, score, max_score, answered_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );

    const learnerIds: string[] = [];
    const skills: number[] = [];
    db.transaction(() => {
      for (const object of [...indexes, ...afterFill]) db.exec(`DROP ${object.type.toUpperCase()} ${object.name}`);
      for (let i = 0; i < spec.learners; i += 1) {
        const id = randomUUID();
        learnerIds.push(id);
        // Some learners know the subject better than others.
        skills.push(0.35 + random() * 0.55);
        insertLearner.run(id, `Learner ${i + 1}`, i % 3 === 0 ? 'ca' : 'en', iso(firstDay + random() * 14 * 86_400_000));
        rows.learners += 1;
        for (const lesson of lessons) {
          const roll = random();
          if (roll < 0.2) continue; // never opened
          const opened = firstDay + random() * spanMs;
          const completed = roll < 0.7 ? Math.min(now, opened + random() * 30 * 86_400_000) : null;
          const lastOpened = Math.min(now, (completed ?? opened) + random() * 60 * 86_400_000);
          const fullReading = lesson.minutes * 60;
          insertProgress.run(
            id,
            lesson.courseId,
            lesson.lessonId,
            completed === null ? 'in-progress' : 'completed',
            iso(opened),
            completed === null ? null : iso(completed),
            iso(lastOpened),
            Math.round(fullReading * (completed === null ? random() * 0.8 : 0.6 + random() * 1.2)),
            completed === null ? Math.round(random() * 90) / 100 : 1,
            iso(lastOpened),
          );
          rows.lesson_progress += 1;
        }
      }
      // Attempts in time order, as they accumulate on a real PC.
      const step = spanMs / spec.attempts;
      for (let i = 0; i < spec.attempts; i += 1) {
        const pair = pairOfAttempt[i] as number;
        const learnerIndex = Math.floor(pair / quizzes.length);
        const learnerId = learnerIds[learnerIndex] as string;
        const target = quizzes[pair % quizzes.length] as QuizTarget;
        const first = pairStarted[pair] === 0;
        pairStarted[pair] = 1;
        // A first attempt at a one-question quiz with per-question feedback finishes with its answer.
        const canStayOpen = !(first && target.quiz.feedback === 'per-question' && target.quiz.questions.length === 1);
        const open = lastAttemptOfPair[pair] === i && canStayOpen && random() < OPEN_SHARE;
        const started = firstDay + (i + random()) * step;
        const seed = attemptSeed(first, learnerId, target, random);
        const answers = planAnswers(target, open, first, started, skills[learnerIndex] as number, random, grades);
        const attemptId = randomUUID();
        if (open) {
          insertAttempt.run(
            attemptId,
            learnerId,
            target.courseId,
            target.courseVersion,
            target.quiz.id,
            iso(started),
            seed,
            null,
            null,
            null,
            null,
            null,
          );
          attempts.open += 1;
        } else {
          const result = scoreAttempt(target.quiz, answers);
          const lastAnswerAt = answers.at(-1)?.at ?? started;
          // Per question, the last answer finishes the attempt; with feedback at the end, the learner does.
          const finished = target.quiz.feedback === 'per-question' ? lastAnswerAt : lastAnswerAt + 5_000 + random() * 55_000;
          insertAttempt.run(
            attemptId,
            learnerId,
            target.courseId,
            target.courseVersion,
            target.quiz.id,
            iso(started),
            seed,
            iso(finished),
            result.score,
            result.maxScore,
            target.quiz.passMark,
            result.passed ? 1 : 0,
          );
          attempts.finished += 1;
          if (result.passed) attempts.passed += 1;
        }
        rows.quiz_attempts += 1;
        for (const answer of answers) {
          insertAnswer.run(
            randomUUID(),
            attemptId,
            answer.questionId,
            answer.json,
            answer.correct ? 1 : 0,
            answer.score,
            answer.maxScore,
            iso(answer.at),
          );
          rows.quiz_answers += 1;
        }
      }
      for (const index of indexes) db.exec(index.sql);
      rows.quiz_final_answers = db.prepare(FILL_QUIZ_FINAL_ANSWERS).run().changes;
      fillQuizTallies(db); // the tallies of the course report (migration 13), before their triggers
      fillSyntheticItemTallies(db, rows);
      for (const object of afterFill) db.exec(object.sql);
    })();
    db.pragma('locking_mode = NORMAL');
    db.pragma('journal_mode = WAL');
    return { learnerIds, rows, attempts, elapsedMs: performance.now() - startedAt };
  } finally {
    db.close();
  }
}
