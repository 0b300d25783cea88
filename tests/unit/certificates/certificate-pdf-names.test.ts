import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeTempDir } from '../../helpers/temp-dir.js';
import { ok } from '../../helpers/typed-core.js';
import { startCertificateCore } from './certificate-setup.js';

/** Names from the partner countries, with the letters that fonts most often lack. */
export const EUROPEAN_NAMES = [
  'Žaneta Čiurlionytė-Ķēniņa',
  'Núria Puig i Ferrà',
  'Åsa Lindqvist',
  'Łucja Wąsowska',
  'Ģirts Ūdris',
  'Ørjan Ødegård',
  'Françoise Lefèvre-Dubœuf',
];

/** Text of a PDF as Debian's pdftotext (poppler-utils) extracts it. */
export function pdfText(pdf: Buffer): string {
  const temp = makeTempDir();
  try {
    const file = path.join(temp.dir, 'certificate.pdf');
    fs.writeFileSync(file, pdf);
    return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  } finally {
    temp.remove();
  }
}

function pdfInfo(pdf: Buffer): string {
  const temp = makeTempDir();
  try {
    const file = path.join(temp.dir, 'certificate.pdf');
    fs.writeFileSync(file, pdf);
    return execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  } finally {
    temp.remove();
  }
}

describe('certificate PDF', () => {
  it.each(EUROPEAN_NAMES)('prints "%s" so that the extracted text equals the name exactly', async (name) => {
    const setup = await startCertificateCore(name);
    try {
      await setup.complete('done');
      const certificate = await setup.issue('done');
      const pdf = (await setup.exportFile(certificate.certificateId, 'pdf')).bytes;
      const lines = pdfText(pdf).split('\n');
      expect(lines).toContain(name);
      expect(lines).toContain(`Verification code: ${certificate.verificationCode}`);
    } finally {
      setup.stop();
    }
  });

  it('is one A4 landscape page by default and one US Letter landscape page on request, with the course and date', async () => {
    const setup = await startCertificateCore('Ģirts Ūdris');
    try {
      await setup.complete('done');
      const certificate = await setup.issue('done');
      const a4 = (await setup.exportFile(certificate.certificateId, 'pdf')).bytes;
      const letter = (await setup.exportFile(certificate.certificateId, 'pdf', 'letter')).bytes;
      expect(pdfInfo(a4)).toMatch(/Pages:\s+1\n/);
      expect(pdfInfo(a4)).toMatch(/Page size:\s+841\.89 x 595\.28 pts \(A4\)/);
      expect(pdfInfo(letter)).toMatch(/Pages:\s+1\n/);
      expect(pdfInfo(letter)).toMatch(/Page size:\s+792 x 612 pts \(letter\)/);
      const text = pdfText(a4);
      expect(text).toContain('Course done');
      expect(text).toContain('version 1.0.0');
      expect(text).toContain('1.5 hours of study');
      expect(text).toContain('Quiz q2: 50% (pass mark 50%)');
      // The date the certificate records, not today's: a run across midnight must not fail.
      const completedOn = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long' }).format(new Date(certificate.completedAt));
      expect(text).toContain(`Completed on ${completedOn}`);
    } finally {
      setup.stop();
    }
  });

  it("is printed in the learner's language", async () => {
    const setup = await startCertificateCore('Núria Puig i Ferrà');
    try {
      await ok(setup.core, 'learners.update', { session: setup.session, language: 'ca' });
      await setup.complete('done');
      const certificate = await setup.issue('done');
      const text = pdfText((await setup.exportFile(certificate.certificateId, 'pdf')).bytes);
      expect(text).toContain('Es certifica que');
      expect(text).toContain("1,5 hores d'estudi");
      expect(text).toContain(`Codi de verificació: ${certificate.verificationCode}`);
    } finally {
      setup.stop();
    }
  });

  it('picks the plural form of the language: 1,5 hours are "valandos" in Lithuanian', async () => {
    const setup = await startCertificateCore('Žaneta Čiurlionytė');
    try {
      await ok(setup.core, 'learners.update', { session: setup.session, language: 'lt' });
      await setup.complete('done');
      const certificate = await setup.issue('done');
      const text = pdfText((await setup.exportFile(certificate.certificateId, 'pdf')).bytes);
      expect(text).toContain('Patvirtinama, kad');
      expect(text).toContain('Mokymosi laikas: 1,5 valandos');
      expect(text).toMatch(/Quiz q2: 50\s%\s\(išlaikymo riba: 50\s%\)/);
    } finally {
      setup.stop();
    }
  });
});
