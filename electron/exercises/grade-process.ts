import type { ModdleElement } from 'bpmn-moddle';
import type { ExerciseOutcome, ProcessCheck } from '../contract/channels.js';
import type { ProcessRule } from './exercise-definition.js';

/**
 * Grades a BPMN diagram against an exercise's rules (docs/course-format.md, "Exercises"):
 *
 * - `task-exists`: an activity (task of any kind, sub-process, call activity) has that name.
 * - `gateway-after-task`: a sequence flow leads from that activity straight to a gateway of the
 *   given kind (exclusive, parallel or inclusive).
 * - `task-before-task`: the `after` activity comes later along the sequence flows than `before`,
 *   and the process cannot reach `after` from its start without passing through `before`.
 *
 * Names are compared ignoring upper/lower case, repeated spaces and a final full stop, so
 * "check  eligibility." matches "Check eligibility".
 */

export class InvalidDiagramError extends Error {}

export function normaliseName(name: string): string {
  return name
    .normalize('NFKC')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[.:;!?]+$/, '')
    .trim()
    .toLocaleLowerCase('en');
}

interface ProcessGraph {
  nodes: ModdleElement[];
  next: Map<ModdleElement, ModdleElement[]>;
  /** Where a run of the process begins: top-level start events (or nodes nothing leads to). */
  entries: ModdleElement[];
}

const GATEWAY_TYPES = {
  exclusive: 'bpmn:ExclusiveGateway',
  parallel: 'bpmn:ParallelGateway',
  inclusive: 'bpmn:InclusiveGateway',
} as const;

function flowElementsOf(container: ModdleElement): ModdleElement[] {
  const elements = container.flowElements;
  return Array.isArray(elements) ? (elements as ModdleElement[]) : [];
}

function buildGraph(definitions: ModdleElement): ProcessGraph {
  const graph: ProcessGraph = { nodes: [], next: new Map(), entries: [] };
  const link = (from: ModdleElement, to: ModdleElement) => {
    const list = graph.next.get(from) ?? [];
    list.push(to);
    graph.next.set(from, list);
  };
  const rootElements = Array.isArray(definitions.rootElements) ? (definitions.rootElements as ModdleElement[]) : [];
  const visitContainer = (container: ModdleElement, topLevel: boolean) => {
    const elements = flowElementsOf(container);
    const nodes = elements.filter((element) => element.$instanceOf('bpmn:FlowNode'));
    const targets = new Set<ModdleElement>();
    for (const element of elements) {
      if (element.$instanceOf('bpmn:SequenceFlow')) {
        const source = element.sourceRef as ModdleElement | undefined;
        const target = element.targetRef as ModdleElement | undefined;
        if (source && target) {
          link(source, target);
          targets.add(target);
        }
      }
    }
    for (const node of nodes) {
      graph.nodes.push(node);
      const attachedTo = node.attachedToRef as ModdleElement | undefined;
      if (node.$instanceOf('bpmn:BoundaryEvent') && attachedTo) {
        // An event on an activity's border continues the process from that activity.
        link(attachedTo, node);
        targets.add(node);
      }
      if (node.$instanceOf('bpmn:SubProcess')) {
        // Entering a sub-process starts its inner start events.
        const inner = flowElementsOf(node).filter((element) => element.$instanceOf('bpmn:StartEvent'));
        for (const start of inner) link(node, start);
        visitContainer(node, false);
      }
    }
    if (topLevel) {
      const starts = nodes.filter((node) => node.$instanceOf('bpmn:StartEvent'));
      // A diagram without a start event still has a beginning: the nodes no flow leads to.
      graph.entries.push(...(starts.length > 0 ? starts : nodes.filter((node) => !targets.has(node))));
    }
  };
  for (const root of rootElements) {
    if (root.$instanceOf('bpmn:Process')) visitContainer(root, true);
  }
  return graph;
}

function reachable(graph: ProcessGraph, from: ModdleElement[], blocked: Set<ModdleElement> = new Set()): Set<ModdleElement> {
  const seen = new Set<ModdleElement>();
  const queue = from.filter((node) => !blocked.has(node));
  for (const node of queue) seen.add(node);
  while (queue.length > 0) {
    const node = queue.shift() as ModdleElement;
    for (const target of graph.next.get(node) ?? []) {
      if (seen.has(target) || blocked.has(target)) continue;
      seen.add(target);
      queue.push(target);
    }
  }
  return seen;
}

function activitiesNamed(graph: ProcessGraph, name: string): ModdleElement[] {
  const wanted = normaliseName(name);
  return graph.nodes.filter(
    (node) => node.$instanceOf('bpmn:Activity') && typeof node.name === 'string' && normaliseName(node.name) === wanted,
  );
}

function checkRule(graph: ProcessGraph, rule: ProcessRule): ProcessCheck {
  switch (rule.kind) {
    case 'task-exists':
      return { kind: rule.kind, name: rule.name, passed: activitiesNamed(graph, rule.name).length > 0 };
    case 'gateway-after-task': {
      const type = GATEWAY_TYPES[rule.gateway];
      const passed = activitiesNamed(graph, rule.task).some((task) =>
        (graph.next.get(task) ?? []).some((target) => target.$type === type),
      );
      return { kind: rule.kind, task: rule.task, gateway: rule.gateway, passed };
    }
    case 'task-before-task': {
      const before = activitiesNamed(graph, rule.before);
      const after = activitiesNamed(graph, rule.after);
      let passed = before.length > 0 && after.length > 0;
      if (passed) {
        const afterBefore = reachable(
          graph,
          before.flatMap((node) => graph.next.get(node) ?? []),
        );
        const withoutBefore = reachable(graph, graph.entries, new Set(before));
        passed = after.some((node) => afterBefore.has(node)) && after.every((node) => !withoutBefore.has(node));
      }
      return { kind: rule.kind, before: rule.before, after: rule.after, passed };
    }
  }
}

/** Parses BPMN XML into its definitions element; throws InvalidDiagramError when it is not BPMN. */
export async function parseBpmn(xml: string): Promise<ModdleElement> {
  let rootElement: ModdleElement;
  try {
    // bpmn-moddle loads with the first process exercise graded, not with every start of Aula.
    const { BpmnModdle } = await import('bpmn-moddle');
    ({ rootElement } = await new BpmnModdle().fromXML(xml));
  } catch (error) {
    throw new InvalidDiagramError(`not a BPMN diagram: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
  }
  if (!rootElement || !rootElement.$instanceOf('bpmn:Definitions')) {
    throw new InvalidDiagramError('not a BPMN diagram: the file does not start with <bpmn:definitions>');
  }
  return rootElement;
}

export async function gradeProcess(xml: string, rules: ProcessRule[]): Promise<{ correct: boolean; outcome: ExerciseOutcome }> {
  let definitions: ModdleElement;
  try {
    definitions = await parseBpmn(xml);
  } catch (error) {
    if (error instanceof InvalidDiagramError)
      return { correct: false, outcome: { kind: 'process-invalid', message: error.message } };
    throw error;
  }
  const graph = buildGraph(definitions);
  const checks = rules.map((rule) => checkRule(graph, rule));
  return { correct: checks.every((check) => check.passed), outcome: { kind: 'process', checks } };
}
