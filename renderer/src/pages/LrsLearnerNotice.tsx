import { createContext, useContext } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Where learning records go (the LRS host a manager set up, or null), and how to ask again. The
 * app asks at start, when a profile is closed, and when a manager saves the LRS settings, so the
 * notice follows the setting without a reload.
 */
export interface RecordsDestination {
  host: string | null;
  refresh: () => void;
}

export const RecordsDestinationContext = createContext<RecordsDestination>({ host: null, refresh: () => undefined });

/** Tells whoever uses this PC that their records leave it, and for where (docs/reports-and-records.md). */
export function LrsLearnerNotice() {
  const { t } = useTranslation();
  const { host } = useContext(RecordsDestinationContext);
  if (!host) return null;
  return (
    <p className="lrs-learner-notice" data-testid="lrs-learner-notice">
      {t('lrs.learnerNotice', { host })}
    </p>
  );
}
