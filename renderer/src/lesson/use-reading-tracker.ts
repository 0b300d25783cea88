import { useEffect } from 'react';
import type { LearnApi } from '../../../electron/contract/channels';

/** How often the page checks whether the learner is still there, and how often it reports. */
const TICK_MS = 5_000;
const REPORT_EVERY_SECONDS = 30;
/** A tick longer than this (a sleeping PC, a frozen tab) is not counted as reading. */
const LONGEST_TICK_SECONDS = 15;
const SCROLL_SETTLE_MS = 1_500;

function scrollFraction(): number {
  const room = document.documentElement.scrollHeight - window.innerHeight;
  return room > 0 ? Math.min(1, Math.max(0, window.scrollY / room)) : 0;
}

function scrollToFraction(fraction: number): void {
  const room = document.documentElement.scrollHeight - window.innerHeight;
  if (room > 0) window.scrollTo({ top: fraction * room, behavior: 'instant' });
}

/**
 * Counts the time a lesson is actually in front of the learner (visible, window focused) and
 * keeps their scroll position, reporting both to the core now and then and when they leave.
 * With `resumeAt`, scrolls back to where they were the last time.
 */
export function useReadingTracker(
  api: LearnApi,
  where: { session: string; courseId: string; lessonId: string },
  resumeAt: number | null,
): void {
  const { session, courseId, lessonId } = where;
  useEffect(() => {
    let unreported = 0;
    let lastTick = Date.now();
    // Kept from scroll events, not read when leaving: by then the next page may be on screen.
    let fraction = resumeAt ?? 0;
    let lastFraction = fraction;
    let userScrolled = false;
    let ignoreScrollUntil = 0;
    let scrollTimer: number | undefined;

    const report = () => {
      const activeSeconds = Math.min(600, Math.round(unreported));
      if (activeSeconds === 0 && Math.abs(fraction - lastFraction) < 0.01) return;
      unreported -= activeSeconds;
      lastFraction = fraction;
      // Reading time is a convenience, never a reason to interrupt the learner: failures are dropped.
      api['progress.recordReading']({ session, courseId, lessonId, activeSeconds, scrollFraction: fraction }).catch(
        () => undefined,
      );
    };
    const tick = () => {
      const now = Date.now();
      const elapsed = (now - lastTick) / 1000;
      lastTick = now;
      if (document.visibilityState === 'visible' && document.hasFocus()) unreported += Math.min(elapsed, LONGEST_TICK_SECONDS);
      if (unreported >= REPORT_EVERY_SECONDS) report();
    };
    const onScroll = () => {
      fraction = scrollFraction();
      if (Date.now() < ignoreScrollUntil) return; // our own scrolling back to the resume point
      userScrolled = true;
      window.clearTimeout(scrollTimer);
      scrollTimer = window.setTimeout(report, SCROLL_SETTLE_MS);
    };
    const onHide = () => {
      tick();
      report();
    };

    // Images and tables can still be laying out: try again briefly unless the learner has scrolled.
    const restoreTimers: number[] = [];
    if (resumeAt !== null && resumeAt > 0.01) {
      for (const delay of [0, 300, 1000]) {
        restoreTimers.push(
          window.setTimeout(() => {
            if (userScrolled) return;
            ignoreScrollUntil = Date.now() + 250;
            scrollToFraction(resumeAt);
          }, delay),
        );
      }
    }
    const interval = window.setInterval(tick, TICK_MS);
    window.addEventListener('scroll', onScroll, { passive: true });
    window.addEventListener('pagehide', onHide);
    document.addEventListener('visibilitychange', onHide);
    return () => {
      window.clearInterval(interval);
      window.clearTimeout(scrollTimer);
      restoreTimers.forEach((timer) => window.clearTimeout(timer));
      window.removeEventListener('scroll', onScroll);
      window.removeEventListener('pagehide', onHide);
      document.removeEventListener('visibilitychange', onHide);
      onHide();
    };
  }, [api, session, courseId, lessonId, resumeAt]);
}
