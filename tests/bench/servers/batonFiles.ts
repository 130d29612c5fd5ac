/** What Baton keeps on disk: the SQLite files' sizes and the document update log. */
import { readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The bytes of `baton.sqlite`, `-wal` and `-shm` together. */
export function sqliteBytes(dataDir: string): number {
  return readdirSync(dataDir)
    .filter((name) => name.startsWith('baton.sqlite'))
    .reduce((sum, name) => sum + statSync(path.join(dataDir, name)).size, 0);
}

interface ReadonlyDatabase {
  prepare(sql: string): { get(...params: unknown[]): unknown };
  close(): void;
}
type DatabaseConstructor = new (
  file: string,
  options: { readonly: boolean; fileMustExist: boolean },
) => ReadonlyDatabase;

// better-sqlite3 is the server's dependency; borrow it (read-only) rather than add one.
const requireFromServer = createRequire(
  fileURLToPath(new URL('../../../server/package.json', import.meta.url)),
);

export interface UpdateLog {
  rows: number;
  bytes: number;
}

/** Rows and bytes of one document's update log (read-only; safe while Baton runs, WAL mode). */
export function updateLog(dataDir: string, docName: string): UpdateLog {
  const Database = requireFromServer('better-sqlite3') as DatabaseConstructor;
  const db = new Database(path.join(dataDir, 'baton.sqlite'), {
    readonly: true,
    fileMustExist: true,
  });
  try {
    const row = db
      .prepare(
        'SELECT count(*) AS rows, coalesce(sum(length(data)), 0) AS bytes FROM doc_update WHERE doc_name = ?',
      )
      .get(docName) as { rows: number; bytes: number };
    return { rows: row.rows, bytes: row.bytes };
  } finally {
    db.close();
  }
}
