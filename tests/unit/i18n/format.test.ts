/**
 * The interface writes numbers, percentages, dates and lists as each of its languages does. The
 * expected strings are written by hand from each language's conventions, not computed with Intl.
 */
import { createInstance } from 'i18next';
import { describe, expect, it } from 'vitest';
import {
  formatList,
  formatLongDate,
  formatNumber,
  formatPercent,
  formatShortDay,
  numbersInLanguage,
} from '../../../renderer/src/i18n/format.js';
import { ambiguousNumber, decimalSeparator } from '../../../renderer/src/i18n/typed-number.js';

// Intl separates French and Swedish thousands and percent signs with (narrow) no-break spaces.
const plainSpaces = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('interface formatting', () => {
  it('writes a decimal comma in every language but English', () => {
    expect(formatNumber(12.5, 'en')).toBe('12.5');
    for (const language of ['ca', 'es', 'it', 'fr', 'nl', 'lv', 'lt', 'sv'])
      expect(formatNumber(12.5, language), language).toBe('12,5');
  });

  it('groups thousands as each language does', () => {
    expect(formatNumber(12345.5, 'en')).toBe('12,345.5');
    expect(formatNumber(12345.5, 'ca')).toBe('12.345,5');
    expect(plainSpaces(formatNumber(12345.5, 'fr'))).toBe('12 345,5');
    expect(plainSpaces(formatNumber(12345.5, 'sv'))).toBe('12 345,5');
  });

  it('writes percentages with or without a space before the sign, as the language does', () => {
    expect(formatPercent(87.5, 'en')).toBe('87.5%');
    expect(plainSpaces(formatPercent(87.5, 'ca'))).toBe('87,5 %');
    expect(plainSpaces(formatPercent(87.5, 'fr'))).toBe('87,5 %');
    expect(formatPercent(60, 'nl')).toBe('60%');
    expect(formatPercent(60, 'it')).toBe('60%');
  });

  it('writes dates in full as each language does', () => {
    const day = '2026-12-07T10:00:00Z';
    expect(formatLongDate(day, 'en')).toBe('7 December 2026'); // British English, for European readers
    expect(formatLongDate(day, 'ca')).toBe('7 de desembre del 2026');
    expect(formatLongDate(day, 'es')).toBe('7 de diciembre de 2026');
    expect(formatLongDate(day, 'it')).toBe('7 dicembre 2026');
    expect(formatLongDate(day, 'fr')).toBe('7 décembre 2026');
    expect(formatLongDate(day, 'nl')).toBe('7 december 2026');
    expect(formatLongDate(day, 'lv')).toBe('2026. gada 7. decembris');
    expect(formatLongDate(day, 'lt')).toBe('2026 m. gruodžio 7 d.');
    expect(formatLongDate(day, 'sv')).toBe('7 december 2026');
    expect(formatShortDay(day, 'ca')).toBe('7 de des.');
  });

  it('joins lists with the language’s own "and"', () => {
    expect(formatList(['a', 'b', 'c'], 'en')).toBe('a, b and c');
    expect(formatList(['a', 'b', 'c'], 'ca')).toBe('a, b i c');
    expect(formatList(['a', 'b', 'c'], 'lt')).toBe('a, b ir c');
    expect(formatList(['a', 'b', 'c'], 'sv')).toBe('a, b och c');
  });
});

describe('numbers in translated sentences', () => {
  it('writes every number put into a sentence in that sentence’s language, and leaves text alone', async () => {
    const i18next = createInstance();
    await i18next.use(numbersInLanguage).init({
      lng: 'en',
      interpolation: { escapeValue: false, alwaysFormat: true },
      resources: {
        en: { translation: { points: '({{score}} of {{max}} points) {{title}}' } },
        ca: { translation: { points: '({{score}} de {{max}} punts) {{title}}' } },
      },
    });
    expect(i18next.t('points', { score: 1.5, max: 1250, title: 'v1.2' })).toBe('(1.5 of 1,250 points) v1.2');
    expect(i18next.t('points', { lng: 'ca', score: 1.5, max: 1250, title: 'v1.2' })).toBe('(1,5 de 1.250 punts) v1.2');
  });
});

describe('typed numbers', () => {
  it('knows each language’s decimal separator', () => {
    expect(decimalSeparator('en')).toBe('.');
    for (const language of ['ca', 'es', 'it', 'fr', 'nl', 'lv', 'lt', 'sv'])
      expect(decimalSeparator(language), language).toBe(',');
  });

  it('asks about a single "other" separator before exactly three digits, and only then', () => {
    expect(ambiguousNumber('1.234', 'ca')).toEqual({ whole: '1234', decimal: '1,234' });
    expect(ambiguousNumber(' 12,500 ', 'en')).toEqual({ whole: '12500', decimal: '12.500' });
    // The reader's own separator, other digit counts and both separators are clear.
    for (const [typed, language] of [
      ['1,234', 'ca'],
      ['1.234', 'en'],
      ['10.5', 'ca'],
      ['10,25', 'en'],
      ['1.234,5', 'es'],
      ['1234', 'fr'],
      ['1.2345', 'lt'],
    ] as const) {
      expect(ambiguousNumber(typed, language), `${typed} in ${language}`).toBeNull();
    }
  });
});
