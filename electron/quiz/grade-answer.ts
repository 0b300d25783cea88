import type { Answer, AnswerOf, AnswerResult, ErrorFacts } from '../contract/channels.js';
import { DomainRefusal } from '../domain/domain-refusal.js';
import { matchesAccepted } from './fold-text.js';
import { parseDecimal, withinTolerance } from './parse-decimal.js';
import { matchOptions } from './public-question.js';
import type { QuestionDefinition, QuestionOf } from './quiz-definition.js';

/**
 * An answer that does not fit its question (wrong type, a choice it does not have, a blank left
 * out...). The message is for the learner: the answer is refused and nothing is stored.
 */
export class AnswerShapeError extends DomainRefusal {
  constructor(message: string, facts: ErrorFacts) {
    super('bad-input', message, facts);
    this.name = 'AnswerShapeError';
  }
}

type Verdict = Pick<AnswerResult, 'correct' | 'score' | 'parts'> & { feedback?: string | null };

function listOnce(ids: readonly string[], what: 'choice' | 'item' | 'blank', questionId: string): void {
  const seen = new Set<string>();
  for (const id of ids) {
    if (seen.has(id)) {
      throw new AnswerShapeError(`Question "${questionId}": ${what} "${id}" is given twice.`, {
        reason: 'answer.given-twice',
        params: { question: questionId, id },
      });
    }
    seen.add(id);
  }
}

function gradeSingleChoice(question: QuestionOf<'single-choice'>, answer: AnswerOf<'single-choice'>): Verdict {
  const chosen = question.choices.find((choice) => choice.id === answer.choiceId);
  if (!chosen) {
    throw new AnswerShapeError(`Question "${question.id}" has no choice "${answer.choiceId}".`, {
      reason: 'answer.no-choice',
      params: { question: question.id, choice: answer.choiceId },
    });
  }
  return {
    correct: chosen.correct,
    score: chosen.correct ? 1 : 0,
    feedback: chosen.feedback,
    parts: [{ id: chosen.id, correct: chosen.correct, feedback: chosen.feedback ?? null }],
  };
}

/**
 * All or nothing, unless the question has `partialCredit: true`: then each right choice picked
 * earns a share and each wrong one takes a share away, never below zero.
 */
function gradeMultipleChoice(question: QuestionOf<'multiple-choice'>, answer: AnswerOf<'multiple-choice'>): Verdict {
  if (answer.choiceIds.length === 0) throw new AnswerShapeError('Choose at least one answer.', { reason: 'answer.choose-one' });
  listOnce(answer.choiceIds, 'choice', question.id);
  const chosen = answer.choiceIds.map((id) => {
    const choice = question.choices.find((candidate) => candidate.id === id);
    if (!choice) {
      throw new AnswerShapeError(`Question "${question.id}" has no choice "${id}".`, {
        reason: 'answer.no-choice',
        params: { question: question.id, choice: id },
      });
    }
    return choice;
  });
  const keyCount = question.choices.filter((choice) => choice.correct).length;
  const rightPicks = chosen.filter((choice) => choice.correct).length;
  const wrongPicks = chosen.length - rightPicks;
  const correct = rightPicks === keyCount && wrongPicks === 0;
  const share = Math.max(0, (rightPicks - wrongPicks) / keyCount);
  return {
    correct,
    score: correct ? 1 : question.partialCredit ? Math.round(share * 10_000) / 10_000 : 0,
    parts: chosen.map((choice) => ({ id: choice.id, correct: choice.correct, feedback: choice.feedback ?? null })),
  };
}

function gradeTrueFalse(question: QuestionOf<'true-false'>, answer: AnswerOf<'true-false'>): Verdict {
  const correct = answer.value === question.answer;
  return { correct, score: correct ? 1 : 0, parts: [] };
}

function gradeNumeric(question: QuestionOf<'numeric'>, answer: AnswerOf<'numeric'>): Verdict {
  if (answer.value.trim() === '') throw new AnswerShapeError('Type a number first.', { reason: 'answer.number-empty' });
  const value = parseDecimal(answer.value, question.unit);
  if (value === null) {
    throw new AnswerShapeError(
      `"${answer.value.slice(0, 40)}" is not a number Aula can read. Type digits with at most one decimal comma or point, such as 10,5.`,
      { reason: 'answer.not-a-number', params: { value: answer.value.slice(0, 40) } },
    );
  }
  const correct = withinTolerance(value, question.answer, question.tolerance);
  return { correct, score: correct ? 1 : 0, parts: [] };
}

function gradeShortText(question: QuestionOf<'short-text'>, answer: AnswerOf<'short-text'>): Verdict {
  if (answer.text.trim() === '') throw new AnswerShapeError('Type an answer first.', { reason: 'answer.text-empty' });
  const correct = matchesAccepted(answer.text, question.accepted, question);
  return { correct, score: correct ? 1 : 0, parts: [] };
}

