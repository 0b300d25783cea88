import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LessonSection } from '../../../../electron/contract/lesson-frame-messages';

/** An outline is worth showing from this many sections; a short lesson is its own outline. */
export const MIN_OUTLINE_SECTIONS = 3;

/** Open at first where there is room beside the text; folded on small screens and at high zoom. */
const ROOMY = '(min-width: 64rem) and (min-height: 40rem)';

/**
 * The lesson's sections (its h2 headings, as the lesson frame reports them). Picking one scrolls
 * the page to it and moves focus there, so the keyboard goes on from that section.
 */
export function LessonOutline({ sections, onShow }: { sections: LessonSection[]; onShow: (index: number) => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(() => window.matchMedia(ROOMY).matches);
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
