/** Schema migrations that rewrite stored data, checked on a database made by the migrations before them. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Kysely, SqliteDialect } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { SqliteDocStore } from '../store/sqliteDocStore.ts';
import { migrateToLatest, migrateUpTo } from './migrations.ts';
import { openSqlite, type SqliteDatabase } from './sqlite.ts';

/** Updates that each append `words` to one shared Y.Text, as a document's log would hold them. */
function textUpdates(...words: string[]): Uint8Array[] {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  for (const word of words) doc.getText('t').insert(doc.getText('t').length, word);
  doc.destroy();
  return updates;
}

function textOf(updates: Uint8Array[]): string {
  const doc = new Y.Doc();
  for (const update of updates) Y.applyUpdate(doc, update);
  return doc.getText('t').toString();
}

interface StoredRow {
  id: number;
  doc_name: string;
  data: Buffer;
}

describe('0007: doc_update without AUTOINCREMENT (SQLite)', () => {
  let dir = '';
  let sqlite: SqliteDatabase;
  let db: Kysely<unknown>;

  afterEach(async () => {
    await db.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  async function openAt(migration: string): Promise<void> {
    dir = mkdtempSync(path.join(tmpdir(), 'baton-migrate-'));
    sqlite = openSqlite(dir);
    db = new Kysely({ dialect: new SqliteDialect({ database: sqlite }) });
    await migrateUpTo(db, 'sqlite', migration);
  }

  const rows = () =>
    sqlite.prepare('SELECT id, doc_name, data FROM doc_update ORDER BY id').all() as StoredRow[];
  const sequenceRows = () =>
    sqlite.prepare("SELECT seq FROM sqlite_sequence WHERE name = 'doc_update'").all();

  it('MIG-1 keeps every row and id, and appends no longer write a counter', async () => {
    await openAt('0006_webhooks');
    const [a1, a2, a3] = textUpdates('alpha ', 'beta ', 'gamma');
    const [b1, b2] = textUpdates('one ', 'two');
    const insert = sqlite.prepare('INSERT INTO doc_update (doc_name, data) VALUES (?, ?)');
    for (const [name, update] of [
      ['a', a1],
      ['b', b1],
      ['a', a2],
      ['b', b2],
    ] as const) {
      insert.run(name, update);
    }
    expect(sequenceRows()).toHaveLength(1);
    const before = rows();

    await migrateToLatest(db, 'sqlite');

    expect(rows()).toEqual(before);
    expect(sequenceRows()).toEqual([]);
    const { sql } = sqlite
      .prepare("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'doc_update'")
      .get() as { sql: string };
    expect(sql).not.toMatch(/AUTOINCREMENT/i);
    const plan = sqlite
      .prepare('EXPLAIN QUERY PLAN SELECT id, data FROM doc_update WHERE doc_name = ? ORDER BY id')
      .all('a') as Array<{ detail: string }>;
    expect(plan.map((step) => step.detail).join(' ')).toContain('doc_update_doc_id');

    const store = new SqliteDocStore(sqlite);
    await store.append('a', a3!);
    expect(sequenceRows()).toEqual([]);
    expect(textOf(await store.load('a'))).toBe('alpha beta gamma');
    expect(textOf(await store.load('b'))).toBe('one two');
    await store.compact('a');
    const compacted = await store.load('a');
    expect(compacted).toHaveLength(1);
    expect(textOf(compacted)).toBe('alpha beta gamma');
    expect(textOf(await store.load('b'))).toBe('one two');
  });

  it('MIG-2 keeps a document in order after compaction removed the table’s largest id', async () => {
    await openAt('0006_webhooks');
    await migrateToLatest(db, 'sqlite');
    const store = new SqliteDocStore(sqlite);
    const [a1, a2, a3] = textUpdates('alpha ', 'beta ', 'gamma');
    const [b1, b2] = textUpdates('one ', 'two');
    await store.append('b', b1!);
    await store.append('a', a1!);
    await store.append('a', a2!);
    // Compacting `a` deletes the table's largest id (a2's); the merged row and b2 then get
    // ids after b1's, one of them the id a2 had.
    await store.compact('a');
    await store.append('b', b2!);
    await store.append('a', a3!);
    // Yjs would converge from any order; the log must still read back as it was written.
    const a = await store.load('a');
    expect(a).toHaveLength(2);
    expect(a[1]).toEqual(a3);
    expect(textOf(a)).toBe('alpha beta gamma');
    expect(await store.load('b')).toEqual([b1, b2]);
    const ids = rows().map((row) => row.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
