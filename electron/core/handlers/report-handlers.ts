import type { reportChannels } from '../../contract/channels.js';
import type { Language } from '../../contract/channels.js';
import { courseInLanguage } from '../../courses/translations/course-language.js';
import { findReportedLearner, listReportedLearners } from '../../db/learners.js';
import { analyseQuiz } from '../../reports/item-analysis.js';
import { buildCourseReport } from '../../reports/course-report.js';
import { buildLearnerHistory } from '../../reports/learner-history.js';
import {
  createGroup,
  deleteGroup,
  listGroups,
  requireGroup,
  renameGroup,
  setGroupMembers,
} from '../../reports/learner-groups.js';
import { exportReport } from '../../reports/report-export.js';
import { reportCourseOf, reportScope, type ReportCourse } from '../../reports/report-scope.js';
import type { ReportFilters } from '../../contract/channels.js';
import { requireQuiz } from '../../courses/catalog-lookup.js';
import { deleteImportedProfile, profileNotFound } from '../../learners/profile-rules.js';
import { requireCourse, requireManager, type CoreDependencies } from '../core-context.js';
import type { HandlerGroup } from '../dispatch.js';

/** Reports show everyone's work: every channel here needs a manager's session, checked in the core. */
export function createReportHandlers(deps: CoreDependencies): HandlerGroup<typeof reportChannels> {
  const { db } = deps;

  /** The filters, checked: the course is installed and the group (if any) exists. */
  const scopeOf = (filters: ReportFilters) => {
    const course = requireCourse(deps, filters.courseId);
    if (filters.groupId !== undefined) requireGroup(db, filters.groupId);
    return { course, scope: reportScope(filters) };
  };
  const filtersOf = ({ courseId, groupId, from, to }: ReportFilters): ReportFilters => ({ courseId, groupId, from, to });
  /**
   * The manager's session, and the language they read reports in: the one the page asks for, else
   * their profile's. Titles, prompts and answers then come from the course's translation into it
   * (the main language where there is none); ids are shared, so the numbers are the same.
   */
  const readerOf = (session: string, language: Language | undefined) => {
    const manager = requireManager(deps, session);
    return language ?? manager.language;
  };

  return {
    'reports.course': ({ session, language, ...filters }) => {
      const reader = readerOf(session, language);
      const { course, scope } = scopeOf(filtersOf(filters));
      return buildCourseReport(db, reportCourseOf(courseInLanguage(course, reader)), scope);
    },

    'reports.quiz': ({ session, quizId, language, ...filters }) => {
      const reader = readerOf(session, language);
      const { course, scope } = scopeOf(filtersOf(filters));
      return analyseQuiz(db, requireQuiz(courseInLanguage(course, reader), quizId), scope, reader);
    },

    'reports.learner': ({ session, learnerId, courseId, language }) => {
      const reader = readerOf(session, language);
      const learner = findReportedLearner(db, learnerId);
      if (!learner) throw profileNotFound();
      const courses = new Map<string, ReportCourse>();
      for (const [id, course] of deps.catalog.current().courses)
        courses.set(id, reportCourseOf(courseInLanguage(course, reader)));
      return buildLearnerHistory(db, learner, courses, courseId ?? null);
    },

    'reports.export': async ({ session, format, language, decimalComma, ...filters }) => {
      requireManager(deps, session);
      const { course, scope } = scopeOf(filtersOf(filters));
      const report = buildCourseReport(db, reportCourseOf(courseInLanguage(course, language)), scope);
      return exportReport(report, format, language, decimalComma);
    },

    'reports.deleteImportedLearner': ({ session, learnerId }) => {
      requireManager(deps, session);
      return deleteImportedProfile(db, learnerId);
    },

    'reports.learners': ({ session }) => {
      requireManager(deps, session);
      return listReportedLearners(db);
    },

    'groups.list': ({ session }) => {
      requireManager(deps, session);
      return listGroups(db);
    },

    'groups.create': ({ session, name }) => {
      requireManager(deps, session);
      return createGroup(db, name);
    },

    'groups.rename': ({ session, groupId, name }) => {
      requireManager(deps, session);
      return renameGroup(db, groupId, name);
    },

    'groups.delete': ({ session, groupId }) => {
      requireManager(deps, session);
      return { deleted: deleteGroup(db, groupId) };
    },

    'groups.setMembers': ({ session, groupId, learnerIds }) => {
      requireManager(deps, session);
      return setGroupMembers(db, groupId, learnerIds);
    },
  };
}
