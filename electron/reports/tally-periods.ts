import type { ReportScope } from './report-scope.js';

/**
 * Which tallies a report adds up. The course report's tallies (migration 13) and item analysis's
 * (migration 14) are both kept per UTC period of the attempt's start, in three spans: all time
 * (span 0, period ''), each month (span 1, 'YYYY-MM') and each day (span 2, 'YYYY-MM-DD').
 */

/** Tallies of one span whose periods fall in [from, before), compared as text. */
export interface TallyRange {
  span: 0 | 1 | 2;
  from: string;
  before: string;
}

/** The stored period before every date, and the one after ('~' sorts after every digit). */
const BEFORE_ALL = '';
const AFTER_ALL = '~';

const firstOfMonth = (month: string) => `${month}-01`;

function nextMonth(month: string): string {
  const [year, number] = month.split('-').map(Number) as [number, number];
  return number === 12
    ? `${String(year + 1).padStart(4, '0')}-01`
    : `${String(year).padStart(4, '0')}-${String(number + 1).padStart(2, '0')}`;
}

/**
 * The tallies that add up to the scope's whole UTC days (report-scope.ts): all time when the range
 * is open at both ends; else the months it covers whole, and the days before and after them.
 */
export function tallyRanges(scope: Pick<ReportScope, 'fromDay' | 'toDayBefore'>): TallyRange[] {
  const { fromDay, toDayBefore } = scope;
  if (fromDay === null && toDayBefore === null) return [{ span: 0, from: BEFORE_ALL, before: AFTER_ALL }];
  const startDay = fromDay ?? BEFORE_ALL;
  const endDay = toDayBefore ?? AFTER_ALL;
  // Whole months: from the first that starts on or after the first day, to the month of the day after the range.
  const firstMonth =
    fromDay === null ? BEFORE_ALL : fromDay.endsWith('-01') ? fromDay.slice(0, 7) : nextMonth(fromDay.slice(0, 7));
  const endMonth = toDayBefore === null ? AFTER_ALL : toDayBefore.slice(0, 7);
  if (firstMonth >= endMonth) return [{ span: 2, from: startDay, before: endDay }];
  const ranges: TallyRange[] = [{ span: 1, from: firstMonth, before: endMonth }];
  if (fromDay !== null && startDay < firstOfMonth(firstMonth))
    ranges.push({ span: 2, from: startDay, before: firstOfMonth(firstMonth) });
  if (toDayBefore !== null && firstOfMonth(endMonth) < endDay)
    ranges.push({ span: 2, from: firstOfMonth(endMonth), before: endDay });
  return ranges;
}
