import { describe, expect, it } from 'vitest';
import {
  LessonFrames,
  lessonFrameSrc,
  type FrameOwner,
  type LessonFrameHost,
} from '../../../renderer/src/lesson/frame/lesson-frames.js';

/** A frame as the pool sees it: where it is, and the window its messages come from. */
interface FakeFrame {
  src: string;
  place: 'hidden' | 'detached' | 'parked' | 'discarded';
  window: { name: string };
}

/** The page, recorded: every frame made, and idle tasks run when the test says the page is idle. */
function fakePage(canMove = true) {
  const made: FakeFrame[] = [];
  const idleTasks: (() => void)[] = [];
  const make = (src: string, place: FakeFrame['place']): FakeFrame => {
    const frame: FakeFrame = { src, place, window: { name: `frame ${made.length + 1}` } };
    made.push(frame);
    return frame;
  };
  const host: LessonFrameHost<FakeFrame> = {
    createHidden: (src) => make(src, 'hidden'),
    createDetached: (src) => make(src, 'detached'),
    park: (frame) => {
      if (frame.place === 'discarded') return false;
      frame.place = 'parked';
      return true;
    },
    discard: (frame) => {
      frame.place = 'discarded';
    },
    windowOf: (frame) => frame.window,
    canMoveFrames: () => canMove,
    whenIdle: (task) => idleTasks.push(task),
  };
  const idle = () => {
    for (const task of idleTasks.splice(0)) task();
  };
  return { host, made, idle };
}

const ana: FrameOwner = { courseId: 'sample', learnerId: 'ana', session: 'session-of-ana', readingLanguage: 'en' };

