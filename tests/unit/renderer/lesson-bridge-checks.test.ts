import { describe, expect, it } from 'vitest';
import { checkFrameMessage, type BridgeScope } from '../../../renderer/src/lesson/frame/bridge-checks.js';

const frameWindow = { name: 'the lesson frame' };
const scope: BridgeScope = {
  frameWindow: () => frameWindow,
  courseId: 'sample',
  lessonId: 'data-you-already-have',
  lessonStarted: () => true,
  quizIds: new Set(['data-sources-check']),
  exerciseIds: new Set(['mean-parcels']),
  canvasIds: new Set(['my-canvas']),
};
const fromFrame = (data: unknown) => ({ source: frameWindow, origin: 'null', data });
const call = (channel: string, args: Record<string, unknown>, id = 7) => ({ kind: 'call', id, channel, args });

describe("the page's checks on a lesson frame's messages", () => {
  it('passes the lesson channels on its own course and quizzes, and the protocol messages', () => {
    for (const data of [
      call('quiz.get', { courseId: 'sample', quizId: 'data-sources-check' }),
      call('quiz.submitAnswer', {
        courseId: 'sample',
        quizId: 'data-sources-check',
        questionId: 'personal-data',
        answer: { type: 'single-choice', choiceId: 'member-rents' },
      }),
      call('exercise.get', { courseId: 'sample', exerciseId: 'mean-parcels' }),
      call('canvas.save', { courseId: 'sample', canvasId: 'my-canvas', content: { 'key-resources': 'A van' } }),
      { kind: 'ready' },
      { kind: 'started', lessonId: 'data-you-already-have' },
      { kind: 'height', height: 1200 },
      { kind: 'open-link', url: 'https://example.org/a?b=c' },
      { kind: 'download', file: { folder: 'assets', path: 'forms/consent.pdf' } },
      { kind: 'next-lesson' },
      { kind: 'reached-end' },
      { kind: 'sections', sections: [{ title: 'Data is already part of your work', top: 0 }] },
      { kind: 'sections', sections: [] },
    ]) {
      expect(checkFrameMessage(fromFrame(data), scope), JSON.stringify(data)).toEqual({ ok: true, message: data });
    }
  });

  it('reads nothing that does not come from the frame, or from a frame that is not sandboxed', () => {
    const data = call('quiz.get', { courseId: 'sample', quizId: 'data-sources-check' });
    expect(checkFrameMessage({ source: { name: 'another window' }, origin: 'null', data }, scope)).toMatchObject({ ok: false });
    expect(checkFrameMessage({ source: null, origin: 'null', data }, scope)).toMatchObject({ ok: false });
    expect(checkFrameMessage({ source: frameWindow, origin: 'http://127.0.0.1:4000', data }, scope)).toMatchObject({
      ok: false,
      reason: expect.stringContaining('not sandboxed'),
    });
    expect(checkFrameMessage(fromFrame(data), { ...scope, frameWindow: () => null })).toMatchObject({ ok: false });
  });

  it('refuses other courses, quizzes the lesson does not show, sessions and channels outside the bridge', () => {
    const refused: [unknown, string][] = [
      [call('quiz.get', { courseId: 'other', quizId: 'data-sources-check' }), 'another course'],
      [call('exercise.submit', { courseId: 'other', exerciseId: 'x', answer: { type: 'number', value: '1' } }), 'another course'],
      [call('canvas.get', { courseId: 'other', canvasId: 'c' }), 'another course'],
      [call('quiz.retake', { courseId: 'sample', quizId: 'describing-figures-check' }), 'does not show'],
      [call('exercise.get', { courseId: 'sample', exerciseId: 'median-parcels' }), 'exercise this lesson does not show'],
      [
        call('exercise.submit', { courseId: 'sample', exerciseId: 'median-parcels', answer: { type: 'number', value: '1' } }),
        'exercise this lesson does not show',
      ],
      [call('canvas.save', { courseId: 'sample', canvasId: 'their-canvas', content: {} }), 'canvas this lesson does not show'],
      [call('canvas.get', { courseId: 'sample', canvasId: 'their-canvas' }), 'canvas this lesson does not show'],
      [
        call('quiz.get', { session: 'a-session-the-lesson-guessed-0000', courseId: 'sample', quizId: 'data-sources-check' }),
        'protocol',
      ],
      [call('learners.list', {}), 'protocol'],
      [call('learners.delete', { courseId: 'sample' }), 'protocol'],
      [call('settings.setAllowUnsignedPacks', { courseId: 'sample', allowed: true }), 'protocol'],
      [call('packs.install', { courseId: 'sample', token: 'AAAAAAAAAAAAAAAAAAAA', trustSigner: true }), 'protocol'],
      [call('courses.uninstall', { courseId: 'sample' }), 'protocol'],
      [call('lesson.complete', { courseId: 'sample', lessonId: 'x' }), 'protocol'],
      // Reaching the end is a message, not a call: the lesson cannot name the lesson it is recorded for.
      [call('lesson.reachedEnd', { courseId: 'sample', lessonId: 'x' }), 'protocol'],
      [call('quiz.get', { courseId: 'sample', quizId: 'data-sources-check', extra: 1 }), 'protocol'],
    ];
    for (const [data, reason] of refused) {
      expect(checkFrameMessage(fromFrame(data), scope), JSON.stringify(data)).toEqual({
        ok: false,
        reason: expect.stringContaining(reason),
        callId: 7,
      });
    }
  });

  it('refuses links that are not to the web, files outside the course, and anything shapeless', () => {
    for (const data of [
      { kind: 'open-link', url: 'javascript:alert(1)' },
      { kind: 'open-link', url: 'file:///etc/passwd' },
      { kind: 'open-link', url: 'https://user:secret@example.org/' },
      { kind: 'open-link', url: 'aula://app/index.html' },
      { kind: 'download', file: { folder: 'assets', path: '../quizzes/answers.yaml' } },
      { kind: 'download', file: { folder: 'quizzes', path: 'answers.yaml' } },
      { kind: 'download', file: { folder: 'assets', path: '/etc/passwd' } },
      { kind: 'height', height: -1 },
      { kind: 'sections', sections: [{ title: 'A section', top: -5 }] },
      { kind: 'sections', sections: [{ title: 'x'.repeat(301), top: 0 }] },
      { kind: 'sections', sections: Array.from({ length: 41 }, (_, index) => ({ title: `Section ${index}`, top: index })) },
      { kind: 'sections', sections: [{ title: 'A section', top: 0, html: '<b>bold</b>' }] },
      { kind: 'navigate', url: '/' },
      { kind: 'reached-end', lessonId: 'another-lesson' },
      { kind: 'reached-end', courseId: 'other', lessonId: 'x' },
      { kind: 'reached-end', learnerId: '5b0e8c1e-7a4f-4d2b-9a57-2f1c3d4e5f61' },
      'ready',
      null,
      42,
      { kind: 'call', id: -1, channel: 'quiz.get', args: { courseId: 'sample', quizId: 'data-sources-check' } },
    ]) {
      const checked = checkFrameMessage(fromFrame(data), scope);
      expect(checked.ok, JSON.stringify(data)).toBe(false);
    }
  });

  it('reads nothing but `ready` and `started` from a frame until it has started this lesson', () => {
    let started = false;
    const waiting: BridgeScope = { ...scope, lessonStarted: () => started };
    expect(checkFrameMessage(fromFrame({ kind: 'ready' }), waiting)).toMatchObject({ ok: true });
    // What a frame kept from the learner's previous lesson may still have on its way: refused.
    for (const data of [
      { kind: 'height', height: 900 },
      { kind: 'rendered' },
      { kind: 'reached-end' },
      { kind: 'next-lesson' },
    ]) {
      expect(checkFrameMessage(fromFrame(data), waiting), JSON.stringify(data)).toEqual({
        ok: false,
        reason: `${data.kind} before this lesson started in the frame`,
      });
    }
    expect(checkFrameMessage(fromFrame(call('quiz.get', { courseId: 'sample', quizId: 'data-sources-check' })), waiting)).toEqual(
      {
        ok: false,
        reason: 'quiz.get before this lesson started in the frame',
        callId: 7,
      },
    );
    expect(checkFrameMessage(fromFrame({ kind: 'started', lessonId: 'reading-a-table' }), waiting)).toEqual({
      ok: false,
      reason: 'started another lesson (reading-a-table)',
    });

    const startedMessage = { kind: 'started', lessonId: 'data-you-already-have' };
    expect(checkFrameMessage(fromFrame(startedMessage), waiting)).toEqual({ ok: true, message: startedMessage });
    started = true;
    expect(checkFrameMessage(fromFrame({ kind: 'reached-end' }), waiting)).toMatchObject({ ok: true });
  });

  it('refuses, after the learner moved on to the next lesson in the same frame, what the previous lesson may do', () => {
    const first: BridgeScope = scope;
    const second: BridgeScope = {
      ...scope,
      lessonId: 'reading-a-table',
      quizIds: new Set(['reading-a-table-check']),
      exerciseIds: new Set(),
      canvasIds: new Set(),
    };
    const previousLessons = [
      call('quiz.get', { courseId: 'sample', quizId: 'data-sources-check' }),
      call('quiz.submitAnswer', {
        courseId: 'sample',
        quizId: 'data-sources-check',
        questionId: 'personal-data',
        answer: { type: 'single-choice', choiceId: 'member-rents' },
      }),
      call('exercise.submit', { courseId: 'sample', exerciseId: 'mean-parcels', answer: { type: 'number', value: '1' } }),
      call('canvas.save', { courseId: 'sample', canvasId: 'my-canvas', content: {} }),
    ];
    for (const data of previousLessons) {
      expect(checkFrameMessage(fromFrame(data), first), JSON.stringify(data)).toMatchObject({ ok: true });
      expect(checkFrameMessage(fromFrame(data), second), JSON.stringify(data)).toEqual({
        ok: false,
        reason: expect.stringContaining('this lesson does not show'),
        callId: 7,
      });
    }
    expect(checkFrameMessage(fromFrame({ kind: 'started', lessonId: 'data-you-already-have' }), second)).toMatchObject({
      ok: false,
    });
    expect(
      checkFrameMessage(fromFrame(call('quiz.get', { courseId: 'sample', quizId: 'reading-a-table-check' })), second),
    ).toMatchObject({ ok: true });
  });
});
