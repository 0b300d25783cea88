import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LearnerGroup } from '../../../../electron/contract/channels';
import { useSession } from '../../api/api-context';
import { errorMessage } from '../../api/error-message';
import { useApiCall } from '../../api/use-api-call';

/** Named groups of learners (a workshop, a cooperative) that reports filter by. */
export function GroupsPanel({ onChanged }: { onChanged: () => void }) {
  const { t } = useTranslation();
  const { api, session } = useSession();
  // Learners imported from other PCs can be grouped too: a trainer's workshop spans several PCs.
  const [learners] = useApiCall(() => api['reports.learners']({ session }), [api, session]);
  const [groups, setGroups] = useApiCall(() => api['groups.list']({ session }), [api, session]);
  const [name, setName] = useState('');
  const [error, setError] = useState<unknown>(null);

  const done = (all: LearnerGroup[]) => {
    setGroups(all);
    setError(null);
    onChanged();
  };
  const reload = () => api['groups.list']({ session }).then(done);
  const create = () => {
    api['groups.create']({ session, name })
      .then(() => {
        setName('');
        return reload();
      })
      .catch((reason: unknown) => setError(reason));
  };
  const toggleMember = (group: LearnerGroup, learnerId: string, member: boolean) => {
    const learnerIds = member ? [...group.memberIds, learnerId] : group.memberIds.filter((id) => id !== learnerId);
    api['groups.setMembers']({ session, groupId: group.id, learnerIds })
      .then(reload)
      .catch((reason: unknown) => setError(reason));
  };
  const remove = (group: LearnerGroup) => {
    api['groups.delete']({ session, groupId: group.id })
      .then(reload)
      .catch((reason: unknown) => setError(reason));
  };

  return (
    <details className="developer-options report-groups">
      <summary>{t('groups.title')}</summary>
      <p className="hint-text">{t('groups.intro')}</p>
      <form
        className="report-group-new"
        onSubmit={(event) => {
          event.preventDefault();
          if (name.trim()) create();
        }}
      >
        <label>
          <span>{t('groups.newName')}</span>
          <input value={name} maxLength={120} onChange={(event) => setName(event.target.value)} />
        </label>
        <button type="submit" className="button" disabled={!name.trim()}>
          {t('groups.create')}
        </button>
      </form>
      {error !== null && <p role="alert">{errorMessage(error, t)}</p>}
      {groups.state === 'failed' && <p role="alert">{groups.message}</p>}
      {groups.state === 'ready' &&
        learners.state === 'ready' &&
        groups.value.map((group) => (
          <fieldset key={group.id} className="report-group">
            <legend>{group.name}</legend>
            <ul className="manager-list">
              {learners.value.map((learner) => (
                <li key={learner.id}>
                  <label className="checkbox">
                    <input
                      type="checkbox"
                      checked={group.memberIds.includes(learner.id)}
                      onChange={(event) => toggleMember(group, learner.id, event.target.checked)}
                    />
                    <span>
                      {learner.displayName}
                      {learner.fromPc !== null && (
                        <span className="report-from-pc">{t('progressFiles.fromPc', { pc: learner.fromPc })}</span>
                      )}
                    </span>
                  </label>
                </li>
              ))}
            </ul>
            <button type="button" className="button button-danger button-small" onClick={() => remove(group)}>
              {t('groups.delete', { name: group.name })}
            </button>
          </fieldset>
        ))}
    </details>
  );
}
