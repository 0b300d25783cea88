import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import 'bpmn-js/dist/assets/bpmn-font/css/bpmn.css';
import './process.css';
import Modeler from 'bpmn-js/lib/Modeler';
import { Maximize, ZoomIn, ZoomOut } from 'lucide-react';
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExerciseSubmission, ProcessCheck } from '../../../../../electron/contract/channels';
import { checkProcessRules, type ModdleElement } from '../../../../../electron/rules/process-rules';
import { SubmissionResult, SubmitStatus } from '../exercise/SubmissionResult';
import type { ExerciseOf, SubmitState } from '../exercise/use-exercise';
import { ADDABLE, EMPTY_DIAGRAM, KIND_OF_TYPE, type Addable, type BpmnServices, type DiagramElement } from './bpmn-services';
import { fitDiagram, LABEL_FONT_SIZE, movePaletteTo, zoomBy } from './diagram-view';
import { LiveChecklist } from './LiveChecklist';

/** The checklist follows the diagram once an edit settles (a drag is many changes). */
const CHECKLIST_SETTLE_MS = 250;

export interface ProcessWorkbenchProps {
  exercise: ExerciseOf<'process'>;
  submission: ExerciseSubmission | null;
  submitState: SubmitState;
  onSubmit: (xml: string) => Promise<unknown>;
}

interface ListedElement {
  id: string;
  kind: string;
  name: string;
  canHaveNext: boolean;
}

function services(modeler: Modeler): BpmnServices {
  const get = (name: string) => modeler.get(name) as never;
  return {
    elementRegistry: get('elementRegistry'),
    elementFactory: get('elementFactory'),
    modeling: get('modeling'),
    autoPlace: get('autoPlace'),
    selection: get('selection'),
    canvas: get('canvas'),
  };
}

/** The diagram's steps, top to bottom and left to right, for the keyboard editor's list. */
function listElements(modeler: Modeler): ListedElement[] {
  return services(modeler)
    .elementRegistry.getAll()
    .filter((element) => element.type !== 'label' && KIND_OF_TYPE[element.type] !== undefined)
    .sort((a, b) => (a.x ?? 0) - (b.x ?? 0) || (a.y ?? 0) - (b.y ?? 0))
    .map((element) => ({
      id: element.id,
      kind: KIND_OF_TYPE[element.type] ?? 'other',
      name: element.businessObject.name ?? '',
      canHaveNext: element.type !== 'bpmn:EndEvent',
    }));
}

/**
 * The process exercise: bpmn-js's modeller for the mouse, and beside it a keyboard editor that
 * does the same things (add a step after another, connect, rename, delete). The bpmn.io
 * watermark stays visible, as bpmn-js's license requires. Loaded only in lessons that use it.
 */
