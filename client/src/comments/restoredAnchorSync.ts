/**
 * Tells the server where threads went when this tab's undo or redo brought
 * their text back (see `restoredAnchors.ts`): nobody else can, and after a
 * reload this tab cannot either.
 */
import type { CommentThread } from '@baton/shared/comments.ts';
import type * as Y from 'yjs';
import { ApiError } from '../api/http.ts';
import type { EncodedAnchor } from './anchors.ts';
import { restoredAnchor } from './restoredAnchors.ts';

export interface RestoredAnchorSyncDeps {
  /** This tab's draft, once the editor is bound to it. */
  doc(): Y.Doc | null;
  threads(): readonly CommentThread[];
  send(threadId: string, anchor: EncodedAnchor): Promise<unknown>;
  /** Waits before each retry; the server answers 409 until the undo has reached the draft. */
  retryDelaysMs?: readonly number[];
}

export interface RestoredAnchorSync {
  /** Looks for threads to move (after an undo or redo, or when the threads change). */
  check(): void;
  stop(): void;
}

const defaultRetryDelaysMs = [250, 500, 1_000, 2_000, 4_000, 8_000];

/** Worth trying again: the undo has not reached the server yet, or the network failed. */
const retryable = (error: unknown) =>
  error instanceof ApiError && (error.status === 409 || error.status === 0);

export function createRestoredAnchorSync(deps: RestoredAnchorSyncDeps): RestoredAnchorSync {
  const delays = deps.retryDelaysMs ?? defaultRetryDelaysMs;
  /** The latest move sent (or being retried, or given up) per thread. */
  const latest = new Map<string, string>();
  const timers = new Set<ReturnType<typeof setTimeout>>();
  let stopped = false;

  async function send(threadId: string, anchor: EncodedAnchor, key: string, tries: number) {
    try {
      await deps.send(threadId, anchor);
    } catch (error) {
      const delay = delays[tries];
      if (stopped || !retryable(error) || delay === undefined) return;
      const timer = setTimeout(() => {
        timers.delete(timer);
        // A later undo or redo may have made another move since.
        if (!stopped && latest.get(threadId) === key) void send(threadId, anchor, key, tries + 1);
      }, delay);
      timers.add(timer);
    }
  }

  return {
    check() {
      const doc = stopped ? null : deps.doc();
      if (!doc) return;
      for (const thread of deps.threads()) {
        const moved = restoredAnchor(doc, thread.anchor);
        if (!moved) continue;
        const key = `${moved.start} ${moved.end}`;
        if (latest.get(thread.id) === key) continue;
        latest.set(thread.id, key);
        void send(thread.id, moved, key, 0);
      }
    },
    stop() {
      stopped = true;
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
    },
  };
}
