/**
 * The file name a certificate is saved under: the course and the learner's name in characters any
 * file system accepts. Latin letters lose their accents (núria → nuria); Greek, Cyrillic and other
 * scripts keep their own letters (Αλέξανδρος → αλέξανδρος), so two learners never share a name
 * like "certificate-sample-learner.pdf". The certificate itself keeps the name exactly.
 */

const LATIN_SPECIALS: Record<string, string> = { ø: 'o', ł: 'l', æ: 'ae', œ: 'oe', ß: 'ss', đ: 'd', ð: 'd', þ: 'th', ı: 'i' };
const MAX_NAME_LENGTH = 60;

function latinToAscii(letter: string): string {
  return LATIN_SPECIALS[letter] ?? letter.normalize('NFKD').replace(/\p{M}/gu, '');
}

/** The learner's name as a file-name part: lower case, letters and digits joined by dashes. */
export function fileNamePart(name: string): string {
  let out = '';
  for (const character of name.normalize('NFC').toLocaleLowerCase('und')) {
    if (/\p{Script=Latin}/u.test(character)) out += latinToAscii(character);
    else if (/[\p{L}\p{N}]/u.test(character)) out += character;
    else out += '-';
  }
  const joined = out.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '');
  return [...joined].slice(0, MAX_NAME_LENGTH).join('').replace(/-+$/, '');
}

export function certificateFileName(
  certificate: { courseId: string; learnerName: string; verificationCode: string },
  extension: 'pdf' | 'json',
): string {
  // A name with no letter or digit at all still gets a name of its own: the certificate's code.
  const who = fileNamePart(certificate.learnerName) || certificate.verificationCode.toLowerCase();
  return `certificate-${certificate.courseId}-${who}.${extension === 'json' ? 'credential.json' : 'pdf'}`;
}
