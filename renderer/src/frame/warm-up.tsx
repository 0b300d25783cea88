import type { ComponentType, ReactNode } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import type { LearnApi, PublicQuiz } from '../../../electron/contract/channels';
import type { LessonFrameInit } from '../../../electron/contract/lesson-frame-messages';
import type { MDXComponents } from '../lesson/lesson-components';
import { FrameLesson } from './FrameLesson';

const QUIZ_ID = 'warm-up';

/** A quiz as `lesson.open` sends one, with the question types text lessons use most. */
const rehearsalQuiz: PublicQuiz = {
  courseId: 'warm-up',
  quizId: QUIZ_ID,
  title: 'Aula',
  passMark: 50,
  attemptLimit: null,
  feedback: 'per-question',
  questions: [
    {
      id: 'one',
      type: 'single-choice',
      prompt: 'Aula',
      hint: null,
      choices: [
        { id: 'a', text: 'Aula' },
        { id: 'b', text: 'Aula' },
      ],
    },
    { id: 'two', type: 'multiple-choice', prompt: 'Aula', hint: null, choices: [{ id: 'a', text: 'Aula' }] },
    { id: 'three', type: 'true-false', prompt: 'Aula', hint: null },
    { id: 'four', type: 'numeric', prompt: 'Aula', hint: null, unit: null },
  ],
  attempt: {
    attemptId: null,
    number: 1,
    startedAt: null,
    finishedAt: null,
    score: null,
    maxScore: null,
    percent: null,
    passed: null,
  },
  answers: [],
  finishedAttempts: 0,
  attemptsLeft: null,
  passedEver: false,
  canRetake: false,
};

type Parts = Record<string, ComponentType<{ children?: ReactNode; id?: string }>>;

/** A lesson's usual elements, written as a compiled lesson writes them: through `components`. */
function RehearsalLesson({ components }: { components?: MDXComponents }) {
  const { table: Table, Callout, Quiz } = (components ?? {}) as Parts;
  if (!Table || !Callout || !Quiz) return null;
  return (
    <>
      <h2>Aula</h2>
      <p>
        Aula <strong>Aula</strong> <em>Aula</em> <a href="#aula">Aula</a> <code>Aula</code>
      </p>
      <ul>
        <li>Aula</li>
      </ul>
      <Callout>
        <p>Aula</p>
      </Callout>
      <Table>
        <thead>
          <tr>
            <th>Aula</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <td>1</td>
          </tr>
        </tbody>
      </Table>
      <Quiz id={QUIZ_ID} />
    </>
  );
}

/** The rehearsal asks the page for nothing (its quiz came with it); anything else fails at once. */
const noApi = new Proxy({} as LearnApi, {
  get: () => () => Promise.reject(new Error('the rehearsal has no core to call')),
});

/**
 * A frame booted ahead of its lesson (the page's spare) spends idle time once on what a lesson's
 * first render pays in a new document: React's first render and commit of the lesson player and
 * its usual components (text, a table, a callout, a quiz), styling and laying them out, and loading
 * the fonts. It renders a rehearsal lesson of Aula's own, out of sight, lays it out and removes it,
 * leaving warm code, computed style rules and loaded fonts behind. No lesson's code runs here, and
 * nothing is sent to the page.
 */
export function warmUp(doc: Document, language: string): void {
  const host = doc.createElement('div');
  host.className = 'lesson-warm-up';
  host.setAttribute('aria-hidden', 'true');
  host.inert = true;
  doc.body.append(host);
  const init: LessonFrameInit = {
    kind: 'init',
    courseId: 'warm-up',
    lessonId: 'warm-up',
    moduleUrl: '',
    assetBaseUrl: '',
    dataBaseUrl: '',
    language,
    lessonLanguage: language,
    learnerName: '',
    quizzes: [rehearsalQuiz],
  };
  const root = createRoot(host);
  flushSync(() =>
    root.render(<FrameLesson init={init} module={{ default: RehearsalLesson }} api={noApi} post={() => undefined} />),
  );
  host.getBoundingClientRect();
  root.unmount();
  host.remove();
}
