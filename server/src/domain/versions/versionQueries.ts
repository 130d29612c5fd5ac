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
  'user.name as publisher_name',
] as const;

/** Version summaries of an installment, newest first. */
export function selectVersionSummaries(db: Kysely<Database>, installmentId: string) {
  return db
    .selectFrom('installment_version')
    .leftJoin('user', 'user.id', 'installment_version.published_by')
    .select(summaryColumns)
    .where('installment_version.installment_id', '=', installmentId)
    .orderBy('installment_version.number', 'desc')
    .execute();
}

/** One whole version. */
export function selectVersion(db: Kysely<Database>, installmentId: string, number: number) {
  return db
    .selectFrom('installment_version')
    .leftJoin('user', 'user.id', 'installment_version.published_by')
    .selectAll('installment_version')
    .select('user.name as publisher_name')
    .where('installment_version.installment_id', '=', installmentId)
    .where('installment_version.number', '=', number)
    .executeTakeFirst();
}
