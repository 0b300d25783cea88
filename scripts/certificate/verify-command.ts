import fs from 'node:fs';
import { verifyCertificateBytes, type CertificateVerdict } from '../../electron/certificates/verify-certificate.js';
import type { CertificateFields } from '../../electron/certificates/credential-fields.js';
import { defaultDataFolder } from '../../electron/core/data-folder.js';
import { parseCommandArgs, UsageError, userPath, type Command } from '../course/cli-helpers.js';

/** Exit codes, so scripts can tell the verdicts apart. */
export const VERIFY_EXIT = { valid: 0, usage: 1, tampered: 2, malformed: 3, 'unknown-issuer': 4, 'page-unchecked': 5 } as const;

function fieldLines(fields: CertificateFields): string[] {
  const lines = [
    `  Learner:           ${fields.learnerName}`,
    `  Course:            ${fields.courseTitle} (version ${fields.courseVersion}, id ${fields.courseId})`,
    `  Completed:         ${fields.completedAt.slice(0, 10)}`,
    `  Study time:        ${fields.hours === null ? 'not stated' : `${fields.hours} h`}`,
  ];
  for (const score of fields.scores) {
    lines.push(
      `  Result:            ${score.title}: ${score.percent} %${score.passMark === null ? '' : ` (pass mark ${score.passMark} %)`}`,
    );
  }
  lines.push(
    `  Issued by:         ${fields.issuerName}${fields.issuerUrl ? ` (${fields.issuerUrl})` : ''}`,
    `  Issuer key:        ${fields.issuerId}`,
    `  Issued on:         ${fields.issuedAt.slice(0, 10)}`,
    `  Verification code: ${fields.verificationCode}`,
    `  Certificate id:    ${fields.certificateId}`,
  );
  return lines;
}

export function describeVerdict(verdict: CertificateVerdict): { lines: string[]; exitCode: number } {
  switch (verdict.status) {
    case 'valid':
      return {
        lines: [
          `VALID: signed by ${verdict.fields.issuerName}, ${verdict.issuer === 'this-installation' ? 'the issuer of this installation' : 'an issuer this installation trusts'}; nothing was changed since it was issued.`,
          ...fieldLines(verdict.fields),
        ],
        exitCode: VERIFY_EXIT.valid,
      };
    case 'page-unchecked':
      return {
        lines: [
          `PAGE NOT CHECKED: the page can't be checked (${verdict.reason}); the attached credential is valid for ${verdict.fields.learnerName}, "${verdict.fields.courseTitle}", signed by ${verdict.fields.issuerName}, ${verdict.issuer === 'this-installation' ? 'the issuer of this installation' : 'an issuer this installation trusts'}.`,
          'Rely on what the credential says (below), not on the printed page:',
          ...fieldLines(verdict.fields),
        ],
        exitCode: VERIFY_EXIT['page-unchecked'],
      };
    case 'unknown-issuer':
      return {
        lines: [
          `UNKNOWN ISSUER: the signature is intact, but "${verdict.fields.issuerName}" (${verdict.fields.issuerId}) is not an issuer this installation knows.`,
          'Trust it only if you know this key belongs to that organisation: npm run certificate -- trust <file>',
          ...fieldLines(verdict.fields),
        ],
        exitCode: VERIFY_EXIT['unknown-issuer'],
      };
    case 'tampered':
      return {
        lines: [`TAMPERED: ${verdict.reason}. Do not rely on what it says:`, ...fieldLines(verdict.fields)],
        exitCode: VERIFY_EXIT.tampered,
      };
    case 'malformed':
      return { lines: [`MALFORMED: ${verdict.reason}.`], exitCode: VERIFY_EXIT.malformed };
  }
}

export const verifyCommand: Command = {
  name: 'verify',
  summary: 'check a certificate (PDF or Open Badges JSON) and print what it says',
  help: `Usage: npm run certificate -- verify <file.pdf | file.json> [--data-dir <folder>]

Checks a certificate offline: that it is complete, that its signature matches its content, that
a PDF's printed page says exactly what its signed credential says, and that its issuer is this
installation or one it trusts (see the trust command). The data folder
(default: ${defaultDataFolder()}) says which issuers are known.

Exit code: 0 valid, 2 tampered, 3 malformed, 4 unknown issuer, 5 page not checked (the credential
is valid but the PDF was rewritten, so its page can't be compared), 1 wrong usage or unreadable file.`,
  async run(args) {
    const { positionals, values } = parseCommandArgs(args, { 'data-dir': { type: 'string' } });
    const [file] = positionals;
    if (!file || positionals.length > 1) throw new UsageError('give one certificate file');
    const dataDir = typeof values['data-dir'] === 'string' ? userPath(values['data-dir']) : defaultDataFolder();
    const path = userPath(file);
    if (!fs.existsSync(path) || !fs.statSync(path).isFile()) {
      console.error(`${file}: no such file.`);
      return VERIFY_EXIT.usage;
    }
    const verdict = await verifyCertificateBytes(fs.readFileSync(path), dataDir);
    const { lines, exitCode } = describeVerdict(verdict);
    (exitCode === 0 ? console.log : console.error)(lines.join('\n'));
    return exitCode;
  },
};
