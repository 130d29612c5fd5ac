/** Opens the embedded SQLite database (WAL) that holds auth, app data and document logs. */
import { limits } from '@baton/shared/limits.ts';
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import path from 'node:path';

export type SqliteDatabase = Database.Database;

export function openSqlite(dataDir: string): SqliteDatabase {
  mkdirSync(dataDir, { recursive: true });
  const db = new Database(path.join(dataDir, 'baton.sqlite'));
  // WAL: readers never block the writer. NORMAL: a commit survives a process crash
  // (SIGKILL); only an OS crash or power loss may lose the last transactions.
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma(`busy_timeout = ${limits.sqliteBusyTimeoutMs}`);
  return db;
}

const statementCacheSize = 500;

/**
 * The same database, with prepared statements reused by SQL text. Kysely (ours
 * and better-auth's) prepares every statement anew on every query; on the
 * websocket upgrade path that was a measurable share of the CPU.
 */
export function withStatementCache(db: SqliteDatabase): SqliteDatabase {
  const cache = new Map<string, Database.Statement>();
  const prepare = (sql: string) => {
    let statement = cache.get(sql);
    if (!statement) {
      statement = db.prepare(sql);
      if (cache.size >= statementCacheSize) cache.delete(cache.keys().next().value!);
      cache.set(sql, statement);
    }
    return statement;
  };
  return new Proxy(db, {
    get(target, property) {
      if (property === 'prepare') return prepare;
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function'
        ? (value as (...args: unknown[]) => unknown).bind(target)
        : value;
    },
  });
}
