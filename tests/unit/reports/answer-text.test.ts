import { describe, expect, it } from 'vitest';
import type { Answer, Language } from '../../../electron/contract/channels.js';
import { QuestionDefinitionSchema } from '../../../electron/quiz/quiz-definition.js';
import { answerText } from '../../../electron/reports/answer-text.js';

const question = (definition: Record<string, unknown>) =>
  QuestionDefinitionSchema.parse({ id: 'q', prompt: 'Prompt', ...definition });
const text = (definition: Record<string, unknown>, answer: Answer, language: Language = 'en') =>
  answerText(question(definition), JSON.stringify(answer), language);

/** Item analysis counts wrong answers by how they read: the same answer written two ways is one. */
describe('answers as a trainer reads them', () => {
  const choices = [
    { id: 'a', text: 'Alpha', correct: true },
    { id: 'b', text: 'Beta' },
    { id: 'c', text: 'Gamma', correct: true },
  ];

  it('names choices by their text, a set of choices in the order of the question', () => {
    expect(
      text(
        { type: 'single-choice', choices: choices.map((c) => ({ ...c, correct: c.id === 'a' })) },
        { type: 'single-choice', choiceId: 'b' },
      ),
    ).toBe('Beta');
    const multiple = { type: 'multiple-choice', choices };
    expect(text(multiple, { type: 'multiple-choice', choiceIds: ['c', 'b'] })).toBe('Beta + Gamma');
    expect(text(multiple, { type: 'multiple-choice', choiceIds: ['b', 'c'] })).toBe('Beta + Gamma');
  });

  it('reads numbers with either decimal mark alike, and folds typed text as the question grades it', () => {
    expect(text({ type: 'numeric', answer: 10 }, { type: 'numeric', value: '10,50' })).toBe('10.5');
    expect(text({ type: 'numeric', answer: 10 }, { type: 'numeric', value: '10.5' })).toBe('10.5');
    expect(text({ type: 'short-text', accepted: ['total'] }, { type: 'short-text', text: '  Mitjà  aritmètic ' })).toBe(
      'mitja aritmetic',
    );
    expect(text({ type: 'true-false', answer: true }, { type: 'true-false', value: false })).toBe('False');
  });

  it("writes numbers and true/false in the reader's language", () => {
    expect(text({ type: 'numeric', answer: 10 }, { type: 'numeric', value: '10.50' }, 'ca')).toBe('10,5');
    expect(text({ type: 'numeric', answer: 10 }, { type: 'numeric', value: '1234.5' }, 'sv')).toBe('1234,5');
    expect(text({ type: 'true-false', answer: true }, { type: 'true-false', value: false }, 'ca')).toBe('Fals');
    expect(text({ type: 'true-false', answer: true }, { type: 'true-false', value: true }, 'lt')).toBe('Tiesa');
  });

  it('writes orders, matches and blanks with their texts', () => {
    const items = [
      { id: 'one', text: 'Collect' },
      { id: 'two', text: 'Clean' },
    ];
    expect(text({ type: 'ordering', items }, { type: 'ordering', itemIds: ['two', 'one'] })).toBe('Clean → Collect');
    const pairs = [
      { id: 'p1', left: 'Mean', right: 'Average' },
      { id: 'p2', left: 'Median', right: 'Middle value' },
    ];
    // Options are numbered in the alphabetical order of their texts: r1 = Average, r2 = Middle value.
    expect(
      text(
        { type: 'matching', pairs },
        {
          type: 'matching',
          matches: [
            { leftId: 'p1', optionId: 'r2' },
            { leftId: 'p2', optionId: 'r1' },
          ],
        },
      ),
    ).toBe('Mean = Middle value; Median = Average');
    expect(
      text(
        { type: 'cloze', text: 'The {first} and {second}', blanks: { first: { accepted: ['x'] }, second: { accepted: ['y'] } } },
        {
          type: 'cloze',
          blanks: [
            { name: 'first', text: ' X ' },
            { name: 'second', text: 'Ý' },
          ],
        },
      ),
    ).toBe('first: x; second: y');
  });

  it('shows a stored answer it cannot read as "?" rather than failing the whole analysis', () => {
    expect(answerText(question({ type: 'true-false', answer: true }), '{not json', 'en')).toBe('?');
  });
});
