/**
 * DocStore on PostgreSQL. Appends made during one event-loop turn go to the
 * database as one multi-row INSERT; each append's promise resolves only after
 * that commit. Compaction holds a transaction-scoped advisory lock per
 * document, so two instances never compact the same document at once.
 */
import type { Pool } from 'pg';
import type { DocStore } from './docStore.ts';
import { mergeUpdateLog } from './mergeUpdates.ts';

interface PendingAppend {
  docName: string;
  update: Uint8Array;
  resolve: () => void;
  reject: (error: unknown) => void;
}

const toBuffer = (bytes: Uint8Array) =>
  Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

export class PgDocStore implements DocStore {
  private pending: PendingAppend[] = [];
  private flushScheduled = false;
  /** Batches are written one after another, so their commits resolve in order. */
  private tail: Promise<void> = Promise.resolve();

  constructor(private readonly pool: Pool) {}

  async load(docName: string): Promise<Uint8Array[]> {
    const result = await this.pool.query<{ data: Buffer }>(
      'SELECT data FROM doc_update WHERE doc_name = $1 ORDER BY id',
      [docName],
    );
    return result.rows.map(
      (r) => new Uint8Array(r.data.buffer, r.data.byteOffset, r.data.byteLength),
    );
  }

  append(docName: string, update: Uint8Array): Promise<void> {
    return new Promise((resolve, reject) => {
      this.pending.push({ docName, update, resolve, reject });
      if (!this.flushScheduled) {
        this.flushScheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  async compact(docName: string): Promise<void> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`baton:doc:${docName}`]);
      const rows = await client.query<{ id: string; data: Buffer }>(
        'SELECT id, data FROM doc_update WHERE doc_name = $1 ORDER BY id',
        [docName],
      );
      const last = rows.rows.at(-1);
      if (last && rows.rows.length > 1) {
        const merged = mergeUpdateLog(rows.rows.map((r) => new Uint8Array(r.data)));
        await client.query('DELETE FROM doc_update WHERE doc_name = $1 AND id <= $2', [
          docName,
          last.id,
        ]);
        // Yjs updates commute, so the merged state may follow updates other instances appended meanwhile.
        await client.query('INSERT INTO doc_update (doc_name, data) VALUES ($1, $2)', [
          docName,
          toBuffer(merged),
        ]);
      }
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  async close(): Promise<void> {
    this.flush();
    await this.tail;
  }

  private flush(): void {
    this.flushScheduled = false;
    const batch = this.pending;
    if (batch.length === 0) return;
    this.pending = [];
    const values: string[] = [];
    const params: unknown[] = [];
    batch.forEach((item, i) => {
      values.push(`($${2 * i + 1}, $${2 * i + 2})`);
      params.push(item.docName, toBuffer(item.update));
    });
    // One statement is one transaction: all of the batch is stored, or none of it.
    this.tail = this.tail.then(() =>
      this.pool
        .query(`INSERT INTO doc_update (doc_name, data) VALUES ${values.join(', ')}`, params)
        .then(
          () => batch.forEach((item) => item.resolve()),
          (error: unknown) => batch.forEach((item) => item.reject(error)),
        ),
    );
  }
}
