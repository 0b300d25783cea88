import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProgressDay } from '../../../electron/contract/channels';
import { formatDate, formatDayMonth, formatList, formatNumber } from '../intl-format';

const WIDTH = 480;
const HEIGHT = 160;
const PAD = { left: 36, right: 12, top: 12, bottom: 28 };

const total = (day: ProgressDay) => day.lessonsCompleted + day.quizzesPassed + day.practicalDone;

/** "3 lessons completed, 1 quiz passed and 2 exercises and canvases done", leaving out what is zero. */
function useStepsDone() {
  const { t, i18n } = useTranslation();
  return (day: ProgressDay) => {
    const parts = [
      day.lessonsCompleted > 0 ? t('home.doneLessons', { count: day.lessonsCompleted }) : null,
      day.quizzesPassed > 0 ? t('home.doneQuizzes', { count: day.quizzesPassed }) : null,
      day.practicalDone > 0 ? t('home.donePractical', { count: day.practicalDone }) : null,
    ].filter((part): part is string => part !== null);
    return formatList(i18n.language, parts);
  };
}

/**
 * Steps done over time (lessons, quizzes, practical work), as a small hand-drawn SVG: no chart
 * library in the initial bundle. A single day is a sentence, not a one-dot chart. The same
 * figures are in a table for screen readers and for anyone who prefers numbers.
 */
export function ProgressChart({ days }: { days: ProgressDay[] }) {
  const { t, i18n } = useTranslation();
  const titleId = useId();
  const stepsDone = useStepsDone();
  const first = days[0];
  const last = days.at(-1);
  if (!first || !last) return null;
  const summary =
    first.date === last.date
      ? t('home.progressOn', { date: formatDate(i18n.language, last.date), done: stepsDone(last) })
      : t('home.progressSince', { from: formatDate(i18n.language, first.date), done: stepsDone(last) });
  if (days.length < 2) return <p className="progress-summary">{summary}</p>;

  const totals = days.map(total);
  const max = Math.max(1, ...totals);
  const innerWidth = WIDTH - PAD.left - PAD.right;
  const innerHeight = HEIGHT - PAD.top - PAD.bottom;
  const x = (index: number) => PAD.left + (index / (days.length - 1)) * innerWidth;
  const y = (value: number) => PAD.top + innerHeight - (value / max) * innerHeight;
  // A step line: progress stays level between the days something was done.
  const path = totals.map((value, index) => (index === 0 ? `M ${x(0)} ${y(value)}` : `H ${x(index)} V ${y(value)}`)).join(' ');

  return (
    <figure className="progress-chart">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-labelledby={titleId} className="progress-chart-svg">
        <title id={titleId}>{summary}</title>
        <line className="chart-axis" x1={PAD.left} y1={PAD.top + innerHeight} x2={WIDTH - PAD.right} y2={PAD.top + innerHeight} />
        <line className="chart-axis" x1={PAD.left} y1={PAD.top} x2={PAD.left} y2={PAD.top + innerHeight} />
        <text className="chart-label" x={PAD.left - 6} y={y(max) + 4} textAnchor="end">
          {formatNumber(i18n.language, max)}
        </text>
        <text className="chart-label" x={PAD.left - 6} y={y(0) + 4} textAnchor="end">
          {formatNumber(i18n.language, 0)}
        </text>
        <path className="chart-line" d={path} />
        {days.map((day, index) => (
          <circle key={day.date} className="chart-point" cx={x(index)} cy={y(total(day))} r={4}>
            <title>{`${formatDayMonth(i18n.language, day.date)}: ${stepsDone(day)}`}</title>
          </circle>
        ))}
        <text className="chart-label" x={x(0)} y={HEIGHT - 8} textAnchor="start">
          {formatDayMonth(i18n.language, first.date)}
        </text>
        <text className="chart-label" x={x(days.length - 1)} y={HEIGHT - 8} textAnchor="end">
          {formatDayMonth(i18n.language, last.date)}
        </text>
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
              <th scope="col">{t('home.chartPractical')}</th>
            </tr>
          </thead>
          <tbody>
            {days.map((day) => (
              <tr key={day.date}>
                <td>{formatDayMonth(i18n.language, day.date)}</td>
                <td>{formatNumber(i18n.language, day.lessonsCompleted)}</td>
                <td>{formatNumber(i18n.language, day.quizzesPassed)}</td>
                <td>{formatNumber(i18n.language, day.practicalDone)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
