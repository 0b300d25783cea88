import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * `The <Glossary term="median">middle value when the values are sorted</Glossary> is robust.`:
 * the term reads as part of the sentence; activating it (click, Enter or Space) shows its
 * definition right after it, and Escape hides it again.
 */
export function Glossary({ term, children }: { term: string; children?: ReactNode }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const definitionId = useId();
  const button = useRef<HTMLButtonElement>(null);
  const wrapper = useRef<HTMLSpanElement>(null);

  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        setOpen(false);
        button.current?.focus();
      }
    };
    const onPointer = (event: PointerEvent) => {
      if (wrapper.current && !wrapper.current.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onPointer);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onPointer);
    };
  }, [open]);

  return (
    <span className="glossary" ref={wrapper}>
      <button
        ref={button}
        type="button"
        className="glossary-term"
        aria-expanded={open}
        aria-controls={definitionId}
        title={t('glossary.show')}
        onClick={() => setOpen((value) => !value)}
      >
        {term}
      </button>
      <span id={definitionId} className="glossary-definition" role="note" hidden={!open}>
        <strong>{term}:</strong> {children}
      </span>
    </span>
  );
}
