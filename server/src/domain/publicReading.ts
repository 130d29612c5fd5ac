/**
 * What the public may read: published versions only, of series that have at
 * least one. This is the public surface's whole permission rule; drafts,
 * comments and members are never reachable from here.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';

export interface PublishedInstallment {
  id: string;
  number: number;
  title: string;
  latestVersion: number;
  latestPublishedAt: string;
  firstPublishedAt: string;
}

export interface PublishedSeries {
  id: string;
  slug: string;
  title: string;
  description: string;
  installments: PublishedInstallment[];
}

/** The series behind a public slug with its published installments in order, or null. */
export async function findPublishedSeries(
  db: Kysely<Database>,
  slug: string,
): Promise<PublishedSeries | null> {
  const series = await db
    .selectFrom('series')
    .select(['id', 'slug', 'title', 'description'])
    .where('slug', '=', slug)
    .executeTakeFirst();
  if (!series) return null;
  const rows = await db
    .selectFrom('installment')
    .innerJoin('installment_version', 'installment_version.installment_id', 'installment.id')
    .select((eb) => [
      'installment.id',
      'installment.number',
      eb.fn.max('installment_version.number').as('latest_version'),
      eb.fn.max('installment_version.published_at').as('latest_published_at'),
      eb.fn.min('installment_version.published_at').as('first_published_at'),
    ])
    .where('installment.series_id', '=', series.id)
    .groupBy(['installment.id', 'installment.number'])
    .orderBy('installment.number', 'asc')
    .execute();
  if (rows.length === 0) return null;
  const titles = new Map(
    (
      await db
        .selectFrom('installment_version')
        .select(['installment_id', 'number', 'title'])
        .where(
          'installment_id',
          'in',
          rows.map((r) => r.id),
        )
        .execute()
    ).map((v) => [`${v.installment_id}:${v.number}`, v.title] as const),
  );
  return {
    ...series,
    installments: rows.map((r) => ({
      id: r.id,
      number: r.number,
      latestVersion: Number(r.latest_version),
      // Readers see the title as published, not the draft's.
      title: titles.get(`${r.id}:${Number(r.latest_version)}`) ?? '',
      latestPublishedAt: String(r.latest_published_at),
      firstPublishedAt: String(r.first_published_at),
    })),
  };
}

/** All published versions of one installment, newest first (without Yjs state). */
export function publishedVersions(db: Kysely<Database>, installmentId: string) {
  return db
    .selectFrom('installment_version')
    .select([
      'id',
      'number',
      'title',
      'html',
      'markdown',
      'prosemirror_json',
      'published_at',
      'note',
      'word_count',
    ])
    .where('installment_id', '=', installmentId)
    .orderBy('number', 'desc')
    .execute();
}

/** Every published version of a series, newest first, for the feed. */
export function seriesFeedEntries(db: Kysely<Database>, seriesId: string, limit: number) {
  return db
    .selectFrom('installment_version')
    .innerJoin('installment', 'installment.id', 'installment_version.installment_id')
    .leftJoin('user', 'user.id', 'installment_version.published_by')
    .select([
      'installment_version.id',
      'installment_version.number',
      'installment_version.title',
      'installment_version.html',
      'installment_version.note',
      'installment_version.published_at',
      'installment.number as installment_number',
      'user.name as author_name',
    ])
    .where('installment.series_id', '=', seriesId)
    .orderBy('installment_version.published_at', 'desc')
    .limit(limit)
    .execute();
}
