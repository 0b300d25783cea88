import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../api/api-context';
import { errorMessage } from '../../api/error-message';
import { useCoreMutation, useCoreQuery } from '../../api/use-core-query';
import { CERTIFICATES_HREF } from '../../router';

/**
 * Offered beside a completed course (home page and catalog): issues the certificate in the core,
 * which checks the completion rule again, then points to the list where it can be exported.
 */
export function CertificateOffer({ courseId, courseTitle }: { courseId: string; courseTitle: string }) {
  const { t } = useTranslation();
  const { session } = useSession();
  const [state, setState] = useState<{ step: 'idle' | 'busy' | 'done' } | { step: 'failed'; error: unknown }>({
    step: 'idle',
  });
  const status = useCoreQuery('certificates.status', { session, courseId });
  // The list of certificates, and this offer wherever else it shows, follow the new certificate.
  const issueCertificate = useCoreMutation('certificates.issue', ['certificates.']);
  const issue = async () => {
    setState({ step: 'busy' });
    try {
      await issueCertificate({ session, courseId });
      setState({ step: 'done' });
    } catch (error) {
      setState({ step: 'failed', error });
    }
  };
  if (status.state !== 'ready' || !status.value.offered || !status.value.eligible) return null;
  const ready = state.step === 'done' || status.value.certificate !== null;
  return (
    <div className="certificate-offer">
      {ready ? (
        <p role="status">
          {t('certificates.ready', { title: courseTitle })}{' '}
          <a className="button button-primary" href={CERTIFICATES_HREF}>
            {t('certificates.openList')}
          </a>
        </p>
      ) : (
        <button
          type="button"
          className="button button-primary"
          disabled={state.step === 'busy'}
          aria-label={t('certificates.getFor', { title: courseTitle })}
          onClick={() => void issue()}
        >
          {state.step === 'busy' ? t('certificates.issuing') : t('certificates.get')}
        </button>
      )}
      {state.step === 'failed' && (
        <p role="alert" className="install-error">
          {errorMessage(state.error, t)}
        </p>
      )}
    </div>
  );
}
