import { exportCertificate } from '../../certificates/export-certificate.js';
import type { CertificateSummary, certificateChannels } from '../../contract/channels.js';
import {
  CertificateRefusal,
  certificatesOffered,
  checkEligibility,
  issueCertificate,
} from '../../certificates/issue-certificate.js';
import { findLatestCertificate, listCertificates, type StoredCertificate } from '../../db/certificates.js';
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

  return {
    'certificates.list': ({ session }) => listCertificates(db, requireLearner(deps, session).id).map(summaryOf),

    'certificates.status': ({ session, courseId }) => {
      const learner = requireLearner(deps, session);
      const course = requireCourseFor(deps, learner, courseId);
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
      const learner = requireLearner(deps, session);
      const course = requireCourseFor(deps, learner, courseId);
      return summaryOf(await issueCertificate(db, dataDir, learner, course));
    },

    'certificates.export': ({ session, certificateId, format, paper }) =>
      exportCertificate(db, requireLearner(deps, session), certificateId, format, paper),

    'certificates.check': async ({ contentBase64 }) => {
      const { verifyCertificateBytes } = await import('../../certificates/verify-certificate.js');
      const verdict = await verifyCertificateBytes(Buffer.from(contentBase64, 'base64'), dataDir);
      if (verdict.status === 'malformed') return verdict;
      const { issuerLogo: _logo, ...fields } = verdict.fields;
      return { ...verdict, fields };
    },
  };
}
