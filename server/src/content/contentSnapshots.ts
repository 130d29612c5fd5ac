/**
 * Keeps `installment_content` (canonical ProseMirror JSON, plain text, word
 * count) close behind the live draft, so lists, search and later publishing
 * read content without loading Yjs. Debounced per document, with a maximum wait.
 */
import type { Kysely } from 'kysely';
import type * as Y from 'yjs';
import type { Logger } from '../config/logger.ts';
import type { Database } from '../db/schema.ts';
import { nowIso } from '../ids.ts';
import { readDraftContent } from './draftContent.ts';

interface Pending {
  doc: Y.Doc;
  timer: NodeJS.Timeout;
  firstChangeAt: number;
  lastChangeAt: number;
}

export class ContentSnapshots {
  private readonly pending = new Map<string, Pending>();

  constructor(
    private readonly db: Kysely<Database>,
    private readonly logger: Logger,
    private readonly debounceMs: number,
    private readonly maxWaitMs: number,
  ) {}

  /** Documents whose snapshot is waiting for its timer. */
  get pendingCount(): number {
    return this.pending.size;
  }

  /**
   * Notes that a document changed; its snapshot is refreshed after a quiet
   * spell. A change only moves the spell's end: the timer already set looks
   * again when it fires, so typing costs one timer per spell, not one per
   * keystroke.
   */
  changed(docName: string, doc: Y.Doc): void {
    const now = Date.now();
    const existing = this.pending.get(docName);
    if (existing) {
      existing.doc = doc;
      existing.lastChangeAt = now;
      return;
    }
    const timer = this.wakeAfter(docName, Math.min(this.debounceMs, this.maxWaitMs));
    this.pending.set(docName, { doc, timer, firstChangeAt: now, lastChangeAt: now });
  }

  /** Writes the snapshot now if one is due (on unload and shutdown). */
  async flush(docName: string): Promise<void> {
    const entry = this.pending.get(docName);
    if (!entry) return;
    clearTimeout(entry.timer);
    this.pending.delete(docName);
    try {
      await this.write(docName, entry.doc);
    } catch (error) {
      this.logger.error('could not store the content snapshot', { doc: docName, error });
    }
  }

  private wakeAfter(docName: string, delayMs: number): NodeJS.Timeout {
    const timer = setTimeout(() => this.wake(docName), delayMs);
    timer.unref();
    return timer;
  }

  /** Writes the snapshot if its quiet spell (or the longest wait) is over, else waits for the rest. */
  private wake(docName: string): void {
    const entry = this.pending.get(docName);
    if (!entry) return;
    const due = Math.min(
      entry.lastChangeAt + this.debounceMs,
      entry.firstChangeAt + this.maxWaitMs,
    );
    const remainingMs = due - Date.now();
    if (remainingMs > 0) entry.timer = this.wakeAfter(docName, remainingMs);
    else void this.flush(docName);
  }

  private async write(installmentId: string, doc: Y.Doc): Promise<void> {
    const exists = await this.db
      .selectFrom('installment')
      .select('id')
      .where('id', '=', installmentId)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    if (!exists) return; // deleted while it was open
    const content = readDraftContent(doc);
    const row = {
      installment_id: installmentId,
      prosemirror_json: JSON.stringify(content.json),
      plain_text: content.text,
      word_count: content.wordCount,
      updated_at: nowIso(),
    };
    await this.db
      .insertInto('installment_content')
      .values(row)
      .onConflict((oc) => oc.column('installment_id').doUpdateSet(row))
      .execute();
  }
}
