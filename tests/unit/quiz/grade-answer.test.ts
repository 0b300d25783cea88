import { describe, expect, it } from 'vitest';
import { AnswerShapeError, gradeAnswer, toPublicQuestion } from '../../../electron/quiz/grade-answer.js';
import { QuizDefinitionSchema } from '../../../electron/quiz/quiz-definition.js';

const quiz = QuizDefinitionSchema.parse({
  id: 'q',
  title: 'Quiz',
  questions: [
    {
      id: 'capital',
      type: 'single-choice',
      prompt: 'Capital of Catalonia?',
      explanation: 'Barcelona is the capital.',
      feedback: { incorrect: 'Look again at the map.' },
      choices: [
        { id: 'girona', text: 'Girona' },
        { id: 'barcelona', text: 'Barcelona', correct: true, feedback: 'Right.' },
      ],
    },
  ],
});
const question = quiz.questions[0]!;

describe('gradeAnswer (single choice)', () => {
  it('marks the keyed choice correct, with its own feedback and the explanation', () => {
    expect(gradeAnswer(question, { type: 'single-choice', choiceId: 'barcelona' })).toEqual({
      correct: true,
      score: 1,
      maxScore: 1,
      feedback: 'Right.',
      explanation: 'Barcelona is the capital.',
    });
  });

  it('marks another choice wrong, falling back to the general feedback', () => {
    const grade = gradeAnswer(question, { type: 'single-choice', choiceId: 'girona' });
    expect(grade.correct).toBe(false);
    expect(grade.score).toBe(0);
    expect(grade.feedback).toBe('Look again at the map.');
  });

  it('rejects a choice the question does not have', () => {
    expect(() => gradeAnswer(question, { type: 'single-choice', choiceId: 'madrid' })).toThrow(AnswerShapeError);
  });

  it('gives the renderer the question without the key or feedback', () => {
    const shown = JSON.stringify(toPublicQuestion(question));
    expect(shown).not.toContain('correct');
    expect(shown).not.toContain('Right.');
    expect(shown).not.toContain('Barcelona is the capital');
  });
});

describe('QuizDefinitionSchema', () => {
  it('refuses a single-choice question without exactly one correct choice', () => {
    const result = QuizDefinitionSchema.safeParse({
      id: 'q',
      title: 'Quiz',
      questions: [
        {
          id: 'a',
          type: 'single-choice',
          prompt: 'P',
          choices: [
            { id: 'x', text: 'X' },
            { id: 'y', text: 'Y' },
          ],
        },
      ],
    });
    expect(result.success).toBe(false);
    expect(JSON.stringify(result.error?.issues)).toContain('exactly one choice');
  });
});
