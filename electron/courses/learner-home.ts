import type { HomeCourse, Learner, LearnerHome, ProgressDay, ResumePoint } from '../contract/channels.js';
import type { Catalog } from './catalog.js';
import { evaluateMastery, type CourseMastery } from './course-mastery.js';
import { courseInLanguage, learnerCourseLanguage } from './translations/course-language.js';
import type { Db } from '../db/open-database.js';
import { readAllLessonRecords, type LessonProgressRecord } from '../db/progress.js';
import { courseCoverUrl } from './course-urls.js';

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

type TimelineKind = 'lesson' | 'quiz' | 'practical';

/**
 * Cumulative lessons done, quizzes passed and practical work done (exercises solved, canvases
 * saved), one point per day on which any grew, for the installed courses only. The same rules as
 * the courses' progress, so the chart and the percentages agree.
 */
function buildTimeline(masteries: CourseMastery[]): ProgressDay[] {
  const events: { day: string; kind: TimelineKind }[] = [];
  for (const mastery of masteries) {
    for (const lesson of mastery.lessons) if (lesson.doneAt) events.push({ day: localDay(lesson.doneAt), kind: 'lesson' });
    for (const work of mastery.workDoneAt) {
      events.push({ day: localDay(work.at), kind: work.kind === 'quiz' ? 'quiz' : 'practical' });
    }
  }
  events.sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
  const days: ProgressDay[] = [];
  const totals = { lessonsCompleted: 0, quizzesPassed: 0, practicalDone: 0 };
  for (const event of events) {
    if (event.kind === 'lesson') totals.lessonsCompleted += 1;
    else if (event.kind === 'quiz') totals.quizzesPassed += 1;
    else totals.practicalDone += 1;
    const last = days.at(-1);
    if (last?.date === event.day) Object.assign(last, totals);
    else days.push({ date: event.day, ...totals });
  }
  return days.slice(-TIMELINE_DAYS);
}

/** The introductory course (manifest `introductory: true`), else the first installed one. */
function suggestedCourse(catalog: Catalog): LearnerHome['suggested'] {
  const courses = [...catalog.courses.values()];
  const course = courses.find((candidate) => candidate.manifest.introductory) ?? courses[0];
  if (!course) return null;
  return {
    courseId: course.manifest.id,
    title: course.manifest.title,
    summary: course.manifest.summary,
    cover: courseCoverUrl(course),
  };
}

/** What the learner home page shows: where to resume, the courses started, and progress over time. */
export function buildLearnerHome(db: Db, mainCatalog: Catalog, learner: Learner): LearnerHome {
  // Titles in the language the learner reads each course in.
  const catalog: Catalog = {
    ...mainCatalog,
    courses: new Map(
      [...mainCatalog.courses].map(([id, course]) => [
        id,
        courseInLanguage(course, learnerCourseLanguage(db, learner.id, learner.language, course)),
      ]),
    ),
  };
  const records = readAllLessonRecords(db, learner.id);
  const resume = records.map((record) => resumePointOf(catalog, record)).find((point) => point !== null) ?? null;
  const masteries = [...catalog.courses.values()].map((course) => evaluateMastery(db, learner.id, course));
  const courseIds = [...new Set(records.map((record) => record.courseId))];
  const courses = courseIds.flatMap((courseId): HomeCourse[] => {
    const course = catalog.courses.get(courseId);
    const mastery = masteries.find((candidate) => candidate.courseId === courseId);
    if (!course || !mastery) return [];
    const courseRecords = records.filter((record) => record.courseId === courseId);
    const latest = courseRecords.map((record) => resumePointOf(catalog, record)).find((point) => point !== null) ?? null;
    return [
      {
        courseId,
        title: course.manifest.title,
        percentComplete: mastery.percentComplete,
        mastered: mastery.mastered,
        masteredAt: mastery.masteredAt,
        timeSpentSeconds: courseRecords.reduce((sum, record) => sum + record.timeSpentSeconds, 0),
        lessonsCompleted: mastery.lessonsCompleted,
        lessonCount: mastery.lessonCount,
        resume: latest,
      },
    ];
  });
  return {
    learner,
    resume,
    courses,
    timeline: buildTimeline(masteries),
    suggested: courses.length === 0 ? suggestedCourse(catalog) : null,
  };
}
