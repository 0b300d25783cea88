import { useEffect, useState } from 'react';

/** Pages of the app, addressed by the URL hash so reloads and the back button work in both shells. */
export type Route =
  | { page: 'home' }
  | { page: 'catalog' }
  | { page: 'certificates' }
  | { page: 'check-certificate' }
  | { page: 'reports' }
  | { page: 'learner-report'; learnerId: string }
  | { page: 'course'; courseId: string }
  | { page: 'lesson'; courseId: string; lessonId: string };

const SLUG = '[a-z0-9][a-z0-9-]*';
const LESSON_ROUTE = new RegExp(`^#/courses/(${SLUG})/lessons/(${SLUG})$`);
const LEARNER_REPORT_ROUTE = /^#\/reports\/learners\/([0-9a-f-]{36})$/;
const COURSE_ROUTE = new RegExp(`^#/courses/(${SLUG})$`);

export function parseRoute(hash: string): Route {
  const lesson = LESSON_ROUTE.exec(hash);
  if (lesson?.[1] && lesson[2]) return { page: 'lesson', courseId: lesson[1], lessonId: lesson[2] };
  const course = COURSE_ROUTE.exec(hash);
  if (course?.[1]) return { page: 'course', courseId: course[1] };
  if (hash === '#/courses') return { page: 'catalog' };
  if (hash === CERTIFICATES_HREF) return { page: 'certificates' };
  if (hash === CHECK_CERTIFICATE_HREF) return { page: 'check-certificate' };
  if (hash === REPORTS_HREF) return { page: 'reports' };
  const learnerReport = LEARNER_REPORT_ROUTE.exec(hash);
  if (learnerReport?.[1]) return { page: 'learner-report', learnerId: learnerReport[1] };
  return { page: 'home' };
}

/** A course's own page: what you'll learn, its lessons, what the certificate needs. */
export function courseHref(courseId: string): string {
  return `#/courses/${courseId}`;
}

export function lessonHref(courseId: string, lessonId: string): string {
  return `#/courses/${courseId}/lessons/${lessonId}`;
}

/** The learner's own page: where to resume, courses in progress and completed. */
export const HOME_HREF = '#/';
/** Every installed course. */
export const CATALOG_HREF = '#/courses';
/** The learner's certificates, to export again. */
export const CERTIFICATES_HREF = '#/certificates';
/** Check any certificate file; needs no profile. */
export const CHECK_CERTIFICATE_HREF = '#/check-certificate';

/** A manager's reports on this PC. */
export const REPORTS_HREF = '#/reports';

export function learnerReportHref(learnerId: string): string {
  return `#/reports/learners/${learnerId}`;
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
