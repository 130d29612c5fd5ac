import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Kysely, SqliteDialect } from 'kysely';
import { afterAll } from 'vitest';
import { migrateToLatest } from '../db/migrations.ts';
import { openSqlite } from '../db/sqlite.ts';
import { describeDocStoreContract } from './docStore.contract.ts';
import { MemoryDocStore } from './memoryDocStore.ts';
import { SqliteDocStore } from './sqliteDocStore.ts';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describeDocStoreContract('SQLite', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'baton-store-'));
  dirs.push(dir);
  const sqlite = openSqlite(dir);
  await migrateToLatest(new Kysely({ dialect: new SqliteDialect({ database: sqlite }) }), 'sqlite');
  return new SqliteDocStore(sqlite);
});

describeDocStoreContract('memory', () => new MemoryDocStore());
