import './canvas.css';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CanvasContent, CanvasField, CanvasPdfLabels } from '../../../../../electron/contract/channels';
// The group's own module, not the channels barrel: the barrel would load every channel's schemas.
import { CANVAS_FIELDS, MAX_CANVAS_BLOCK_CHARS } from '../../../../../electron/contract/exercise-channels';
import { isLanguage } from '../../../../../electron/contract/languages';
import { useSession } from '../../../api/api-context';
import { useCoreQuery } from '../../../api/use-core-query';
import { useLessonScope } from '../../lesson-context';
import { errorMessage } from '../../../api/error-message';
import { formatLongDate, formatTime } from '../../../i18n/format';

/** The canvas's blocks as laid out on screen; the value proposition holds three fields. */
const BLOCKS: { id: string; fields: CanvasField[] }[] = [
  { id: 'partners-stakeholders', fields: ['partners-stakeholders'] },
  { id: 'key-activities', fields: ['key-activities'] },
  { id: 'key-resources', fields: ['key-resources'] },
  { id: 'value-proposition', fields: ['social-value', 'impact-measures', 'customer-value'] },
  { id: 'type-of-intervention', fields: ['type-of-intervention'] },
  { id: 'channels', fields: ['channels'] },
  { id: 'segments', fields: ['segments'] },
  { id: 'cost-structure', fields: ['cost-structure'] },
  { id: 'surplus', fields: ['surplus'] },
  { id: 'revenue', fields: ['revenue'] },
];

/** A pause in typing this long saves the canvas. */
const AUTOSAVE_AFTER_MS = 3_000;

type SaveState =
  | { state: 'saved'; at: string }
  | { state: 'unsaved' }
  | { state: 'saving' }
  | { state: 'never' }
  | { state: 'error'; error: unknown };

