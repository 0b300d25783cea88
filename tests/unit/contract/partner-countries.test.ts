import { describe, expect, it } from 'vitest';
import { countryOfLanguage, orderCountryEntries } from '../../../electron/contract/partner-countries.js';

const ENTRIES = { es: 'Spain: AEPD', ca: 'Catalonia: APDCAT', be: 'Belgium: APD/GBA', se: 'Sweden: IMY' };

describe('InYourCountry entries', () => {
  it('maps each interface language to the partner country its readers most likely work in', () => {
    expect(['es', 'ca', 'it', 'fr', 'nl', 'lv', 'lt', 'sv'].map(countryOfLanguage)).toEqual([
      'es',
      'ca',
      'it',
      'be',
      'be',
      'lv',
      'lt',
      'se',
    ]);
    expect(countryOfLanguage('ca-ES')).toBe('ca');
    expect(countryOfLanguage('en')).toBeUndefined();
  });

  it("puts the learner's own country first and keeps the rest in a fixed order", () => {
    const { own, others } = orderCountryEntries(ENTRIES, 'nl');
    expect(own).toEqual({ country: 'be', text: 'Belgium: APD/GBA' });
    expect(others.map((entry) => entry.country)).toEqual(['es', 'ca', 'se']);
  });

  it('shows every entry behind the disclosure when the language has no country, or its country no entry', () => {
    expect(orderCountryEntries(ENTRIES, 'en').own).toBeUndefined();
    expect(orderCountryEntries(ENTRIES, 'en').others).toHaveLength(4);
    expect(orderCountryEntries(ENTRIES, 'lv').own).toBeUndefined();
    expect(orderCountryEntries({ ...ENTRIES, it: '   ' }, 'it').own).toBeUndefined();
  });
});
