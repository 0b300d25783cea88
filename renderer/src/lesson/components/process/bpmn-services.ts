/**
 * The few bpmn-js services the keyboard editor uses, typed as narrowly as it needs them.
 * (bpmn-js's own typings are generic over every service; these keep the calls readable.)
 */
export interface DiagramElement {
  id: string;
  type: string;
  x?: number;
  y?: number;
  width?: number;
  waypoints?: unknown;
  labelTarget?: DiagramElement;
  businessObject: { name?: string; $instanceOf(type: string): boolean };
  outgoing?: DiagramConnection[];
}

export interface DiagramConnection {
  type: string;
  target: DiagramElement;
}

/** What the diagram's view shows: `inner` is the drawing's extent, `outer` the view's size on screen. */
export interface DiagramViewbox {
  x: number;
  y: number;
  width: number;
  height: number;
  scale: number;
  inner: { x: number; y: number; width: number; height: number };
  outer: { width: number; height: number };
}

export interface BpmnServices {
  elementRegistry: { getAll(): DiagramElement[]; get(id: string): DiagramElement | undefined };
  elementFactory: { createShape(attrs: { type: string }): DiagramElement };
  modeling: {
    moveElements(elements: DiagramElement[], delta: { x: number; y: number }): void;
    connect(source: DiagramElement, target: DiagramElement): DiagramConnection | undefined;
    removeConnection(connection: DiagramConnection): void;
    removeElements(elements: DiagramElement[]): void;
    updateLabel(element: DiagramElement, text: string): void;
  };
  autoPlace: { append(source: DiagramElement, shape: DiagramElement): DiagramElement };
  selection: { select(element: DiagramElement | null): void; get(): DiagramElement[] };
  canvas: {
    scrollToElement(element: DiagramElement): void;
    zoom(level?: string | number, center?: 'auto'): number;
    viewbox(box?: { x: number; y: number; width: number; height: number }): DiagramViewbox;
  };
}

/** What the learner can add after an element with the keyboard. */
export const ADDABLE = {
  task: 'bpmn:Task',
  exclusive: 'bpmn:ExclusiveGateway',
  parallel: 'bpmn:ParallelGateway',
  inclusive: 'bpmn:InclusiveGateway',
  end: 'bpmn:EndEvent',
} as const;
export type Addable = keyof typeof ADDABLE;

/** The element kinds named in the keyboard editor's list, by bpmn-js type. */
export const KIND_OF_TYPE: Record<string, string> = {
  'bpmn:Task': 'task',
  'bpmn:UserTask': 'task',
  'bpmn:ServiceTask': 'task',
  'bpmn:ManualTask': 'task',
  'bpmn:SendTask': 'task',
  'bpmn:ReceiveTask': 'task',
  'bpmn:ScriptTask': 'task',
  'bpmn:BusinessRuleTask': 'task',
  'bpmn:SubProcess': 'task',
  'bpmn:ExclusiveGateway': 'exclusive',
  'bpmn:ParallelGateway': 'parallel',
  'bpmn:InclusiveGateway': 'inclusive',
  'bpmn:EventBasedGateway': 'gateway',
  'bpmn:ComplexGateway': 'gateway',
  'bpmn:StartEvent': 'start',
  'bpmn:EndEvent': 'end',
};

/** A diagram with only a start event: where a learner begins when the exercise gives no diagram. */
export const EMPTY_DIAGRAM = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" id="Definitions_1" targetNamespace="http://bpmn.io/schema/bpmn">
  <bpmn:process id="Process_1" isExecutable="false">
    <bpmn:startEvent id="StartEvent_1" />
  </bpmn:process>
  <bpmndi:BPMNDiagram id="BPMNDiagram_1">
    <bpmndi:BPMNPlane id="BPMNPlane_1" bpmnElement="Process_1">
      <bpmndi:BPMNShape id="StartEvent_1_di" bpmnElement="StartEvent_1">
        <dc:Bounds x="180" y="160" width="36" height="36" />
      </bpmndi:BPMNShape>
    </bpmndi:BPMNPlane>
  </bpmndi:BPMNDiagram>
</bpmn:definitions>`;
