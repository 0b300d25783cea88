import { useTranslation } from 'react-i18next';
import { useSession } from '../../api/api-context';
import { REPORTS_HREF } from '../../router';
import { useCoreQuery } from '../../api/use-core-query';
import { DeleteImportedLearner } from './DeleteImportedLearner';
import { formatDuration, formatPercent, formatWhen, readerLanguage } from './report-format';
import { ScrollArea } from '../../lesson/components/layout/ScrollArea';
import '../../styles/reports.css';

/** One learner's history for a manager: every lesson, attempt, exercise and certificate, newest first. */
export default function LearnerReportPage({ learnerId }: { learnerId: string }) {
  const { t, i18n } = useTranslation();
  const { session } = useSession();
  const language = readerLanguage(i18n.language);
  const history = useCoreQuery('reports.learner', { session, learnerId, language });
  return (
    <section className="reports-page" aria-labelledby="learner-report-title">
      <p>
        <a href={REPORTS_HREF}>{t('reports.back')}</a>
      </p>
      {history.state === 'loading' && <p aria-busy="true">{t('reports.loading')}</p>}
      {history.state === 'failed' && <p role="alert">{history.message}</p>}
      {history.state === 'ready' && (
        <>
          <h1 id="learner-report-title">{t('reports.historyTitle', { name: history.value.displayName })}</h1>
          {history.value.fromPc !== null && (
            <>
              <p className="report-from-pc">{t('progressFiles.fromPc', { pc: history.value.fromPc })}</p>
              <DeleteImportedLearner learnerId={learnerId} name={history.value.displayName} pc={history.value.fromPc} />
            </>
          )}
          {history.value.groups.length > 0 && <p>{t('reports.inGroups', { groups: history.value.groups.join(', ') })}</p>}
          {history.value.events.length === 0 ? (
            <p>{t('reports.noHistory')}</p>
          ) : (
            <ScrollArea className="report-table-wrap" label={t('reports.historyTitle', { name: history.value.displayName })}>
              <table className="report-table">
                <thead>
                  <tr>
                    <th scope="col">{t('reports.when')}</th>
                    <th scope="col">{t('reports.what')}</th>
                    <th scope="col">{t('reports.item')}</th>
                    <th scope="col">{t('reports.result')}</th>
                    <th scope="col">{t('reports.time')}</th>
                  </tr>
                </thead>
                <tbody>
                  {history.value.events.map((event, index) => (
                    <tr key={`${event.at}/${event.kind}/${event.itemId}/${index}`}>
                      <td>{formatWhen(event.at, i18n.language)}</td>
                      <td>{t(`reports.event.${event.kind}`)}</td>
                      <th scope="row">{event.itemTitle}</th>
                      <td>
                        {event.scorePercent !== null && formatPercent(event.scorePercent, i18n.language)}
                        {event.success !== null && ` ${event.success ? '✓' : '✗'}`}
                      </td>
                      <td>{event.timeSpentSeconds === null ? '' : formatDuration(event.timeSpentSeconds, i18n.language)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollArea>
          )}
        </>
      )}
    </section>
  );
}
