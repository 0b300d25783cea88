import type { Answer, PublicQuestion } from '../../electron/contract/channels.js';
import type { QuestionDefinition } from '../../electron/quiz/quiz-definition.js';

/** The right answer to a question, from the quiz file's key and what the page was shown. */
export function rightAnswer(key: QuestionDefinition, shown: PublicQuestion): Answer {
  switch (key.type) {
    case 'single-choice':
      return { type: key.type, choiceId: key.choices.find((choice) => choice.correct)!.id };
    case 'multiple-choice':
      return { type: key.type, choiceIds: key.choices.filter((choice) => choice.correct).map((choice) => choice.id) };
    case 'true-false':
      return { type: key.type, value: key.answer };
    case 'numeric':
      return { type: key.type, value: String(key.answer) };
    case 'short-text':
      return { type: key.type, text: key.accepted[0]! };
    case 'ordering':
      return { type: key.type, itemIds: key.items.map((item) => item.id) };
    case 'matching': {
      const options = shown.type === 'matching' ? shown.options : [];
      return {
        type: key.type,
        matches: key.pairs.map((pair) => ({
          leftId: pair.id,
          optionId: options.find((option) => option.text === pair.right)!.id,
        })),
      };
    }
    case 'cloze':
      return {
        type: key.type,
        blanks: Object.entries(key.blanks).map(([name, blank]) => ({ name, text: blank.accepted[0]! })),
      };
  }
}
