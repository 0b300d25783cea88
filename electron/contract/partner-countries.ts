/**
 * The partner countries (and Catalonia) an `<InYourCountry>` callout can have an entry for, and
 * which of them a learner whose interface is in a given language most likely works in. Belgium is
 * the country for both French and Dutch; English maps to none, so English readers see every entry
 * behind the disclosure.
 */
export const PARTNER_COUNTRIES = ['es', 'ca', 'it', 'be', 'lv', 'lt', 'se'] as const;
export type PartnerCountry = (typeof PARTNER_COUNTRIES)[number];

const COUNTRY_OF_LANGUAGE: Record<string, PartnerCountry> = {
  es: 'es',
  ca: 'ca',
  it: 'it',
  fr: 'be',
  nl: 'be',
  lv: 'lv',
  lt: 'lt',
  sv: 'se',
};

/** `ca-ES` counts as `ca`: only the language part of a tag decides. */
export function countryOfLanguage(language: string): PartnerCountry | undefined {
  return COUNTRY_OF_LANGUAGE[language.toLowerCase().split('-')[0] ?? ''];
}

/**
 * Splits a callout's entries into the one for the learner's country (if it has one) and the
 * others, in the fixed order of PARTNER_COUNTRIES so every learner finds them in the same place.
 */
export function orderCountryEntries(
  entries: Partial<Record<PartnerCountry, string>>,
  language: string,
): { own: { country: PartnerCountry; text: string } | undefined; others: { country: PartnerCountry; text: string }[] } {
  const present = PARTNER_COUNTRIES.flatMap((country) => {
    const text = entries[country]?.trim();
    return text ? [{ country, text }] : [];
  });
  const mine = countryOfLanguage(language);
  return { own: present.find((entry) => entry.country === mine), others: present.filter((entry) => entry.country !== mine) };
}
