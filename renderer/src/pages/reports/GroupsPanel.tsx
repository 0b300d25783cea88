import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LearnerGroup } from '../../../../electron/contract/channels';
import { useSession } from '../../api/api-context';
import { errorMessage } from '../../api/error-message';
import { useCoreMutation, useCoreQuery } from '../../api/use-core-query';
import { AFTER_RECORDS_CHANGED } from '../../api/what-changes';

/**
 * Named groups of learners (a workshop, a cooperative) that reports filter by. Every change asks
 * again for the groups and the reports (a group's report follows its members).
 */
export function GroupsPanel() {
  const { t } = useTranslation();
  const { session } = useSession();
  // Learners imported from other PCs can be grouped too: a trainer's workshop spans several PCs.
  const learners = useCoreQuery('reports.learners', { session });
  const groups = useCoreQuery('groups.list', { session });
  const createGroup = useCoreMutation('groups.create', AFTER_RECORDS_CHANGED);
  const setMembers = useCoreMutation('groups.setMembers', AFTER_RECORDS_CHANGED);
  const deleteGroup = useCoreMutation('groups.delete', AFTER_RECORDS_CHANGED);
  const [name, setName] = useState('');
  const [error, setError] = useState<unknown>(null);

  const done = (change: Promise<unknown>, after?: () => void) => {
    change.then(
      () => {
        after?.();
        setError(null);
      },
      (reason: unknown) => setError(reason),
    );
  };
  const create = () => done(createGroup({ session, name }), () => setName(''));
  const toggleMember = (group: LearnerGroup, learnerId: string, member: boolean) => {
    const learnerIds = member ? [...group.memberIds, learnerId] : group.memberIds.filter((id) => id !== learnerId);
    done(setMembers({ session, groupId: group.id, learnerIds }));
  };
  const remove = (group: LearnerGroup) => done(deleteGroup({ session, groupId: group.id }));

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
