import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LrsStatus } from '../../../../electron/contract/channels';
import { useSession } from '../../api/api-context';
import { errorMessage } from '../../api/error-message';
import { formatWhen } from './report-format';
import { useCoreQuery, useCoreQueryUpdates } from '../../api/use-core-query';
import { saveFile } from '../../save-file';

function LrsState({ status }: { status: LrsStatus }) {
  const { t, i18n } = useTranslation();
  return (
    <dl className="lrs-state" aria-live="polite">
      <dt>{t('lrs.waitingLabel')}</dt>
      <dd data-testid="lrs-waiting">{t('lrs.waiting', { count: status.waiting })}</dd>
      <dt>{t('lrs.lastSent')}</dt>
      <dd>{status.lastSentAt ? formatWhen(status.lastSentAt, i18n.language) : t('lrs.never')}</dd>
      {status.lastError && (
        <>
          <dt>{t('lrs.lastError')}</dt>
          <dd>
            <div role="alert" data-testid="lrs-last-error">
              <strong>{t(`lrs.problem.${status.lastError.problem}`)}</strong>{' '}
              <span className="hint-text">
                ({formatWhen(status.lastError.at, i18n.language)}: {status.lastError.detail})
              </span>
              {status.nextTryAt && <span> {t('lrs.nextTry', { when: formatWhen(status.nextTryAt, i18n.language) })}</span>}
            </div>
          </dd>
        </>
      )}
    </dl>
  );
}

/**
 * A manager connects this PC to a Learning Record Store: the address, key and secret, what is
 * waiting, the last error, "send now" and the outbox as a file. The secret is typed in only; the
 * core never sends it back (an empty field keeps the stored one).
 */
export function LrsPanel() {
  const { t } = useTranslation();
  const { api, session } = useSession();
  const queries = useCoreQueryUpdates();
  const formId = useId();
  const status = useCoreQuery('lrs.status', { session });
  const [endpoint, setEndpoint] = useState<string | null>(null);
  const [key, setKey] = useState<string | null>(null);
  const [secret, setSecret] = useState('');
  const [iriBase, setIriBase] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  // The form waits for the stored settings, so what is typed is never mixed with what arrives.
  const current = status.state === 'ready' ? status.value : null;
  const endpointValue = endpoint ?? current?.endpoint ?? '';
  const keyValue = key ?? current?.key ?? '';
  // The default base (a URN) shows as an empty field: only an organisation's own https base is typed.
  const iriBaseValue = iriBase ?? (current && current.iriBase.startsWith('https:') ? current.iriBase : '');

  const act = (call: () => Promise<LrsStatus>) => {
    setBusy(true);
    call()
      .then((next) => {
        queries.set('lrs.status', { session }, next);
        setError(null);
        setSecret('');
      })
      .catch((reason: unknown) => setError(reason))
      .finally(() => setBusy(false));
  };
  const save = () =>
    act(async () => {
      const next = await api['lrs.configure']({
        session,
        endpoint: endpointValue.trim() ? endpointValue.trim() : null,
        key: keyValue,
        ...(secret ? { secret } : {}),
        iriBase: iriBaseValue.trim() || null,
      });
      // The learners' notice names the LRS host: it follows the setting at once.
      queries.invalidate('app.info');
      return next;
    });
  const exportOutbox = () => {
    api['lrs.exportOutbox']({ session })
      .then((file) => saveFile(file.json, 'application/json', file.fileName))
      .catch((reason: unknown) => setError(reason));
  };

  return (
    <details className="developer-options report-lrs">
      <summary>{t('lrs.title')}</summary>
      <p className="hint-text">{t('lrs.intro')}</p>
      <form
        className="lrs-form"
        onSubmit={(event) => {
          event.preventDefault();
          save();
        }}
      >
        <label>
          <span>{t('lrs.endpoint')}</span>
          <input
            type="url"
            value={endpointValue}
            disabled={current === null}
            placeholder="https://lrs.example.org/xAPI/"
            onChange={(event) => setEndpoint(event.target.value)}
          />
        </label>
        <label>
          <span>{t('lrs.key')}</span>
          <input
            value={keyValue}
            autoComplete="off"
            disabled={current === null}
            onChange={(event) => setKey(event.target.value)}
          />
        </label>
        <label>
          <span>{t('lrs.secret')}</span>
          <input
            type="password"
            value={secret}
            autoComplete="new-password"
            placeholder={current?.secretSet ? t('lrs.secretKept') : ''}
            onChange={(event) => setSecret(event.target.value)}
          />
        </label>
        <label>
          <span>{t('lrs.iriBase')}</span>
          <input
            type="url"
            value={iriBaseValue}
            disabled={current === null}
            placeholder="https://example.org/xapi/aula/"
            aria-describedby={`${formId}-iri-hint`}
            onChange={(event) => setIriBase(event.target.value)}
          />
        </label>
        <p className="hint-text" id={`${formId}-iri-hint`}>
          {t('lrs.iriBaseHint')}
        </p>
        <button type="submit" className="button" disabled={busy || current === null}>
          {t('lrs.save')}
        </button>
      </form>
      {current && !current.endpoint && <p className="hint-text">{t('lrs.notSet')}</p>}
      {current && <LrsState status={current} />}
      <div className="report-actions">
        <button
          type="button"
          className="button"
          disabled={busy || !current?.endpoint}
          onClick={() => act(() => api['lrs.sendNow']({ session }))}
        >
          {t('lrs.sendNow')}
        </button>
        <button type="button" className="button" onClick={exportOutbox}>
          {t('lrs.export')}
        </button>
      </div>
      <p className="hint-text">{t('lrs.exportHint')}</p>
      <p className="hint-text">{t('lrs.privacy')}</p>
      {error !== null && <p role="alert">{errorMessage(error, t)}</p>}
    </details>
  );
}
