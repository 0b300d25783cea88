/** A learner's own certificate as a file to save: the signed credential (JSON) or its printable PDF. */
import type { CertificateFormat, ExportedCertificate, Learner, PaperSize } from '../contract/channels.js';
import { findCertificate } from '../db/certificates.js';
import type { Db } from '../db/open-database.js';
import { DomainRefusal } from '../domain/domain-refusal.js';
import { certificateFileName } from './certificate-file-name.js';

/** Only the learner's own certificates: another's id reads as one they do not have. */
export async function exportCertificate(
  db: Db,
  learner: Learner,
  certificateId: string,
  format: CertificateFormat,
  paper: PaperSize,
): Promise<ExportedCertificate> {
  const certificate = findCertificate(db, learner.id, certificateId);
  if (!certificate) {
    throw new DomainRefusal('not-found', 'This certificate is not among your certificates.', {
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
  const { renderCertificatePdf } = await import('./certificate-pdf.js');
  const pdf = await renderCertificatePdf(certificate.credentialJson, certificate.qrPayload, {
    paper,
    language: learner.language,
  });
  return { fileName: certificateFileName(certificate, 'pdf'), mediaType: 'application/pdf', base64: pdf.toString('base64') };
}
