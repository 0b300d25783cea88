import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';

const CanvasBoard = lazy(() => import('./canvas/CanvasBoard'));

/** `<Canvas id="my-canvas" />`: a social business model canvas, saved with the learner's progress, exportable as PDF. */
export function Canvas({ id }: { id: string }) {
  const { t } = useTranslation();
  const headingId = `canvas-${id}`;
  return (
    <section className="canvas" aria-labelledby={headingId}>
      <h3 id={headingId} className="exercise-title">
        {t('canvas.title')}
      </h3>
      <p className="canvas-intro">{t('canvas.intro')}</p>
      <Suspense fallback={<p aria-busy="true">{t('canvas.loading')}</p>}>
        <CanvasBoard canvasId={id} />
      </Suspense>
    </section>
  );
}
