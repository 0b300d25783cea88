import { describe, expect, it } from 'vitest';
import { SpareLessonFrame, lessonFrameSrc, type SpareFrameHost } from '../../../renderer/src/lesson/frame/spare-lesson-frame.js';

/** A frame as the pool sees it: where it is, and the window its messages come from. */
interface FakeFrame {
  src: string;
  place: 'hidden' | 'detached' | 'discarded';
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
  const host: SpareFrameHost<FakeFrame> = {
    createHidden: (src) => make(src, 'hidden'),
    createDetached: (src) => make(src, 'detached'),
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

describe('the spare lesson frame', () => {
  it('names the course (for the frame policy) and the language in the frame address', () => {
    expect(lessonFrameSrc('data-foundations', 'ca')).toBe('/lesson-frame.html?course=data-foundations&lang=ca');
    expect(lessonFrameSrc('a&b', 'en')).toBe('/lesson-frame.html?course=a%26b&lang=en');
  });

  it('makes a new frame when no spare is ready, and boots the spare only when the page is idle', () => {
    const page = fakePage();
    const pool = new SpareLessonFrame(page.host);
    const first = pool.take('sample', 'en');
    expect(first).toEqual({ frame: page.made[0], spare: false, ready: false });
    expect(first.frame.place).toBe('detached');

    pool.prepare('sample', 'en');
    expect(page.made).toHaveLength(1);
    page.idle();
    expect(page.made).toHaveLength(2);
    expect(page.made[1]).toMatchObject({ src: '/lesson-frame.html?course=sample&lang=en', place: 'hidden' });
  });

  it('hands out the spare once, to a lesson of its course, and never a frame twice', () => {
    const page = fakePage();
    const pool = new SpareLessonFrame(page.host);
    pool.prepare('sample', 'en');
    page.idle();
    const spare = page.made[0];

    const taken = pool.take('sample', 'en');
    expect(taken).toEqual({ frame: spare, spare: true, ready: false });
    // The next lesson gets a frame of its own, not the one the last lesson ran in.
    const next = pool.take('sample', 'en');
    expect(next.frame).not.toBe(spare);
    expect(next.spare).toBe(false);

    const handedOut = [taken.frame, next.frame];
    for (let lesson = 0; lesson < 5; lesson += 1) {
      pool.prepare('sample', 'en');
      page.idle();
      handedOut.push(pool.take('sample', 'en').frame);
    }
    expect(new Set(handedOut).size).toBe(handedOut.length);
  });

  it('never gives a lesson a spare booted for another course (its policy reads that course only)', () => {
    const page = fakePage();
    const pool = new SpareLessonFrame(page.host);
    pool.prepare('sample', 'en');
    page.idle();
    const spare = page.made[0] as FakeFrame;

    const taken = pool.take('data-foundations', 'en');
    expect(taken.frame).not.toBe(spare);
    expect(taken.frame.src).toBe('/lesson-frame.html?course=data-foundations&lang=en');
    expect(spare.place).toBe('discarded');
  });

  it('keeps at most one spare: preparing another course replaces it', () => {
    const page = fakePage();
    const pool = new SpareLessonFrame(page.host);
    pool.prepare('sample', 'en');
    page.idle();
    pool.prepare('sample', 'en');
    page.idle();
    expect(page.made).toHaveLength(1);

    pool.prepare('data-foundations', 'en');
    page.idle();
    expect(page.made.map((frame) => frame.place)).toEqual(['discarded', 'hidden']);
    expect(pool.take('data-foundations', 'en').frame).toBe(page.made[1]);
  });

  it('boots nothing when a lesson took its frame before the page was idle', () => {
    const page = fakePage();
    const pool = new SpareLessonFrame(page.host);
    pool.prepare('sample', 'en');
    pool.take('sample', 'en');
    page.idle();
    expect(page.made.map((frame) => frame.place)).toEqual(['detached']);
  });

  it("counts the spare ready only on its own window's `ready`, from an opaque origin", () => {
    const page = fakePage();
    const pool = new SpareLessonFrame(page.host);
    pool.prepare('sample', 'en');
    page.idle();
    const spare = page.made[0] as FakeFrame;

    pool.noteMessage({ name: 'another window' }, 'null', { kind: 'ready' });
    pool.noteMessage(spare.window, 'http://127.0.0.1:1234', { kind: 'ready' });
    pool.noteMessage(spare.window, 'null', { kind: 'rendered' });
    pool.noteMessage(spare.window, 'null', 'ready');
    expect(pool.take('sample', 'en').ready).toBe(false);

    pool.prepare('sample', 'en');
    page.idle();
    const second = page.made[1] as FakeFrame;
    pool.noteMessage(second.window, 'null', { kind: 'ready' });
    expect(pool.take('sample', 'en')).toEqual({ frame: second, spare: true, ready: true });
  });

  it('boots no spare where a frame cannot move without loading again (no moveBefore)', () => {
    const page = fakePage(false);
    const pool = new SpareLessonFrame(page.host);
    pool.prepare('sample', 'en');
    page.idle();
    expect(page.made).toEqual([]);
    expect(pool.take('sample', 'en').spare).toBe(false);
  });
});
