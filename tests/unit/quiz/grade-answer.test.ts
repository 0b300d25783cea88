import { describe, expect, it } from 'vitest';
import type { Answer } from '../../../electron/contract/channels.js';
import { AnswerShapeError, gradeAnswer } from '../../../electron/quiz/grade-answer.js';
import { matchOptions } from '../../../electron/quiz/public-question.js';
import { QuestionDefinitionSchema, type QuestionDefinition, type QuestionOf } from '../../../electron/quiz/quiz-definition.js';

function question<T extends QuestionDefinition['type']>(definition: Record<string, unknown> & { type: T }): QuestionOf<T> {
  return QuestionDefinitionSchema.parse({ id: 'q', prompt: 'Prompt', ...definition }) as QuestionOf<T>;
}

describe('single choice', () => {
  const capital = question({
    type: 'single-choice',
    explanation: 'Barcelona is the capital.',
    feedback: { incorrect: 'Look again at the map.', correct: 'Well done.' },
    choices: [
      { id: 'girona', text: 'Girona' },
      { id: 'barcelona', text: 'Barcelona', correct: true, feedback: 'Right.' },
    ],
  });

  it('marks the keyed choice correct, with its own feedback and the explanation', () => {
    expect(gradeAnswer(capital, { type: 'single-choice', choiceId: 'barcelona' })).toEqual({
      correct: true,
      score: 1,
      maxScore: 1,
      feedback: 'Right.',
      explanation: 'Barcelona is the capital.',
      parts: [{ id: 'barcelona', correct: true, feedback: 'Right.' }],
    });
  });

  it('marks another choice wrong, falling back to the general feedback', () => {
    const grade = gradeAnswer(capital, { type: 'single-choice', choiceId: 'girona' });
    expect(grade).toMatchObject({ correct: false, score: 0, feedback: 'Look again at the map.' });
  });

  it('rejects a choice the question does not have, and an answer of another type', () => {
    expect(() => gradeAnswer(capital, { type: 'single-choice', choiceId: 'madrid' })).toThrow(AnswerShapeError);
    expect(() => gradeAnswer(capital, { type: 'true-false', value: true })).toThrow(/expects a single-choice answer/);
  });
});

describe('multiple choice', () => {
  const choices = [
    { id: 'health', text: 'Health', correct: true, feedback: 'Special category.' },
    { id: 'religion', text: 'Religion', correct: true },
    { id: 'postcode', text: 'Postcode', feedback: 'Not a special category.' },
    { id: 'email', text: 'Email' },
  ];
  const allOrNothing = question({ type: 'multiple-choice', choices });
  const partial = question({ type: 'multiple-choice', partialCredit: true, choices });
  const pick = (...choiceIds: string[]): Answer => ({ type: 'multiple-choice', choiceIds });

  it('is correct only with exactly the keyed choices, in any order', () => {
    expect(gradeAnswer(allOrNothing, pick('religion', 'health'))).toMatchObject({ correct: true, score: 1 });
    expect(gradeAnswer(allOrNothing, pick('health'))).toMatchObject({ correct: false, score: 0 });
    expect(gradeAnswer(allOrNothing, pick('health', 'religion', 'postcode'))).toMatchObject({ correct: false, score: 0 });
  });

  it('with partialCredit, gives a share per right pick and takes one away per wrong pick, never below zero', () => {
    expect(gradeAnswer(partial, pick('health')).score).toBe(0.5);
    expect(gradeAnswer(partial, pick('health', 'religion', 'postcode')).score).toBe(0.5);
    expect(gradeAnswer(partial, pick('health', 'postcode')).score).toBe(0);
    expect(gradeAnswer(partial, pick('postcode', 'email')).score).toBe(0);
    expect(gradeAnswer(partial, pick('health', 'religion'))).toMatchObject({ correct: true, score: 1 });
  });

  it('returns the feedback of each chosen choice', () => {
    expect(gradeAnswer(partial, pick('health', 'postcode')).parts).toEqual([
      { id: 'health', correct: true, feedback: 'Special category.' },
      { id: 'postcode', correct: false, feedback: 'Not a special category.' },
    ]);
  });

  it('refuses no choice at all, an unknown choice and a choice given twice', () => {
    expect(() => gradeAnswer(partial, pick())).toThrow(/at least one/);
    expect(() => gradeAnswer(partial, pick('health', 'nope'))).toThrow(/no choice "nope"/);
    expect(() => gradeAnswer(partial, pick('health', 'health'))).toThrow(/twice/);
  });
});

