/** Runs one SQL statement directly on a test server's store (SQLite or PostgreSQL), with `?` placeholders. */
import { openSqlite } from '@baton/server/db/sqlite.ts';
import pg from 'pg';
import type { TestServer } from './testServer.ts';

export async function runSql(
  server: TestServer,
  sql: string,
  params: unknown[] = [],
): Promise<void> {
  if (server.databaseUrl) {
    const client = new pg.Client({ connectionString: server.databaseUrl });
    await client.connect();
    let n = 0;
    try {
      await client.query(
        sql.replace(/\?/g, () => `$${++n}`),
        params,
      );
    } finally {
      await client.end();
    }
    return;
  }
  const db = openSqlite(server.dataDir);
  try {
    db.prepare(sql).run(...params);
  } finally {
    db.close();
  }
}