describe('the lesson frames besides the one on screen', () => {
  it('names the course (for the frame policy) and the language in the frame address', () => {
    expect(lessonFrameSrc('data-foundations', 'ca')).toBe('/lesson-frame.html?course=data-foundations&lang=ca');
    expect(lessonFrameSrc('a&b', 'en')).toBe('/lesson-frame.html?course=a%26b&lang=en');
  });

  it("gives the frame of a learner's lesson to their next lesson of the course, out of sight in between", () => {
    const page = fakePage();
    const pool = new LessonFrames(page.host);
    const first = pool.take(ana, 'en');
    expect(first).toEqual({ frame: page.made[0], from: 'new', ready: false });
    expect(first.frame.place).toBe('detached');

    pool.keep(first.frame, ana);
    expect(first.frame.place).toBe('parked');
    const next = pool.take({ ...ana }, 'ca');
    expect(next).toEqual({ frame: first.frame, from: 'kept', ready: true });
    // Taken means no longer kept: a second lesson at the same time gets a frame of its own.
    expect(pool.take(ana, 'en').frame).not.toBe(first.frame);
  });

  it('gives a kept frame to nobody else: another learner, session, course or reading language gets a new frame and the kept one goes', () => {
    for (const other of [
      { ...ana, learnerId: 'bo', session: 'session-of-bo' },
      { ...ana, session: 'a-later-session-of-ana' },
      { ...ana, courseId: 'data-foundations' },
      { ...ana, readingLanguage: 'ca' },
    ]) {
      const page = fakePage();
      const pool = new LessonFrames(page.host);
      const kept = pool.take(ana, 'en').frame;
      pool.keep(kept, ana);

      const taken = pool.take(other, 'en');
      expect(taken.from, JSON.stringify(other)).toBe('new');
      expect(taken.frame).not.toBe(kept);
      expect(taken.frame.src).toBe(lessonFrameSrc(other.courseId, 'en'));
      expect(kept.place).toBe('discarded');
      // Nor does the owner get it back afterwards: it is gone.
      expect(pool.take(ana, 'en').frame).not.toBe(kept);
    }
  });

  it('keeps one frame at most, and none when the profile closes', () => {
    const page = fakePage();
    const pool = new LessonFrames(page.host);
    const one = pool.take(ana, 'en').frame;
    const two = pool.take({ ...ana, courseId: 'data-foundations' }, 'en').frame;
    pool.keep(one, ana);
    pool.keep(two, { ...ana, courseId: 'data-foundations' });
    expect([one.place, two.place]).toEqual(['discarded', 'parked']);

    pool.prepare('sample', 'en');
    page.idle();
    const spare = page.made[2] as FakeFrame;
    expect(spare.place).toBe('hidden');
    pool.dropAll();
    expect([two.place, spare.place]).toEqual(['discarded', 'discarded']);
    expect(pool.take({ ...ana, courseId: 'data-foundations' }, 'en').from).toBe('new');
  });

  it('keeps no frame that cannot move without loading again, nor one already out of the page', () => {
    const noMove = fakePage(false);
    const pool = new LessonFrames(noMove.host);
    const frame = pool.take(ana, 'en').frame;
    pool.keep(frame, ana);
    expect(frame.place).toBe('discarded');
    expect(pool.take(ana, 'en').from).toBe('new');

    const page = fakePage();
    const other = new LessonFrames(page.host);
    const gone = other.take(ana, 'en').frame;
    gone.place = 'discarded';
    other.keep(gone, ana);
    expect(other.take(ana, 'en').from).toBe('new');
  });

  it('makes a new frame when no spare is ready, and boots the spare only when the page is idle', () => {
    const page = fakePage();
    const pool = new LessonFrames(page.host);
    pool.prepare('sample', 'en');
    expect(page.made).toHaveLength(0);
    page.idle();
    expect(page.made).toHaveLength(1);
    expect(page.made[0]).toMatchObject({ src: '/lesson-frame.html?course=sample&lang=en', place: 'hidden' });
  });

  it('hands out the spare once, to a lesson of its course', () => {
    const page = fakePage();
    const pool = new LessonFrames(page.host);
    pool.prepare('sample', 'en');
    page.idle();
    const spare = page.made[0];

    const taken = pool.take(ana, 'en');
    expect(taken).toEqual({ frame: spare, from: 'spare', ready: false });
    const next = pool.take(ana, 'en');
    expect(next.frame).not.toBe(spare);
    expect(next.from).toBe('new');
  });

  it('boots no spare for a course whose kept frame serves it, and drops the spare once the course has a kept frame', () => {
    const page = fakePage();
    const pool = new LessonFrames(page.host);
    const lessonFrame = pool.take(ana, 'en').frame;
    pool.prepare('sample', 'en');
    page.idle();
    const spare = page.made[1] as FakeFrame;
    expect(spare.place).toBe('hidden');

    pool.keep(lessonFrame, ana);
    expect(spare.place).toBe('discarded');
    pool.prepare('sample', 'en');
    page.idle();
    expect(page.made).toHaveLength(2);
    // Another course still gets its spare.
    pool.prepare('data-foundations', 'en');
    page.idle();
    expect(page.made).toHaveLength(3);
  });

  it('never gives a lesson a spare booted for another course (its policy reads that course only)', () => {
    const page = fakePage();
    const pool = new LessonFrames(page.host);
    pool.prepare('sample', 'en');
    page.idle();
    const spare = page.made[0] as FakeFrame;

    const taken = pool.take({ ...ana, courseId: 'data-foundations' }, 'en');
    expect(taken.frame).not.toBe(spare);
    expect(taken.frame.src).toBe('/lesson-frame.html?course=data-foundations&lang=en');
    expect(spare.place).toBe('discarded');
  });

  it('keeps at most one spare: preparing another course replaces it', () => {
    const page = fakePage();
    const pool = new LessonFrames(page.host);
    pool.prepare('sample', 'en');
    page.idle();
    pool.prepare('sample', 'en');
    page.idle();
    expect(page.made).toHaveLength(1);

    pool.prepare('data-foundations', 'en');
    page.idle();
    expect(page.made.map((frame) => frame.place)).toEqual(['discarded', 'hidden']);
    expect(pool.take({ ...ana, courseId: 'data-foundations' }, 'en').frame).toBe(page.made[1]);
  });

  it('boots nothing when a lesson took its frame before the page was idle', () => {
    const page = fakePage();
    const pool = new LessonFrames(page.host);
    pool.prepare('sample', 'en');
    pool.take(ana, 'en');
    page.idle();
    expect(page.made.map((frame) => frame.place)).toEqual(['detached']);
  });

  it("counts the spare ready only on its own window's `ready`, from an opaque origin", () => {
    const page = fakePage();
    const pool = new LessonFrames(page.host);
    pool.prepare('sample', 'en');
    page.idle();
    const spare = page.made[0] as FakeFrame;

    pool.noteMessage({ name: 'another window' }, 'null', { kind: 'ready' });
    pool.noteMessage(spare.window, 'http://127.0.0.1:1234', { kind: 'ready' });
    pool.noteMessage(spare.window, 'null', { kind: 'rendered' });
    pool.noteMessage(spare.window, 'null', 'ready');
    expect(pool.take(ana, 'en').ready).toBe(false);

    pool.prepare('sample', 'en');
    page.idle();
    const second = page.made[1] as FakeFrame;
    pool.noteMessage(second.window, 'null', { kind: 'ready' });
    expect(pool.take(ana, 'en')).toEqual({ frame: second, from: 'spare', ready: true });
  });

  it('boots no spare where a frame cannot move without loading again (no moveBefore)', () => {
    const page = fakePage(false);
    const pool = new LessonFrames(page.host);
    pool.prepare('sample', 'en');
    page.idle();
    expect(page.made).toEqual([]);
    expect(pool.take(ana, 'en').from).toBe('new');
  });
});
