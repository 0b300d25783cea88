import { AnswerSchema, type Answer, type Language } from '../contract/channels.js';
import { foldText } from '../quiz/fold-text.js';
import { parseDecimal } from '../quiz/parse-decimal.js';
import { matchOptions } from '../quiz/public-question.js';
import type { QuestionDefinition } from '../quiz/quiz-definition.js';
import { numberText, trueFalseText } from './answer-words.js';

/**
 * A stored answer as a trainer reads it in item analysis: the texts the learner chose rather than
 * ids, and typed text folded the way the question grades it, so "Total" and " total " count as
 * one wrong answer. `question` is in the reader's language (its translation, when the course has
 * one), and numbers and true/false are written in `language`.
 */
export function answerText(question: QuestionDefinition, answerJson: string, language: Language): string {
  let answer: Answer;
  try {
    answer = AnswerSchema.parse(JSON.parse(answerJson));
  } catch {
    return '?';
  }
  const textOf = (items: readonly { id: string; text: string }[], id: string) => items.find((item) => item.id === id)?.text ?? id;
  switch (answer.type) {
    case 'single-choice':
      return question.type === 'single-choice' ? textOf(question.choices, answer.choiceId) : answer.choiceId;
    case 'multiple-choice': {
      if (question.type !== 'multiple-choice') return answer.choiceIds.join(', ');
      // The same set of choices is the same answer, whatever order they were ticked in.
      const order = question.choices.map((choice) => choice.id);
      const ids = [...answer.choiceIds].sort((a, b) => order.indexOf(a) - order.indexOf(b));
      return ids.map((id) => textOf(question.choices, id)).join(' + ');
    }
    case 'true-false':
      return trueFalseText(answer.value, language);
    case 'numeric': {
      const value = parseDecimal(answer.value);
      return value === null ? answer.value.trim() : numberText(value, language);
    }
    case 'short-text':
      return question.type === 'short-text' ? foldText(answer.text, question) : answer.text.trim();
    case 'ordering':
      return question.type === 'ordering'
        ? answer.itemIds.map((id) => textOf(question.items, id)).join(' → ')
        : answer.itemIds.join(' → ');
    case 'matching': {
      if (question.type !== 'matching') return answer.matches.map((m) => `${m.leftId} = ${m.optionId}`).join('; ');
      const options = matchOptions(question);
      return question.pairs
        .map((pair) => {
          const chosen = answer.matches.find((match) => match.leftId === pair.id)?.optionId;
          const right = options.find((option) => option.id === chosen)?.text ?? '—';
          return `${pair.left} = ${right}`;
        })
        .join('; ');
    }
    case 'cloze': {
      const blanks = question.type === 'cloze' ? question.blanks : {};
      return answer.blanks
        .map((blank) => {
          const key = blanks[blank.name];
          return `${blank.name}: ${key ? foldText(blank.text, key) : blank.text.trim()}`;
        })
        .join('; ');
    }
  }
}
