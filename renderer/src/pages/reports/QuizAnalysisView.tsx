import * as Plot from '@observablehq/plot';
import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { QuizAnalysis } from '../../../../electron/contract/channels';
import { useSession } from '../../api/api-context';
import { useCoreQuery } from '../../api/use-core-query';
import { formatNumber, formatShare, readerLanguage } from './report-format';
import { ScrollArea } from '../../lesson/components/layout/ScrollArea';

interface AnalysisArgs {
  courseId: string;
  quizId: string;
  groupId?: string;
  from?: string;
  to?: string;
}

/** Share of right answers per question as bars (Observable Plot, loaded with this view only). */
function ShareCorrectChart({ analysis, labelledBy }: { analysis: QuizAnalysis; labelledBy: string }) {
  const { t } = useTranslation();
  const container = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const target = container.current;
    if (!target) return;
    const rows = analysis.questions.map((question) => ({ question: question.questionId, share: question.shareCorrect ?? 0 }));
    const svg = Plot.plot({
      width: 640,
      height: Math.max(120, 36 * rows.length + 48),
      marginLeft: 140,
      x: { label: t('reports.shareCorrect'), domain: [0, 1], percent: true, grid: true },
      y: { label: null, domain: rows.map((row) => row.question) },
      marks: [Plot.barX(rows, { x: 'share', y: 'question' }), Plot.ruleX([0])],
    });
    // As in lessons' charts: Plot's own <style> would be refused by the Content-Security-Policy.
    svg.querySelectorAll('style').forEach((element) => element.remove());
    for (const element of [svg, ...svg.querySelectorAll('[aria-label], [aria-description]')]) {
      element.removeAttribute('aria-label');
      element.removeAttribute('aria-description');
    }
    target.replaceChildren(svg);
    return () => target.replaceChildren();
  }, [analysis, t]);
  return <div ref={container} className="chart-plot" role="img" aria-labelledby={labelledBy} />;
}

/** Item analysis of one quiz: the chart, and every number in a table (for screen readers and exact reading). */
export default function QuizAnalysisView({ args, onClose }: { args: AnalysisArgs; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const { session } = useSession();
  const titleId = useId();
  const language = readerLanguage(i18n.language);
  const analysis = useCoreQuery('reports.quiz', { session, ...args, language });
  if (analysis.state === 'loading') return <p aria-busy="true">{t('reports.loading')}</p>;
  if (analysis.state === 'failed') return <p role="alert">{analysis.message}</p>;
  const value = analysis.value;
  const prompts = new Map(value.questions.map((question) => [question.questionId, question.prompt]));
  return (
    <section className="quiz-analysis" aria-labelledby={titleId}>
      <h2 id={titleId}>{t('reports.analysisTitle', { quiz: value.quizTitle })}</h2>
      <p>
        {t('reports.analysisSummary', {
          learners: value.learners,
          attempts: value.finishedAttempts,
          average: value.averageAttempts === null ? '—' : formatNumber(value.averageAttempts, i18n.language),
        })}
      </p>
      {value.mostFailed.length > 0 && (
        <div className="callout">
          <p>{t('reports.mostFailed')}</p>
          <ul>
            {value.mostFailed.map((id) => (
              <li key={id}>{prompts.get(id) ?? id}</li>
            ))}
          </ul>
        </div>
      )}
      {value.finishedAttempts > 0 && <ShareCorrectChart analysis={value} labelledBy={titleId} />}
      <ScrollArea className="report-table-wrap" label={t('lesson.table')}>
        <table className="report-table">
          <thead>
            <tr>
              <th scope="col">{t('reports.question')}</th>
              <th scope="col">{t('reports.answers')}</th>
              <th scope="col">{t('reports.shareCorrect')}</th>
              <th scope="col">{t('reports.learnersFailing')}</th>
              <th scope="col">{t('reports.commonWrong')}</th>
            </tr>
          </thead>
          <tbody>
            {value.questions.map((question) => (
              <tr key={question.questionId}>
                <th scope="row">
                  <span className="report-question-id">{question.questionId}</span> {question.prompt}
                </th>
                <td>{formatNumber(question.answers, i18n.language)}</td>
                <td>{formatShare(question.shareCorrect, i18n.language)}</td>
                <td>{formatShare(question.learnersFailingShare, i18n.language)}</td>
                <td>
                  {question.commonWrongAnswers.length === 0
                    ? '—'
                    : question.commonWrongAnswers.map((wrong) => (
                        <span key={wrong.answer} className="report-wrong-answer">
                          {t('reports.wrongAnswer', { answer: wrong.answer, count: wrong.count })}
                        </span>
                      ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollArea>
      <button type="button" className="button button-quiet" onClick={onClose}>
        {t('reports.closeAnalysis')}
      </button>
    </section>
  );
}
