/**
 * Notices when saving stalls, so the status line can say why "Saving…" lasts.
 *
 * When the store fails, the server retries the write for about ten seconds
 * before giving up, and holds back its answer to our save check meanwhile: the
 * save state stays 'saving'. Saving counts as slow when it has been 'saving' on
 * a live connection for `afterMs` without the server confirming anything new.
 * The "anything new" matters: during long continuous typing the state stays
 * 'saving' throughout, but confirmations keep arriving, so it is not slow.
 */
import type { ConnectionStore } from './connectionStatus.ts';
import type { SaveTracker } from './saveTracker.ts';
import { snapshotStore } from '../lib/snapshotStore.ts';

/**
 * The tracker checks within 3 s of an edit (its max wait) and a healthy server
 * answers in milliseconds: no confirmation after 5 s means the store is struggling.
 */
export const SLOW_SAVE_AFTER_MS = 5_000;

export interface SlowSaveStore {
  /** True while saving is slow. */
  getSnapshot(): boolean;
  subscribe(listener: () => void): () => void;
  destroy(): void;
}

export function createSlowSaveStore(
  saves: Pick<SaveTracker, 'getSnapshot' | 'subscribe'>,
  connection: Pick<ConnectionStore, 'getSnapshot' | 'subscribe'>,
  { afterMs = SLOW_SAVE_AFTER_MS }: { afterMs?: number } = {},
): SlowSaveStore {
  const slow = snapshotStore(false);
  let timer: ReturnType<typeof setTimeout> | null = null;
  /** `savedSeq` when the current wait began; null while nothing waits on the server. */
  let waitingFrom: number | null = null;

  function stopClock() {
    if (timer !== null) clearTimeout(timer);
    timer = null;
  }

  function update() {
    const save = saves.getSnapshot();
    const waiting = save.state === 'saving' && connection.getSnapshot().connection === 'live';
    const from = waiting ? save.savedSeq : null;
    if (from === waitingFrom) return;
    // The wait began or ended, or the server confirmed something: the clock restarts.
    waitingFrom = from;
    stopClock();
    slow.set(false);
    if (from !== null) {
      timer = setTimeout(() => {
        timer = null;
        slow.set(true);
      }, afterMs);
    }
  }

  const stopWatchingSaves = saves.subscribe(update);
  const stopWatchingConnection = connection.subscribe(update);
  update();

  return {
    getSnapshot: slow.getSnapshot,
    subscribe: slow.subscribe,
    destroy() {
      stopClock();
      slow.clear();
      stopWatchingSaves();
      stopWatchingConnection();
    },
  };
}
