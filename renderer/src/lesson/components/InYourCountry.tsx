import { useTranslation } from 'react-i18next';
import { orderCountryEntries, type PartnerCountry } from '../../../../electron/contract/partner-countries';

type Entries = Partial<Record<PartnerCountry, string>>;

/**
 * Country-specific notes beside a general rule:
 * `<InYourCountry title="In your country" others="Other countries" es="..." it="..." />`.
 * The entry for the country that matches the learner's interface language comes first, the rest
 * sit behind a disclosure. All text comes from the lesson, so it is translated with the course.
 */
export function InYourCountry({
  title = 'In your country',
  others: othersLabel = 'Other countries',
  ...entries
}: Entries & { title?: string; others?: string }) {
  const { i18n } = useTranslation();
  const { own, others } = orderCountryEntries(entries, i18n.language);
  if (!own && others.length === 0) return null;
  return (
    <aside className="callout callout-note in-your-country" aria-label={title}>
      <p className="callout-title">{title}</p>
      {own && <p className="callout-body">{own.text}</p>}
      {others.length > 0 && (
        <details className="in-your-country-others">
          <summary>{othersLabel}</summary>
          <ul>
            {others.map((entry) => (
              <li key={entry.country}>{entry.text}</li>
            ))}
          </ul>
        </details>
      )}
    </aside>
  );
}
