/**
 * DocStore on SQLite (better-sqlite3, WAL). Appends made while one event is
 * handled (say, every update in one read from a socket) are committed together
 * in one transaction as soon as that handler returns; each append's promise
 * resolves only after that commit, which is what lets the sync core broadcast
 * an update only once it is durable. Committing then, rather than once the
 * event loop has handled every pending event, keeps a busy room's broadcasts
 * from waiting on other sockets' reads.
 */
import type { SqliteDatabase } from '../db/sqlite.ts';
import type { DocStore } from './docStore.ts';
import { mergeUpdateLog } from './mergeUpdates.ts';

interface PendingAppend {
  docName: string;
  update: Uint8Array;
  resolve: () => void;
  reject: (error: unknown) => void;
}

export class SqliteDocStore implements DocStore {
  private readonly selectLog;
  private readonly insertUpdate;
  private readonly deleteUpTo;
  private readonly commitBatch;
  private pending: PendingAppend[] = [];
  private flushScheduled = false;

  constructor(private readonly db: SqliteDatabase) {
    this.selectLog = db.prepare<[string], { id: number; data: Buffer }>(
      'SELECT id, data FROM doc_update WHERE doc_name = ? ORDER BY id',
    );
    this.insertUpdate = db.prepare<[string, Uint8Array]>(
      'INSERT INTO doc_update (doc_name, data) VALUES (?, ?)',
    );
    this.deleteUpTo = db.prepare<[string, number]>(
      'DELETE FROM doc_update WHERE doc_name = ? AND id <= ?',
    );
    this.commitBatch = db.transaction((batch: PendingAppend[]) => {
      for (const item of batch) this.insertUpdate.run(item.docName, item.update);
    });
  }

  load(docName: string): Promise<Uint8Array[]> {
    return Promise.resolve(this.selectLog.all(docName).map((row) => new Uint8Array(row.data)));
  }

  append(docName: string, update: Uint8Array): Promise<void> {
    return new Promise((resolve, reject) => {
      this.pending.push({ docName, update, resolve, reject });
      if (!this.flushScheduled) {
        this.flushScheduled = true;
        queueMicrotask(() => this.flush());
      }
    });
  }

  compact(docName: string): Promise<void> {
    this.db
      .transaction(() => {
        const rows = this.selectLog.all(docName);
        const last = rows.at(-1);
        if (!last || rows.length < 2) return;
        const merged = mergeUpdateLog(rows.map((r) => new Uint8Array(r.data)));
        this.deleteUpTo.run(docName, last.id);
        this.insertUpdate.run(docName, merged);
      })
      .immediate();
    return Promise.resolve();
  }

  close(): Promise<void> {
    this.flush();
    return Promise.resolve();
  }

  private flush(): void {
    this.flushScheduled = false;
    const batch = this.pending;
    if (batch.length === 0) return;
    this.pending = [];
    try {
      this.commitBatch.immediate(batch);
    } catch (error) {
      for (const item of batch) item.reject(error);
      return;
    }
    for (const item of batch) item.resolve();
  }
}
