import type { AnswerResult, PublicQuestion } from '../../../../../electron/contract/channels';
import type { DraftOf } from './answer-drafts';

/** What every question-type input gets from the question frame around it. */
export interface InputProps<T extends PublicQuestion['type']> {
  question: Extract<PublicQuestion, { type: T }>;
  draft: DraftOf<T>;
  onChange: (draft: DraftOf<T>) => void;
  /** While saving, and once the answer is final. */
  disabled: boolean;
  /** The verdict, once the learner may see it: inputs mark each part right or wrong. */
  result: AnswerResult | null;
  /** Unique per question on the page, for ids and radio-group names. */
  idPrefix: string;
}

/** The verdict on one part of the answer (a choice, an item, a pair, a blank), if known. */
export function partVerdict(result: AnswerResult | null, id: string): boolean | null {
  const part = result?.parts.find((candidate) => candidate.id === id);
  return part ? part.correct : null;
}
