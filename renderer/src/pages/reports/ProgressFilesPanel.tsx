import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProgressImportSummary } from '../../../../electron/contract/channels';
import { useSession } from '../../api/api-context';
import { errorMessage } from '../../api/error-message';
import { uploadProgressFile } from '../../api/learn-api-client';
import { useCoreQuery, useCoreQueryUpdates } from '../../api/use-core-query';
import { AFTER_LEARNERS_CHANGED, AFTER_RECORDS_CHANGED } from '../../api/what-changes';
import { KnownPcsPanel } from './KnownPcsPanel';
import { formatNumber } from './report-format';
import { saveBase64File } from '../../save-file';

/** Progress files travel as JSON; the media type only helps the browser save them. */
const PROGRESS_FILE_TYPE = 'application/json';

/** Whether the file's computer is new here, known, renamed, or shares its name with another known one. */
function PcStandingNote({ summary }: { summary: ProgressImportSummary }) {
  const { t } = useTranslation();
  const { kind, previousName, otherPcsWithName } = summary.pcStanding;
  const pc = summary.pcName;
  return (
    <>
      <p data-testid="import-pc-standing">
        {kind === 'this-pc'
          ? t('progressFiles.pcThis')
          : kind === 'new'
            ? t('progressFiles.pcNew', { pc })
            : previousName !== null
              ? t('progressFiles.pcRenamed', { pc, previous: previousName })
              : t('progressFiles.pcKnown', { pc })}
      </p>
      {otherPcsWithName > 0 && (
        <p className="report-name-clash" data-testid="import-pc-name-clash">
          {t('progressFiles.pcNameClash', { pc })}
        </p>
      )}
    </>
  );
}

/**
 * Progress files on a manager's reports page (docs/progress-files.md): this PC's name, exporting
 * everyone's (or the chosen group's) progress, and importing a file from another PC with a
 * summary of what was new.
 */
export function ProgressFilesPanel({ groupId }: { groupId: string }) {
  const { t, i18n } = useTranslation();
  const { api, session } = useSession();
  const nameId = useId();
  const fileId = useId();
  const identity = useCoreQuery('progressFiles.identity', { session });
  const queries = useCoreQueryUpdates();
  // What the manager typed; until they type, the saved name (so one arriving late never overwrites typing).
  const [typedName, setTypedName] = useState<string | null>(null);
  const pcName = typedName ?? (identity.state === 'ready' ? identity.value.pcName : '');
  const [nameSaved, setNameSaved] = useState(false);
  // The field waits for the saved name: typing into it while the name arrives mixed the two.
  const nameLoaded = identity.state === 'ready';
  const [busy, setBusy] = useState(false);
  const [summary, setSummary] = useState<ProgressImportSummary | null>(null);
  const [error, setError] = useState<unknown>(null);

  const saveName = () => {
    api['progressFiles.setPcName']({ session, name: pcName }).then(
      (saved) => {
        queries.set('progressFiles.identity', { session }, saved);
        setTypedName(saved.pcName);
        setNameSaved(true);
        setError(null);
      },
      (reason: unknown) => setError(reason),
    );
  };
  const exportProgress = () => {
    api['progressFiles.exportAll']({ session, ...(groupId ? { groupId } : {}) }).then(
      (file) => {
        setError(null);
        saveBase64File({ base64: file.base64, mediaType: PROGRESS_FILE_TYPE, fileName: file.fileName });
      },
      (reason: unknown) => setError(reason),
    );
  };
  const importFile = async (file: File) => {
    setBusy(true);
    setSummary(null);
    try {
      setSummary(await uploadProgressFile(file, session, () => undefined));
      setError(null);
      // New rows for the reports and the list of computers, maybe new learners.
      queries.invalidate(...AFTER_RECORDS_CHANGED, ...AFTER_LEARNERS_CHANGED);
    } catch (reason) {
      setError(reason);
    } finally {
      setBusy(false);
    }
  };
  const count = (value: number) => formatNumber(value, i18n.language);

  return (
    <section className="report-progress-files" aria-labelledby={`${fileId}-title`}>
      <h2 id={`${fileId}-title`}>{t('progressFiles.title')}</h2>
      <p className="hint-text">{t('progressFiles.intro')}</p>
      <form
        className="report-group-new"
        onSubmit={(event) => {
          event.preventDefault();
          saveName();
        }}
      >
        <label htmlFor={nameId}>{t('progressFiles.pcName')}</label>
        <input
          id={nameId}
          value={pcName}
          maxLength={80}
          required
          disabled={!nameLoaded}
          onChange={(event) => {
            setTypedName(event.target.value);
            setNameSaved(false);
          }}
        />
        <button type="submit" className="button button-small">
          {t('progressFiles.savePcName')}
        </button>
        {nameSaved && <span role="status">{t('progressFiles.pcNameSaved')}</span>}
      </form>
      <div className="report-actions">
        <button type="button" className="button" onClick={exportProgress}>
          {groupId ? t('progressFiles.exportGroup') : t('progressFiles.exportAll')}
        </button>
        <label className="button" htmlFor={fileId} aria-disabled={busy}>
          {busy ? t('progressFiles.importing') : t('progressFiles.import')}
        </label>
        <input
          id={fileId}
          className="visually-hidden"
          type="file"
          accept=".aulaprogress,application/json"
          disabled={busy}
          onChange={(event) => {
            const file = event.target.files?.[0];
            event.target.value = '';
            if (file) void importFile(file);
          }}
        />
      </div>
      {summary && (
        <div role="status" className="report-import-summary">
          <p>{t('progressFiles.importedTitle', { pc: summary.pcName })}</p>
          <PcStandingNote summary={summary} />
          <ul>
            <li>
              {t('progressFiles.summaryLearners', { new: count(summary.learners.new), known: count(summary.learners.known) })}
            </li>
            <li>
              {t('progressFiles.summaryAttempts', { new: count(summary.attempts.new), known: count(summary.attempts.known) })}
            </li>
            <li>
              {t('progressFiles.summaryOther', {
                new: count(summary.otherRecords.new),
                known: count(summary.otherRecords.known),
              })}
            </li>
          </ul>
        </div>
      )}
      {error !== null ? (
        <p role="alert">{errorMessage(error, t)}</p>
      ) : (
        identity.state === 'failed' && <p role="alert">{identity.message}</p>
      )}
      <KnownPcsPanel />
    </section>
  );
}
