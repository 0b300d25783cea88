import { useContext, useEffect } from 'react';
import { queryKey } from '../api/core-query-cache';
import { CoreQueriesContext } from '../api/use-core-query';
import { parseRoute } from '../router';

/** What the lesson page asks `lesson.open` with; the early start below asks the same, so the page finds that request. */
export function lessonOpenArgs(session: string, courseId: string, lessonId: string) {
  return { session, courseId, lessonId };
}

/**
 * Opens a lesson in the core as soon as the address changes to it, before the app renders the
 * lesson page: the request travels while the page around it renders (the catalog leaving, the
 * lesson page's chunk), and the page's own `lesson.open` takes that request's answer instead of
 * asking after its first render. Nothing is asked before the address has changed: opening a
 * lesson records the visit, so a pointer that only hovers or presses a link asks nothing.
 */
export function useLessonOpenedOnRouteChange(session: string): void {
  const queries = useContext(CoreQueriesContext);
  useEffect(() => {
    if (!queries) return;
    const onChange = () => {
      const route = parseRoute(window.location.hash);
      if (route.page !== 'lesson') return;
      queries.cache.askAhead(queryKey('lesson.open', lessonOpenArgs(session, route.courseId, route.lessonId)));
    };
    // Capturing at the window runs before the router's own listener, whose update renders the app.
    window.addEventListener('hashchange', onChange, { capture: true });
    return () => window.removeEventListener('hashchange', onChange, { capture: true });
  }, [queries, session]);
}