function gradeOrdering(question: QuestionOf<'ordering'>, answer: AnswerOf<'ordering'>): Verdict {
  listOnce(answer.itemIds, 'item', question.id);
  const known = new Set(question.items.map((item) => item.id));
  const unknown = answer.itemIds.find((id) => !known.has(id));
  if (unknown) {
    throw new AnswerShapeError(`Question "${question.id}" has no item "${unknown}".`, {
      reason: 'answer.no-item',
      params: { question: question.id, item: unknown },
    });
  }
  if (answer.itemIds.length !== question.items.length) {
    throw new AnswerShapeError(`Question "${question.id}": put all ${question.items.length} items in order.`, {
      reason: 'answer.order-all',
      params: { question: question.id, count: question.items.length },
    });
  }
  const parts = answer.itemIds.map((id, index) => ({ id, correct: question.items[index]?.id === id, feedback: null }));
  const correct = parts.every((part) => part.correct);
  return { correct, score: correct ? 1 : 0, parts };
}

function gradeMatching(question: QuestionOf<'matching'>, answer: AnswerOf<'matching'>): Verdict {
  listOnce(
    answer.matches.map((match) => match.leftId),
    'item',
    question.id,
  );
  const unknown = answer.matches.find((match) => !question.pairs.some((pair) => pair.id === match.leftId));
  if (unknown) {
    throw new AnswerShapeError(`Question "${question.id}" has no item "${unknown.leftId}" to match.`, {
      reason: 'answer.no-match-item',
      params: { question: question.id, item: unknown.leftId },
    });
  }
  const options = new Map(matchOptions(question).map((option) => [option.id, option]));
  const parts = question.pairs.map((pair) => {
    const match = answer.matches.find((candidate) => candidate.leftId === pair.id);
    if (!match) {
      throw new AnswerShapeError(`Question "${question.id}": match "${pair.left}" too.`, {
        reason: 'answer.match-all',
        params: { question: question.id, item: pair.left },
      });
    }
    const option = options.get(match.optionId);
    if (!option) {
      throw new AnswerShapeError(`Question "${question.id}" has no option "${match.optionId}".`, {
        reason: 'answer.no-option',
        params: { question: question.id, option: match.optionId },
      });
    }
    return { id: pair.id, correct: option.pairId === pair.id, feedback: null };
  });
  const correct = parts.every((part) => part.correct);
  return { correct, score: correct ? 1 : 0, parts };
}

function gradeCloze(question: QuestionOf<'cloze'>, answer: AnswerOf<'cloze'>): Verdict {
  listOnce(
    answer.blanks.map((blank) => blank.name),
    'blank',
    question.id,
  );
  const unknown = answer.blanks.find((blank) => !Object.prototype.hasOwnProperty.call(question.blanks, blank.name));
  if (unknown) {
    throw new AnswerShapeError(`Question "${question.id}" has no blank "${unknown.name}".`, {
      reason: 'answer.no-blank',
      params: { question: question.id, blank: unknown.name },
    });
  }
  const parts = Object.entries(question.blanks).map(([name, key]) => {
    const given = answer.blanks.find((blank) => blank.name === name);
    if (!given || given.text.trim() === '') {
      throw new AnswerShapeError('Fill in every blank first.', { reason: 'answer.fill-blanks' });
    }
    return { id: name, correct: matchesAccepted(given.text, key.accepted, key), feedback: null };
  });
  const correct = parts.every((part) => part.correct);
  return { correct, score: correct ? 1 : 0, parts };
}

function verdictFor(question: QuestionDefinition, answer: Answer): Verdict {
  if (answer.type !== question.type) {
    throw new AnswerShapeError(`Question "${question.id}" expects a ${question.type} answer, not ${answer.type}.`, {
      reason: 'answer.wrong-type',
      params: { question: question.id, expected: question.type, given: answer.type },
    });
  }
  // The check above makes each cast below safe: TypeScript cannot narrow two unions together.
  switch (question.type) {
    case 'single-choice':
      return gradeSingleChoice(question, answer as AnswerOf<'single-choice'>);
    case 'multiple-choice':
      return gradeMultipleChoice(question, answer as AnswerOf<'multiple-choice'>);
    case 'true-false':
      return gradeTrueFalse(question, answer as AnswerOf<'true-false'>);
    case 'numeric':
      return gradeNumeric(question, answer as AnswerOf<'numeric'>);
    case 'short-text':
      return gradeShortText(question, answer as AnswerOf<'short-text'>);
    case 'ordering':
      return gradeOrdering(question, answer as AnswerOf<'ordering'>);
    case 'matching':
      return gradeMatching(question, answer as AnswerOf<'matching'>);
    case 'cloze':
      return gradeCloze(question, answer as AnswerOf<'cloze'>);
  }
}

/**
 * Grades one answer against the key. Every question is worth one point. Feedback is the chosen
 * choice's own (single choice) or else the question's general `correct` / `incorrect` text.
 * Throws AnswerShapeError for answers that do not fit the question.
 */
export function gradeAnswer(question: QuestionDefinition, answer: Answer): AnswerResult {
  const verdict = verdictFor(question, answer);
  const general = verdict.correct ? question.feedback?.correct : question.feedback?.incorrect;
  return {
    correct: verdict.correct,
    score: verdict.score,
    maxScore: 1,
    feedback: verdict.feedback ?? general ?? null,
    explanation: question.explanation ?? null,
    parts: verdict.parts,
  };
}