describe('true/false', () => {
  const q = question({ type: 'true-false', answer: false, feedback: { correct: 'Yes.', incorrect: 'No.' } });
  it('compares with the key and uses the general feedback', () => {
    expect(gradeAnswer(q, { type: 'true-false', value: false })).toMatchObject({ correct: true, feedback: 'Yes.' });
    expect(gradeAnswer(q, { type: 'true-false', value: true })).toMatchObject({ correct: false, feedback: 'No.' });
  });
});

describe('numeric', () => {
  const change = question({ type: 'numeric', answer: 10.5, tolerance: 0.05, unit: '%' });
  const exact = question({ type: 'numeric', answer: 3 });
  const grade = (q: QuestionDefinition, value: string) => gradeAnswer(q, { type: 'numeric', value }).correct;

  it('accepts a decimal comma as well as a point, spaces, a sign and the unit', () => {
    for (const typed of ['10,5', '10.5', ' 10,50 ', '+10,5', '10,5 %', '10,5%', '10.5%'])
      expect(grade(change, typed), typed).toBe(true);
    expect(grade(question({ type: 'numeric', answer: -0.5 }), '-0,5')).toBe(true);
    expect(grade(question({ type: 'numeric', answer: 0.5 }), ',5')).toBe(true);
    expect(grade(question({ type: 'numeric', answer: 1234.5 }), '1 234,5')).toBe(true);
  });

  it('accepts exactly the edges of the tolerance and nothing beyond', () => {
    expect(grade(change, '10,45')).toBe(true);
    expect(grade(change, '10,55')).toBe(true);
    expect(grade(change, '10,449')).toBe(false);
    expect(grade(change, '10,551')).toBe(false);
    expect(grade(exact, '3')).toBe(true);
    expect(grade(exact, '3,0')).toBe(true);
    expect(grade(exact, '3,0001')).toBe(false);
  });

  it('refuses text that is not one plain number, with a message that says how to write it', () => {
    for (const typed of ['', 'ten', '1.234,5', '10,5,1', '1e3', '10 5 %x']) {
      expect(() => gradeAnswer(change, { type: 'numeric', value: typed }), typed).toThrow(AnswerShapeError);
    }
    expect(() => gradeAnswer(change, { type: 'numeric', value: 'ten' })).toThrow(/such as 10,5/);
  });
});

describe('short text', () => {
  const defaults = question({ type: 'short-text', accepted: ['median', 'the median', 'Bon dia'] });
  const strict = question({
    type: 'short-text',
    accepted: ['Mitjana'],
    caseSensitive: true,
    ignoreAccents: false,
    ignoreWhitespace: false,
  });
  const grade = (q: QuestionDefinition, text: string) => gradeAnswer(q, { type: 'short-text', text }).correct;

  it('by default ignores case, accents and extra whitespace', () => {
    for (const typed of ['median', 'MEDIAN', '  The   Median ', 'médian', 'bon  DÍA'])
      expect(grade(defaults, typed), typed).toBe(true);
    expect(grade(defaults, 'mean')).toBe(false);
    expect(grade(defaults, 'themedian')).toBe(false);
  });

  it('compares case, accents and whitespace when the question says so', () => {
    expect(grade(strict, 'Mitjana')).toBe(true);
    expect(grade(strict, 'mitjana')).toBe(false);
    expect(grade(strict, 'Mitjána')).toBe(false);
    expect(grade(strict, ' Mitjana')).toBe(false);
  });

  it("always treats typographic apostrophes and Unicode forms alike (l’entitat, l'entitat)", () => {
    const q = question({ type: 'short-text', accepted: ["l'entitat", 'col·lectiu'], caseSensitive: true, ignoreAccents: false });
    expect(grade(q, 'l’entitat')).toBe(true);
    expect(grade(q, 'col.lectiu')).toBe(false);
    expect(grade(q, 'col\u2027lectiu')).toBe(true);
    expect(grade(question({ type: 'short-text', accepted: ['café'], ignoreAccents: false }), 'cafe\u0301')).toBe(true);
  });

  it('reads numbers in accepted answers as text', () => {
    expect(grade(question({ type: 'short-text', accepted: [2024] }), '2024')).toBe(true);
  });

  it('refuses an empty answer', () => {
    expect(() => gradeAnswer(defaults, { type: 'short-text', text: '   ' })).toThrow(/Type an answer/);
  });
});

