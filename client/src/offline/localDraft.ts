/**
 * Keeps an installment's Y.Doc on this device (y-indexeddb), with the number
 * of its changes no server has confirmed, so a writer can reopen it offline and
 * the status line still knows what is unsaved (docs/decisions/0009-offline-drafts.md).
 */
import type * as Y from 'yjs';
import { IndexeddbPersistence } from 'y-indexeddb';
import type { SaveTracker } from '../editor/saveTracker.ts';

/** Key of the unconfirmed-changes count in y-indexeddb's `custom` store. */
const UNSAVED_KEY = 'unsavedChanges';

export interface LoadedDraft {
  /** Changes in the kept copy that no server has confirmed (0 when nothing was kept). */
  unsaved: number;
  /** The browser keeps the draft; false when it refuses IndexedDB (edits then live in the tab only). */
  kept: boolean;
}

export interface LocalDraft {
  /** Resolves once the kept copy is in the doc. */
  loaded: Promise<LoadedDraft>;
  destroy(): void;
}

/** Whether a transaction is the local draft replaying what it kept (not an edit). */
export function isLocalDraftReplay(origin: unknown): boolean {
  return origin instanceof IndexeddbPersistence;
}

/**
 * Starts keeping `doc` in the database `name`. Create it after the save tracker
 * and before any edit: the count of an edit is then written before the edit
 * itself (see `writeUnsaved`), so a crash in between can only overstate it.
 */
export function keepDraftLocally(doc: Y.Doc, name: string, saves: SaveTracker): LocalDraft {
  /** The count as stored; null until the kept count has been read. */
  let written: number | null = null;
  let stopped = false;

  /**
   * Called by the save tracker, whose update listener was added before
   * y-indexeddb's: the count of an edit is written in a transaction created
   * before the one storing the edit, and covering its `updates` store too, and
   * IndexedDB runs overlapping read-write transactions in creation order.
   */
  function writeUnsaved() {
    const db = persistence.db;
    const { localSeq, savedSeq } = saves.getSnapshot();
    const count = localSeq - savedSeq;
    if (stopped || !db || written === null || count === written) return;
    try {
      const transaction = db.transaction(['custom', 'updates'], 'readwrite');
      transaction.objectStore('custom').put(count, UNSAVED_KEY);
      written = count;
    } catch {
      // The database was closed (deleted on sign-out in another tab): nothing to keep.
    }
  }

  const stopWatchingSaves = saves.subscribe(writeUnsaved);
  const persistence = new IndexeddbPersistence(name, doc);

  const stop = () => {
    if (stopped) return;
    stopped = true;
    stopWatchingSaves();
    persistence.destroy().catch(() => undefined);
  };

  const loaded = (async () => {
    try {
      // Rejects when the browser refuses IndexedDB; `whenSynced` alone would never settle.
      const db = await persistence._db;
      // Signing out (here or in another tab) deletes the database: let it go.
      db.addEventListener('versionchange', stop);
      await persistence.whenSynced;
      const kept: unknown = await persistence.get(UNSAVED_KEY);
      written = typeof kept === 'number' ? kept : 0;
      return { unsaved: written, kept: true };
    } catch {
      // No IndexedDB (refused, private mode): the editor works online only.
      stop();
      return { unsaved: 0, kept: false };
    }
  })();

  return { loaded, destroy: stop };
}
