import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import '../../../styles/scroll-area.css';

/** Which sides of a scroll area hide content: drawn as a shade on that side. */
type Overflow = 'start' | 'end' | 'both' | null;

function overflowOf(element: HTMLElement): Overflow {
  const hidden = element.scrollWidth - element.clientWidth;
  if (hidden <= 1) return null;
  // scrollLeft is negative in right-to-left text; its size is what matters.
  const scrolled = Math.abs(element.scrollLeft);
  const atStart = scrolled <= 1;
  const atEnd = scrolled >= hidden - 1;
  return atStart ? 'end' : atEnd ? 'start' : 'both';
}

/**
 * A region that scrolls sideways when its content (a wide table, a chart) is wider than the
 * window. When it does, a shade on the hidden side and a line of text say so, for those who see
 * the shade and those who hear the text. The region can take focus, so the keyboard scrolls it.
 */
export function ScrollArea({ label, className, children }: { label: string; className?: string; children: ReactNode }) {
  const { t } = useTranslation();
  const viewport = useRef<HTMLDivElement>(null);
  const [overflow, setOverflow] = useState<Overflow>(null);

  useEffect(() => {
    const element = viewport.current;
    if (!element) return;
    const measure = () => setOverflow(overflowOf(element));
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    // The content grows when rows are added or the learner's language changes.
    for (const child of element.children) observer.observe(child);
    element.addEventListener('scroll', measure, { passive: true });
    measure();
    return () => {
      observer.disconnect();
      element.removeEventListener('scroll', measure);
    };
  }, []);

  return (
    <div className={className ? `scroll-area ${className}` : 'scroll-area'} data-overflow={overflow ?? undefined}>
      {overflow && (
        <p className="scroll-hint">
          <span aria-hidden="true">↔ </span>
          {t('lesson.scrollHint')}
        </p>
      )}
      <div className="scroll-area-shade">
        <div ref={viewport} className="scroll-area-viewport" tabIndex={0} role="region" aria-label={label}>
          {children}
        </div>
      </div>
    </div>
  );
}
