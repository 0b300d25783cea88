/**
 * Try again before the answer, for quiz questions with per-question feedback: a wrong try shows
 * the hint and leaves the question open while tries are left; the right answer and the
 * explanation come only once the learner has it right or has no tries left.
 */
import type { Answer } from '../contract/channels.js';
import type { QuestionTries } from '../db/quiz-attempts.js';
import { matchOptions } from './public-question.js';
import type { QuestionDefinition, QuizDefinition } from './quiz-definition.js';

/**
 * Tries a question allows: its own `triesBeforeSolution`, else the quiz's. A second try could only
 * give the answer away on a true/false question, or on a choice between two, so they have one
 * try; a single choice never has more tries than wrong choices.
 */
export function triesAllowed(quiz: QuizDefinition, question: QuestionDefinition): number {
  const asked = question.triesBeforeSolution ?? quiz.triesBeforeSolution;
  if (question.type === 'true-false') return 1;
  if (question.type === 'single-choice') return Math.max(1, Math.min(asked, question.choices.length - 1));
  return asked;
}

/** No more tries at this question in this attempt: answered right, or every try used. */
export function questionClosed(tries: QuestionTries | undefined, allowed: number): boolean {
  return tries !== undefined && (tries.correct || tries.tries >= allowed);
}

/** The right answer, in the shape of an answer, to show once the learner has no tries left. */
export function solutionOf(question: QuestionDefinition): Answer {
  switch (question.type) {
    case 'single-choice':
      return { type: question.type, choiceId: question.choices.find((choice) => choice.correct)?.id ?? '' };
    case 'multiple-choice':
      return { type: question.type, choiceIds: question.choices.filter((choice) => choice.correct).map((choice) => choice.id) };
    case 'true-false':
      return { type: question.type, value: question.answer };
    case 'numeric':
      return { type: question.type, value: String(question.answer) };
    case 'short-text':
      return { type: question.type, text: question.accepted[0] ?? '' };
    case 'ordering':
      return { type: question.type, itemIds: question.items.map((item) => item.id) };
    case 'matching': {
      const options = matchOptions(question);
      return {
        type: question.type,
        matches: question.pairs.map((pair) => ({
          leftId: pair.id,
          optionId: options.find((option) => option.pairId === pair.id)?.id ?? '',
        })),
      };
    }
    case 'cloze':
      return {
        type: question.type,
        blanks: Object.entries(question.blanks).map(([name, blank]) => ({ name, text: blank.accepted[0] ?? '' })),
      };
  }
}