function Board({ canvasId, initial, savedAt }: { canvasId: string; initial: CanvasContent; savedAt: string | null }) {
  const { t, i18n } = useTranslation();
  const { api, session, learner } = useSession();
  const { courseId } = useLessonScope();
  const idPrefix = useId();
  const [content, setContent] = useState<CanvasContent>(initial);
  const contentRef = useRef(content);
  const [save, setSave] = useState<SaveState>(savedAt ? { state: 'saved', at: savedAt } : { state: 'never' });
  const [exporting, setExporting] = useState<'idle' | 'busy' | 'done' | { error: unknown }>('idle');
  const saving = useRef<Promise<boolean> | null>(null);

  const persist = async (): Promise<boolean> => {
    // One save at a time; a save asked for during another waits for it and then saves the latest text.
    if (saving.current) await saving.current;
    const snapshot = contentRef.current;
    setSave({ state: 'saving' });
    const attempt = api['canvas.save']({ session, courseId, canvasId, content: snapshot }).then(
      (result) => {
        // "Saved" only once the core has committed it, and only if nothing was typed meanwhile.
        setSave(contentRef.current === snapshot ? { state: 'saved', at: result.savedAt } : { state: 'unsaved' });
        return true;
      },
      (error: unknown) => {
        setSave({ state: 'error', error });
        return false;
      },
    );
    saving.current = attempt;
    const ok = await attempt;
    saving.current = null;
    return ok;
  };

  const change = (field: CanvasField, text: string) => {
    const next = { ...contentRef.current, [field]: text };
    contentRef.current = next;
    setContent(next);
    setSave({ state: 'unsaved' });
  };

  const exportPdf = async () => {
    setExporting('busy');
    if (save.state !== 'saved' && !(await persist())) {
      setExporting('idle');
      return;
    }
    const fields = Object.fromEntries(CANVAS_FIELDS.map((field) => [field, t(`canvas.field.${field}.title`)])) as Record<
      CanvasField,
      string
    >;
    const labels: CanvasPdfLabels = {
      language: isLanguage(i18n.language) ? i18n.language : 'en',
      title: t('canvas.pdfTitle'),
      subtitle: t('canvas.pdfSubtitle', { name: learner.displayName, date: formatLongDate(new Date(), i18n.language) }),
      fields,
      valueProposition: t('canvas.block.value-proposition'),
      fullTextHeading: t('canvas.pdfFullText'),
      empty: t('canvas.pdfEmpty'),
      continued: t('canvas.pdfContinued'),
    };
    try {
      // The page around the lesson's sandboxed frame saves the PDF (a frame cannot download).
      await api['canvas.exportPdf']({ session, courseId, canvasId, labels });
      setExporting('done');
    } catch (error) {
      setExporting({ error });
    }
  };

  // Typing pauses save on their own, and leaving the lesson saves what is left, so nothing
  // depends on the learner remembering the button. (A "leave page?" prompt is no help here: in
  // the desktop window it would silently stop the window from closing.)
  const persistRef = useRef(persist);
  const unsavedRef = useRef(false);
  useEffect(() => {
    persistRef.current = persist;
    unsavedRef.current = save.state === 'unsaved';
  });
  useEffect(() => {
    if (save.state !== 'unsaved') return;
    const timer = window.setTimeout(() => void persistRef.current(), AUTOSAVE_AFTER_MS);
    return () => window.clearTimeout(timer);
  }, [save.state, content]);
  useEffect(
    () => () => {
      if (unsavedRef.current) void persistRef.current();
    },
    [],
  );

  const statusText =
    save.state === 'saved'
      ? t('canvas.savedAt', { time: formatTime(save.at, i18n.language) })
      : save.state === 'saving'
        ? t('canvas.saving')
        : save.state === 'unsaved'
          ? t('canvas.unsaved')
          : save.state === 'never'
            ? t('canvas.notSavedYet')
            : t('canvas.saveError', { message: errorMessage(save.error, t) });

  return (
    <div className="canvas-board">
      <div className="canvas-grid">
        {BLOCKS.map((block) => (
          <fieldset key={block.id} className={`canvas-block canvas-${block.id}`}>
            <legend>{t(`canvas.block.${block.id}`)}</legend>
            {block.fields.map((field) => {
              const fieldId = `${idPrefix}-${field}`;
              return (
                <div key={field} className="canvas-field">
                  {block.fields.length > 1 && <label htmlFor={fieldId}>{t(`canvas.field.${field}.title`)}</label>}
                  <p id={`${fieldId}-help`} className="canvas-help">
                    {t(`canvas.field.${field}.help`)}
                  </p>
                  <textarea
                    id={fieldId}
                    aria-label={block.fields.length > 1 ? undefined : t(`canvas.field.${field}.title`)}
                    aria-describedby={`${fieldId}-help`}
                    maxLength={MAX_CANVAS_BLOCK_CHARS}
                    rows={4}
                    value={content[field] ?? ''}
                    onChange={(event) => change(field, event.target.value)}
                    onBlur={() => {
                      if (save.state === 'unsaved' || save.state === 'error') void persist();
                    }}
                  />
                </div>
              );
            })}
          </fieldset>
        ))}
      </div>
      <div className="question-actions canvas-actions">
        <button type="button" className="button button-primary" disabled={save.state === 'saving'} onClick={() => void persist()}>
          {t('canvas.save')}
        </button>{' '}
        <button type="button" className="button" disabled={exporting === 'busy'} onClick={() => void exportPdf()}>
          {exporting === 'busy' ? t('canvas.exporting') : t('canvas.exportPdf')}
        </button>
        <p className={`canvas-status canvas-status-${save.state}`} role="status">
          {statusText}
        </p>
        {exporting === 'done' && <p role="status">{t('canvas.exported')}</p>}
        {typeof exporting === 'object' && (
          <p role="alert">{t('canvas.exportError', { message: errorMessage(exporting.error, t) })}</p>
        )}
      </div>
    </div>
  );
}

/** The learner's canvas, loaded from the core. Loaded on demand like the other large components. */
export default function CanvasBoard({ canvasId }: { canvasId: string }) {
  const { t } = useTranslation();
  const { session } = useSession();
  const { courseId } = useLessonScope();
  // The board keeps its own copy once shown and saves it; shown again, it is read again (keepMs 0).
  const canvas = useCoreQuery('canvas.get', { session, courseId, canvasId }, { keepMs: 0 });
  if (canvas.state === 'loading') return <p aria-busy="true">{t('canvas.loading')}</p>;
  if (canvas.state === 'failed') return <p role="alert">{t('canvas.loadError', { message: canvas.message })}</p>;
  return <Board canvasId={canvasId} initial={canvas.value.content} savedAt={canvas.value.savedAt} />;
}
