/** The delivery queue's claims, on SQLite and (when it runs here) PostgreSQL. */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { createLogger } from '../config/logger.ts';
import { openDatabase, type OpenDatabase } from '../db/database.ts';
import { pingBody } from './deliveryBodies.ts';
import {
  claimDelivery,
  insertDelivery,
  recordAttempt,
  releaseDelivery,
  selectDue,
} from './deliveryQueries.ts';

const adminUrl = 'postgres://postgres@127.0.0.1:5432/test';
const cleanups: Array<() => Promise<void> | void> = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

async function openSqliteDatabase(): Promise<OpenDatabase> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'baton-hooks-'));
  const database = await openDatabase({ dataDir, databaseUrl: undefined }, createLogger('warn'));
  cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
  cleanups.push(() => database.close());
  return database;
}

async function openPostgresDatabase(): Promise<OpenDatabase> {
  const name = `baton_hooks_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const database = await openDatabase(
    { dataDir: tmpdir(), databaseUrl: adminUrl.replace(/\/test$/, `/${name}`) },
    createLogger('warn'),
  );
  cleanups.push(async () => {
    const drop = new pg.Client({ connectionString: adminUrl });
    await drop.connect();
    await drop.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await drop.end();
  });
  cleanups.push(() => database.close());
  return database;
}

/** A series with one hook and one due delivery. */
async function queueOne({ db }: OpenDatabase) {
  const now = new Date().toISOString();
  await db
    .insertInto('series')
    .values({
      id: 's1',
      slug: 's1',
      title: 'S',
      description: '',
      created_by: 'u',
      created_at: now,
      updated_at: now,
    })
    .execute();
  await db
    .insertInto('webhook')
    .values({
      id: 'h1',
      series_id: 's1',
      url: 'http://127.0.0.1:9/hook',
      events: '["version.published"]',
      secret: 'whsec_x',
      description: '',
      enabled: 1,
      created_by: 'u',
      created_at: now,
    })
    .execute();
  await insertDelivery(db, 'h1', pingBody({ id: 's1', slug: 's1', title: 'S' }, 'h1', 'd1', now));
  const [due] = await selectDue(db, new Date(Date.now() + 1).toISOString(), 10);
  return due!;
}

const stores: Array<[string, () => Promise<OpenDatabase>]> = [['SQLite', openSqliteDatabase]];
// The vitest config sets BATON_TEST_PG when PostgreSQL runs here (always under CI).
if (process.env.BATON_TEST_PG) stores.push(['PostgreSQL', openPostgresDatabase]);

describe.each(stores)('webhook delivery claims on %s', (_name, open) => {
  it('HOOK-6 of several instances claiming one attempt at once, exactly one gets it; a lost lease records nothing', async () => {
    const database = await open();
    const due = await queueOne(database);
    const now = new Date().toISOString();
    const leases = [1, 2, 3, 4].map((n) => new Date(Date.now() + 30_000 + n).toISOString());
    const claims = await Promise.all(
      leases.map((lease) => claimDelivery(database.db, due, now, lease)),
    );
    expect(claims.filter(Boolean)).toHaveLength(1);
    const winner = leases[claims.indexOf(true)]!;
    const loser = leases[claims.indexOf(false)]!;
    expect(await selectDue(database.db, now, 10)).toEqual([]);

    // An instance whose lease was taken over records nothing.
    await recordAttempt(database.db, due.id, loser, {
      status: 'delivered',
      httpStatus: 200,
      at: now,
    });
    const row = () =>
      database.db
        .selectFrom('webhook_delivery')
        .selectAll()
        .where('id', '=', due.id)
        .executeTakeFirstOrThrow();
    expect(await row()).toMatchObject({ status: 'pending', attempts: 1, next_attempt_at: winner });

    // A shutdown hands the attempt back, due at once.
    await releaseDelivery(database.db, due.id, winner, now);
    const [again] = await selectDue(database.db, now, 10);
    expect(again).toMatchObject({ id: due.id, attempts: 1 });
  });
});
