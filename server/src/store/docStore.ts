/**
 * Durable storage of collaborative documents: an append-only log of Yjs updates
 * per document, compacted from time to time into one state update.
 * Every implementation passes the same contract suite (docStore.contract.ts).
 */
export interface DocStore {
  /** Every stored update of the document, oldest first (empty for a new document). */
  load(docName: string): Promise<Uint8Array[]>;
  /** Appends one update. Resolves once it is committed; rejects if it was not stored. */
  append(docName: string, update: Uint8Array): Promise<void>;
  /**
   * Replaces the committed log with one equivalent state update, atomically:
   * a reader sees either the old rows or the merged one, never a mix.
   */
  compact(docName: string): Promise<void>;
  /** Commits what is pending and releases the store. */
  close(): Promise<void>;
}
