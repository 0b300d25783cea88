import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CertificateVerdictResult, CheckedFields, LearnApi } from '../../../../electron/contract/channels';
import { MAX_CHECKED_CERTIFICATE_BASE64 } from '../../../../electron/contract/certificate-channels';
import { errorMessage, UiProblem } from '../../api/error-message';
import { fileToBase64 } from '../../save-file';
import '../../styles/certificates.css';
import { formatPercent } from '../../i18n/format';
import { formatLongDate } from '../../i18n/format';
import { setPageTitle } from '../../branding';

type CheckState =
  | { step: 'idle' }
  | { step: 'checking'; fileName: string }
  | { step: 'done'; fileName: string; verdict: CertificateVerdictResult }
  | { step: 'failed'; error: unknown };

function Fields({ fields }: { fields: CheckedFields }) {
  const { t, i18n } = useTranslation();
  const date = (iso: string) => formatLongDate(iso, i18n.language);
  return (
    <dl className="certificate-facts">
      <dt>{t('certificates.learner')}</dt>
      <dd className="checked-learner">{fields.learnerName}</dd>
      <dt>{t('certificates.course')}</dt>
      <dd>{t('certificates.courseWithVersion', { title: fields.courseTitle, version: fields.courseVersion })}</dd>
      <dt>{t('certificates.completedOn')}</dt>
      <dd>{date(fields.completedAt)}</dd>
      {fields.hours !== null && (
        <>
          <dt>{t('certificates.hours')}</dt>
          <dd>{t('certificates.hoursValue', { count: fields.hours })}</dd>
        </>
      )}
      {fields.scores.map((score) => (
        <div key={score.title} className="certificate-fact-row">
          <dt>{score.title}</dt>
          <dd>
            {score.passMark === null
              ? t('certificates.score', { percent: formatPercent(score.percent, i18n.language) })
              : t('certificates.scoreWithPassMark', {
                  percent: formatPercent(score.percent, i18n.language),
                  passMark: formatPercent(score.passMark, i18n.language),
                })}
          </dd>
        </div>
      ))}
      <dt>{t('certificates.issuedBy')}</dt>
      <dd>
        {fields.issuerName}
        {fields.issuerUrl && ` (${fields.issuerUrl})`}
      </dd>
      <dt>{t('certificates.issuedOn')}</dt>
      <dd>{date(fields.issuedAt)}</dd>
      <dt>{t('certificates.code')}</dt>
      <dd>
        <code>{fields.verificationCode}</code>
      </dd>
      <dt>{t('certificates.issuerKey')}</dt>
      <dd>
        <code className="issuer-key">{fields.issuerId}</code>
      </dd>
    </dl>
  );
}

function Verdict({ verdict, fileName }: { verdict: CertificateVerdictResult; fileName: string }) {
  const { t } = useTranslation();
  const heading =
    verdict.status === 'valid'
      ? t('certificates.verdictValid')
      : verdict.status === 'page-unchecked'
        ? t('certificates.verdictPageUnchecked')
        : verdict.status === 'unknown-issuer'
          ? t('certificates.verdictUnknownIssuer')
          : verdict.status === 'tampered'
            ? t('certificates.verdictTampered')
            : t('certificates.verdictMalformed');
  const detail =
    verdict.status === 'valid'
      ? verdict.issuer === 'this-installation'
        ? t('certificates.validOwn')
        : t('certificates.validTrusted')
      : verdict.status === 'page-unchecked'
        ? t('certificates.pageUncheckedDetail', { learner: verdict.fields.learnerName, course: verdict.fields.courseTitle })
        : verdict.status === 'unknown-issuer'
          ? t('certificates.unknownIssuerDetail', { name: verdict.fields.issuerName })
          : verdict.status === 'tampered'
            ? verdict.printed
              ? t(`certificates.printedDiffers.${verdict.printed}`)
              : t('certificates.tamperedDetail')
            : t('certificates.malformedDetail', { reason: verdict.reason });
  return (
    <div className={`certificate-verdict verdict-${verdict.status}`} role={verdict.status === 'valid' ? 'status' : 'alert'}>
      <h2>{heading}</h2>
      <p className="verdict-file">{t('certificates.checkedFile', { name: fileName })}</p>
      <p>{detail}</p>
      {verdict.status !== 'malformed' && <Fields fields={verdict.fields} />}
    </div>
  );
}

/** "Check a certificate": any certificate file (PDF or Open Badges JSON), the same verdict as the command line. */
export default function CheckCertificatePage({ api }: { api: LearnApi }) {
  const { t } = useTranslation();
  const inputId = useId();
  const [state, setState] = useState<CheckState>({ step: 'idle' });
  useEffect(() => {
    setPageTitle(t('certificates.checkTitle'));
  }, [t]);

  const check = async (file: File) => {
    setState({ step: 'checking', fileName: file.name });
    try {
      if (Math.ceil(file.size / 3) * 4 > MAX_CHECKED_CERTIFICATE_BASE64) {
        setState({ step: 'failed', error: new UiProblem('certificates.tooLarge', { name: file.name }) });
        return;
      }
      const verdict = await api['certificates.check']({ contentBase64: await fileToBase64(file) });
      setState({ step: 'done', fileName: file.name, verdict });
    } catch (error) {
      setState({ step: 'failed', error });
    }
  };

  return (
    <section className="page check-certificate-page" aria-labelledby="check-title">
      <h1 id="check-title">{t('certificates.checkTitle')}</h1>
      <p className="lead">{t('certificates.checkIntro')}</p>
      <label className="button button-primary" htmlFor={inputId} aria-disabled={state.step === 'checking'}>
        {t('certificates.chooseFile')}
      </label>
      <input
        id={inputId}
        className="visually-hidden"
        type="file"
        accept=".pdf,.json,application/pdf,application/json"
        disabled={state.step === 'checking'}
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (file) void check(file);
        }}
      />
      <div aria-live="polite">
        {state.step === 'checking' && <p aria-busy="true">{t('certificates.checking', { name: state.fileName })}</p>}
        {state.step === 'failed' && (
          <p role="alert" className="install-error">
            {errorMessage(state.error, t)}
          </p>
        )}
      </div>
      {state.step === 'done' && <Verdict verdict={state.verdict} fileName={state.fileName} />}
    </section>
  );
}
