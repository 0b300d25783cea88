import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Learner } from '../../../electron/contract/channels';
import { useSession } from '../api/api-context';
import { errorMessage } from '../api/error-message';
import { useCoreQuery, useCoreQueryUpdates } from '../api/use-core-query';

/**
 * Who manages Aula on this computer: a manager makes other profiles managers, or not. The core
 * checks the role and keeps at least one manager; this only offers the choice to managers.
 */
export function ManageProfiles() {
  const { t } = useTranslation();
  const { api, session, learner: me } = useSession();
  const learners = useCoreQuery('learners.list', {});
  const queries = useCoreQueryUpdates();
  const [error, setError] = useState<unknown>(null);

  const toggle = (all: Learner[], learner: Learner, manager: boolean) => {
    api['learners.setManager']({ session, learnerId: learner.id, manager }).then(
      (updated) => {
        // Shown at once from the answer; the reports' lists of learners are asked again.
        queries.set(
          'learners.list',
          {},
          all.map((candidate) => (candidate.id === updated.id ? updated : candidate)),
        );
        queries.invalidate('reports.');
        setError(null);
      },
      (reason: unknown) => setError(reason),
    );
  };

  return (
    <details className="developer-options manage-profiles">
      <summary>{t('managers.title')}</summary>
      <p className="hint-text">{t('managers.intro')}</p>
      {learners.state === 'failed' && <p role="alert">{learners.message}</p>}
      {learners.state === 'ready' && (
        <ul className="manager-list">
          {learners.value.map((learner) => (
            <li key={learner.id}>
              <label className="checkbox">
                <input
                  type="checkbox"
                  checked={learner.isManager}
                  disabled={learner.id === me.id}
                  onChange={(event) => toggle(learners.value, learner, event.target.checked)}
                />
                <span>{t('managers.isManager', { name: learner.displayName })}</span>
              </label>
            </li>
          ))}
        </ul>
      )}
      {error !== null && <p role="alert">{errorMessage(error, t)}</p>}
    </details>
  );
}
