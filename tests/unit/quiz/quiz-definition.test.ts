import path from 'node:path';
import fs from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { QUESTION_TYPES } from '../../../electron/contract/channels.js';
import { describeSchemaIssues } from '../../../electron/course-source/course-problem.js';
import { QuizDefinitionSchema } from '../../../electron/quiz/quiz-definition.js';
import { REPO_ROOT, SAMPLE_COURSE_DIR } from '../../helpers/temp-dir.js';

function problemsOf(quiz: unknown): string {
  const result = QuizDefinitionSchema.safeParse(quiz);
  return result.success ? '' : describeSchemaIssues(result.error);
}

const quizWith = (question: Record<string, unknown>) => ({
  id: 'q',
  title: 'Quiz',
  questions: [{ id: 'a', prompt: 'P', ...question }],
});

describe('QuizDefinitionSchema', () => {
  it('reads every example of docs/course-format.md "Quizzes"', () => {
    const doc = fs.readFileSync(path.join(REPO_ROOT, 'docs', 'course-format.md'), 'utf8');
    const section = doc.slice(doc.indexOf('## Quizzes'), doc.indexOf('## Exercises'));
    const blocks = [...section.matchAll(/```yaml\n([\s\S]*?)```/g)].map((match) => match[1]!);
    const first = parse(blocks[0]!) as { questions: unknown[] };
    const more = parse(blocks[1]!) as unknown[];
    const quiz = QuizDefinitionSchema.parse({ ...first, questions: [...first.questions, ...more] });
    expect(new Set(quiz.questions.map((question) => question.type))).toEqual(new Set(QUESTION_TYPES));
    expect(quiz).toMatchObject({ passMark: 70, attemptLimit: 3, shuffle: true, feedback: 'per-question' });
  });

  it('fills in the documented defaults', () => {
    const quiz = QuizDefinitionSchema.parse(quizWith({ type: 'short-text', accepted: ['x'] }));
    expect(quiz).toMatchObject({ passMark: 70, shuffle: false, feedback: 'per-question' });
    expect(quiz.attemptLimit).toBeUndefined();
    expect(quiz.questions[0]).toMatchObject({ caseSensitive: false, ignoreAccents: true, ignoreWhitespace: true });
  });

  it('loads the quizzes of the sample course, which use all eight types', () => {
    const dir = path.join(SAMPLE_COURSE_DIR, 'quizzes');
    const types = fs
      .readdirSync(dir)
      .flatMap((name) => QuizDefinitionSchema.parse(parse(fs.readFileSync(path.join(dir, name), 'utf8'))).questions)
      .map((question) => question.type);
    expect(new Set(types)).toEqual(new Set(QUESTION_TYPES));
  });

  it.each([
    ['an unknown type', { type: 'essay' }, /type must be one of: single-choice, multiple-choice/],
    [
      'a single-choice question without exactly one correct choice',
      {
        type: 'single-choice',
        choices: [
          { id: 'x', text: 'X' },
          { id: 'y', text: 'Y' },
        ],
      },
      /exactly one choice/,
    ],
    [
      'a multiple-choice question without a correct choice',
      {
        type: 'multiple-choice',
        choices: [
          { id: 'x', text: 'X' },
          { id: 'y', text: 'Y' },
        ],
      },
      /at least one choice/,
    ],
    [
      'duplicate choice ids',
      {
        type: 'single-choice',
        choices: [
          { id: 'x', text: 'X', correct: true },
          { id: 'x', text: 'Y' },
        ],
      },
      /choice ids must be unique/,
    ],
    ['a misspelt option', { type: 'multiple-choice', partial_credit: true, choices: [] }, /Unrecognized key.*partial_credit/],
    ['a negative tolerance', { type: 'numeric', answer: 3, tolerance: -1 }, /tolerance/],
    ['a numeric answer written as text', { type: 'numeric', answer: '10,5' }, /answer/],
    ['a true/false answer that is not a boolean', { type: 'true-false', answer: 'no' }, /answer/],
    ['short text without accepted answers', { type: 'short-text', accepted: [] }, /accepted/],
    [
      'matching with two identical right-hand texts',
      {
        type: 'matching',
        pairs: [
          { id: 'a', left: 'A', right: 'Same' },
          { id: 'b', left: 'B', right: 'Same' },
        ],
      },
      /right-hand text must be different/,
    ],
    ['a cloze text without blanks', { type: 'cloze', text: 'No blanks', blanks: {} }, /has no blanks/],
    [
      'a cloze blank without an entry',
      { type: 'cloze', text: 'The {x} and {y}', blanks: { x: { accepted: ['a'] } } },
      /\{y\} in the text has no entry/,
    ],
    [
      'a cloze entry the text does not use',
      { type: 'cloze', text: 'The {x}', blanks: { x: { accepted: ['a'] }, z: { accepted: ['b'] } } },
      /blanks\.z: is not used in the text/,
    ],
    ['a cloze blank name with spaces', { type: 'cloze', text: 'The {two words}', blanks: {} }, /not a valid blank name/],
  ])('refuses %s with a message naming the field', (_name, question, message) => {
    expect(problemsOf(quizWith(question))).toMatch(message);
  });

  it('refuses a pass mark over 100, a zero attempt limit and an unknown feedback mode', () => {
    const base = quizWith({ type: 'true-false', answer: true });
    expect(problemsOf({ ...base, passMark: 120 })).toMatch(/passMark/);
    expect(problemsOf({ ...base, attemptLimit: 0 })).toMatch(/attemptLimit/);
    expect(problemsOf({ ...base, feedback: 'never' })).toMatch(/feedback/);
  });
});
