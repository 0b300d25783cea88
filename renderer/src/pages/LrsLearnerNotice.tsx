import { useTranslation } from 'react-i18next';
import { useCoreQuery } from '../api/use-core-query';

/**
 * Tells whoever uses this PC that their records leave it, and for where (docs/reports-and-records.md).
 * The host comes with `app.info` at start; it is asked again when a manager saves the LRS settings
 * and when a profile is closed (both invalidate `app.info`), so the notice follows the setting
 * without a reload.
 */
export function LrsLearnerNotice() {
  const { t } = useTranslation();
  const info = useCoreQuery('app.info', {}, { staleMs: Infinity });
  const host = info.state === 'ready' ? info.value.learningRecordsSentTo : null;
  if (!host) return null;
  return (
    <p className="lrs-learner-notice" data-testid="lrs-learner-notice">
      {t('lrs.learnerNotice', { host })}
    </p>
  );
}
