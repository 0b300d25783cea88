import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CourseReport, ReportCell, ReportColumn } from '../../../../electron/contract/channels';
import { useSession } from '../../api/api-context';
import { errorMessage } from '../../api/error-message';
import { learnerReportHref } from '../../router';
import { useCoreQuery } from '../../api/use-core-query';
import { ScrollArea } from '../../lesson/components/layout/ScrollArea';
import { GroupsPanel } from './GroupsPanel';
import { ProgressFilesPanel } from './ProgressFilesPanel';
import { LrsPanel } from './LrsPanel';
import { formatDuration, formatPercent, formatWhen, readerLanguage, usesDecimalComma } from './report-format';
import { saveBase64File } from '../../save-file';
import '../../styles/reports.css';

// Observable Plot is big: it loads only when a trainer opens a quiz's item analysis.
const QuizAnalysisView = lazy(() => import('./QuizAnalysisView'));

export interface ReportFilterState {
  courseId: string;
  groupId: string;
  from: string;
  to: string;
}

/** The filters as channel arguments: empty fields are left out. */
export function filterArgs(filters: ReportFilterState) {
  return {
    courseId: filters.courseId,
    ...(filters.groupId ? { groupId: filters.groupId } : {}),
    ...(filters.from ? { from: filters.from } : {}),
    ...(filters.to ? { to: filters.to } : {}),
  };
}

function CellView({ cell, column }: { cell: ReportCell; column: ReportColumn }) {
  const { t, i18n } = useTranslation();
  const status = t(`reports.status.${cell.status}`);
  return (
    <td className={`report-cell report-${cell.status}`}>
      <span className="report-status">{status}</span>
      {column.kind === 'quiz' && cell.bestScorePercent !== null && (
        <span className="report-detail">{formatPercent(cell.bestScorePercent, i18n.language)}</span>
      )}
      {column.kind === 'quiz' && cell.attempts !== null && (
        <span className="report-detail">{t('reports.attempts', { count: cell.attempts })}</span>
      )}
      {cell.timeSpentSeconds > 0 && <span className="report-detail">{formatDuration(cell.timeSpentSeconds, i18n.language)}</span>}
    </td>
  );
}

