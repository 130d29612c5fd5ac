/** When content snapshots are written: after a quiet spell, and at the latest after the longest wait. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Kysely, SqliteDialect } from 'kysely';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { createLogger } from '../config/logger.ts';
import { migrateToLatest } from '../db/migrations.ts';
import type { Database } from '../db/schema.ts';
import { openSqlite } from '../db/sqlite.ts';
import { ContentSnapshots } from './contentSnapshots.ts';

const debounceMs = 2_000;
const maxWaitMs = 10_000;

describe('content snapshots', () => {
  let dir = '';
  let db: Kysely<Database>;
  let snapshots: ContentSnapshots;
  const doc = new Y.Doc();
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText('three small words')]);
  doc.getXmlFragment('default').insert(0, [paragraph]);

  /** The snapshot row, once the write the timer started has finished (the clock is real again). */
  async function writtenSnapshot() {
    vi.useRealTimers();
    let row: { word_count: number } | undefined;
    await vi.waitFor(async () => {
      row = await db
        .selectFrom('installment_content')
        .select('word_count')
        .where('installment_id', '=', 'a')
        .executeTakeFirst();
      expect(row).toBeDefined();
    });
    return row;
  }

  beforeEach(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'baton-snapshots-'));
    db = new Kysely<Database>({ dialect: new SqliteDialect({ database: openSqlite(dir) }) });
    await migrateToLatest(db as Kysely<unknown>, 'sqlite');
    const at = new Date().toISOString();
    await db
      .insertInto('series')
      .values({
        id: 's',
        slug: 's',
        title: 'S',
        description: '',
        created_by: 'u',
        created_at: at,
        updated_at: at,
      })
      .execute();
    await db
      .insertInto('installment')
      .values({
        id: 'a',
        series_id: 's',
        number: 1,
        position: 1,
        title: 'A',
        created_at: at,
        updated_at: at,
      })
      .execute();
    // Only the clock is simulated; the store and the snapshots are the real ones.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    snapshots = new ContentSnapshots(db, createLogger('error'), debounceMs, maxWaitMs);
  });

  afterEach(async () => {
    vi.useRealTimers();
    await db.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  it('SNAP-1 is written once changes have stopped for the quiet spell, counted from the last one', async () => {
    snapshots.changed('a', doc);
    vi.advanceTimersByTime(1_500);
    snapshots.changed('a', doc);
    vi.advanceTimersByTime(debounceMs - 1);
    expect(snapshots.pendingCount).toBe(1);
    vi.advanceTimersByTime(1);
    expect(snapshots.pendingCount).toBe(0);
    expect(await writtenSnapshot()).toEqual({ word_count: 3 });
  });

  it('SNAP-2 is written after the longest wait while changes keep coming', async () => {
    snapshots.changed('a', doc);
    for (let elapsed = 0; elapsed < maxWaitMs - 1; elapsed += 1_000) {
      expect(snapshots.pendingCount).toBe(1);
      vi.advanceTimersByTime(Math.min(1_000, maxWaitMs - 1 - elapsed));
      snapshots.changed('a', doc);
    }
    expect(snapshots.pendingCount).toBe(1);
    vi.advanceTimersByTime(1);
    expect(snapshots.pendingCount).toBe(0);
    expect(await writtenSnapshot()).toEqual({ word_count: 3 });
  });
});
