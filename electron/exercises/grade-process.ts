import type { ModdleElement } from 'bpmn-moddle';
import type { ExerciseOutcome } from '../contract/channels.js';
import { checkProcessRules } from '../rules/process-rules.js';
import type { ProcessRule } from './exercise-definition.js';

/**
 * Grades a BPMN diagram against an exercise's rules. The rules themselves are checked in
 * rules/process-rules.ts, which the lesson frame uses too for the live checklist.
 */
export { normaliseName } from '../rules/process-rules.js';

export class InvalidDiagramError extends Error {}

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
  const checks = checkProcessRules(definitions, rules);
  return { correct: checks.every((check) => check.passed), outcome: { kind: 'process', checks } };
}
