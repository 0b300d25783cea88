import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LearnApi, RecoveredWork, StartupNotice } from '../../../../electron/contract/channels';
import { formatDateTime } from '../../i18n/format';
import '../../styles/startup-notices.css';

/** What was salvaged from the damaged file, when anything was. */
function RecoveredWorkText({ notice }: { notice: { recovered?: RecoveredWork | undefined } }) {
  const { t, i18n } = useTranslation();
  const work = notice.recovered;
  if (!work) return null;
  const count = work.answers + work.attempts + work.lessons + work.exercises + work.canvases + work.certificates + work.profiles;
  const date = work.newestAt ? formatDateTime(work.newestAt, i18n.language) : '—';
  return <p>{t('startupNotice.recoveredBody', { count, date })}</p>;
}

function NoticeText({ notice }: { notice: StartupNotice }) {
  const { t, i18n } = useTranslation();
  switch (notice.kind) {
    case 'restored-from-backup': {
      const date = formatDateTime(notice.backupMadeAt, i18n.language);
      return (
        <>
          <h2 className="startup-notice-title">{t('startupNotice.restoredTitle')}</h2>
          <p>{t('startupNotice.restoredBody', { date })}</p>
          <RecoveredWorkText notice={notice} />
          <p>{t('startupNotice.damagedKept', { folder: notice.damagedFolder })}</p>
        </>
      );
    }
    case 'started-fresh':
      return (
        <>
          <h2 className="startup-notice-title">{t('startupNotice.freshTitle')}</h2>
          <p>{t('startupNotice.freshBody')}</p>
          <RecoveredWorkText notice={notice} />
          <p>{t('startupNotice.damagedKeptForRecovery', { folder: notice.damagedFolder })}</p>
        </>
      );
    case 'missing-with-backups':
      return (
        <>
          <h2 className="startup-notice-title">{t('startupNotice.missingTitle')}</h2>
          <p>{t('startupNotice.missingBody', { date: formatDateTime(notice.backupMadeAt, i18n.language) })}</p>
          <p>{t('startupNotice.missingWhere', { folder: notice.backupsFolder })}</p>
        </>
      );
    case 'older-than-last-write':
      return (
        <>
          <h2 className="startup-notice-title">{t('startupNotice.olderThanLastWriteTitle')}</h2>
          <p>
            {t('startupNotice.olderThanLastWriteBody', {
              date: formatDateTime(notice.lastWriteAt, i18n.language),
              since: notice.databaseNewestAt ? formatDateTime(notice.databaseNewestAt, i18n.language) : '—',
            })}
          </p>
        </>
      );
    case 'backup-failed':
      return (
        <>
          <h2 className="startup-notice-title">{t('startupNotice.backupFailedTitle')}</h2>
          <p>{t(notice.diskFull ? 'startupNotice.backupFailedDiskFull' : 'startupNotice.backupFailedOther')}</p>
        </>
      );
  }
}

/**
 * What the person must know about this start (their progress restored from a backup, a backup
 * that failed), on the first screen, until they say they have read it.
 */
export function StartupNotices({ api, notices }: { api: LearnApi; notices: StartupNotice[] }) {
  const { t } = useTranslation();
  const [dismissed, setDismissed] = useState<ReadonlySet<string>>(new Set());
  const shown = notices.filter((notice) => !dismissed.has(notice.id));
  if (shown.length === 0) return null;
  const dismiss = (id: string) => {
    setDismissed((before) => new Set([...before, id]));
    // The core forgets it too, so a reload or another window does not show it again.
    void api['app.dismissNotice']({ id }).catch(() => undefined);
  };
  return (
    <section className="startup-notices" aria-label={t('startupNotice.label')}>
      {shown.map((notice) => (
        <div
          key={notice.id}
          className={`startup-notice startup-notice-${notice.kind === 'restored-from-backup' ? 'info' : 'warning'}`}
          role="alert"
        >
          <NoticeText notice={notice} />
          <button type="button" className="button" onClick={() => dismiss(notice.id)}>
            {t('startupNotice.dismiss')}
          </button>
        </div>
      ))}
    </section>
  );
}
