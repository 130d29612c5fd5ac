/**
 * DocStore in memory. Not durable: for unit tests of the sync core, where a
 * test needs to hold a write open (`holdWrites`) and release it by hand.
 */
import type { DocStore } from './docStore.ts';
import { mergeUpdateLog } from './mergeUpdates.ts';

export class MemoryDocStore implements DocStore {
  private readonly logs = new Map<string, Uint8Array[]>();
  private held: Array<() => void> | null = null;
  loadCount = 0;
  /** When set, `load` waits for this promise (to observe what happens meanwhile). */
  loadGate: Promise<void> | null = null;

  async load(docName: string): Promise<Uint8Array[]> {
    this.loadCount++;
    if (this.loadGate) await this.loadGate;
    return [...(this.logs.get(docName) ?? [])];
  }

  append(docName: string, update: Uint8Array): Promise<void> {
    const commit = () => {
      const log = this.logs.get(docName) ?? [];
      log.push(update.slice());
      this.logs.set(docName, log);
    };
    if (!this.held) {
      commit();
      return Promise.resolve();
    }
    const held = this.held;
    return new Promise((resolve) => held.push(() => (commit(), resolve())));
  }

  compact(docName: string): Promise<void> {
    const log = this.logs.get(docName);
    if (log && log.length > 1) this.logs.set(docName, [mergeUpdateLog(log)]);
    return Promise.resolve();
  }

  close(): Promise<void> {
    this.releaseWrites();
    return Promise.resolve();
  }

  /** Number of updates stored for a document (for compaction tests). */
  logLength(docName: string): number {
    return this.logs.get(docName)?.length ?? 0;
  }

  /** From now on, appends wait until `releaseWrites`. */
  holdWrites(): void {
    this.held ??= [];
  }

  /** Commits every held append, in order, and stops holding. */
  releaseWrites(): void {
    const held = this.held ?? [];
    this.held = null;
    for (const commit of held) commit();
  }
}
