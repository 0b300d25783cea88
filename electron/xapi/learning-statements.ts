/**
 * Learning events as xAPI 1.0.3 statements (https://github.com/adlnet/xAPI-Spec), with the ADL
 * verbs and activity types, and the cmi5 progress extension for reading progress.
 *
 * Identities never carry personal data: the actor is an account whose `homePage` names this
 * installation and whose `name` is the learner's profile id (a UUID), never a name or e-mail. An
 * LRS can tell learners apart and join a learner's statements; only this PC knows who they are.
 *
 * Activity ids are made of the course and item ids, which are the same on every PC and in every
 * language of a course, so statements from several PCs about one lesson meet in the LRS. They sit
 * under an IRI base: by default the URN `urn:aula:` (Aula owns no domain to resolve ids under), or
 * an https base an organisation owns, set with its LRS (docs/reports-and-records.md). A statement
 * keeps the ids it was recorded with: statements are immutable, in the outbox as in an LRS.
 */

/** The default base of Aula's activity and installation ids. Never change it: LRSs key on it. */
export const AULA_IRI_BASE = 'urn:aula:';

/**
 * Whether `value` can be an organisation's base for activity ids: an absolute https URL with a
 * host, ending in '/' (ids are appended as path segments), without query, fragment or user info.
 */
export function isHttpsIriBase(value: string): boolean {
  if (!value.endsWith('/') || !URL.canParse(value)) return false;
  const url = new URL(value);
  return (
    url.protocol === 'https:' &&
    url.hostname !== '' &&
    url.search === '' &&
    url.hash === '' &&
    url.username === '' &&
    url.password === '' &&
    // As typed: the URL parser would quietly fix spaces, backslashes and other characters.
    url.href === value
  );
}

export const XAPI_VERSION = '1.0.3';

/** The cmi5 extension for "how far along", an integer percentage (cmi5 section 9.5.4.1). */
export const CMI5_PROGRESS_EXTENSION = 'https://w3id.org/xapi/cmi5/result/extensions/progress';

const VERBS = {
  initialized: 'http://adlnet.gov/expapi/verbs/initialized',
  progressed: 'http://adlnet.gov/expapi/verbs/progressed',
  answered: 'http://adlnet.gov/expapi/verbs/answered',
  completed: 'http://adlnet.gov/expapi/verbs/completed',
  passed: 'http://adlnet.gov/expapi/verbs/passed',
  failed: 'http://adlnet.gov/expapi/verbs/failed',
  terminated: 'http://adlnet.gov/expapi/verbs/terminated',
} as const;
export type VerbName = keyof typeof VERBS;

const ACTIVITY_TYPES = {
  course: 'http://adlnet.gov/expapi/activities/course',
  lesson: 'http://adlnet.gov/expapi/activities/lesson',
  quiz: 'http://adlnet.gov/expapi/activities/assessment',
  question: 'http://adlnet.gov/expapi/activities/cmi.interaction',
  exercise: 'http://adlnet.gov/expapi/activities/cmi.interaction',
} as const;

/** What happened, in Aula's terms. Each becomes one statement, except a finished quiz (two). */
export type LearningEvent =
  | { kind: 'lesson-opened'; courseId: string; lessonId: string }
  | { kind: 'lesson-progressed'; courseId: string; lessonId: string; progressPercent: number }
  | { kind: 'lesson-completed'; courseId: string; lessonId: string; timeSpentSeconds: number }
  | { kind: 'quiz-started'; courseId: string; quizId: string; attemptId: string }
  | {
      kind: 'question-answered';
      courseId: string;
      quizId: string;
      attemptId: string;
      questionId: string;
      response: string;
      success: boolean;
      score: number;
      maxScore: number;
    }
  | {
      kind: 'quiz-finished';
      courseId: string;
      quizId: string;
      attemptId: string;
      score: number;
      maxScore: number;
      passed: boolean;
      durationSeconds: number;
    }
  | {
      kind: 'exercise-submitted';
      courseId: string;
      exerciseId: string;
      response: string;
      success: boolean;
      score: number;
      maxScore: number;
    };

export interface StatementContext {
  /** This installation's id (a UUID made once per data folder). */
  installationId: string;
  /** The learner's profile id. */
  learnerId: string;
  /** When the event happened. */
  at: Date;
  /** Makes the statement ids; injectable so tests can name them. */
  newId: () => string;
  /** The base of activity and installation ids: `AULA_IRI_BASE` (the default) or an https base. */
  iriBase?: string;
}

/** An xAPI statement as sent; only the parts Aula writes. */
export interface XapiStatement {
  id: string;
  actor: { objectType: 'Agent'; account: { homePage: string; name: string } };
  verb: { id: string; display: { 'en-US': string } };
  object: { objectType: 'Activity'; id: string; definition: { type: string; interactionType?: 'other' } };
  result?: {
    success?: boolean;
    completion?: boolean;
    response?: string;
    duration?: string;
    score?: { scaled: number; raw: number; min: number; max: number };
    extensions?: Record<string, number>;
  };
  context: {
    registration?: string;
    platform: 'Aula';
    contextActivities?: {
      parent?: { objectType: 'Activity'; id: string }[];
      grouping?: { objectType: 'Activity'; id: string }[];
    };
  };
  timestamp: string;
}

const part = (value: string) => encodeURIComponent(value);

