import type { Answer, PublicQuestion } from '../../../../../electron/contract/channels';

/**
 * What the learner has entered so far for one question, which may be incomplete. It becomes an
 * Answer (the contract's shape) only when complete enough to send.
 */
export type Draft =
  | { type: 'single-choice'; choiceId: string | null }
  | { type: 'multiple-choice'; choiceIds: string[] }
  | { type: 'true-false'; value: boolean | null }
  | { type: 'numeric'; value: string }
  | { type: 'short-text'; text: string }
  | { type: 'ordering'; itemIds: string[] }
  | { type: 'matching'; matches: Record<string, string> }
  | { type: 'cloze'; blanks: Record<string, string> };

export type DraftOf<T extends Draft['type']> = Extract<Draft, { type: T }>;

export function emptyDraft(question: PublicQuestion): Draft {
  switch (question.type) {
    case 'single-choice':
      return { type: 'single-choice', choiceId: null };
    case 'multiple-choice':
      return { type: 'multiple-choice', choiceIds: [] };
    case 'true-false':
      return { type: 'true-false', value: null };
    case 'numeric':
      return { type: 'numeric', value: '' };
    case 'short-text':
      return { type: 'short-text', text: '' };
    case 'ordering':
      // Starts in the shuffled order the core chose for this attempt.
      return { type: 'ordering', itemIds: question.items.map((item) => item.id) };
    case 'matching':
      return { type: 'matching', matches: {} };
    case 'cloze':
      return { type: 'cloze', blanks: {} };
  }
}

export function draftFromAnswer(answer: Answer): Draft {
  switch (answer.type) {
    case 'matching':
      return { type: 'matching', matches: Object.fromEntries(answer.matches.map((match) => [match.leftId, match.optionId])) };
    case 'cloze':
      return { type: 'cloze', blanks: Object.fromEntries(answer.blanks.map((blank) => [blank.name, blank.text])) };
    default:
      return answer;
  }
}

/** The translation key of what is still missing, so the learner is told before anything is sent. */
export type MissingPart = 'quiz.chooseOne' | 'quiz.chooseSome' | 'quiz.typeAnswer' | 'quiz.matchAll' | 'quiz.fillAll';

export function answerFromDraft(question: PublicQuestion, draft: Draft): Answer | { missing: MissingPart } {
  switch (draft.type) {
    case 'single-choice':
      return draft.choiceId ? { type: draft.type, choiceId: draft.choiceId } : { missing: 'quiz.chooseOne' };
    case 'multiple-choice':
      return draft.choiceIds.length > 0 ? { type: draft.type, choiceIds: draft.choiceIds } : { missing: 'quiz.chooseSome' };
    case 'true-false':
      return draft.value === null ? { missing: 'quiz.chooseOne' } : { type: draft.type, value: draft.value };
    case 'numeric':
      return draft.value.trim() ? { type: draft.type, value: draft.value } : { missing: 'quiz.typeAnswer' };
    case 'short-text':
      return draft.text.trim() ? { type: draft.type, text: draft.text } : { missing: 'quiz.typeAnswer' };
    case 'ordering':
      return { type: draft.type, itemIds: draft.itemIds };
    case 'matching': {
      if (question.type !== 'matching') return { missing: 'quiz.matchAll' };
      const matches = question.lefts.map((left) => ({ leftId: left.id, optionId: draft.matches[left.id] ?? '' }));
      return matches.every((match) => match.optionId) ? { type: draft.type, matches } : { missing: 'quiz.matchAll' };
    }
    case 'cloze': {
      if (question.type !== 'cloze') return { missing: 'quiz.fillAll' };
      const blanks = question.segments.flatMap((segment) =>
        segment.kind === 'blank' ? [{ name: segment.name, text: draft.blanks[segment.name] ?? '' }] : [],
      );
      return blanks.every((blank) => blank.text.trim()) ? { type: draft.type, blanks } : { missing: 'quiz.fillAll' };
    }
  }
}

/** Whether two answers say the same (a multiple choice in another order is the same answer). */
export function sameAnswer(a: Answer, b: Answer): boolean {
  const normal = (answer: Answer) =>
    answer.type === 'multiple-choice' ? { ...answer, choiceIds: [...answer.choiceIds].sort() } : answer;
  return JSON.stringify(normal(a)) === JSON.stringify(normal(b));
}
