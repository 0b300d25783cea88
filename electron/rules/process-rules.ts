/**
 * The rules of a process exercise checked against a BPMN diagram (docs/course-format.md,
 * "Exercises"), shared by the core, which grades a submitted diagram, and the lesson frame, which
 * ticks the exercise's checklist while the learner draws (bpmn-js keeps the same moddle elements
 * the core parses). Pure functions over those elements; no imports.
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

/** A rule of a process exercise, as its YAML file states it. */
export type ProcessRule =
  | { kind: 'task-exists'; name: string }
  | { kind: 'gateway-after-task'; task: string; gateway: 'exclusive' | 'parallel' | 'inclusive' }
  | { kind: 'task-before-task'; before: string; after: string };

/** A rule and whether the diagram meets it (the contract's ProcessCheck). */
export type ProcessRuleCheck = ProcessRule & { passed: boolean };

/** The part of a bpmn-moddle element the checks read (bpmn-moddle in the core, bpmn-js in the frame). */
export interface ModdleElement {
  $type: string;
  name?: string;
  $instanceOf(type: string): boolean;
  [property: string]: unknown;
}

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

function checkRule(graph: ProcessGraph, rule: ProcessRule): ProcessRuleCheck {
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

/** Checks every rule against a diagram's definitions element (`bpmn:Definitions`). */
export function checkProcessRules(definitions: ModdleElement, rules: readonly ProcessRule[]): ProcessRuleCheck[] {
  const graph = buildGraph(definitions);
  return rules.map((rule) => checkRule(graph, rule));
}
