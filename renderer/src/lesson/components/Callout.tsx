import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export type CalloutKind = 'note' | 'tip' | 'warning';

/** A highlighted aside in a lesson: `<Callout kind="tip" title="...">text</Callout>`. */
export function Callout({ kind = 'note', title, children }: { kind?: CalloutKind; title?: string; children?: ReactNode }) {
  const { t } = useTranslation();
  const safeKind: CalloutKind = kind === 'tip' || kind === 'warning' ? kind : 'note';
  return (
    <aside className={`callout callout-${safeKind}`} aria-label={title ?? t(`callout.${safeKind}`)}>
      <p className="callout-title">{title ?? t(`callout.${safeKind}`)}</p>
      <div className="callout-body">{children}</div>
    </aside>
  );
}
