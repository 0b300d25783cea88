import { randomUUID } from 'node:crypto';
import type { Answer } from '../../../electron/contract/channels.js';
import { createLearner } from '../../../electron/db/learners.js';
import type { Db } from '../../../electron/db/open-database.js';
import { QuizDefinitionSchema } from '../../../electron/quiz/quiz-definition.js';
import type { ReportCourse } from '../../../electron/reports/report-scope.js';

/**
 * A small course and the work of four learners on it, written into a real database with fixed
 * times, so the tests can state every number of the reports exactly. The story:
 * - Anna finished lesson 1, is reading lesson 2, failed the quiz (2 of 3) and then passed it
 *   (3 of 3); in her first attempt she changed her answer to q3 before finishing.
 * - Bernat is reading lesson 1, failed the quiz (1 of 3), and left a second attempt open.
 * - Carla has done nothing yet.
 * - Dani only took the quiz once (1 of 3).
 * Anna and Carla are in the group "March workshop".
 */

export const QUIZ = QuizDefinitionSchema.parse({
  id: 'check',
  title: 'Check your understanding',
  passMark: 70,
  feedback: 'end',
  questions: [
    {
      id: 'q1',
      type: 'single-choice',
      prompt: 'Which one is personal data?',
      choices: [
        { id: 'a', text: 'A list of members', correct: true },
        { id: 'b', text: 'A total' },
        { id: 'c', text: 'Opening hours' },
      ],
    },
    { id: 'q2', type: 'numeric', prompt: 'How much is 4 + 6?', answer: 10 },
    { id: 'q3', type: 'short-text', prompt: 'What is the sum of a column called?', accepted: ['total'] },
  ],
});

export const COURSE: ReportCourse = {
  id: 'reports-course',
  title: 'Reports course',
  lessons: [
    { id: 'first', title: 'First lesson', quizIds: ['check'] },
    { id: 'second', title: 'Second lesson', quizIds: [] },
  ],
  quizzes: new Map([[QUIZ.id, QUIZ]]),
};

type AnswerRecord = [questionId: string, answer: Answer, correct: boolean, at: string];

function insertLesson(
  db: Db,
  learnerId: string,
  lessonId: string,
  status: 'in-progress' | 'completed',
  seconds: number,
  firstAt: string,
  lastAt: string,
): void {
  db.prepare(
    `INSERT INTO lesson_progress (learner_id, course_id, lesson_id, status, first_opened_at, completed_at, updated_at,
       time_spent_seconds, last_opened_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(learnerId, COURSE.id, lessonId, status, firstAt, status === 'completed' ? lastAt : null, lastAt, seconds, lastAt);
}

/** An attempt with its answers; finished (score = right answers among the latest per question) when `finishedAt` is given. */
function insertAttempt(db: Db, learnerId: string, startedAt: string, finishedAt: string | null, answers: AnswerRecord[]): void {
  const attemptId = randomUUID();
  db.prepare(
    `INSERT INTO quiz_attempts (id, learner_id, course_id, course_version, quiz_id, started_at, seed)
     VALUES (?, ?, ?, '1.0.0', ?, ?, 'seed')`,
  ).run(attemptId, learnerId, COURSE.id, QUIZ.id, startedAt);
  const insert = db.prepare(
    `INSERT INTO quiz_answers (id, attempt_id, question_id, answer_json, correct, score, max_score, answered_at)
     VALUES (?, ?, ?, ?, ?, ?, 1, ?)`,
  );
  const latest = new Map<string, boolean>();
  for (const [questionId, answer, correct, at] of answers) {
    insert.run(randomUUID(), attemptId, questionId, JSON.stringify(answer), correct ? 1 : 0, correct ? 1 : 0, at);
    latest.set(questionId, correct);
  }
  if (finishedAt === null) return;
  const score = [...latest.values()].filter(Boolean).length;
  db.prepare('UPDATE quiz_attempts SET finished_at = ?, score = ?, max_score = 3, pass_mark = 70, passed = ? WHERE id = ?').run(
    finishedAt,
    score,
    score / 3 >= 0.7 ? 1 : 0,
    attemptId,
  );
}

const choice = (choiceId: string): Answer => ({ type: 'single-choice', choiceId });
const numeric = (value: string): Answer => ({ type: 'numeric', value });
const text = (typed: string): Answer => ({ type: 'short-text', text: typed });

export interface FixtureLearners {
  anna: string;
  bernat: string;
  carla: string;
  dani: string;
  groupId: string;
}

export function writeReportsFixture(db: Db): FixtureLearners {
  const created = new Date('2026-02-01T08:00:00.000Z');
  const anna = createLearner(db, 'Anna', 'en', created, null, true).id;
  const bernat = createLearner(db, 'Bernat', 'ca', created).id;
  const carla = createLearner(db, 'Carla', 'ca', created).id;
  const dani = createLearner(db, 'Dani', 'en', created).id;

  insertLesson(db, anna, 'first', 'completed', 300, '2026-03-01T09:00:00.000Z', '2026-03-01T09:10:00.000Z');
  insertLesson(db, anna, 'second', 'in-progress', 120, '2026-03-02T10:00:00.000Z', '2026-03-02T10:02:00.000Z');
  insertAttempt(db, anna, '2026-03-01T09:10:00.000Z', '2026-03-01T09:12:00.000Z', [
    ['q1', choice('b'), false, '2026-03-01T09:10:30.000Z'],
    ['q2', numeric('10'), true, '2026-03-01T09:11:00.000Z'],
    ['q3', text('sum'), false, '2026-03-01T09:11:20.000Z'],
    ['q3', text('Total '), true, '2026-03-01T09:11:40.000Z'],
  ]);
  insertAttempt(db, anna, '2026-03-03T10:00:00.000Z', '2026-03-03T10:01:30.000Z', [
    ['q1', choice('a'), true, '2026-03-03T10:00:20.000Z'],
    ['q2', numeric('10,0'), true, '2026-03-03T10:00:40.000Z'],
    ['q3', text('total'), true, '2026-03-03T10:01:00.000Z'],
  ]);

  insertLesson(db, bernat, 'first', 'in-progress', 60, '2026-03-05T10:50:00.000Z', '2026-03-05T10:51:00.000Z');
  insertAttempt(db, bernat, '2026-03-05T11:00:00.000Z', '2026-03-05T11:05:00.000Z', [
    ['q1', choice('b'), false, '2026-03-05T11:01:00.000Z'],
    ['q2', numeric('12'), false, '2026-03-05T11:02:00.000Z'],
    ['q3', text(' TOTAL'), true, '2026-03-05T11:03:00.000Z'],
  ]);
  insertAttempt(db, bernat, '2026-03-06T11:00:00.000Z', null, [['q1', choice('a'), true, '2026-03-06T11:00:30.000Z']]);

  insertAttempt(db, dani, '2026-03-07T08:00:00.000Z', '2026-03-07T08:02:00.000Z', [
    ['q1', choice('c'), false, '2026-03-07T08:00:30.000Z'],
    ['q2', numeric('10.0'), true, '2026-03-07T08:01:00.000Z'],
    ['q3', text('Sum'), false, '2026-03-07T08:01:30.000Z'],
  ]);

  const groupId = randomUUID();
  db.prepare("INSERT INTO learner_groups (id, name, created_at) VALUES (?, 'March workshop', '2026-02-01T08:00:00.000Z')").run(
    groupId,
  );
  for (const member of [anna, carla]) db.prepare('INSERT INTO learner_group_members VALUES (?, ?)').run(groupId, member);
  return { anna, bernat, carla, dani, groupId };
}
