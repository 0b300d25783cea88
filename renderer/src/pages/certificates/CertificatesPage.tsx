import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CertificateSummary, PaperSize } from '../../../../electron/contract/channels';
import { useSession } from '../../api/api-context';
import { errorMessage } from '../../api/error-message';
import { CHECK_CERTIFICATE_HREF, courseHref } from '../../router';
import { CourseRequirements } from '../CourseRequirements';
import { useCoreQuery } from '../../api/use-core-query';
import { saveBase64File } from '../../save-file';
import '../../styles/certificates.css';
import { formatLongDate } from '../../i18n/format';
import { setPageTitle } from '../../branding';

function CertificateCard({ certificate }: { certificate: CertificateSummary }) {
  const { t, i18n } = useTranslation();
  const { api, session } = useSession();
  const paperId = useId();
  const titleId = `certificate-${certificate.certificateId}`;
  const [paper, setPaper] = useState<PaperSize>('a4');
  const [status, setStatus] = useState<{ kind: 'idle' | 'busy' } | { kind: 'failed'; error: unknown }>({ kind: 'idle' });
  const date = (iso: string) => formatLongDate(iso, i18n.language);

  const exportAs = async (format: 'pdf' | 'json') => {
    setStatus({ kind: 'busy' });
    try {
      saveBase64File(await api['certificates.export']({ session, certificateId: certificate.certificateId, format, paper }));
      setStatus({ kind: 'idle' });
    } catch (error) {
      setStatus({ kind: 'failed', error });
    }
  };

  return (
    <li className="certificate-card" aria-labelledby={titleId}>
      <h2 id={titleId}>{certificate.courseTitle}</h2>
      <dl className="certificate-facts">
        <dt>{t('certificates.learner')}</dt>
        <dd>{certificate.learnerName}</dd>
        <dt>{t('certificates.completedOn')}</dt>
        <dd>{date(certificate.completedAt)}</dd>
        <dt>{t('certificates.version')}</dt>
        <dd>{certificate.courseVersion}</dd>
        <dt>{t('certificates.issuedBy')}</dt>
        <dd>{certificate.issuerName}</dd>
        <dt>{t('certificates.code')}</dt>
        <dd>
          <code>{certificate.verificationCode}</code>
        </dd>
      </dl>
      <div className="certificate-actions">
        <label htmlFor={paperId}>{t('certificates.paper')}</label>
        <select id={paperId} value={paper} onChange={(event) => setPaper(event.target.value as PaperSize)}>
          <option value="a4">{t('certificates.paperA4')}</option>
          <option value="letter">{t('certificates.paperLetter')}</option>
        </select>
        <button
          type="button"
          className="button button-primary"
          disabled={status.kind === 'busy'}
          aria-label={t('certificates.exportPdfFor', { title: certificate.courseTitle })}
          onClick={() => void exportAs('pdf')}
        >
          {t('certificates.exportPdf')}
        </button>
        <button
          type="button"
          className="button"
          disabled={status.kind === 'busy'}
          aria-label={t('certificates.exportJsonFor', { title: certificate.courseTitle })}
          onClick={() => void exportAs('json')}
        >
          {t('certificates.exportJson')}
        </button>
      </div>
      {status.kind === 'failed' && (
        <p role="alert" className="install-error">
          {errorMessage(status.error, t)}
        </p>
      )}
    </li>
  );
}

/** The learner's certificates, each exportable again as PDF or Open Badges JSON. */
export default function CertificatesPage() {
  const { t } = useTranslation();
  const { session } = useSession();
  const certificates = useCoreQuery('certificates.list', { session });
  const courses = useCoreQuery('catalog.list', { session });
  // Courses that offer a certificate and are not complete yet, the ones begun first.
  const onTheWay =
    courses.state === 'ready'
      ? courses.value
          .filter((course) => course.requirements.certificate && !course.mastered)
          .sort((a, b) => Number(b.resumeLessonId !== null) - Number(a.resumeLessonId !== null))
      : [];
  useEffect(() => {
    setPageTitle(t('certificates.title'));
  }, [t]);
  return (
    <section className="page certificates-page" aria-labelledby="certificates-title">
      <h1 id="certificates-title">{t('certificates.title')}</h1>
      <p className="lead">{t('certificates.intro')}</p>
      {certificates.state === 'loading' && <p aria-busy="true">…</p>}
      {certificates.state === 'failed' && <p role="alert">{certificates.message}</p>}
      {certificates.state === 'ready' &&
        (certificates.value.length === 0 ? (
          <p>{t('certificates.none')}</p>
        ) : (
          <ul className="certificate-list">
            {certificates.value.map((certificate) => (
              <CertificateCard key={certificate.certificateId} certificate={certificate} />
            ))}
          </ul>
        ))}
      {onTheWay.length > 0 && (
        <>
          <h2>{t('certificates.stillToDo')}</h2>
          <ul className="certificate-progress">
            {onTheWay.map((course) => (
              <li key={course.id} aria-labelledby={`to-do-${course.id}`}>
                <h3 id={`to-do-${course.id}`}>
                  <a href={courseHref(course.id)}>{course.title}</a>
                </h3>
                <CourseRequirements course={course} />
              </li>
            ))}
          </ul>
        </>
      )}
      <p>
        <a href={CHECK_CERTIFICATE_HREF}>{t('certificates.checkLink')}</a>
      </p>
    </section>
  );
}
