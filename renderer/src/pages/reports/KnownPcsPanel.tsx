import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KnownPc } from '../../../../electron/contract/channels';
import { useSession } from '../../api/api-context';
import { errorMessage } from '../../api/error-message';
import { useCoreQuery, useCoreQueryUpdates } from '../../api/use-core-query';
import { formatNumber, formatWhen } from './report-format';

/**
 * The computers progress files were imported from, remembered by their key
 * (docs/progress-files.md): a manager sees each one's names and dates, blocks one whose files
 * should no longer be accepted, or forgets one. An import invalidates the list (AFTER_RECORDS_CHANGED).
 */
export function KnownPcsPanel() {
  const { t, i18n } = useTranslation();
  const { api, session } = useSession();
  const titleId = useId();
  const pcs = useCoreQuery('progressFiles.knownPcs', { session });
  const queries = useCoreQueryUpdates();
  const [error, setError] = useState<unknown>(null);

  const act = (call: Promise<KnownPc[]>) => {
    call.then(
      (next) => {
        queries.set('progressFiles.knownPcs', { session }, next);
        setError(null);
      },
      (reason: unknown) => setError(reason),
    );
  };

  return (
    <section className="report-known-pcs" aria-labelledby={titleId}>
      <h3 id={titleId}>{t('knownPcs.title')}</h3>
      <p className="hint-text">{t('knownPcs.intro')}</p>
      {pcs.state === 'failed' && <p role="alert">{pcs.message}</p>}
      {pcs.state === 'ready' && pcs.value.length === 0 && <p className="hint-text">{t('knownPcs.none')}</p>}
      {pcs.state === 'ready' && pcs.value.length > 0 && (
        <div className="report-table-wrap">
          <table className="report-table" aria-labelledby={titleId}>
            <thead>
              <tr>
                <th scope="col">{t('knownPcs.name')}</th>
                <th scope="col">{t('knownPcs.learners')}</th>
                <th scope="col">{t('knownPcs.firstImport')}</th>
                <th scope="col">{t('knownPcs.lastImport')}</th>
                <th scope="col">{t('knownPcs.files')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('knownPcs.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {pcs.value.map((pc) => (
                <tr key={pc.pcId}>
                  <th scope="row">
                    {pc.lastName}
                    {pc.firstName !== pc.lastName && (
                      <span className="report-from-pc">{t('knownPcs.firstSeenAs', { name: pc.firstName })}</span>
                    )}
                    <span className="report-from-pc">{t('knownPcs.key', { key: pc.pcId })}</span>
                  </th>
                  <td>{formatNumber(pc.learners, i18n.language)}</td>
                  <td>{formatWhen(pc.firstImportedAt, i18n.language)}</td>
                  <td>{formatWhen(pc.lastImportedAt, i18n.language)}</td>
                  <td>
                    {pc.blockedAt
                      ? t('knownPcs.blocked', { when: formatWhen(pc.blockedAt, i18n.language) })
                      : t('knownPcs.accepted')}
                  </td>
                  <td>
                    <div className="report-known-pc-actions">
                      <button
                        type="button"
                        className={`button button-small${pc.blockedAt ? '' : ' button-danger'}`}
                        onClick={() => act(api['progressFiles.blockPc']({ session, pcId: pc.pcId, blocked: !pc.blockedAt }))}
                      >
                        {pc.blockedAt ? t('knownPcs.unblock', { name: pc.lastName }) : t('knownPcs.block', { name: pc.lastName })}
                      </button>
                      <button
                        type="button"
                        className="button button-small"
                        onClick={() => act(api['progressFiles.forgetPc']({ session, pcId: pc.pcId }))}
                      >
                        {t('knownPcs.forget', { name: pc.lastName })}
                      </button>
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {error !== null && <p role="alert">{errorMessage(error, t)}</p>}
    </section>
  );
}
