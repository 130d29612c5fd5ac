/**
 * Opens the store Baton runs on: embedded SQLite under DATA_DIR by default,
 * PostgreSQL when DATABASE_URL is set. Everything else talks to the result:
 * Kysely for app data, the DocStore for document logs, and the handle
 * better-auth takes for its own tables.
 */
import { limits } from '@baton/shared/limits.ts';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import type pg from 'pg';
import type { Config } from '../config/env.ts';
import type { Logger } from '../config/logger.ts';
import type { DocStore } from '../store/docStore.ts';
import { SqliteDocStore } from '../store/sqliteDocStore.ts';
import { type Dialect, migrateToLatest } from './migrations.ts';
import type { Database } from './schema.ts';
import { openSqlite, type SqliteDatabase, withStatementCache } from './sqlite.ts';

export interface OpenDatabase {
  dialect: Dialect;
  db: Kysely<Database>;
  docStore: DocStore;
  /** What better-auth is given as its `database`. */
  authDatabase: SqliteDatabase | pg.Pool;
  /** Runs a read-only check that the store answers (health output). */
  ping(): Promise<void>;
  /**
   * Folds SQLite's write-ahead log back into the database file and truncates
   * it (a no-op on PostgreSQL). SQLite checkpoints by itself as it goes, but
   * never shrinks the file; this runs whenever no document is open.
   */
  checkpoint(): void;
  close(): Promise<void>;
}

export async function openDatabase(
  config: Pick<Config, 'dataDir' | 'databaseUrl'>,
  logger: Logger,
): Promise<OpenDatabase> {
  if (config.databaseUrl) {
    // Loaded only here: a SQLite instance never pays for pg's memory.
    const [{ openPgPool }, { PgDocStore }] = await Promise.all([
      import('./pgPool.ts'),
      import('../store/pgDocStore.ts'),
    ]);
    // Survives PostgreSQL restarts: dead connections are logged and replaced (pgPool.ts).
    const { pool, connectionsClosed } = openPgPool(
      { connectionString: config.databaseUrl, max: limits.pgPoolMax },
      logger,
    );
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    await migrateToLatest(db as Kysely<unknown>, 'postgres');
    const docStore = new PgDocStore(pool);
    return {
      dialect: 'postgres',
      db,
      docStore,
      authDatabase: pool,
      ping: async () => void (await pool.query('SELECT 1')),
      checkpoint: () => undefined,
      close: async () => {
        await docStore.close();
        await db.destroy(); // ends the pool
        await connectionsClosed();
      },
    };
  }
  const sqlite = openSqlite(config.dataDir);
  const cached = withStatementCache(sqlite);
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: cached }) });
  await migrateToLatest(db as Kysely<unknown>, 'sqlite');
  const docStore = new SqliteDocStore(sqlite);
  return {
    dialect: 'sqlite',
    db,
    docStore,
    authDatabase: cached,
    ping: () => Promise.resolve(void sqlite.prepare('SELECT 1').get()),
    checkpoint: () => void sqlite.pragma('wal_checkpoint(TRUNCATE)'),
    close: async () => {
      await docStore.close();
      await db.destroy(); // closes the SQLite handle
    },
  };
}
