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
  es: {
    headers: [
      'Participante',
      'Tipo',
      'Elemento',
      'Estado',
      'Mejor puntuación (%)',
      'Intentos',
      'Tiempo dedicado (minutos)',
      'Última actividad',
    ],
    kinds: { lesson: 'Lección', quiz: 'Cuestionario' },
    statuses: {
      'not-started': 'Sin empezar',
      'in-progress': 'En curso',
      completed: 'Completado',
      passed: 'Aprobado',
      failed: 'Aún no aprobado',
    },
  },
  it: {
    headers: [
      'Partecipante',
      'Tipo',
      'Elemento',
      'Stato',
      'Punteggio migliore (%)',
      'Tentativi',
      'Tempo dedicato (minuti)',
      'Ultima attività',
    ],
    kinds: { lesson: 'Lezione', quiz: 'Quiz' },
    statuses: {
      'not-started': 'Non iniziato',
      'in-progress': 'In corso',
      completed: 'Completato',
      passed: 'Superato',
      failed: 'Non ancora superato',
    },
  },
  fr: {
    headers: [
      'Apprenant',
      'Type',
      'Élément',
      'Statut',
      'Meilleur score (%)',
      'Tentatives',
      'Temps passé (minutes)',
      'Dernière activité',
    ],
    kinds: { lesson: 'Leçon', quiz: 'Quiz' },
    statuses: {
      'not-started': 'Pas commencé',
      'in-progress': 'En cours',
      completed: 'Terminé',
      passed: 'Réussi',
      failed: 'Pas encore réussi',
    },
  },
  nl: {
    headers: [
      'Cursist',
      'Soort',
      'Onderdeel',
      'Status',
      'Beste score (%)',
      'Pogingen',
      'Bestede tijd (minuten)',
      'Laatste activiteit',
    ],
    kinds: { lesson: 'Les', quiz: 'Quiz' },
    statuses: {
      'not-started': 'Niet begonnen',
      'in-progress': 'Bezig',
      completed: 'Voltooid',
      passed: 'Gehaald',
      failed: 'Nog niet gehaald',
    },
  },
  lv: {
    headers: [
      'Dalībnieks',
      'Veids',
      'Elements',
      'Statuss',
      'Labākais rezultāts (%)',
      'Mēģinājumi',
      'Patērētais laiks (minūtes)',
      'Pēdējā aktivitāte',
    ],
    kinds: { lesson: 'Nodarbība', quiz: 'Tests' },
    statuses: {
      'not-started': 'Nav sākts',
      'in-progress': 'Notiek',
      completed: 'Pabeigts',
      passed: 'Nokārtots',
      failed: 'Vēl nav nokārtots',
    },
  },
  lt: {
    headers: [
      'Besimokantysis',
      'Tipas',
      'Elementas',
      'Būsena',
      'Geriausias rezultatas (%)',
      'Bandymai',
      'Sugaištas laikas (minutėmis)',
      'Paskutinė veikla',
    ],
    kinds: { lesson: 'Pamoka', quiz: 'Testas' },
    statuses: {
      'not-started': 'Nepradėta',
      'in-progress': 'Vyksta',
      completed: 'Baigta',
      passed: 'Išlaikyta',
      failed: 'Dar neišlaikyta',
    },
  },
  sv: {
    headers: ['Deltagare', 'Typ', 'Moment', 'Status', 'Bästa resultat (%)', 'Försök', 'Tid (minuter)', 'Senaste aktivitet'],
    kinds: { lesson: 'Lektion', quiz: 'Quiz' },
    statuses: {
      'not-started': 'Inte påbörjad',
      'in-progress': 'Pågår',
      completed: 'Klar',
      passed: 'Godkänd',
      failed: 'Inte godkänd än',
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
