import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

const summaryColumns = [
  'installment_version.id',
  'installment_version.installment_id',
  'installment_version.number',
  'installment_version.title',
  'installment_version.word_count',
  'installment_version.content_hash',
  'installment_version.published_by',
  'installment_version.published_at',
  'installment_version.note',
  'publisher.name as publisher_name',
  'version_withdrawal.withdrawn_at',
  'version_withdrawal.withdrawn_by',
  'withdrawer.name as withdrawer_name',
] as const;

/** Versions with who published them and, when withdrawn, by whom. */
function versionsWithPeople(db: Kysely<Database>) {
  return db
    .selectFrom('installment_version')
    .leftJoin('user as publisher', 'publisher.id', 'installment_version.published_by')
    .leftJoin('version_withdrawal', 'version_withdrawal.version_id', 'installment_version.id')
    .leftJoin('user as withdrawer', 'withdrawer.id', 'version_withdrawal.withdrawn_by');
}

/** Version summaries of an installment, newest first, withdrawn ones included. */
export function selectVersionSummaries(db: Kysely<Database>, installmentId: string) {
  return versionsWithPeople(db)
    .select(summaryColumns)
    .where('installment_version.installment_id', '=', installmentId)
    .orderBy('installment_version.number', 'desc')
    .execute();
}

/** One version's summary. */
export function selectVersionSummary(db: Kysely<Database>, installmentId: string, number: number) {
  return versionsWithPeople(db)
    .select(summaryColumns)
    .where('installment_version.installment_id', '=', installmentId)
    .where('installment_version.number', '=', number)
    .executeTakeFirst();
}

/** One whole version. */
export function selectVersion(db: Kysely<Database>, installmentId: string, number: number) {
  return versionsWithPeople(db)
    .selectAll('installment_version')
    .select([
      'publisher.name as publisher_name',
      'version_withdrawal.withdrawn_at',
      'version_withdrawal.withdrawn_by',
      'withdrawer.name as withdrawer_name',
    ])
    .where('installment_version.installment_id', '=', installmentId)
    .where('installment_version.number', '=', number)
    .executeTakeFirst();
}
