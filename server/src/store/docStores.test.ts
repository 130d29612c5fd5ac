import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { afterAll } from 'vitest';
import { createLogger } from '../config/logger.ts';
import { migrateToLatest } from '../db/migrations.ts';
import { openPgPool } from '../db/pgPool.ts';
import { openSqlite } from '../db/sqlite.ts';
import { describeDocStoreContract } from './docStore.contract.ts';
import { MemoryDocStore } from './memoryDocStore.ts';
import { PgDocStore } from './pgDocStore.ts';
import { SqliteDocStore } from './sqliteDocStore.ts';

const cleanups: Array<() => Promise<void> | void> = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

describeDocStoreContract('SQLite', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'baton-store-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  const sqlite = openSqlite(dir);
  await migrateToLatest(new Kysely({ dialect: new SqliteDialect({ database: sqlite }) }), 'sqlite');
  return new SqliteDocStore(sqlite);
});

describeDocStoreContract('memory', () => new MemoryDocStore());

// The vitest config sets BATON_TEST_PG when PostgreSQL runs here (always under CI).
if (process.env.BATON_TEST_PG) {
  const adminUrl = 'postgres://postgres@127.0.0.1:5432/test';
  describeDocStoreContract('PostgreSQL', async () => {
    const name = `baton_store_${randomBytes(5).toString('hex')}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    // The production pool: it listens for connection errors, and its connections
    // are all closed (not just let go of) before the database is dropped.
    const { pool, connectionsClosed } = openPgPool(
      { connectionString: adminUrl.replace(/\/test$/, `/${name}`) },
      createLogger('warn'),
    );
    const db = new Kysely({ dialect: new PostgresDialect({ pool }) });
    await migrateToLatest(db, 'postgres');
    cleanups.push(async () => {
      await db.destroy();
      await connectionsClosed();
      const drop = new pg.Client({ connectionString: adminUrl });
      await drop.connect();
      await drop.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await drop.end();
    });
    return new PgDocStore(pool);
  });
}
