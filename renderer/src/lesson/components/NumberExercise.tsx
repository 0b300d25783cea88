import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { parseWrittenNumber } from '../../../../electron/contract/data-values';
import { errorMessage, UiProblem } from '../../api/error-message';
import { ambiguousNumber } from '../../i18n/typed-number';
import { useCsvTable } from '../data/use-csv-table';
import { TableView, type ColumnLabels } from './DataTable';
import { ExerciseFrame } from './exercise/ExerciseFrame';
import { SubmissionResult, SubmitStatus } from './exercise/SubmissionResult';
import { useExercise, type ExerciseOf } from './exercise/use-exercise';

function DataBeside({ file, labels }: { file: string; labels?: ColumnLabels }) {
  const { t } = useTranslation();
  const csv = useCsvTable(file);
  if (csv.state === 'loading') return <p aria-busy="true">{t('dataTable.loading')}</p>;
  if (csv.state === 'failed') return <p role="alert">{t('dataTable.loadError', { file, message: csv.message })}</p>;
  return <TableView table={csv.table} caption={t('numberExercise.data', { file })} labels={labels} />;
}

function NumberForm({
  exercise,
  handle,
  labels,
}: {
  exercise: ExerciseOf<'number'>;
  handle: ReturnType<typeof useExercise<'number'>>;
  labels?: ColumnLabels;
}) {
  const { t, i18n } = useTranslation();
  const inputId = useId();
  const problemId = useId();
  const { submission, submitState, submit } = handle;
  const [value, setValue] = useState(submission?.answer.type === 'number' ? submission.answer.value : '');
  const [problem, setProblem] = useState<UiProblem | null>(null);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    // Checked here first, with the core's own rules, so the message is in the learner's language.
    if (parseWrittenNumber(value, exercise.unit) === null) {
      setProblem(new UiProblem('numberExercise.notANumber'));
      return;
    }
    const readings = ambiguousNumber(value, i18n.language);
    if (readings) {
      setProblem(new UiProblem('quiz.numberAmbiguous', { value: value.trim(), ...readings }));
      return;
    }
    setProblem(null);
    await submit({ type: 'number', value: value.trim() });
  };
  const shown = submission?.answer.type === 'number' && submission.answer.value === value.trim() ? submission : null;

  return (
    <form onSubmit={(event) => void onSubmit(event)} noValidate>
      {exercise.data && <DataBeside file={exercise.data} labels={labels} />}
      <div className="number-answer">
        <label htmlFor={inputId}>{t('numberExercise.label')}</label>
        <span className="number-input">
          <input
            id={inputId}
            type="text"
            inputMode="decimal"
            autoComplete="off"
            value={value}
            aria-invalid={problem !== null}
            aria-describedby={problem ? problemId : undefined}
            onChange={(event) => {
              setValue(event.target.value);
              setProblem(null);
            }}
          />
          {exercise.unit && <span className="number-unit">{exercise.unit}</span>}
        </span>
      </div>
      {problem && (
        <p id={problemId} role="alert">
          {errorMessage(problem, t)}
        </p>
      )}
      <div className="question-actions">
        <button type="submit" className="button button-primary" disabled={submitState.state === 'saving'}>
          {submitState.state === 'saving' ? t('exercise.saving') : t('exercise.check')}
        </button>
      </div>
      <SubmitStatus state={submitState} />
      {shown && <SubmissionResult submission={shown} />}
    </form>
  );
}

/**
 * `<NumberExercise id="mean-parcels" labels={{ parcels: 'Parcels' }} />`: the learner computes a
 * number; graded in the core with tolerance. `labels` names the columns of the data shown beside.
 */
export function NumberExercise({ id, labels }: { id: string; labels?: ColumnLabels }) {
  const handle = useExercise(id, 'number');
  return (
    <ExerciseFrame id={id} type="number" handle={handle}>
      {(exercise) => <NumberForm exercise={exercise} handle={handle} labels={labels} />}
    </ExerciseFrame>
  );
}