export default function ProcessWorkbench({ exercise, submission, submitState, onSubmit }: ProcessWorkbenchProps) {
  const { t } = useTranslation();
  const canvasHost = useRef<HTMLDivElement>(null);
  const paletteHost = useRef<HTMLDivElement>(null);
  const modelerRef = useRef<Modeler | null>(null);
  const ids = { list: useId(), name: useId(), kind: useId(), target: useId(), rename: useId() };
  const startXml = exercise.startingDiagram ?? EMPTY_DIAGRAM;
  const firstXml = submission?.answer.type === 'process' ? submission.answer.xml : startXml;
  const [elements, setElements] = useState<ListedElement[]>([]);
  const [selectedId, setSelectedId] = useState('');
  const [addKind, setAddKind] = useState<Addable>('task');
  const [newName, setNewName] = useState('');
  const [rename, setRename] = useState('');
  const [targetId, setTargetId] = useState('');
  const [dirty, setDirty] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [checkedXml, setCheckedXml] = useState<string | null>(
    submission?.answer.type === 'process' ? submission.answer.xml : null,
  );

  const [liveChecks, setLiveChecks] = useState<ProcessCheck[] | null>(null);
  const checklistTimer = useRef<number | undefined>(undefined);
  // The same checks as the core's grading, on the diagram as it is now (the core still grades on Check).
  const updateChecklist = useCallback(() => {
    const modeler = modelerRef.current;
    if (!modeler) return;
    try {
      setLiveChecks(checkProcessRules(modeler.getDefinitions() as unknown as ModdleElement, exercise.rules));
    } catch {
      // A diagram halfway through an edit can be incomplete: the list waits for the next change.
    }
  }, [exercise.rules]);

  const refresh = useCallback(() => {
    const modeler = modelerRef.current;
    if (!modeler) return;
    const listed = listElements(modeler);
    setElements(listed);
    setSelectedId((current) => (listed.some((element) => element.id === current) ? current : (listed[0]?.id ?? '')));
  }, []);

  const load = useCallback(
    async (xml: string) => {
      const modeler = modelerRef.current;
      if (!modeler) return;
      try {
        await modeler.importXML(xml);
        fitDiagram(services(modeler).canvas);
        setProblem(null);
        updateChecklist();
      } catch (error) {
        setProblem(error instanceof Error ? error.message : String(error));
      }
      refresh();
    },
    [refresh, updateChecklist],
  );

  useEffect(() => {
    const container = canvasHost.current;
    const palette = paletteHost.current;
    if (!container || !palette) return;
    // The diagram is drawn in the theme's colours (light, dark or high contrast) from the tokens.
    const tokens = getComputedStyle(container);
    const token = (name: string) => tokens.getPropertyValue(name).trim() || undefined;
    const modeler = new Modeler({
      container,
      bpmnRenderer: {
        defaultFillColor: token('--color-surface'),
        defaultStrokeColor: token('--color-text'),
        defaultLabelColor: token('--color-text'),
      },
      // Labels stay readable (12 px or more) down to the smallest zoom a fitted diagram gets.
      textRenderer: {
        defaultStyle: { fontSize: LABEL_FONT_SIZE, lineHeight: 1.2 },
        externalStyle: { fontSize: LABEL_FONT_SIZE, lineHeight: 1.2 },
      },
    });
    modelerRef.current = modeler;
    movePaletteTo(modeler, palette);
    modeler.on('elements.changed', () => {
      setDirty(true);
      refresh();
      window.clearTimeout(checklistTimer.current);
      checklistTimer.current = window.setTimeout(updateChecklist, CHECKLIST_SETTLE_MS);
    });
    modeler.on('selection.changed', (event: { newSelection?: DiagramElement[] }) => {
      const picked = event.newSelection?.[0];
      const element = picked?.labelTarget ?? picked;
      if (element && KIND_OF_TYPE[element.type]) {
        setSelectedId(element.id);
        setRename(element.businessObject.name ?? '');
      }
    });
    void load(firstXml).then(() => setDirty(false));
    return () => {
      window.clearTimeout(checklistTimer.current);
      modeler.destroy();
      modelerRef.current = null;
    };
    // The diagram is loaded once; later changes live in the modeller itself.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const selected = elements.find((element) => element.id === selectedId);
  const withServices = (action: (s: BpmnServices, element: DiagramElement) => void) => {
    const modeler = modelerRef.current;
    if (!modeler || !selected) return;
    const s = services(modeler);
    const element = s.elementRegistry.get(selected.id);
    if (element) action(s, element);
  };

  const labelOf = (element: ListedElement) => `${t(`process.kind.${element.kind}`)}: ${element.name || t('process.unnamed')}`;

  const addAfter = () =>
    withServices((s, element) => {
      const shape = s.elementFactory.createShape({ type: ADDABLE[addKind] });
      const flows = (element.outgoing ?? []).filter((connection) => connection.type === 'bpmn:SequenceFlow');
      let created: DiagramElement;
      const [onlyFlow] = flows;
      if (addKind !== 'end' && flows.length === 1 && onlyFlow) {
        // One way on: the new step goes in between, as "insert" means in a list. Everything from
        // the next step rightwards moves aside first to make room for it.
        const next = onlyFlow.target;
        s.modeling.removeConnection(onlyFlow);
        const room = (shape.width ?? 100) + 50;
        const onTheRight = s.elementRegistry
          .getAll()
          .filter((item) => KIND_OF_TYPE[item.type] !== undefined && !item.waypoints && (item.x ?? 0) >= (next.x ?? 0));
        if (onTheRight.length > 0) s.modeling.moveElements(onTheRight, { x: room, y: 0 });
        created = s.autoPlace.append(element, shape);
        s.modeling.connect(created, next);
      } else {
        created = s.autoPlace.append(element, shape);
      }
      if (newName.trim()) s.modeling.updateLabel(created, newName.trim());
      s.selection.select(created);
      s.canvas.scrollToElement(created);
      setSelectedId(created.id);
      setNewName('');
    });

  const connect = () =>
    withServices((s, element) => {
      const target = s.elementRegistry.get(targetId);
      if (!target) return;
      setProblem(s.modeling.connect(element, target) ? null : t('process.cannotConnect'));
    });

  const renameSelected = () => withServices((s, element) => s.modeling.updateLabel(element, rename.trim()));
  const removeSelected = () => withServices((s, element) => s.modeling.removeElements([element]));
  const zoom = (how: 'in' | 'out' | 'fit') => {
    const modeler = modelerRef.current;
    if (!modeler) return;
    const { canvas } = services(modeler);
    if (how === 'fit') fitDiagram(canvas);
    else zoomBy(canvas, how === 'in' ? 1.25 : 0.8);
  };
  const check = async () => {
    const modeler = modelerRef.current;
    if (!modeler) return;
    const { xml } = await modeler.saveXML({ format: true });
    if (!xml) return;
    const result = await onSubmit(xml);
    if (result) {
      setCheckedXml(xml);
      setDirty(false);
    }
  };
  const startAgain = async () => {
    await load(startXml);
    setDirty(true);
  };

  const shown = !dirty && submission?.answer.type === 'process' && submission.answer.xml === checkedXml ? submission : null;
  return (
    <div className="process-workbench">
      <LiveChecklist checks={liveChecks} />
      <div className="process-zoom" role="group" aria-label={t('process.zoomGroup')}>
        <button type="button" className="button" onClick={() => zoom('in')}>
          <ZoomIn aria-hidden="true" size={18} /> {t('process.zoomIn')}
        </button>
        <button type="button" className="button" onClick={() => zoom('out')}>
          <ZoomOut aria-hidden="true" size={18} /> {t('process.zoomOut')}
        </button>
        <button type="button" className="button" onClick={() => zoom('fit')}>
          <Maximize aria-hidden="true" size={18} /> {t('process.zoomFit')}
        </button>
      </div>
      {/* The shapes' palette sits beside the diagram, never over it. */}
      <div className="process-stage">
        <div ref={paletteHost} className="process-palette" />
        <div ref={canvasHost} className="process-canvas" aria-label={t('process.canvasLabel')} role="application" />
      </div>
      <p className="process-help">{t('process.mouseHelp')}</p>
      <fieldset className="process-keyboard">
        <legend>{t('process.keyboardTitle')}</legend>
        <div className="field">
          <label htmlFor={ids.list}>{t('process.selected')}</label>
          <select
            id={ids.list}
            value={selectedId}
            onChange={(event) => {
              setSelectedId(event.target.value);
              const element = elements.find((item) => item.id === event.target.value);
              setRename(element?.name ?? '');
              const modeler = modelerRef.current;
              const shape = modeler ? services(modeler).elementRegistry.get(event.target.value) : undefined;
              if (modeler && shape) services(modeler).selection.select(shape);
            }}
          >
            {elements.map((element) => (
              <option key={element.id} value={element.id}>
                {labelOf(element)}
              </option>
            ))}
          </select>
        </div>
        <div className="field-row">
          <div className="field">
            <label htmlFor={ids.kind}>{t('process.addKind')}</label>
            <select id={ids.kind} value={addKind} onChange={(event) => setAddKind(event.target.value as Addable)}>
              {(Object.keys(ADDABLE) as Addable[]).map((kind) => (
                <option key={kind} value={kind}>
                  {t(`process.kind.${kind}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={ids.name}>{t('process.newName')}</label>
            <input id={ids.name} type="text" value={newName} onChange={(event) => setNewName(event.target.value)} />
          </div>
          <button type="button" className="button" disabled={!selected?.canHaveNext} onClick={addAfter}>
            {t('process.addAfter')}
          </button>
        </div>
        <div className="field-row">
          <div className="field">
            <label htmlFor={ids.rename}>{t('process.renameLabel')}</label>
            <input id={ids.rename} type="text" value={rename} onChange={(event) => setRename(event.target.value)} />
          </div>
          <button type="button" className="button" disabled={!selected} onClick={renameSelected}>
            {t('process.rename')}
          </button>
        </div>
        <div className="field-row">
          <div className="field">
            <label htmlFor={ids.target}>{t('process.connectTo')}</label>
            <select id={ids.target} value={targetId} onChange={(event) => setTargetId(event.target.value)}>
              <option value="">{t('process.chooseTarget')}</option>
              {elements
                .filter((element) => element.id !== selectedId)
                .map((element) => (
                  <option key={element.id} value={element.id}>
                    {labelOf(element)}
                  </option>
                ))}
            </select>
          </div>
          <button type="button" className="button" disabled={!selected || !targetId} onClick={connect}>
            {t('process.connect')}
          </button>
        </div>
        <div className="field-row">
          <button type="button" className="button" disabled={!selected} onClick={removeSelected}>
            {t('process.remove')}
          </button>
        </div>
      </fieldset>
      {problem && <p role="alert">{t('process.problem', { message: problem })}</p>}
      <div className="question-actions">
        <button
          type="button"
          className="button button-primary"
          disabled={submitState.state === 'saving'}
          onClick={() => void check()}
        >
          {submitState.state === 'saving' ? t('exercise.saving') : t('process.checkButton')}
        </button>{' '}
        <button type="button" className="button" onClick={() => void startAgain()}>
          {t('process.startAgain')}
        </button>
      </div>
      {dirty && <p className="process-unsaved">{t('process.unchecked')}</p>}
      <SubmitStatus state={submitState} />
      {shown && <SubmissionResult submission={shown} />}
    </div>
  );
}
