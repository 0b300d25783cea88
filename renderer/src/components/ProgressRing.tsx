import { useTranslation } from 'react-i18next';
import { formatPercent } from '../intl-format';

const RADIUS = 15.9155; // a circumference of 100, so the dash length is the percentage

/** A course's share done as a ring with the number inside; screen readers hear "45% complete". */
export function ProgressRing({ percent }: { percent: number }) {
  const { t, i18n } = useTranslation();
  return (
    <span className="progress-ring">
      <svg viewBox="0 0 36 36" aria-hidden="true" focusable="false">
        <circle className="progress-ring-track" cx="18" cy="18" r={RADIUS} />
        {percent > 0 && (
          <circle
            className="progress-ring-value"
            cx="18"
            cy="18"
            r={RADIUS}
            strokeDasharray={`${percent} ${100 - percent}`}
            strokeDashoffset="25"
          />
        )}
      </svg>
      <span className="progress-ring-text" aria-hidden="true">
        {formatPercent(i18n.language, percent)}
      </span>
      <span className="visually-hidden">{t('catalog.percentComplete', { percent: formatPercent(i18n.language, percent) })}</span>
    </span>
  );
}
