/** `baton backup [file]`: an online backup of the SQLite database, safe while Baton runs. */
import Database from 'better-sqlite3';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../config/env.ts';

export async function backup(target: string | undefined): Promise<void> {
  const config = loadConfig();
  if (config.databaseUrl) {
    process.stderr.write(
      'DATABASE_URL is set: back up PostgreSQL with pg_dump (see docs/operations.md).\n',
    );
    process.exit(2);
  }
  const source = path.join(config.dataDir, 'baton.sqlite');
  if (!existsSync(source)) {
    process.stderr.write(`No database at ${source} (DATA_DIR=${config.dataDir}).\n`);
    process.exit(1);
  }
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const file = path.resolve(
    target ?? path.join(config.dataDir, 'backups', `baton-${stamp}.sqlite`),
  );
  mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(source, { readonly: true, fileMustExist: true });
  try {
    // SQLite's online backup API: consistent even while the server writes.
    await db.backup(file);
  } finally {
    db.close();
  }
  process.stdout.write(`Backed up ${source} to ${file}\n`);
  process.stdout.write(
    `Keep ${path.join(config.dataDir, 'auth-secret')} with it (or set BETTER_AUTH_SECRET).\n`,
  );
}
