import { DomainRefusal } from '../domain/domain-refusal.js';
import type { ErrorFacts, ExerciseAnswer, ExerciseOutcome } from '../contract/channels.js';
import { gradeNumber } from './grade-number.js';
import { gradeProcess } from './grade-process.js';
import { gradeSql } from './grade-sql.js';
import type { RunSqlOptions } from './run-sql.js';
import type { LoadedExercise } from './load-exercises.js';

export class AnswerTypeError extends DomainRefusal {
  constructor(message: string, facts: ErrorFacts) {
    super('bad-input', message, facts);
    this.name = 'AnswerTypeError';
  }
}

export interface ExerciseGrade {
  correct: boolean;
  score: number;
  maxScore: number;
  outcome: ExerciseOutcome;
}

/**
 * Grades one submission against the exercise's key. Throws AnswerTypeError when the answer is
 * for another type of exercise, NotANumberError for a number answer that is not a number, and
 * SqlSolutionError when the course's own reference query fails.
 */
export async function gradeExercise(
  loaded: LoadedExercise,
  answer: ExerciseAnswer,
  sqlOptions: RunSqlOptions = {},
): Promise<ExerciseGrade> {
  const { definition } = loaded;
  let graded: { correct: boolean; outcome: ExerciseOutcome };
  if (definition.type === 'number' && answer.type === 'number') {
    graded = gradeNumber(definition, answer.value);
  } else if (definition.type === 'sql' && answer.type === 'sql') {
    graded = await gradeSql(loaded.tables, definition.solution, answer.query, definition.orderMatters, sqlOptions);
  } else if (definition.type === 'process' && answer.type === 'process') {
    graded = await gradeProcess(answer.xml, definition.rules);
  } else {
    throw new AnswerTypeError(
      `The exercise "${definition.id}" is a ${definition.type} exercise, not a ${answer.type} exercise.`,
      {
        reason: 'exercise.wrong-type',
        params: { exercise: definition.id, expected: definition.type, given: answer.type },
      },
    );
  }
  return { ...graded, score: graded.correct ? 1 : 0, maxScore: 1 };
}
