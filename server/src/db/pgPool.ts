/**
 * The PostgreSQL connection pool. A connection can die under the pool at any
 * moment (PostgreSQL restarts or fails over, an administrator ends backends,
 * the network drops): pg reports that as an 'error' event on the client and,
 * for an idle one, on the pool, and an 'error' event nobody listens to crashes
 * the process. Here both always have a listener. The pool discards a dead
 * connection and opens a new one for the next query, so once PostgreSQL
 * answers again Baton serves as before; a query that was running fails and its
 * caller handles that (store writes retry, HTTP requests answer 500).
 */
import pg from 'pg';
import type { Logger } from '../config/logger.ts';

export interface PgPool {
  pool: pg.Pool;
  /**
   * Resolves once every connection the pool opened is closed; call it after
   * `pool.end()` (Kysely's `destroy()`). `end()` resolves as soon as the pool
   * lets go of its clients, while their sockets are still closing: a database
   * dropped right then ends them with "terminating connection due to
   * administrator command", which is how a test run once died after passing.
   */
  connectionsClosed(): Promise<void>;
}

export function openPgPool(config: pg.PoolConfig, logger: Logger): PgPool {
  const pool = new pg.Pool(config);
  const open = new Set<pg.PoolClient>();
  let waiters: Array<() => void> = [];

  pool.on('error', (error) => {
    // While the pool ends, its connections closing is what was asked for.
    if (pool.ending) return;
    logger.warn('PostgreSQL closed an idle connection; the pool opens a new one when needed', {
      error: describe(error),
    });
  });
  pool.on('connect', (client) => {
    open.add(client);
    // Fires for idle clients too (after the pool's own listener, logged above);
    // for one in use, the query it runs fails with the same error.
    client.on('error', (error) =>
      logger.debug('PostgreSQL connection failed; the pool discards it', {
        error: describe(error),
      }),
    );
    client.once('end', () => {
      open.delete(client);
      if (open.size > 0) return;
      const done = waiters;
      waiters = [];
      for (const resolve of done) resolve();
    });
  });

  return {
    pool,
    connectionsClosed: () =>
      open.size === 0 ? Promise.resolve() : new Promise((resolve) => waiters.push(resolve)),
  };
}

/** pg's errors carry the SQLSTATE (57P01: terminated by an administrator or a shutdown). */
function describe(error: Error): { message: string; code?: string } {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? { message: error.message, code } : { message: error.message };
}