describe('ordering', () => {
  const q = question({
    type: 'ordering',
    items: [
      { id: 'copy', text: 'Keep a copy' },
      { id: 'fix', text: 'Fix problems' },
      { id: 'record', text: 'Write down changes' },
    ],
  });
  const order = (...itemIds: string[]): Answer => ({ type: 'ordering', itemIds });

  it('is correct only in the written order, and says which positions are right', () => {
    expect(gradeAnswer(q, order('copy', 'fix', 'record'))).toMatchObject({ correct: true, score: 1 });
    const wrong = gradeAnswer(q, order('copy', 'record', 'fix'));
    expect(wrong).toMatchObject({ correct: false, score: 0 });
    expect(wrong.parts.map((part) => part.correct)).toEqual([true, false, false]);
  });

  it('refuses missing, unknown and repeated items', () => {
    expect(() => gradeAnswer(q, order('copy', 'fix'))).toThrow(/all 3 items/);
    expect(() => gradeAnswer(q, order('copy', 'fix', 'burn'))).toThrow(/no item "burn"/);
    expect(() => gradeAnswer(q, order('copy', 'fix', 'fix'))).toThrow(/twice/);
  });
});

describe('matching', () => {
  const q = question({
    type: 'matching',
    pairs: [
      { id: 'mean', left: 'Mean', right: 'Sum divided by count' },
      { id: 'median', left: 'Median', right: 'Middle of the sorted values' },
      { id: 'range', left: 'Range', right: 'Largest minus smallest' },
    ],
  });
  const optionFor = (pairId: string) => matchOptions(q).find((option) => option.pairId === pairId)!.id;
  const match = (pairs: [string, string][]): Answer => ({
    type: 'matching',
    matches: pairs.map(([leftId, optionId]) => ({ leftId, optionId })),
  });

  it('numbers the options by their text, so the ids do not give the pairs away', () => {
    expect(matchOptions(q).map((option) => [option.id, option.pairId])).toEqual([
      ['r1', 'range'],
      ['r2', 'median'],
      ['r3', 'mean'],
    ]);
  });

  it('is correct when every left is matched to its own right', () => {
    const right = match([
      ['mean', optionFor('mean')],
      ['median', optionFor('median')],
      ['range', optionFor('range')],
    ]);
    expect(gradeAnswer(q, right)).toMatchObject({ correct: true, score: 1 });
    const swapped = gradeAnswer(
      q,
      match([
        ['mean', optionFor('median')],
        ['median', optionFor('mean')],
        ['range', optionFor('range')],
      ]),
    );
    expect(swapped.correct).toBe(false);
    expect(swapped.parts).toEqual([
      { id: 'mean', correct: false, feedback: null },
      { id: 'median', correct: false, feedback: null },
      { id: 'range', correct: true, feedback: null },
    ]);
  });

  it('refuses an unmatched left, an unknown left or option, and a left matched twice', () => {
    expect(() => gradeAnswer(q, match([['mean', 'r1']]))).toThrow(/match "Median" too/);
    expect(() =>
      gradeAnswer(
        q,
        match([
          ['mean', 'r1'],
          ['median', 'r2'],
          ['range', 'r9'],
        ]),
      ),
    ).toThrow(/no option "r9"/);
    expect(() => gradeAnswer(q, match([['mode', 'r1']]))).toThrow(/no item "mode"/);
    expect(() =>
      gradeAnswer(
        q,
        match([
          ['mean', 'r1'],
          ['mean', 'r2'],
        ]),
      ),
    ).toThrow(/twice/);
  });
});

describe('cloze', () => {
  const q = question({
    type: 'cloze',
    text: 'The {measure} is the sum divided by the {what}.',
    blanks: {
      measure: { accepted: ['mean', 'average'] },
      what: { accepted: ['Count'], caseSensitive: true },
    },
  });
  const fill = (measure: string, what: string): Answer => ({
    type: 'cloze',
    blanks: [
      { name: 'measure', text: measure },
      { name: 'what', text: what },
    ],
  });

  it('grades each blank with its own folding options', () => {
    expect(gradeAnswer(q, fill(' AVERAGE ', 'Count'))).toMatchObject({ correct: true, score: 1 });
    const wrongCase = gradeAnswer(q, fill('mean', 'count'));
    expect(wrongCase.correct).toBe(false);
    expect(wrongCase.parts).toEqual([
      { id: 'measure', correct: true, feedback: null },
      { id: 'what', correct: false, feedback: null },
    ]);
  });

  it('refuses an empty or missing blank and a blank it does not have', () => {
    expect(() => gradeAnswer(q, fill('mean', ''))).toThrow(/every blank/);
    expect(() => gradeAnswer(q, { type: 'cloze', blanks: [{ name: 'measure', text: 'mean' }] })).toThrow(/every blank/);
    expect(() =>
      gradeAnswer(q, {
        type: 'cloze',
        blanks: [
          { name: 'measure', text: 'mean' },
          { name: 'what', text: 'Count' },
          { name: 'extra', text: 'x' },
        ],
      }),
    ).toThrow(/no blank "extra"/);
  });
});
