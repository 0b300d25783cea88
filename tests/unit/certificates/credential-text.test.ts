import { describe, expect, it } from 'vitest';
import { credentialText, type CredentialText } from '../../../electron/certificates/credential-text.js';
import { SUPPORTED_LANGUAGES } from '../../../electron/contract/channels.js';

/** Every sentence of a language's credential words, filled with a title, a version and a count. */
const sentences = (text: CredentialText) => [
  text.description('Títol', '2.1.0'),
  text.passedFinal('Títol', false),
  text.passedFinal('Títol', true),
  text.passedSome(7, false),
  text.passedSome(7, true),
  text.passedEvery(false),
  text.passedEvery(true),
  text.openedEvery,
  text.courseStatus,
  text.studyHours,
];

describe("a credential's words per language", () => {
  const english = sentences(credentialText('en'));

  it.each(SUPPORTED_LANGUAGES.filter((language) => language !== 'en'))('%s has its own words for every sentence', (language) => {
    const own = sentences(credentialText(language));
    own.forEach((sentence, index) => expect(sentence).not.toBe(english[index]));
    // The title, version and count reach the sentence; the rule with lessons says more than without.
    expect(own[0]).toContain('Títol');
    expect(own[0]).toContain('2.1.0');
    expect(own[1]).toContain('Títol');
    expect(own[3]).toContain('7');
    expect(own[2]!.length).toBeGreaterThan(own[1]!.length);
    expect(own[6]!.length).toBeGreaterThan(own[5]!.length);
  });

  it('falls back to English for a course language Aula has no words for, and reads regional codes as unknown', () => {
    expect(sentences(credentialText('de'))).toEqual(english);
    expect(sentences(credentialText('pt-BR'))).toEqual(english);
  });
});
