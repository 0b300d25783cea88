import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../api/api-context';
import { errorMessage } from '../../api/error-message';
import { useCoreMutation } from '../../api/use-core-query';
import { AFTER_LEARNERS_CHANGED, AFTER_RECORDS_CHANGED } from '../../api/what-changes';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { REPORTS_HREF } from '../../router';

/**
 * A manager removes a learner imported from another PC, after a confirm that says what goes: that
 * learner's imported records on this PC only. Back to the reports afterwards, where they are gone.
 */
export function DeleteImportedLearner({ learnerId, name, pc }: { learnerId: string; name: string; pc: string }) {
  const { t } = useTranslation();
  const { session } = useSession();
  // The reports shown next no longer list the learner.
  const deleteLearner = useCoreMutation('reports.deleteImportedLearner', [...AFTER_LEARNERS_CHANGED, ...AFTER_RECORDS_CHANGED]);
  const [asking, setAsking] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const remove = () => {
    setAsking(false);
    deleteLearner({ session, learnerId }).then(
      () => {
        window.location.hash = REPORTS_HREF;
      },
      (error: unknown) => setFailure(error),
    );
  };
  return (
    <>
      <p>
        <button type="button" className="button button-danger" onClick={() => setAsking(true)}>
          {t('reports.deleteImported')}
        </button>
      </p>
      {failure !== null && <p role="alert">{t('reports.deleteImportedFailed', { message: errorMessage(failure, t) })}</p>}
      {asking && (
        <ConfirmDialog
          title={t('reports.deleteImportedTitle', { name })}
          confirmLabel={t('reports.deleteImportedConfirm')}
          cancelLabel={t('reports.deleteImportedCancel')}
          onConfirm={remove}
          onCancel={() => setAsking(false)}
          destructive
        >
          <p>{t('reports.deleteImportedBody', { name, pc })}</p>
        </ConfirmDialog>
      )}
    </>
  );
}
