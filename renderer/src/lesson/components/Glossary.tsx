import { useEffect, useId, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * `The <Glossary term="median">middle value when the values are sorted</Glossary> is robust.`:
 * the term reads as part of the sentence; activating it (click, Enter or Space) shows its
 * definition in a box just under it, over the text, so the sentence's line is not broken; Escape
 * or a click elsewhere hides it again.
 */
export function Glossary({ term, children }: { term: string; children?: ReactNode }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const definitionId = useId();
  const button = useRef<HTMLButtonElement>(null);
  const wrapper = useRef<HTMLSpanElement>(null);
  const definition = useRef<HTMLSpanElement>(null);
  // How far the box moves back towards the start so that it stays inside the window.
  const [shift, setShift] = useState(0);

  useLayoutEffect(() => {
    const box = definition.current;
    if (!open || !box) return;
    const room = document.documentElement.clientWidth - 8;
    const right = box.getBoundingClientRect().right + shift;
    setShift(Math.max(0, Math.ceil(right - room)));
    // Measured once per opening: the shift itself moves the box.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open]);

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
      <span
        ref={definition}
        id={definitionId}
        className="glossary-definition"
        role="note"
        hidden={!open}
        style={shift > 0 ? { insetInlineStart: `${-shift}px` } : undefined}
      >
        <strong>{term}:</strong> {children}
      </span>
    </span>
  );
}
