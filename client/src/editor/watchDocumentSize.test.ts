import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { watchDocumentSize, type DocumentSizeWatch } from './watchDocumentSize.ts';

let doc: Y.Doc;
let sizes: number[];
let watch: DocumentSizeWatch;

const type = (text: string) => doc.getText('t').insert(doc.getText('t').length, text);
const encodedSize = () => Y.encodeStateAsUpdate(doc).byteLength;
/** Runs the fallback timer (fake timers count a 0 ms timeout as 1 ms, like browsers). */
const untilIdle = () => vi.advanceTimersByTime(1);

beforeEach(() => {
  vi.useFakeTimers();
  doc = new Y.Doc();
  sizes = [];
});

afterEach(() => {
  watch.stop();
  doc.destroy();
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('watchDocumentSize without requestIdleCallback (timer fallback)', () => {
  beforeEach(() => {
    watch = watchDocumentSize(doc, (bytes) => sizes.push(bytes), { intervalMs: 12_000 });
  });

  it('measures nothing until the document changes', () => {
    vi.advanceTimersByTime(60_000);
    expect(sizes).toEqual([]);
  });

  it('never measures inside the change itself, then reports the encoded size', () => {
    type('Hello');
    expect(sizes).toEqual([]);
    untilIdle();
    expect(sizes).toEqual([encodedSize()]);
  });

  it('measures at most once per interval while typing goes on', () => {
    type('a');
    untilIdle();
    expect(sizes).toHaveLength(1);
    // A minute of typing, five keystrokes a second.
    for (let i = 0; i < 300; i++) {
      type('x');
      vi.advanceTimersByTime(200);
    }
    // One at the start, then one every 12 s: never per keystroke.
    expect(sizes).toHaveLength(5);
    expect(sizes.at(-1)).toBeLessThanOrEqual(encodedSize());
  });

  it('catches up with the last change once the interval has passed', () => {
    type('a');
    untilIdle();
    type('b');
    vi.advanceTimersByTime(11_999);
    expect(sizes).toHaveLength(1);
    vi.advanceTimersByTime(1);
    untilIdle();
    expect(sizes).toEqual([sizes[0], encodedSize()]);
  });

  it('measureSoon skips the interval (after the initial sync)', () => {
    type('a');
    untilIdle();
    type('b');
    watch.measureSoon();
    untilIdle();
    expect(sizes).toEqual([sizes[0], encodedSize()]);
  });

  it('stops listening and cancels what is scheduled', () => {
    type('a');
    watch.stop();
    type('b');
    vi.advanceTimersByTime(60_000);
    expect(sizes).toEqual([]);
  });
});

describe('watchDocumentSize with requestIdleCallback', () => {
  it('measures in an idle callback, with a deadline', () => {
    const idle: { callback: () => void; timeout: number | undefined }[] = [];
    vi.stubGlobal('requestIdleCallback', (callback: () => void, options?: IdleRequestOptions) => {
      idle.push({ callback, timeout: options?.timeout });
      return idle.length;
    });
    vi.stubGlobal('cancelIdleCallback', vi.fn());
    watch = watchDocumentSize(doc, (bytes) => sizes.push(bytes), { idleTimeoutMs: 2_000 });
    type('Hello');
    type(' world');
    expect(idle).toHaveLength(1);
    expect(idle[0]!.timeout).toBe(2_000);
    vi.advanceTimersByTime(1_000);
    expect(sizes).toEqual([]); // the browser has not been idle yet
    idle[0]!.callback();
    expect(sizes).toEqual([encodedSize()]);
  });

  it('cancels a pending idle callback on stop', () => {
    const cancel = vi.fn();
    vi.stubGlobal('requestIdleCallback', () => 7);
    vi.stubGlobal('cancelIdleCallback', cancel);
    watch = watchDocumentSize(doc, (bytes) => sizes.push(bytes));
    type('Hello');
    watch.stop();
    expect(cancel).toHaveBeenCalledWith(7);
  });
});