/** The ids of activities and installations under one base: `a:b:c` under a URN, `a/b/c` under an https base. */
export function idsUnder(base: string) {
  const join = (...parts: string[]) => `${base}${parts.join(base.startsWith('urn:') ? ':' : '/')}`;
  const ids = {
    course: (courseId: string) => join('course', part(courseId)),
    lesson: (courseId: string, lessonId: string) => join('course', part(courseId), 'lesson', part(lessonId)),
    quiz: (courseId: string, quizId: string) => join('course', part(courseId), 'quiz', part(quizId)),
    question: (courseId: string, quizId: string, questionId: string) =>
      join('course', part(courseId), 'quiz', part(quizId), 'question', part(questionId)),
    exercise: (courseId: string, exerciseId: string) => join('course', part(courseId), 'exercise', part(exerciseId)),
    installation: (installationId: string) => join('installation', part(installationId)),
  };
  return ids;
}

/** Activity ids under the default base. */
export const activityIds = idsUnder(AULA_IRI_BASE);

export function installationHomePage(installationId: string, base = AULA_IRI_BASE): string {
  return idsUnder(base).installation(installationId);
}

/** Whole seconds as an ISO 8601 duration, as xAPI's `result.duration` wants. */
function isoDuration(seconds: number): string {
  return `PT${Math.max(0, Math.round(seconds))}S`;
}

/** Scores as xAPI wants them: scaled in [0, 1], raw within [min, max]. */
function scoreOf(score: number, maxScore: number) {
  const max = Math.max(0, maxScore);
  const raw = Math.min(max, Math.max(0, score));
  return { scaled: max === 0 ? 0 : raw / max, raw, min: 0, max };
}

const activityRef = (id: string) => ({ objectType: 'Activity' as const, id });

/** The statements one learning event makes, in the order they happened. */
export function statementsFor(event: LearningEvent, context: StatementContext): XapiStatement[] {
  const activityIds = idsUnder(context.iriBase ?? AULA_IRI_BASE);
  const make = (
    verb: VerbName,
    object: { id: string; type: keyof typeof ACTIVITY_TYPES },
    extra: Pick<XapiStatement, 'result'> & { registration?: string; parent?: string[]; grouping?: string[] } = {},
  ): XapiStatement => {
    const contextActivities: NonNullable<XapiStatement['context']['contextActivities']> = {};
    if (extra.parent) contextActivities.parent = extra.parent.map(activityRef);
    if (extra.grouping) contextActivities.grouping = extra.grouping.map(activityRef);
    const statement: XapiStatement = {
      id: context.newId(),
      actor: {
        objectType: 'Agent',
        account: { homePage: activityIds.installation(context.installationId), name: context.learnerId },
      },
      verb: { id: VERBS[verb], display: { 'en-US': verb } },
      object: {
        objectType: 'Activity',
        id: object.id,
        definition:
          ACTIVITY_TYPES[object.type] === ACTIVITY_TYPES.question
            ? { type: ACTIVITY_TYPES[object.type], interactionType: 'other' }
            : { type: ACTIVITY_TYPES[object.type] },
      },
      context: {
        platform: 'Aula',
        ...(extra.registration ? { registration: extra.registration } : {}),
        ...(Object.keys(contextActivities).length > 0 ? { contextActivities } : {}),
      },
      timestamp: context.at.toISOString(),
    };
    if (extra.result) statement.result = extra.result;
    return statement;
  };

  const course = activityIds.course(event.courseId);
  switch (event.kind) {
    case 'lesson-opened':
      return [
        make('initialized', { id: activityIds.lesson(event.courseId, event.lessonId), type: 'lesson' }, { parent: [course] }),
      ];
    case 'lesson-progressed':
      return [
        make(
          'progressed',
          { id: activityIds.lesson(event.courseId, event.lessonId), type: 'lesson' },
          {
            parent: [course],
            result: {
              extensions: {
                [CMI5_PROGRESS_EXTENSION]: Math.max(0, Math.min(100, Math.round(event.progressPercent))),
              },
            },
          },
        ),
      ];
    case 'lesson-completed':
      return [
        make(
          'completed',
          { id: activityIds.lesson(event.courseId, event.lessonId), type: 'lesson' },
          { parent: [course], result: { completion: true, duration: isoDuration(event.timeSpentSeconds) } },
        ),
      ];
    case 'quiz-started':
      return [
        make(
          'initialized',
          { id: activityIds.quiz(event.courseId, event.quizId), type: 'quiz' },
          { parent: [course], registration: event.attemptId },
        ),
      ];
    case 'question-answered':
      return [
        make(
          'answered',
          { id: activityIds.question(event.courseId, event.quizId, event.questionId), type: 'question' },
          {
            parent: [activityIds.quiz(event.courseId, event.quizId)],
            grouping: [course],
            registration: event.attemptId,
            result: {
              response: event.response,
              success: event.success,
              score: scoreOf(event.score, event.maxScore),
            },
          },
        ),
      ];
    case 'quiz-finished': {
      const quiz = { id: activityIds.quiz(event.courseId, event.quizId), type: 'quiz' } as const;
      const duration = isoDuration(event.durationSeconds);
      return [
        make(event.passed ? 'passed' : 'failed', quiz, {
          parent: [course],
          registration: event.attemptId,
          result: { success: event.passed, completion: true, score: scoreOf(event.score, event.maxScore), duration },
        }),
        make('terminated', quiz, { parent: [course], registration: event.attemptId, result: { duration } }),
      ];
    }
    case 'exercise-submitted':
      return [
        make(
          'answered',
          { id: activityIds.exercise(event.courseId, event.exerciseId), type: 'exercise' },
          {
            parent: [course],
            result: { response: event.response, success: event.success, score: scoreOf(event.score, event.maxScore) },
          },
        ),
      ];
  }
}
