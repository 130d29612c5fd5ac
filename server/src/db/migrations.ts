/**
 * Baton's own schema, as Kysely migrations (dialect-neutral schema builder).
 * Append new migrations; never edit one that has shipped.
 */
import {
  type Kysely,
  type Migration,
  type MigrationProvider,
  type MigrationResultSet,
  Migrator,
  sql,
} from 'kysely';

/** SQL dialects Baton's schema supports. */
export type Dialect = 'sqlite' | 'postgres';

const migrations = (dialect: Dialect): Record<string, Migration> => ({
  '0001_series_installments': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('series')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('slug', 'text', (c) => c.notNull().unique())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('series_member')
        .addColumn('series_id', 'text', (c) =>
          c.notNull().references('series.id').onDelete('cascade'),
        )
        .addColumn('user_id', 'text', (c) => c.notNull())
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('series_member_pk', ['series_id', 'user_id'])
        .execute();
      await db.schema
        .createIndex('series_member_user')
        .on('series_member')
        .columns(['user_id'])
        .execute();
      await db.schema
        .createTable('installment')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('series_id', 'text', (c) =>
          c.notNull().references('series.id').onDelete('cascade'),
        )
        .addColumn('number', 'integer', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addUniqueConstraint('installment_series_number', ['series_id', 'number'])
        .execute();
      await db.schema
        .createTable('installment_content')
        .addColumn('installment_id', 'text', (c) =>
          c.primaryKey().references('installment.id').onDelete('cascade'),
        )
        .addColumn('prosemirror_json', 'text', (c) => c.notNull())
        .addColumn('plain_text', 'text', (c) => c.notNull())
        .addColumn('word_count', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('doc_update')
        .addColumn('id', dialect === 'postgres' ? 'bigserial' : 'integer', (c) =>
          dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement(),
        )
        .addColumn('doc_name', 'text', (c) => c.notNull())
        .addColumn('data', dialect === 'postgres' ? 'bytea' : 'blob', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('doc_update_doc_id')
        .on('doc_update')
        .columns(['doc_name', 'id'])
        .execute();
    },
  },
  '0002_membership': {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('series_member').addColumn('via_link_id', 'text').execute();
      await db.schema
        .createTable('series_invitation')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('series_id', 'text', (c) =>
          c.notNull().references('series.id').onDelete('cascade'),
        )
        .addColumn('email', 'text', (c) => c.notNull())
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('invited_by', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addUniqueConstraint('series_invitation_series_email', ['series_id', 'email'])
        .execute();
      await db.schema
        .createIndex('series_invitation_email')
        .on('series_invitation')
        .columns(['email'])
        .execute();
      await db.schema
        .createTable('share_link')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('series_id', 'text', (c) =>
          c.notNull().references('series.id').onDelete('cascade'),
        )
        .addColumn('token', 'text', (c) => c.notNull().unique())
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text')
        .addColumn('revoked_at', 'text')
        .execute();
    },
  },
  '0003_comments': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('comment_thread')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('installment_id', 'text', (c) =>
          c.notNull().references('installment.id').onDelete('cascade'),
        )
        .addColumn('anchor_start', 'text', (c) => c.notNull())
        .addColumn('anchor_end', 'text', (c) => c.notNull())
        .addColumn('quote', 'text', (c) => c.notNull())
        .addColumn('author_id', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('resolved_at', 'text')
        .addColumn('resolved_by', 'text')
        .execute();
      await db.schema
        .createIndex('comment_thread_installment')
        .on('comment_thread')
        .columns(['installment_id', 'created_at'])
        .execute();
      await db.schema
        .createTable('comment_message')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('thread_id', 'text', (c) =>
          c.notNull().references('comment_thread.id').onDelete('cascade'),
        )
        .addColumn('author_id', 'text', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('edited_at', 'text')
        .addColumn('deleted_at', 'text')
        .execute();
      await db.schema
        .createIndex('comment_message_thread')
        .on('comment_message')
        .columns(['thread_id', 'created_at'])
        .execute();
      await db.schema
        .createTable('installment_event')
        .addColumn('id', dialect === 'postgres' ? 'bigserial' : 'integer', (c) =>
          dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement(),
        )
        .addColumn('installment_id', 'text', (c) => c.notNull())
        .addColumn('type', 'text', (c) => c.notNull())
        .addColumn('data', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('installment_event_installment_id')
        .on('installment_event')
        .columns(['installment_id', 'id'])
        .execute();
    },
  },
  '0004_versions': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('installment_version')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('installment_id', 'text', (c) =>
          c.notNull().references('installment.id').onDelete('cascade'),
        )
        .addColumn('number', 'integer', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('prosemirror_json', 'text', (c) => c.notNull())
        .addColumn('html', 'text', (c) => c.notNull())
        .addColumn('markdown', 'text', (c) => c.notNull())
        .addColumn('yjs_state', dialect === 'postgres' ? 'bytea' : 'blob', (c) => c.notNull())
        .addColumn('word_count', 'integer', (c) => c.notNull())
        .addColumn('content_hash', 'text', (c) => c.notNull())
        .addColumn('published_by', 'text', (c) => c.notNull())
        .addColumn('published_at', 'text', (c) => c.notNull())
        .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
        .addUniqueConstraint('installment_version_number', ['installment_id', 'number'])
        .execute();
      // Versions are immutable: the application never updates them, and the database refuses to.
      if (dialect === 'postgres') {
        await sql`CREATE FUNCTION installment_version_immutable() RETURNS trigger AS $$
          BEGIN RAISE EXCEPTION 'published versions are immutable'; END; $$ LANGUAGE plpgsql`.execute(
          db,
        );
        await sql`CREATE TRIGGER installment_version_no_update BEFORE UPDATE ON installment_version
          FOR EACH ROW EXECUTE FUNCTION installment_version_immutable()`.execute(db);
      } else {
        await sql`CREATE TRIGGER installment_version_no_update BEFORE UPDATE ON installment_version
          BEGIN SELECT RAISE(ABORT, 'published versions are immutable'); END`.execute(db);
      }
    },
  },
  '0005_installment_actions': {
    async up(db: Kysely<unknown>) {
      // Reading order apart from the number: existing series keep their order.
      await db.schema
        .alterTable('installment')
        .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
      await sql`UPDATE installment SET position = number`.execute(db);
      await db.schema.alterTable('installment').addColumn('deleted_at', 'text').execute();
      await db.schema.alterTable('installment').addColumn('deleted_by', 'text').execute();
      await db.schema
        .createIndex('installment_series_position')
        .on('installment')
        .columns(['series_id', 'position'])
        .execute();
      // Withdrawals live beside the immutable versions, which they never change.
      await db.schema
        .createTable('version_withdrawal')
        .addColumn('version_id', 'text', (c) =>
          c.primaryKey().references('installment_version.id').onDelete('cascade'),
        )
        .addColumn('withdrawn_at', 'text', (c) => c.notNull())
        .addColumn('withdrawn_by', 'text', (c) => c.notNull())
        .execute();
    },
  },
  '0006_webhooks': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('webhook')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('series_id', 'text', (c) =>
          c.notNull().references('series.id').onDelete('cascade'),
        )
        .addColumn('url', 'text', (c) => c.notNull())
        .addColumn('events', 'text', (c) => c.notNull())
        .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('secret', 'text', (c) => c.notNull())
        .addColumn('enabled', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('webhook_series').on('webhook').columns(['series_id']).execute();
      await db.schema
        .createTable('webhook_delivery')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('webhook_id', 'text', (c) =>
          c.notNull().references('webhook.id').onDelete('cascade'),
        )
        .addColumn('type', 'text', (c) => c.notNull())
        .addColumn('payload', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('next_attempt_at', 'text')
        .addColumn('last_attempt_at', 'text')
        .addColumn('last_status', 'integer')
        .addColumn('last_error', 'text')
        .addColumn('delivered_at', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      // The dispatcher's question: which pending deliveries are due?
      await db.schema
        .createIndex('webhook_delivery_due')
        .on('webhook_delivery')
        .columns(['status', 'next_attempt_at'])
        .execute();
      await db.schema
        .createIndex('webhook_delivery_log')
        .on('webhook_delivery')
        .columns(['webhook_id', 'created_at'])
        .execute();
    },
  },
  '0007_doc_update_plain_rowid': {
    // SQLite only. With AUTOINCREMENT every append also rewrote its counter in
    // sqlite_sequence: a third page in each keystroke's commit besides the row
    // and the index (docs/performance.md § 4). A plain rowid is one past the
    // largest in the table, so each document's log stays in insertion order;
    // ids are only ever compared within one document. Existing ids are kept.
    async up(db: Kysely<unknown>) {
      if (dialect !== 'sqlite') return;
      // One transaction: Kysely runs SQLite migrations outside one, and a crash between
      // the drop and the rename would leave no doc_update. A crash after the commit but
      // before Kysely records the migration runs it again: one more copy, same rows.
      await db.transaction().execute(async (trx) => {
        await sql`CREATE TABLE doc_update_rebuilt (
          id INTEGER PRIMARY KEY,
          doc_name TEXT NOT NULL,
          data BLOB NOT NULL
        )`.execute(trx);
        await sql`INSERT INTO doc_update_rebuilt (id, doc_name, data)
          SELECT id, doc_name, data FROM doc_update`.execute(trx);
        await sql`DROP TABLE doc_update`.execute(trx);
        await sql`ALTER TABLE doc_update_rebuilt RENAME TO doc_update`.execute(trx);
        await trx.schema
          .createIndex('doc_update_doc_id')
          .on('doc_update')
          .columns(['doc_name', 'id'])
          .execute();
        await sql`DELETE FROM sqlite_sequence WHERE name = 'doc_update'`.execute(trx);
      });
    },
  },
});

class InCodeMigrations implements MigrationProvider {
  constructor(private readonly dialect: Dialect) {}
  getMigrations(): Promise<Record<string, Migration>> {
    return Promise.resolve(migrations(this.dialect));
  }
}

/** Brings the schema up to date; throws with the failing migration's error. */
export async function migrateToLatest(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  await migrate(db, dialect, (migrator) => migrator.migrateToLatest());
}

/** Brings the schema up to `name` and no further (tests of a later migration start there). */
export async function migrateUpTo(
  db: Kysely<unknown>,
  dialect: Dialect,
  name: string,
): Promise<void> {
  await migrate(db, dialect, (migrator) => migrator.migrateTo(name));
}

async function migrate(
  db: Kysely<unknown>,
  dialect: Dialect,
  run: (migrator: Migrator) => Promise<MigrationResultSet>,
): Promise<void> {
  const migrator = new Migrator({
    db,
    provider: new InCodeMigrations(dialect),
    migrationTableName: 'baton_migration',
    migrationLockTableName: 'baton_migration_lock',
  });
  const { error, results } = await run(migrator);
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    throw new Error(`Migration ${failed?.migrationName ?? ''} failed: ${String(error)}`);
  }
}
