/**
 * Lays a translation's words over the main language's quiz or exercise. Everything that decides a
 * grade (types, correct choices, answers, tolerances, settings) is taken from the main file; only
 * text is replaced, and only where the translation has it, so a half-done translation still shows
 * a working quiz. Typed answers (short-text, cloze) accept the translation's words and the main
 * language's, so a learner who switches language mid-course is never marked wrong for either.
 */
import type { SqlTable } from '../../contract/channels.js';
import type { LoadedExercise } from '../../exercises/load-exercises.js';
import type { ProcessRule } from '../../exercises/exercise-definition.js';
import { clozeSegments, type QuestionDefinition, type QuizDefinition } from '../../quiz/quiz-definition.js';
import type { ExerciseTranslation, QuestionTranslation, QuizTranslation } from './translation-schemas.js';

function byId<T extends { id: string }>(list: readonly T[] | undefined): Map<string, T> {
  return new Map((list ?? []).map((entry) => [entry.id, entry]));
}

/** Translation first, then the main language's, without repeats. */
function acceptedIn(translated: readonly string[] | undefined, main: readonly string[]): string[] {
  return [...new Set([...(translated ?? []), ...main])];
}

export function blankNames(text: string): string[] {
  return clozeSegments(text).flatMap((segment) => (segment.kind === 'blank' ? [segment.name] : []));
}

function sameMembers(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && [...a].sort().join('\0') === [...b].sort().join('\0');
}

function overlayQuestion(main: QuestionDefinition, words: QuestionTranslation | undefined): QuestionDefinition {
  if (!words) return main;
  const base = {
    prompt: words.prompt ?? main.prompt,
    hint: words.hint ?? main.hint,
    explanation: words.explanation ?? main.explanation,
    feedback: main.feedback && {
      correct: words.feedback?.correct ?? main.feedback.correct,
      incorrect: words.feedback?.incorrect ?? main.feedback.incorrect,
    },
  };
  switch (main.type) {
    case 'single-choice':
    case 'multiple-choice': {
      const choices = byId(words.choices);
      return {
        ...main,
        ...base,
        choices: main.choices.map((choice) => {
          const translated = choices.get(choice.id);
          return {
            ...choice,
            text: translated?.text ?? choice.text,
            feedback: choice.feedback === undefined ? undefined : (translated?.feedback ?? choice.feedback),
          };
        }),
      };
    }
    case 'matching': {
      const pairs = byId(words.pairs);
      return { ...main, ...base, pairs: main.pairs.map((pair) => ({ ...pair, ...pick(pairs.get(pair.id), ['left', 'right']) })) };
    }
    case 'ordering': {
      const items = byId(words.items);
      return { ...main, ...base, items: main.items.map((item) => ({ ...item, text: items.get(item.id)?.text ?? item.text })) };
    }
    case 'short-text':
      return { ...main, ...base, accepted: acceptedIn(words.accepted, main.accepted) };
    case 'cloze': {
      // A translated text with other blank names would leave blanks without answers: keep the main text.
      const text =
        words.text !== undefined && sameMembers(blankNames(words.text), blankNames(main.text)) ? words.text : main.text;
      const blanks = Object.fromEntries(
        Object.entries(main.blanks).map(([name, blank]) => [
          name,
          { ...blank, accepted: acceptedIn(words.blanks?.[name]?.accepted, blank.accepted) },
        ]),
      );
      return { ...main, ...base, text, blanks };
    }
    case 'numeric':
      return { ...main, ...base, unit: main.unit === undefined ? undefined : (words.unit ?? main.unit) };
    case 'true-false':
      return { ...main, ...base };
  }
}

function pick<T extends object, K extends keyof T>(value: T | undefined, keys: K[]): Partial<Pick<T, K>> {
  if (!value) return {};
  return Object.fromEntries(keys.map((key) => [key, value[key]])) as Partial<Pick<T, K>>;
}

export function overlayQuiz(main: QuizDefinition, words: QuizTranslation | undefined): QuizDefinition {
  if (!words) return main;
  const questions = byId(words.questions);
  return {
    ...main,
    title: words.title ?? main.title,
    questions: main.questions.map((question) => overlayQuestion(question, questions.get(question.id))),
  };
}

function escapeXmlAttribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function unescapeXmlAttribute(text: string): string {
  return text
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&#10;/g, '\n')
    .replace(/&amp;/g, '&');
}

/** Renames the diagram's elements (`name="..."` attributes) that the map lists. */
export function renameDiagramElements(xml: string, names: Record<string, string>): string {
  return xml.replace(/\bname="([^"]*)"/g, (whole, value: string) => {
    const translated = names[unescapeXmlAttribute(value).trim()];
    return translated === undefined ? whole : `name="${escapeXmlAttribute(translated)}"`;
  });
}

function renameRule(rule: ProcessRule, names: Record<string, string>): ProcessRule {
  const label = (name: string) => names[name] ?? name;
  switch (rule.kind) {
    case 'task-exists':
      return { ...rule, name: label(rule.name) };
    case 'gateway-after-task':
      return { ...rule, task: label(rule.task) };
    case 'task-before-task':
      return { ...rule, before: label(rule.before), after: label(rule.after) };
  }
}

/** The element names a process exercise's rules use, in the order they appear. */
export function processRuleNames(rules: readonly ProcessRule[]): string[] {
  const names = rules.flatMap((rule) =>
    rule.kind === 'task-exists' ? [rule.name] : rule.kind === 'gateway-after-task' ? [rule.task] : [rule.before, rule.after],
  );
  return [...new Set(names)];
}

/**
 * The exercise in a translation. `tables` are an SQL exercise's tables as the translation has them
 * (its own CSV files where it has them): the learner queries and is graded on the values they read,
 * with the translation's `solution` and `starterQuery`, which name those values.
 */
export function overlayExercise(
  main: LoadedExercise,
  words: ExerciseTranslation | undefined,
  tables: SqlTable[] = main.tables,
): LoadedExercise {
  if (!words) return tables === main.tables ? main : { ...main, tables };
  const definition = main.definition;
  const text = {
    prompt: words.prompt ?? definition.prompt,
    hint: words.hint ?? definition.hint,
    explanation: words.explanation ?? definition.explanation,
  };
  switch (definition.type) {
    case 'number':
      return {
        ...main,
        definition: { ...definition, ...text, unit: definition.unit === undefined ? undefined : (words.unit ?? definition.unit) },
      };
    case 'sql':
      return {
        ...main,
        tables,
        definition: {
          ...definition,
          ...text,
          solution: words.solution ?? definition.solution,
          starterQuery: words.starterQuery ?? definition.starterQuery,
        },
      };
    case 'process': {
      const names = words.names ?? {};
      return {
        ...main,
        definition: { ...definition, ...text, rules: definition.rules.map((rule) => renameRule(rule, names)) },
        startingDiagram: main.startingDiagram === null ? null : renameDiagramElements(main.startingDiagram, names),
      };
    }
  }
}
