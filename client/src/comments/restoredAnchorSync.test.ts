import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import type { CommentThread } from '@baton/shared/comments.ts';
import { ApiError } from '../api/http.ts';
import type { EncodedAnchor } from './anchors.ts';
import { createRestoredAnchorSync } from './restoredAnchorSync.ts';

const encode = (position: Y.RelativePosition) =>
  Buffer.from(Y.encodeRelativePosition(position)).toString('base64');

/** One text, a thread on "two", deleted and brought back by undo. */
function restoredThread() {
  const doc = new Y.Doc();
  const text = doc.getText('t');
  text.insert(0, 'one two three');
  const undo = new Y.UndoManager(text, { captureTimeout: 0 });
  const anchor: EncodedAnchor = {
    start: encode(Y.createRelativePositionFromTypeIndex(text, 4, 0)),
    end: encode(Y.createRelativePositionFromTypeIndex(text, 7, -1)),
  };
  text.delete(4, 3);
  undo.undo();
  const threads = [{ id: 't1', anchor } as CommentThread];
  return { doc, undo, threads };
}

const conflict = () => new ApiError(409, 'conflict', 'not yet');

describe('moving threads after an undo', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('CMT-8 sends each move once, retries while the server does not have the text yet, and stops', async () => {
    const { doc, threads } = restoredThread();
    const send = vi
      .fn<(id: string, anchor: EncodedAnchor) => Promise<unknown>>()
      .mockRejectedValueOnce(conflict())
      .mockRejectedValueOnce(new ApiError(0, 'network', 'offline'))
      .mockResolvedValue(undefined);
    const sync = createRestoredAnchorSync({
      doc: () => doc,
      threads: () => threads,
      send,
      retryDelaysMs: [10, 20],
    });
    sync.check();
    sync.check(); // the same move: not sent again
    expect(send).toHaveBeenCalledTimes(1);
    const moved = send.mock.calls[0]![1];
    expect(moved).not.toEqual(threads[0]!.anchor);
    await vi.advanceTimersByTimeAsync(10);
    await vi.advanceTimersByTimeAsync(20);
    expect(send).toHaveBeenCalledTimes(3);
    expect(send.mock.calls.map((call) => call[1])).toEqual([moved, moved, moved]);
    sync.stop();
  });

  it('CMT-8 gives up on a refusal and after the last retry; stop cancels a pending retry', async () => {
    const refused = restoredThread();
    const send = vi.fn(() => Promise.reject(new ApiError(400, 'bad_request', 'no')));
    createRestoredAnchorSync({
      doc: () => refused.doc,
      threads: () => refused.threads,
      send,
    }).check();
    await vi.runAllTimersAsync();
    expect(send).toHaveBeenCalledTimes(1);

    const busy = restoredThread();
    const always409 = vi.fn(() => Promise.reject(conflict()));
    const sync = createRestoredAnchorSync({
      doc: () => busy.doc,
      threads: () => busy.threads,
      send: always409,
      retryDelaysMs: [10, 20],
    });
    sync.check();
    await vi.runAllTimersAsync();
    expect(always409).toHaveBeenCalledTimes(3);

    const stopped = restoredThread();
    const later = vi.fn(() => Promise.reject(conflict()));
    const stopping = createRestoredAnchorSync({
      doc: () => stopped.doc,
      threads: () => stopped.threads,
      send: later,
      retryDelaysMs: [10],
    });
    stopping.check();
    await vi.advanceTimersByTimeAsync(0);
    stopping.stop();
    await vi.runAllTimersAsync();
    expect(later).toHaveBeenCalledTimes(1);
  });
});
