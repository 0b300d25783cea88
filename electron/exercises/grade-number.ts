import { DomainRefusal } from '../domain/domain-refusal.js';
import type { ErrorFacts, ExerciseOutcome } from '../contract/channels.js';
import { parseWrittenNumber } from '../contract/data-values.js';
import type { NumberExerciseDefinition } from './exercise-definition.js';

export class NotANumberError extends DomainRefusal {
  constructor(message: string, facts: ErrorFacts) {
    super('bad-input', message, facts);
    this.name = 'NotANumberError';
  }
}

/**
 * Grades a typed number against the key with the exercise's absolute tolerance. Learners may
 * write a decimal comma ("395,67"), group thousands, and add the unit. A tiny extra margin keeps
 * binary rounding (0.1 + 0.2) from failing an answer that is exactly on the tolerance's edge.
 */
export function gradeNumber(
  exercise: Pick<NumberExerciseDefinition, 'answer' | 'tolerance' | 'unit'>,
  typed: string,
): { correct: boolean; outcome: ExerciseOutcome } {
  const value = parseWrittenNumber(typed, exercise.unit);
  if (value === null) {
    throw new NotANumberError(`"${typed.slice(0, 40)}" is not a number. Type a number such as 395.67 or 395,67.`, {
      reason: 'exercise.not-a-number',
      params: { value: typed.slice(0, 40) },
    });
  }
  const margin = 1e-9 * Math.max(1, Math.abs(exercise.answer));
  const correct = Math.abs(value - exercise.answer) <= exercise.tolerance + margin;
  return { correct, outcome: { kind: 'number', value } };
}
