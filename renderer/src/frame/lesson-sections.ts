import { MAX_LESSON_SECTIONS, type LessonSection } from '../../../electron/contract/lesson-frame-messages';

/** The headings that start a lesson's sections: its h2s (a quiz's title is one too). */
function sectionHeadings(root: ParentNode): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>('.lesson-content h2')].slice(0, MAX_LESSON_SECTIONS);
}

/** The lesson's sections, each with its top relative to the lesson's root (the frame's top). */
export function readSections(root: HTMLElement): LessonSection[] {
  const rootTop = root.getBoundingClientRect().top;
  return sectionHeadings(root).map((heading) => ({
    title: (heading.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 300),
    top: Math.max(0, Math.round(heading.getBoundingClientRect().top - rootTop)),
  }));
}

/**
 * Moves keyboard focus to a section's heading, so Tab goes on from there. The page has already
 * scrolled to it (the frame is as tall as the lesson and never scrolls itself).
 */
export function focusSection(root: ParentNode, index: number): void {
  const heading = sectionHeadings(root)[index];
  if (!heading) return;
  if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
  heading.focus({ preventScroll: true });
}
