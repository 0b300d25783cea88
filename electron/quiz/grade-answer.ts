import type { Answer, PublicQuestion } from '../contract/channels.js';
import type { QuestionDefinition } from './quiz-definition.js';

export interface Grade {
  correct: boolean;
  score: number;
  maxScore: number;
  feedback: string | null;
  explanation: string | null;
}

export class AnswerShapeError extends Error {}

/** Grades one answer against the key. Throws AnswerShapeError for answers that do not fit the question. */
export function gradeAnswer(question: QuestionDefinition, answer: Answer): Grade {
  if (answer.type !== question.type) {
    throw new AnswerShapeError(`Question "${question.id}" expects a ${question.type} answer, not ${answer.type}.`);
  }
  const chosen = question.choices.find((choice) => choice.id === answer.choiceId);
  if (!chosen) throw new AnswerShapeError(`Question "${question.id}" has no choice "${answer.choiceId}".`);
  const correct = chosen.correct;
  const general = correct ? question.feedback?.correct : question.feedback?.incorrect;
  return {
    correct,
    score: correct ? 1 : 0,
    maxScore: 1,
    feedback: chosen.feedback ?? general ?? null,
    explanation: question.explanation ?? null,
  };
}

/** The question as the renderer may see it: no `correct` flags, no feedback, no explanation. */
export function toPublicQuestion(question: QuestionDefinition): PublicQuestion {
  return {
    id: question.id,
    type: question.type,
    prompt: question.prompt,
    hint: question.hint ?? null,
    choices: question.choices.map((choice) => ({ id: choice.id, text: choice.text })),
  };
}
