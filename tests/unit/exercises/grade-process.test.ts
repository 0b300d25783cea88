import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ProcessRule } from '../../../electron/exercises/exercise-definition.js';
import { gradeProcess, normaliseName } from '../../../electron/exercises/grade-process.js';
import { REPO_ROOT } from '../../helpers/temp-dir.js';

/** The example course's starting diagram: start → Receive application → Check eligibility → Send welcome pack → end. */
const SIGN_UP = fs.readFileSync(path.join(REPO_ROOT, 'docs', 'examples', 'components-tour', 'assets', 'sign-up.bpmn'), 'utf8');

/** The same process with a gateway of the given type between "Check eligibility" and "Send welcome pack". */
function withGateway(type: 'exclusiveGateway' | 'parallelGateway' | 'inclusiveGateway'): string {
  return SIGN_UP.replace(
    '<bpmn:sequenceFlow id="Flow_3" sourceRef="Check" targetRef="Welcome" />',
    `<bpmn:${type} id="Decide" name="Eligible?" />
    <bpmn:task id="Explain" name="Explain why not" />
    <bpmn:endEvent id="Refused" />
    <bpmn:sequenceFlow id="Flow_3" sourceRef="Check" targetRef="Decide" />
    <bpmn:sequenceFlow id="Flow_yes" sourceRef="Decide" targetRef="Welcome" />
    <bpmn:sequenceFlow id="Flow_no" sourceRef="Decide" targetRef="Explain" />
    <bpmn:sequenceFlow id="Flow_no_end" sourceRef="Explain" targetRef="Refused" />`,
  );
}

const rule = {
  exists: { kind: 'task-exists', name: 'Check eligibility' },
  exclusiveAfter: { kind: 'gateway-after-task', task: 'Check eligibility', gateway: 'exclusive' },
  parallelAfter: { kind: 'gateway-after-task', task: 'Check eligibility', gateway: 'parallel' },
  inclusiveAfter: { kind: 'gateway-after-task', task: 'Check eligibility', gateway: 'inclusive' },
  checkBeforeWelcome: { kind: 'task-before-task', before: 'Check eligibility', after: 'Send welcome pack' },
  welcomeBeforeCheck: { kind: 'task-before-task', before: 'Send welcome pack', after: 'Check eligibility' },
} satisfies Record<string, ProcessRule>;

async function passed(xml: string, checked: ProcessRule): Promise<boolean> {
  const graded = await gradeProcess(xml, [checked]);
  if (graded.outcome.kind !== 'process') throw new Error(`not graded: ${JSON.stringify(graded.outcome)}`);
  return graded.outcome.checks[0]!.passed;
}

describe('grading a process diagram by rules on its BPMN XML', () => {
  it('task-exists: passes when an activity has the name (any case, extra spaces, final full stop)', async () => {
    expect(await passed(SIGN_UP, rule.exists)).toBe(true);
    expect(await passed(SIGN_UP.replace('name="Check eligibility"', 'name="check  Eligibility."'), rule.exists)).toBe(true);
    expect(
      await passed(
        SIGN_UP.replace('<bpmn:task id="Check"', '<bpmn:userTask id="Check"').replace(
          '</bpmn:task>\n    <bpmn:task id="Welcome"',
          '</bpmn:userTask>\n    <bpmn:task id="Welcome"',
        ),
        rule.exists,
      ),
    ).toBe(true);
  });

  it('task-exists: fails when no activity has the name, even if another element does', async () => {
    expect(await passed(SIGN_UP.replace('name="Check eligibility"', 'name="Check documents"'), rule.exists)).toBe(false);
    const eventNamed = SIGN_UP.replace('name="Check eligibility"', 'name="Check documents"').replace(
      'name="Application arrives"',
      'name="Check eligibility"',
    );
    expect(await passed(eventNamed, rule.exists)).toBe(false);
  });

  it('gateway-after-task: passes only for a gateway of the asked kind right after the task', async () => {
    expect(await passed(SIGN_UP, rule.exclusiveAfter)).toBe(false);
    expect(await passed(withGateway('exclusiveGateway'), rule.exclusiveAfter)).toBe(true);
    expect(await passed(withGateway('exclusiveGateway'), rule.parallelAfter)).toBe(false);
    expect(await passed(withGateway('parallelGateway'), rule.parallelAfter)).toBe(true);
    expect(await passed(withGateway('inclusiveGateway'), rule.inclusiveAfter)).toBe(true);
    expect(await passed(withGateway('inclusiveGateway'), rule.exclusiveAfter)).toBe(false);
  });

  it('gateway-after-task: fails when the gateway comes later, not straight after the task', async () => {
    const later = withGateway('exclusiveGateway')
      .replace('name="Check eligibility"', 'name="Look at the documents"')
      .replace('name="Receive application"', 'name="Check eligibility"');
    // "Check eligibility" is now the first task; a task stands between it and the gateway.
    expect(await passed(later, rule.exists)).toBe(true);
    expect(await passed(later, rule.exclusiveAfter)).toBe(false);
  });

  it('task-before-task: passes when every way to the second task goes through the first', async () => {
    expect(await passed(SIGN_UP, rule.checkBeforeWelcome)).toBe(true);
    expect(await passed(withGateway('exclusiveGateway'), rule.checkBeforeWelcome)).toBe(true);
    expect(await passed(SIGN_UP, rule.welcomeBeforeCheck)).toBe(false);
  });

  it('task-before-task: fails when a path skips the first task, or the tasks are not connected', async () => {
    const shortcut = SIGN_UP.replace(
      '<bpmn:sequenceFlow id="Flow_4"',
      '<bpmn:sequenceFlow id="Skip" sourceRef="Receive" targetRef="Welcome" />\n    <bpmn:sequenceFlow id="Flow_4"',
    );
    expect(await passed(shortcut, rule.checkBeforeWelcome)).toBe(false);
    const disconnected = SIGN_UP.replace('<bpmn:sequenceFlow id="Flow_3" sourceRef="Check" targetRef="Welcome" />', '');
    expect(await passed(disconnected, rule.checkBeforeWelcome)).toBe(false);
    const missing = SIGN_UP.replace('name="Send welcome pack"', 'name="Send a letter"');
    expect(await passed(missing, rule.checkBeforeWelcome)).toBe(false);
  });

  it('all rules must hold for the answer to be correct', async () => {
    const rules = [rule.exists, rule.exclusiveAfter, rule.checkBeforeWelcome];
    expect((await gradeProcess(SIGN_UP, rules)).correct).toBe(false);
    const fixed = await gradeProcess(withGateway('exclusiveGateway'), rules);
    expect(fixed.correct).toBe(true);
    expect(fixed.outcome).toEqual({
      kind: 'process',
      checks: [
        { kind: 'task-exists', name: 'Check eligibility', passed: true },
        { kind: 'gateway-after-task', task: 'Check eligibility', gateway: 'exclusive', passed: true },
        { kind: 'task-before-task', before: 'Check eligibility', after: 'Send welcome pack', passed: true },
      ],
    });
  });

  it('says when the XML is not a BPMN diagram, without throwing', async () => {
    for (const xml of ['not xml at all', '<svg xmlns="http://www.w3.org/2000/svg"/>', '<bpmn:definitions']) {
      const graded = await gradeProcess(xml, [rule.exists]);
      expect(graded.correct).toBe(false);
      expect(graded.outcome.kind).toBe('process-invalid');
    }
  });

  it('normalises names for comparison', () => {
    expect(normaliseName('  Check\n eligibility. ')).toBe('check eligibility');
  });
});
