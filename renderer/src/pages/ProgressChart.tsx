import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProgressDay } from '../../../electron/contract/channels';
import { formatShortDay } from '../i18n/format';

const WIDTH = 480;
const HEIGHT = 160;
const PAD = { left: 32, right: 12, top: 12, bottom: 28 };

/**
 * Steps done over time (lessons completed plus quizzes passed), as a small hand-drawn SVG: no
 * chart library in the initial bundle. The same figures are in a table for screen readers and
 * for anyone who prefers numbers.
 */
export function ProgressChart({ days }: { days: ProgressDay[] }) {
  const { t, i18n } = useTranslation();
  const titleId = useId();
  const formatDay = (date: string) => formatShortDay(`${date}T12:00:00`, i18n.language);
  const totals = days.map((day) => day.lessonsCompleted + day.quizzesPassed);
  const max = Math.max(1, ...totals);
  const innerWidth = WIDTH - PAD.left - PAD.right;
  const innerHeight = HEIGHT - PAD.top - PAD.bottom;
  const x = (index: number) => PAD.left + (days.length === 1 ? innerWidth / 2 : (index / (days.length - 1)) * innerWidth);
  const y = (value: number) => PAD.top + innerHeight - (value / max) * innerHeight;
  // A step line: progress stays level between the days something was done.
  const path = totals.map((total, index) => (index === 0 ? `M ${x(0)} ${y(total)}` : `H ${x(index)} V ${y(total)}`)).join(' ');
  const first = days[0];
  const last = days.at(-1);
  if (!first || !last) return null;
  const summary = t('home.chartSummary', {
    lessons: last.lessonsCompleted,
    quizzes: last.quizzesPassed,
    from: formatDay(first.date),
    to: formatDay(last.date),
  });

  return (
    <figure className="progress-chart">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-labelledby={titleId} className="progress-chart-svg">
        <title id={titleId}>{summary}</title>
        <line className="chart-axis" x1={PAD.left} y1={PAD.top + innerHeight} x2={WIDTH - PAD.right} y2={PAD.top + innerHeight} />
        <line className="chart-axis" x1={PAD.left} y1={PAD.top} x2={PAD.left} y2={PAD.top + innerHeight} />
        <text className="chart-label" x={PAD.left - 6} y={y(max) + 4} textAnchor="end">
          {max}
        </text>
        <text className="chart-label" x={PAD.left - 6} y={y(0) + 4} textAnchor="end">
          0
        </text>
        <path className="chart-line" d={path} />
        {days.map((day, index) => (
          <circle key={day.date} className="chart-point" cx={x(index)} cy={y(day.lessonsCompleted + day.quizzesPassed)} r={4} />
        ))}
        <text className="chart-label" x={x(0)} y={HEIGHT - 8} textAnchor={days.length === 1 ? 'middle' : 'start'}>
          {formatDay(first.date)}
        </text>
        {days.length > 1 && (
          <text className="chart-label" x={x(days.length - 1)} y={HEIGHT - 8} textAnchor="end">
            {formatDay(last.date)}
          </text>
        )}
      </svg>
      <figcaption>{summary}</figcaption>
      <details className="chart-table">
        <summary>{t('home.chartAsTable')}</summary>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('home.chartDate')}</th>
              <th scope="col">{t('home.chartLessons')}</th>
              <th scope="col">{t('home.chartQuizzes')}</th>
            </tr>
          </thead>
          <tbody>
            {days.map((day) => (
              <tr key={day.date}>
                <td>{formatDay(day.date)}</td>
                <td>{day.lessonsCompleted}</td>
                <td>{day.quizzesPassed}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
