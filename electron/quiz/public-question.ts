import type { PublicQuestion } from '../contract/channels.js';
import { clozeSegments, type QuestionDefinition, type QuestionOf, type QuizDefinition } from './quiz-definition.js';
import { shuffleAwayFromOriginal, stableShuffle } from './stable-shuffle.js';

export interface MatchOption {
  /** What the renderer sees and sends back: `r1`, `r2`, ... in the alphabetical order of the texts. */
  id: string;
  pairId: string;
  text: string;
}

/**
 * The right-hand options of a matching question with ids that say nothing about the pairs: they
 * are numbered in the alphabetical order of their texts, not in the order of the key.
 */
export function matchOptions(question: QuestionOf<'matching'>): MatchOption[] {
  return [...question.pairs]
    .sort((a, b) => (a.right < b.right ? -1 : a.right > b.right ? 1 : 0))
    .map((pair, index) => ({ id: `r${index + 1}`, pairId: pair.id, text: pair.right }));
}

/** The questions of a quiz in the order of one attempt (shuffled only when the quiz says so). */
export function questionsInAttemptOrder(quiz: QuizDefinition, seed: string): QuestionDefinition[] {
  return quiz.shuffle ? stableShuffle(quiz.questions, `${seed}/questions`) : [...quiz.questions];
}

/**
 * A question as the renderer may see it in one attempt: no `correct` flags, accepted answers,
 * feedback or explanation. Ordering items and matching options are always shuffled (their
 * written order is the key); choices only when the quiz has `shuffle: true`. The seed makes
 * every order the same each time the attempt is shown.
 */
export function toPublicQuestion(question: QuestionDefinition, seed: string, shuffleChoices: boolean): PublicQuestion {
  const base = { id: question.id, prompt: question.prompt, hint: question.hint ?? null };
  const local = `${seed}/${question.id}`;
  switch (question.type) {
    case 'single-choice':
    case 'multiple-choice': {
      const choices = question.choices.map((choice) => ({ id: choice.id, text: choice.text }));
      return { ...base, type: question.type, choices: shuffleChoices ? stableShuffle(choices, local) : choices };
    }
    case 'true-false':
    case 'short-text':
      return { ...base, type: question.type };
    case 'numeric':
      return { ...base, type: 'numeric', unit: question.unit ?? null };
    case 'ordering':
      return {
        ...base,
        type: 'ordering',
        items: shuffleAwayFromOriginal(
          question.items.map((item) => ({ id: item.id, text: item.text })),
          local,
        ),
      };
    case 'matching': {
      const lefts = question.pairs.map((pair) => ({ id: pair.id, text: pair.left }));
      return {
        ...base,
        type: 'matching',
        lefts: shuffleChoices ? stableShuffle(lefts, `${local}/lefts`) : lefts,
        options: shuffleAwayFromOriginal(
          matchOptions(question).map((option) => ({ id: option.id, text: option.text })),
          `${local}/options`,
        ),
      };
    }
    case 'cloze':
      return { ...base, type: 'cloze', segments: clozeSegments(question.text) };
  }
}
