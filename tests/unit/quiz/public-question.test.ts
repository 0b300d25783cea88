import { describe, expect, it } from 'vitest';
import { questionsInAttemptOrder, toPublicQuestion } from '../../../electron/quiz/public-question.js';
import { QuizDefinitionSchema } from '../../../electron/quiz/quiz-definition.js';
import { shuffleAwayFromOriginal, stableShuffle } from '../../../electron/quiz/stable-shuffle.js';

const quiz = QuizDefinitionSchema.parse({
  id: 'q',
  title: 'Quiz',
  shuffle: true,
  questions: [
    {
      id: 'pick',
      type: 'single-choice',
      prompt: 'Pick',
      explanation: 'SECRET-EXPLANATION',
      feedback: { correct: 'SECRET-GENERAL' },
      choices: [
        { id: 'a', text: 'Alpha' },
        { id: 'b', text: 'Beta', correct: true, feedback: 'SECRET-CHOICE' },
        { id: 'c', text: 'Gamma' },
        { id: 'd', text: 'Delta' },
      ],
    },
    { id: 'tf', type: 'true-false', prompt: 'True?', answer: true },
    { id: 'num', type: 'numeric', prompt: 'How many?', answer: 424242, unit: 'kg' },
    { id: 'text', type: 'short-text', prompt: 'Word?', accepted: ['SECRET-WORD'] },
    {
      id: 'order',
      type: 'ordering',
      prompt: 'Order',
      items: [
        { id: 'one', text: 'One' },
        { id: 'two', text: 'Two' },
        { id: 'three', text: 'Three' },
      ],
    },
    {
      id: 'match',
      type: 'matching',
      prompt: 'Match',
      pairs: [
        { id: 'x', left: 'X', right: 'Ex' },
        { id: 'y', left: 'Y', right: 'Why' },
        { id: 'z', left: 'Z', right: 'Zed' },
      ],
    },
    { id: 'cloze', type: 'cloze', prompt: 'Fill', text: 'A {gap} here.', blanks: { gap: { accepted: ['SECRET-BLANK'] } } },
  ],
});

describe('public questions', () => {
  it('carry no key, feedback or explanation of any question type', () => {
    const shown = JSON.stringify(quiz.questions.map((question) => toPublicQuestion(question, 'seed', true)));
    expect(shown).not.toMatch(/SECRET|correct|424242|accepted|"answer"/);
    expect(shown).toContain('"unit":"kg"');
  });

  it('show a cloze text as pieces of text and named blanks', () => {
    expect(toPublicQuestion(quiz.questions[6]!, 'seed', false)).toMatchObject({
      segments: [
        { kind: 'text', text: 'A ' },
        { kind: 'blank', name: 'gap' },
        { kind: 'text', text: ' here.' },
      ],
    });
  });

  it('keep the same order for the same seed, and usually another for another seed', () => {
    const order = (seed: string) =>
      questionsInAttemptOrder(quiz, seed).map((question) => JSON.stringify(toPublicQuestion(question, seed, true)));
    expect(order('attempt-1')).toEqual(order('attempt-1'));
    const seeds = Array.from({ length: 10 }, (_, index) => order(`attempt-${index}`).join('|'));
    expect(new Set(seeds).size).toBeGreaterThan(5);
  });

  it('never show ordering items or matching options in the order of the key', () => {
    const ordering = quiz.questions[4]!;
    const matching = quiz.questions[5]!;
    for (let i = 0; i < 200; i += 1) {
      const shown = toPublicQuestion(ordering, `s${i}`, false);
      if (shown.type !== 'ordering') throw new Error('type');
      expect(shown.items.map((item) => item.id)).not.toEqual(['one', 'two', 'three']);
      const paired = toPublicQuestion(matching, `s${i}`, false);
      if (paired.type !== 'matching') throw new Error('type');
      expect(paired.options.map((option) => option.text)).not.toEqual(['Ex', 'Why', 'Zed']);
    }
  });

  it('leave questions and choices in the written order when the quiz does not shuffle', () => {
    const plain = { ...quiz, shuffle: false };
    expect(questionsInAttemptOrder(plain, 'any').map((question) => question.id)).toEqual(quiz.questions.map((q) => q.id));
    const shown = toPublicQuestion(quiz.questions[0]!, 'any', false);
    if (shown.type !== 'single-choice') throw new Error('type');
    expect(shown.choices.map((choice) => choice.id)).toEqual(['a', 'b', 'c', 'd']);
  });
});

describe('stable shuffle', () => {
  it('is a permutation, the same for the same seed', () => {
    const items = Array.from({ length: 30 }, (_, index) => index);
    const shuffled = stableShuffle(items, 'x');
    expect([...shuffled].sort((a, b) => a - b)).toEqual(items);
    expect(stableShuffle(items, 'x')).toEqual(shuffled);
    expect(stableShuffle(items, 'y')).not.toEqual(shuffled);
    expect(items).toEqual(Array.from({ length: 30 }, (_, index) => index));
  });

  it('moves two items apart from their original order every time', () => {
    for (let i = 0; i < 50; i += 1) expect(shuffleAwayFromOriginal(['a', 'b'], `${i}`)).toEqual(['b', 'a']);
  });
});
