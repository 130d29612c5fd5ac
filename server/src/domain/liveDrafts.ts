/**
 * What commands may do to drafts that writers may have open, without knowing
 * the sync core: collab/RoomRegistry provides it (decision: the domain depends
 * on this narrow interface, never on collab/).
 */
import type * as Y from 'yjs';

/** A draft's live document, loaded for a command. */
export interface LiveDraftRoom {
  /** Changes it as one server edit: stored, then sent to every connected writer. */
  applyServerChange(change: (doc: Y.Doc) => void): Promise<void>;
}

export interface LiveDrafts {
  /** Loads the draft's live document (or uses the open one) for `use`. */
  withRoom<T>(installmentId: string, use: (room: LiveDraftRoom) => Promise<T>): Promise<T>;
  /** Drops the live document without writing it back; its connections close with `code`. */
  discard(installmentId: string, code: number, reason: string): Promise<void>;
}
