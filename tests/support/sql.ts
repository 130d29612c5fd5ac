/** Runs SQL directly on a test server's store (SQLite or PostgreSQL), with `?` placeholders. */
import { openSqlite } from '@baton/server/db/sqlite.ts';
import pg from 'pg';
import type { TestServer } from './testServer.ts';

export async function runSql(
  server: TestServer,
  sql: string,
  params: unknown[] = [],
): Promise<void> {
  await execute(server, sql, params, false);
}

/** Runs one query the same way and returns its rows. */
export function querySql<Row = Record<string, unknown>>(
  server: TestServer,
  sql: string,
  params: unknown[] = [],
): Promise<Row[]> {
  return execute(server, sql, params, true) as Promise<Row[]>;
}

async function execute(
  server: TestServer,
  sql: string,
  params: unknown[],
  returnsRows: boolean,
): Promise<unknown[]> {
  if (server.databaseUrl) {
    const client = new pg.Client({ connectionString: server.databaseUrl });
    await client.connect();
    let n = 0;
    try {
      const result = await client.query(
        sql.replace(/\?/g, () => `$${++n}`),
        params,
      );
      return result.rows;
    } finally {
      await client.end();
    }
  }
  const db = openSqlite(server.dataDir);
  try {
    const statement = db.prepare(sql);
    if (returnsRows) return statement.all(...params);
    statement.run(...params);
    return [];
  } finally {
    db.close();
  }
}
