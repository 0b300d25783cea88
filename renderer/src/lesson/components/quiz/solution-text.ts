import type { TFunction } from 'i18next';
import type { Answer, PublicQuestion } from '../../../../../electron/contract/channels';
import { formatList, formatNumber } from '../../../i18n/format';

/**
 * The right answer the core sent once no tries are left, in words: the texts of the right
 * choices, items in order, pairs, or the blanks filled in, never the ids.
 */
export function solutionText(question: PublicQuestion, solution: Answer, t: TFunction, language: string): string {
  const textOf = (items: readonly { id: string; text: string }[], id: string) => items.find((item) => item.id === id)?.text ?? id;
  switch (solution.type) {
    case 'single-choice':
      return question.type === 'single-choice' ? textOf(question.choices, solution.choiceId) : solution.choiceId;
    case 'multiple-choice':
      return question.type === 'multiple-choice'
        ? formatList(
            solution.choiceIds.map((id) => textOf(question.choices, id)),
            language,
          )
        : solution.choiceIds.join(', ');
    case 'true-false':
      return solution.value ? t('quiz.true') : t('quiz.false');
    case 'numeric': {
      const value = Number(solution.value);
      const unit = question.type === 'numeric' && question.unit ? ` ${question.unit}` : '';
      return `${Number.isFinite(value) ? formatNumber(value, language, 6) : solution.value}${unit}`;
    }
    case 'short-text':
      return solution.text;
    case 'ordering':
      return question.type === 'ordering' ? solution.itemIds.map((id) => textOf(question.items, id)).join(' → ') : '';
    case 'matching':
      return question.type === 'matching'
        ? solution.matches
            .map((match) => `${textOf(question.lefts, match.leftId)}: ${textOf(question.options, match.optionId)}`)
            .join('; ')
        : '';
    case 'cloze': {
      if (question.type !== 'cloze') return '';
      const filled = new Map(solution.blanks.map((blank) => [blank.name, blank.text]));
      return question.segments
        .map((segment) => (segment.kind === 'text' ? segment.text : `[${filled.get(segment.name) ?? ''}]`))
        .join('');
    }
  }
}
