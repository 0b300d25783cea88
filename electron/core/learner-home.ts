import type { HomeCourse, Learner, LearnerHome, ProgressDay, ResumePoint } from '../contract/channels.js';
import type { Catalog } from '../courses/catalog.js';
import { evaluateMastery } from '../courses/completion-rule.js';
import type { Db } from '../db/open-database.js';
import { readAllLessonRecords, type LessonProgressRecord } from '../db/progress.js';
import { readFirstPasses } from '../db/quiz-attempts.js';

/** Most days the progress chart shows: enough for a course, small enough for a glance. */
const TIMELINE_DAYS = 60;

/** The calendar day on this PC: the learner thinks of "today" in their own time zone. */
function localDay(iso: string): string {
  const date = new Date(iso);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

function resumePointOf(catalog: Catalog, record: LessonProgressRecord): ResumePoint | null {
  const course = catalog.courses.get(record.courseId);
  const lesson = course?.lessons.find((candidate) => candidate.id === record.lessonId);
  if (!course || !lesson) return null; // the course was removed or changed; the record stays
  return {
    courseId: record.courseId,
    courseTitle: course.manifest.title,
    lessonId: record.lessonId,
    lessonTitle: lesson.title,
    scrollFraction: record.scrollFraction,
    at: record.lastOpenedAt,
  };
}

/**
 * Cumulative lessons completed and quizzes passed, one point per day on which either grew, for
 * the installed courses only.
 */
function buildTimeline(db: Db, catalog: Catalog, learnerId: string, records: LessonProgressRecord[]): ProgressDay[] {
  const events: { day: string; kind: 'lesson' | 'quiz' }[] = [];
  for (const record of records) {
    const installed = catalog.courses.get(record.courseId)?.lessons.some((lesson) => lesson.id === record.lessonId);
    if (installed && record.completedAt) events.push({ day: localDay(record.completedAt), kind: 'lesson' });
  }
  for (const pass of readFirstPasses(db, learnerId)) {
    if (catalog.courses.get(pass.courseId)?.quizzes.has(pass.quizId)) events.push({ day: localDay(pass.passedAt), kind: 'quiz' });
  }
  events.sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
  const days: ProgressDay[] = [];
  let lessonsCompleted = 0;
  let quizzesPassed = 0;
  for (const event of events) {
    if (event.kind === 'lesson') lessonsCompleted += 1;
    else quizzesPassed += 1;
    const last = days.at(-1);
    if (last?.date === event.day) Object.assign(last, { lessonsCompleted, quizzesPassed });
    else days.push({ date: event.day, lessonsCompleted, quizzesPassed });
  }
  return days.slice(-TIMELINE_DAYS);
}

/** What the learner home page shows: where to resume, the courses started, and progress over time. */
export function buildLearnerHome(db: Db, catalog: Catalog, learner: Learner): LearnerHome {
  const records = readAllLessonRecords(db, learner.id);
  const resume = records.map((record) => resumePointOf(catalog, record)).find((point) => point !== null) ?? null;
  const courseIds = [...new Set(records.map((record) => record.courseId))];
  const courses = courseIds.flatMap((courseId): HomeCourse[] => {
    const course = catalog.courses.get(courseId);
    if (!course) return [];
    const courseRecords = records.filter((record) => record.courseId === courseId);
    const mastery = evaluateMastery(db, learner.id, course);
    const latest = courseRecords.map((record) => resumePointOf(catalog, record)).find((point) => point !== null) ?? null;
    return [
      {
        courseId,
        title: course.manifest.title,
        percentComplete: mastery.percentComplete,
        mastered: mastery.mastered,
        masteredAt: mastery.masteredAt,
        timeSpentSeconds: courseRecords.reduce((sum, record) => sum + record.timeSpentSeconds, 0),
        resume: latest,
      },
    ];
  });
  return { learner, resume, courses, timeline: buildTimeline(db, catalog, learner.id, records) };
}
