import './sql.css';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExerciseSubmission } from '../../../../../electron/contract/channels';
import { TableView } from '../DataTable';
import { SubmissionResult, SubmitStatus } from '../exercise/SubmissionResult';
import type { ExerciseOf, SubmitState } from '../exercise/use-exercise';
import { createSqlEditor } from './sql-editor';
import { SqlRunner, type RunOutcome } from './sql-runner';
import { startLessonSqlWorker } from './start-lesson-sql-worker';

export interface SqlWorkbenchProps {
  exercise: ExerciseOf<'sql'>;
  submission: ExerciseSubmission | null;
  submitState: SubmitState;
  onSubmit: (query: string) => Promise<unknown>;
}

function RunResult({ outcome }: { outcome: RunOutcome }) {
  const { t } = useTranslation();
  if (!outcome.ok) {
    const message =
      outcome.reason === 'timeout'
        ? t('sql.outcome.timeout', { seconds: outcome.seconds })
        : outcome.reason === 'too-many-rows'
          ? t('sql.outcome.tooManyRows', { limit: outcome.limit })
          : t('sql.outcome.error', { message: outcome.message });
    return (
      <p role="alert" className="sql-run-error">
        {message}
      </p>
    );
  }
  if (outcome.columns.length === 0) return <p role="status">{t('sql.noResult')}</p>;
  return (
    <>
      <p role="status">{t('sql.rowsReturned', { count: outcome.rows.length })}</p>
      <TableView
        table={{ columns: outcome.columns.map((name) => ({ name, type: 'text' })), rows: outcome.rows }}
        caption={t('sql.resultCaption')}
      />
    </>
  );
}

/** The SQL exercise's editor, its own runs in the browser, and grading in the core. Loaded on demand. */
export default function SqlWorkbench({ exercise, submission, submitState, onSubmit }: SqlWorkbenchProps) {
  const { t } = useTranslation();
  const editorHost = useRef<HTMLDivElement>(null);
  const initial = submission?.answer.type === 'sql' ? submission.answer.query : exercise.starterQuery;
  const [query, setQuery] = useState(initial);
  const queryRef = useRef(initial);
  const [running, setRunning] = useState(false);
  const [outcome, setOutcome] = useState<RunOutcome | null>(null);
  const runner = useMemo(() => new SqlRunner(startLessonSqlWorker), []);
  const runRef = useRef<() => void>(() => {});

  const run = async () => {
    setRunning(true);
    try {
      setOutcome(await runner.run(exercise.tables, queryRef.current));
    } finally {
      setRunning(false);
    }
  };
  useEffect(() => {
    runRef.current = () => void run();
  });

  const label = `${t('sql.editorLabel')}. ${t('sql.help')}`;
  const placeholderText = t('sql.placeholder');
  useEffect(() => {
    const host = editorHost.current;
    if (!host) return;
    const view = createSqlEditor({
      host,
      doc: queryRef.current,
      label,
      placeholderText,
      schema: Object.fromEntries(exercise.tables.map((table) => [table.name, table.columns.map((column) => column.name)])),
      onRun: () => runRef.current(),
      onChange: (text) => {
        queryRef.current = text;
        setQuery(text);
      },
    });
    return () => view.destroy();
  }, [exercise.tables, label, placeholderText]);
  useEffect(() => () => runner.stop(), [runner]);

  const shown = submission?.answer.type === 'sql' && submission.answer.query === query ? submission : null;
  const empty = query.trim() === '';
  return (
    <div className="sql-workbench">
      <div className="sql-tables">
        <p>{t('sql.tables')}</p>
        <ul>
          {exercise.tables.map((table) => (
            <li key={table.name}>
              <details>
                <summary>
                  <code>{table.name}</code> ({table.columns.map((column) => column.name).join(', ')})
                </summary>
                <TableView table={table} caption={t('sql.tableCaption', { name: table.name, file: table.file })} />
              </details>
            </li>
          ))}
        </ul>
      </div>
      <div ref={editorHost} className="sql-editor" />
      <p className="sql-help">{t('sql.help')}</p>
      <div className="question-actions">
        <button type="button" className="button" disabled={running || empty} onClick={() => void run()}>
          {running ? t('sql.running') : t('sql.run')}
        </button>{' '}
        <button
          type="button"
          className="button button-primary"
          disabled={submitState.state === 'saving' || empty}
          onClick={() => void onSubmit(queryRef.current)}
        >
          {submitState.state === 'saving' ? t('exercise.saving') : t('exercise.check')}
        </button>
      </div>
      <div className="sql-result">{outcome && <RunResult outcome={outcome} />}</div>
      <SubmitStatus state={submitState} />
      {shown && <SubmissionResult submission={shown} />}
    </div>
  );
}