function CourseTable({ report, onQuiz }: { report: CourseReport; onQuiz: (quizId: string) => void }) {
  const { t, i18n } = useTranslation();
  return (
    <ScrollArea className="report-table-wrap" label={t('reports.tableCaption', { course: report.courseTitle })}>
      <table className="report-table">
        <caption>{t('reports.tableCaption', { course: report.courseTitle })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('reports.learner')}</th>
            {report.columns.map((column) => (
              <th scope="col" key={`${column.kind}/${column.id}`} className={`report-column-${column.kind}`}>
                {column.kind === 'quiz' ? (
                  <button type="button" className="link-button" onClick={() => onQuiz(column.id)}>
                    {column.title}
                  </button>
                ) : (
                  column.title
                )}
              </th>
            ))}
            <th scope="col">{t('reports.totalTime')}</th>
            <th scope="col">{t('reports.lastActivity')}</th>
          </tr>
        </thead>
        <tbody>
          {report.rows.map((row) => (
            <tr key={row.learnerId}>
              <th scope="row">
                <a href={learnerReportHref(row.learnerId)}>{row.displayName}</a>
                {row.fromPc !== null && <span className="report-from-pc">{t('progressFiles.fromPc', { pc: row.fromPc })}</span>}
              </th>
              {row.cells.map((cell, index) => {
                const column = report.columns[index];
                return column ? <CellView key={`${column.kind}/${column.id}`} cell={cell} column={column} /> : null;
              })}
              <td>{formatDuration(row.timeSpentSeconds, i18n.language)}</td>
              <td>{row.lastActivityAt ? formatWhen(row.lastActivityAt, i18n.language) : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollArea>
  );
}

/** A manager's reports: the course table with filters, item analysis per quiz, exports and groups. */
export default function ReportsPage() {
  const { t, i18n } = useTranslation();
  const { api, session } = useSession();
  const courses = useCoreQuery('catalog.list', { session });
  // Asked again, with the report, when groups change or records come in (AFTER_RECORDS_CHANGED).
  const groups = useCoreQuery('groups.list', { session });
  const [filters, setFilters] = useState<ReportFilterState>({ courseId: '', groupId: '', from: '', to: '' });
  const [quizId, setQuizId] = useState<string | null>(null);
  const [exportError, setExportError] = useState<unknown>(null);

  const courseId = filters.courseId || (courses.state === 'ready' ? (courses.value[0]?.id ?? '') : '');
  const args = filterArgs({ ...filters, courseId });
  const key = JSON.stringify(args);
  const language = readerLanguage(i18n.language);
  // Another language is another report (its titles); no course yet, no report.
  const report = useCoreQuery('reports.course', courseId ? { session, ...args, language } : null);

  const exportAs = (format: 'csv' | 'xlsx') => {
    api['reports.export']({
      session,
      ...args,
      format,
      language,
      decimalComma: usesDecimalComma(i18n.language),
    }).then(
      (file) => {
        setExportError(null);
        saveBase64File({ base64: file.base64, mediaType: file.mediaType, fileName: file.fileName });
      },
      (error: unknown) => setExportError(error),
    );
  };
  const set = (change: Partial<ReportFilterState>) => {
    setQuizId(null);
    setFilters({ ...filters, courseId, ...change });
  };

  return (
    <section className="reports-page" aria-labelledby="reports-title">
      <h1 id="reports-title">{t('reports.title')}</h1>
      <p className="hint-text">{t('reports.intro')}</p>
      {courses.state === 'failed' && <p role="alert">{courses.message}</p>}
      <form className="report-filters" onSubmit={(event) => event.preventDefault()}>
        <label>
          <span>{t('reports.course')}</span>
          <select value={courseId} onChange={(event) => set({ courseId: event.target.value })}>
            {courses.state === 'ready' &&
              courses.value.map((course) => (
                <option key={course.id} value={course.id}>
                  {course.title}
                </option>
              ))}
          </select>
        </label>
        <label>
          <span>{t('reports.group')}</span>
          <select value={filters.groupId} onChange={(event) => set({ groupId: event.target.value })}>
            <option value="">{t('reports.everyone')}</option>
            {groups.state === 'ready' &&
              groups.value.map((group) => (
                <option key={group.id} value={group.id}>
                  {group.name}
                </option>
              ))}
          </select>
        </label>
        <label>
          <span>{t('reports.from')}</span>
          <input type="date" value={filters.from} onChange={(event) => set({ from: event.target.value })} />
        </label>
        <label>
          <span>{t('reports.to')}</span>
          <input type="date" value={filters.to} onChange={(event) => set({ to: event.target.value })} />
        </label>
      </form>
      <div className="report-actions">
        <button type="button" className="button" disabled={!courseId} onClick={() => exportAs('csv')}>
          {t('reports.exportCsv')}
        </button>
        <button type="button" className="button" disabled={!courseId} onClick={() => exportAs('xlsx')}>
          {t('reports.exportXlsx')}
        </button>
      </div>
      {exportError !== null && <p role="alert">{errorMessage(exportError, t)}</p>}
      {report.state === 'loading' && <p aria-busy="true">{t('reports.loading')}</p>}
      {report.state === 'failed' && <p role="alert">{report.message}</p>}
      {report.state === 'ready' && <CourseTable report={report.value} onQuiz={setQuizId} />}
      {quizId && courseId && (
        <Suspense fallback={<p aria-busy="true">{t('reports.loading')}</p>}>
          <QuizAnalysisView key={`${key}/${quizId}`} args={{ ...args, quizId }} onClose={() => setQuizId(null)} />
        </Suspense>
      )}
      <GroupsPanel />
      {/* An import brings new rows into the table: reading the report again shows them. */}
      <ProgressFilesPanel groupId={filters.groupId} />
      <LrsPanel />
    </section>
  );
}
