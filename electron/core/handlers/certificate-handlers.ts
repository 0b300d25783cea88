import { certificateFileName } from '../../certificates/certificate-file-name.js';
import type { CertificateSummary, certificateChannels } from '../../contract/channels.js';
import {
  CertificateRefusal,
  certificatesOffered,
  checkEligibility,
  issueCertificate,
} from '../../certificates/issue-certificate.js';
import { findCertificate, findLatestCertificate, listCertificates, type StoredCertificate } from '../../db/certificates.js';
import { findLearner } from '../../db/learners.js';
import { ApiFailure } from '../api-failure.js';
import { requireCourseFor, requireLearner, type CoreDependencies } from '../core-context.js';
import type { HandlerGroup } from '../dispatch.js';

function summaryOf(certificate: StoredCertificate): CertificateSummary {
  return {
    certificateId: certificate.id,
    courseId: certificate.courseId,
    courseTitle: certificate.courseTitle,
    courseVersion: certificate.courseVersion,
    learnerName: certificate.learnerName,
    completedAt: certificate.completedAt,
    issuedAt: certificate.issuedAt,
    verificationCode: certificate.verificationCode,
    issuerName: certificate.issuerName,
  };
}

export function createCertificateHandlers(deps: CoreDependencies): HandlerGroup<typeof certificateChannels> {
  const { db, dataDir } = deps;
  const currentLearner = (session: string) => {
    const learner = findLearner(db, requireLearner(deps, session));
    if (!learner) {
      throw new ApiFailure('not-found', 'This learner profile does not exist (any more).', { reason: 'profile.not-found' });
    }
    return learner;
  };

  return {
    'certificates.list': ({ session }) => listCertificates(db, requireLearner(deps, session)).map(summaryOf),

    'certificates.status': ({ session, courseId }) => {
      const learner = currentLearner(session);
      const course = requireCourseFor(deps, learner.id, courseId);
      let eligible = true;
      try {
        checkEligibility(db, learner, course);
      } catch (error) {
        if (!(error instanceof CertificateRefusal)) throw error;
        eligible = false;
      }
      const latest = findLatestCertificate(db, learner.id, courseId, course.manifest.version);
      return {
        courseId,
        offered: certificatesOffered(course),
        eligible,
        certificate: latest ? summaryOf(latest) : null,
      };
    },

    'certificates.issue': async ({ session, courseId }) => {
      const learner = currentLearner(session);
      const course = requireCourseFor(deps, learner.id, courseId);
      return summaryOf(await issueCertificate(db, dataDir, learner, course));
    },

    'certificates.export': async ({ session, certificateId, format, paper }) => {
      const learner = currentLearner(session);
      const certificate = findCertificate(db, learner.id, certificateId);
      if (!certificate) {
        throw new ApiFailure('not-found', 'This certificate is not among your certificates.', {
          reason: 'certificate.not-found',
        });
      }
      if (format === 'json') {
        const pretty = `${JSON.stringify(JSON.parse(certificate.credentialJson), null, 2)}\n`;
        return {
          fileName: certificateFileName(certificate, 'json'),
          mediaType: 'application/json',
          base64: Buffer.from(pretty, 'utf8').toString('base64'),
        };
      }
      // PDF and verification libraries load on first use, keeping them out of Aula's start.
      const { renderCertificatePdf } = await import('../../certificates/certificate-pdf.js');
      const pdf = await renderCertificatePdf(certificate.credentialJson, certificate.qrPayload, {
        paper,
        language: learner.language,
      });
      return { fileName: certificateFileName(certificate, 'pdf'), mediaType: 'application/pdf', base64: pdf.toString('base64') };
    },

    'certificates.check': async ({ contentBase64 }) => {
      const { verifyCertificateBytes } = await import('../../certificates/verify-certificate.js');
      const verdict = await verifyCertificateBytes(Buffer.from(contentBase64, 'base64'), dataDir);
      if (verdict.status === 'malformed') return verdict;
      const { issuerLogo: _logo, ...fields } = verdict.fields;
      return { ...verdict, fields };
    },
  };
}
