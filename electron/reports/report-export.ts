import type { CourseReport, ExportedReport, Language, ReportCellStatus } from '../contract/channels.js';

/**
 * The course table as a file a trainer opens in a spreadsheet: one row per learner and lesson or
 * quiz ("long" form, which filters and pivots well), with the headers and statuses in the
 * manager's language. CSV is UTF-8 with a byte order mark (so Excel reads accents right) and uses
 * `;` where the locale writes decimals with a comma, as spreadsheets there expect; XLSX carries
 * real numbers and dates.
 */

const LABELS = {
  en: {
    headers: ['Learner', 'Type', 'Item', 'Status', 'Best score (%)', 'Attempts', 'Time spent (minutes)', 'Last activity'],
    kinds: { lesson: 'Lesson', quiz: 'Quiz' },
    statuses: {
      'not-started': 'Not started',
      'in-progress': 'In progress',
      completed: 'Completed',
      passed: 'Passed',
      failed: 'Not passed yet',
    },
  },
  ca: {
    headers: [
      'Participant',
      'Tipus',
      'Element',
      'Estat',
      'Millor puntuació (%)',
      'Intents',
      'Temps dedicat (minuts)',
      'Darrera activitat',
    ],
    kinds: { lesson: 'Lliçó', quiz: 'Qüestionari' },
    statuses: {
      'not-started': 'No començat',
      'in-progress': 'En curs',
      completed: 'Completat',
      passed: 'Superat',
      failed: 'Encara no superat',
    },
  },
} satisfies Record<
  Language,
  { headers: string[]; kinds: Record<'lesson' | 'quiz', string>; statuses: Record<ReportCellStatus, string> }
>;

type ExportValue = string | number | Date | null;

/** The table as rows of values: the header row first. Minutes keep one decimal. */
export function reportExportRows(report: CourseReport, language: Language): ExportValue[][] {
  const labels = LABELS[language];
  const rows: ExportValue[][] = [labels.headers];
  for (const row of report.rows) {
    report.columns.forEach((column, index) => {
      const cell = row.cells[index];
      if (!cell) return;
      rows.push([
        row.displayName,
        labels.kinds[column.kind],
        column.title,
        labels.statuses[cell.status],
        cell.bestScorePercent,
        cell.attempts,
        Math.round(cell.timeSpentSeconds / 6) / 10,
        cell.lastActivityAt === null ? null : new Date(cell.lastActivityAt),
      ]);
    });
  }
  return rows;
}

/** Text a spreadsheet would run as a formula (a learner could name their profile "=HYPERLINK(...)"). */
const FORMULA_START = /^[=+\-@\t\r]/;

function csvField(value: ExportValue, separator: string, decimalComma: boolean): string {
  if (value === null) return '';
  if (typeof value === 'number') return decimalComma ? String(value).replace('.', ',') : String(value);
  // ISO 8601 without milliseconds: every spreadsheet reads it as a date and time.
  const text =
    value instanceof Date ? value.toISOString().replace(/\.\d{3}Z$/, 'Z') : FORMULA_START.test(value) ? `'${value}` : value;
  return text.includes(separator) || /["\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function reportCsv(report: CourseReport, language: Language, decimalComma: boolean): string {
  const separator = decimalComma ? ';' : ',';
  const lines = reportExportRows(report, language).map((row) =>
    row.map((value) => csvField(value, separator, decimalComma)).join(separator),
  );
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

export async function reportXlsx(report: CourseReport, language: Language): Promise<Buffer> {
  // Loaded on first use: most launches never export a report.
  const { default: writeXlsxFile } = await import('write-excel-file/node');
  const [headers = [], ...body] = reportExportRows(report, language);
  const data = [
    headers.map((value) => ({ value: String(value), fontWeight: 'bold' as const })),
    ...body.map((row) =>
      row.map((value) =>
        value === null
          ? null
          : value instanceof Date
            ? { value, type: Date, format: 'yyyy-mm-dd hh:mm' }
            : typeof value === 'number'
              ? { value, type: Number }
              : { value, type: String },
      ),
    ),
  ];
  return writeXlsxFile(data, { sheet: report.courseId }).toBuffer();
}

export function exportFileName(report: CourseReport, extension: 'csv' | 'xlsx', now = new Date()): string {
  return `aula-report-${report.courseId}-${now.toISOString().slice(0, 10)}.${extension}`;
}

export async function exportReport(
  report: CourseReport,
  format: 'csv' | 'xlsx',
  language: Language,
  decimalComma: boolean,
): Promise<ExportedReport> {
  if (format === 'csv') {
    return {
      fileName: exportFileName(report, 'csv'),
      mediaType: 'text/csv',
      base64: Buffer.from(reportCsv(report, language, decimalComma), 'utf8').toString('base64'),
    };
  }
  return {
    fileName: exportFileName(report, 'xlsx'),
    mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    base64: (await reportXlsx(report, language)).toString('base64'),
  };
}
