import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LessonSection } from '../../../../electron/contract/lesson-frame-messages';
import { SIDE_COLUMN, useMediaQuery } from './lesson-header-media';

/** An outline is worth showing from this many sections; a short lesson is its own outline. */
export const MIN_OUTLINE_SECTIONS = 3;

/**
 * The lesson's sections (its h2 headings, as the lesson frame reports them). Picking one scrolls
 * the page to it and moves focus there, so the keyboard goes on from that section.
 *
 * Where the window has room beside the reading column the outline stands there, open; elsewhere
 * it is one folded line above the lesson, so that it does not push the text off the first screen.
 */
export function LessonOutline({ sections, onShow }: { sections: LessonSection[]; onShow: (index: number) => void }) {
  const { t } = useTranslation();
  const beside = useMediaQuery(SIDE_COLUMN);
  const [open, setOpen] = useState(beside);
  // Moving between beside and above (a resize, a zoom) opens or folds it to suit its new place.
  const [placedBeside, setPlacedBeside] = useState(beside);
  if (placedBeside !== beside) {
    setPlacedBeside(beside);
    setOpen(beside);
  }
  if (sections.length < MIN_OUTLINE_SECTIONS) return null;
  return (
    <nav className="lesson-outline" aria-label={t('lesson.outline')}>
      <details open={open} onToggle={(event) => setOpen(event.currentTarget.open)}>
        <summary>{t('lesson.outlineSummary', { count: sections.length })}</summary>
        <ol>
          {sections.map((section, index) => (
            <li key={`${index}-${section.title}`}>
              <button type="button" className="lesson-outline-link" onClick={() => onShow(index)}>
                {section.title}
              </button>
            </li>
          ))}
        </ol>
      </details>
    </nav>
  );
}
