/**
 * The pool against the machine's PostgreSQL: connections ended under it
 * (pg_terminate_backend, what a PostgreSQL restart does to every connection)
 * are logged and replaced, and never an unhandled 'error' event, which would
 * fail this run even with every test green.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Logger } from '../config/logger.ts';
import { openPgPool } from './pgPool.ts';

const adminUrl = 'postgres://postgres@127.0.0.1:5432/test';

/** A logger that keeps its warnings and tells whoever waits for the n-th. */
function recordingLogger() {
  const warnings: string[] = [];
  let waiter: { count: number; resolve: () => void } | null = null;
  const logger: Logger = {
    debug: () => undefined,
    info: () => undefined,
    error: () => undefined,
    warn: (message) => {
      warnings.push(message);
      if (waiter && warnings.length >= waiter.count) waiter.resolve();
    },
  };
  const untilWarnings = (count: number) =>
    warnings.length >= count
      ? Promise.resolve()
      : new Promise<void>((resolve) => (waiter = { count, resolve }));
  return { logger, warnings, untilWarnings };
}

// The vitest config sets BATON_TEST_PG when PostgreSQL runs here (always under CI).
describe.skipIf(!process.env.BATON_TEST_PG)('PostgreSQL pool', () => {
  const name = `baton_pool_${randomBytes(5).toString('hex')}`;
  const url = adminUrl.replace(/\/test$/, `/${name}`);
  const admin = new pg.Client({ connectionString: adminUrl });

  beforeAll(async () => {
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
  });
  afterAll(async () => {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  });

  /** Ends these backends, as a PostgreSQL restart ends every one; returns how many it ended. */
  async function terminate(pids: number[]): Promise<number> {
    const result = await admin.query<{ ended: boolean }>(
      'SELECT pg_terminate_backend(pid) AS ended FROM unnest($1::int[]) AS pid',
      [pids],
    );
    return result.rows.filter((r) => r.ended).length;
  }

  it('DUR-4 idle connections PostgreSQL ends are logged and replaced; the next query succeeds', async () => {
    const { logger, warnings, untilWarnings } = recordingLogger();
    const { pool, connectionsClosed } = openPgPool({ connectionString: url }, logger);
    try {
      // Three queries at once open three connections, idle afterwards.
      const pids = await Promise.all(
        [1, 2, 3].map(async () => {
          const result = await pool.query<{ pid: number }>(
            'SELECT pg_backend_pid() AS pid, pg_sleep(0.01)',
          );
          return result.rows[0]!.pid;
        }),
      );
      expect(pool.idleCount).toBe(3);
      expect(await terminate(pids)).toBe(3);
      await untilWarnings(3);
      expect(warnings).toEqual(
        Array(3).fill('PostgreSQL closed an idle connection; the pool opens a new one when needed'),
      );
      expect(pool.totalCount).toBe(0);
      expect((await pool.query<{ one: number }>('SELECT 1 AS one')).rows).toEqual([{ one: 1 }]);
    } finally {
      await pool.end();
      await connectionsClosed();
    }
  });

  it('DUR-4 a connection ended inside a transaction fails that transaction only; the pool carries on', async () => {
    const { logger } = recordingLogger();
    const { pool, connectionsClosed } = openPgPool({ connectionString: url }, logger);
    try {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const { rows } = await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
        // Checked out between two statements: pg-pool does not listen to it now.
        const closed = new Promise((resolve) => client.once('end', resolve));
        expect(await terminate([rows[0]!.pid])).toBe(1);
        await closed;
        await expect(client.query('SELECT 1')).rejects.toThrow('not queryable');
      } finally {
        client.release();
      }
      expect(pool.totalCount).toBe(0);
      expect((await pool.query<{ one: number }>('SELECT 1 AS one')).rows).toEqual([{ one: 1 }]);
    } finally {
      await pool.end();
      await connectionsClosed();
    }
  });

  it('DUR-4 connectionsClosed resolves only once every connection is closed (pool.end() resolves before)', async () => {
    const { logger } = recordingLogger();
    const { pool, connectionsClosed } = openPgPool({ connectionString: url }, logger);
    let opened = 0;
    let closed = 0;
    pool.on('connect', (client) => {
      opened++;
      client.once('end', () => closed++);
    });
    await Promise.all([1, 2, 3, 4].map(() => pool.query('SELECT pg_sleep(0.01)')));
    await pool.end();
    await connectionsClosed();
    expect(opened).toBe(4);
    expect(closed).toBe(4);
  });
});
