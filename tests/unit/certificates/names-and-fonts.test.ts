import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { certificateFileName } from '../../../electron/certificates/certificate-file-name.js';
import { unprintableCharacters } from '../../../electron/pdf/printable-text.js';
import { failure, ok } from '../../helpers/typed-core.js';
import { popplerText } from '../../helpers/poppler.js';
import { startCertificateCore } from './certificate-setup.js';

const GREEK = 'Αλέξανδρος Παπαδόπουλος';
const CYRILLIC = 'Йордан Іваненко';

describe('profile names: one form, and only what the fonts can print', () => {
  let setup: Awaited<ReturnType<typeof startCertificateCore>>;
  beforeEach(async () => {
    setup = await startCertificateCore('Núria Puig i Ferrà');
  });
  afterEach(() => setup.stop());

  it('stores names in NFC and finds an NFD twin as "there is already ...", on create and on rename', async () => {
    const decomposed = 'Ieva Ozolin\u0327a'; // "ņ" typed as n + combining cedilla
    const composed = 'Ieva Ozoliņa';
    expect(decomposed).not.toBe(composed);
    const created = await ok(setup.core, 'learners.create', { displayName: decomposed, language: 'en' });
    expect(created.displayName).toBe(composed);
    expect(setup.core.db.prepare('SELECT display_name FROM learners WHERE id = ?').pluck().get(created.id)).toBe(composed);

    const twin = await failure(setup.core, 'learners.create', { displayName: composed, language: 'en' });
    expect(twin).toMatchObject({ code: 'conflict', reason: 'profile.name-taken' });
    expect(twin.message).toContain(`There is already a profile called "${composed}"`);
    // Renaming another profile to the same name, typed the other way, is refused too.
    const renamed = await failure(setup.core, 'learners.update', {
      session: setup.session,
      displayName: decomposed.toUpperCase(),
    });
    expect(renamed).toMatchObject({ code: 'conflict', reason: 'profile.name-taken' });
  });

  it.each(['𝔸nna', 'Marta 😀', 'Jonas \u{1F1F1}\u{1F1F9}'])(
    'refuses "%s", whose characters no bundled font can draw',
    async (name) => {
      const refused = await failure(setup.core, 'learners.create', { displayName: name, language: 'en' });
      expect(refused).toMatchObject({ code: 'invalid-arguments', reason: 'profile.name-unprintable' });
      expect(refused.message).toContain('cannot print on a certificate');
      const unprintable = await unprintableCharacters(name);
      expect(refused.params?.characters).toBe(unprintable.join(' '));
      expect(unprintable.length).toBeGreaterThan(0);
    },
  );

  it('accepts Latin, Greek and Cyrillic names, all of which the bundled font draws', async () => {
    for (const name of ['Žaneta Čiurlionytė-Ķēniņa', 'Françoise Lefèvre-Dubœuf', GREEK, CYRILLIC, 'Ђорђе Đorđević']) {
      expect(await unprintableCharacters(name)).toEqual([]);
    }
  });
});

describe('certificate file names', () => {
  it('keep Greek and Cyrillic names in their own letters (never one placeholder for all) and transliterate Latin ones', () => {
    const of = (learnerName: string, verificationCode = 'AB12C-DE34F') =>
      certificateFileName({ courseId: 'sample', learnerName, verificationCode }, 'pdf');
    expect(of(GREEK)).toBe('certificate-sample-αλέξανδρος-παπαδόπουλος.pdf');
    expect(of(CYRILLIC)).toBe('certificate-sample-йордан-іваненко.pdf');
    expect(of('Ørjan Ødegård')).toBe('certificate-sample-orjan-odegard.pdf');
    expect(of('Núria Puig i Ferrà')).toBe('certificate-sample-nuria-puig-i-ferra.pdf');
    expect(of('..//\\:*?')).toBe('certificate-sample-ab12c-de34f.pdf');
    for (const name of [of(GREEK), of(CYRILLIC)]) expect(name).toMatch(/^certificate-sample-[\p{L}\p{N}-]+\.pdf$/u);
  });

  it.each([GREEK, CYRILLIC])(
    'an exported certificate of "%s" has its own file name and prints the name as written',
    async (name) => {
      const setup = await startCertificateCore(name);
      try {
        await setup.complete('done');
        const certificate = await setup.issue('done');
        const pdf = await setup.exportFile(certificate.certificateId, 'pdf');
        expect(pdf.fileName).not.toBe('certificate-done-learner.pdf');
        expect(pdf.fileName).toBe(`certificate-done-${name.toLocaleLowerCase().replace(' ', '-')}.pdf`);
        expect(popplerText(pdf.bytes).split('\n')).toContain(name);
      } finally {
        setup.stop();
      }
    },
  );
});
