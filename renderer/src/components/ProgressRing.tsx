import { useTranslation } from 'react-i18next';
import { formatPercent } from '../intl-format';

const RADIUS = 15.9155; // a circumference of 100, so the dash length is the percentage

/** A course's share done as a ring with the number inside; the label names the course for screen readers. */
export function ProgressRing({ percent, label }: { percent: number; label: string }) {
  const { i18n } = useTranslation();
  const text = formatPercent(i18n.language, percent);
  return (
    <span className="progress-ring" role="img" aria-label={`${label}: ${text}`}>
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
        {text}
      </span>
    </span>
  );
}
