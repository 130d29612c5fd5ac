/**
 * What the public may read: published versions only, of series that have at
 * least one, never a withdrawn version or a deleted installment's. This is
 * the public surface's whole permission rule; drafts, comments and members
 * are never reachable from here.
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
  /** In reading order. */
  installments: PublishedInstallment[];
}

/** Versions readers may see: not withdrawn, of installments not deleted. */
function liveVersions(db: Kysely<Database>) {
  return db
    .selectFrom('installment_version')
    .innerJoin('installment', 'installment.id', 'installment_version.installment_id')
    .leftJoin('version_withdrawal', 'version_withdrawal.version_id', 'installment_version.id')
    .where('version_withdrawal.version_id', 'is', null)
    .where('installment.deleted_at', 'is', null);
}

/** The series behind a slug, public or not (for pages that explain what was taken down). */
export function findSeriesBySlug(db: Kysely<Database>, slug: string) {
  return db
    .selectFrom('series')
    .select(['id', 'slug', 'title', 'description'])
    .where('slug', '=', slug)
    .executeTakeFirst();
}

/** The series behind a public slug with its published installments in reading order, or null. */
export async function findPublishedSeries(
  db: Kysely<Database>,
  slug: string,
): Promise<PublishedSeries | null> {
  const series = await findSeriesBySlug(db, slug);
  if (!series) return null;
  const rows = await liveVersions(db)
    .select((eb) => [
      'installment.id',
      'installment.number',
      'installment.position',
      eb.fn.max('installment_version.number').as('latest_version'),
      eb.fn.max('installment_version.published_at').as('latest_published_at'),
      eb.fn.min('installment_version.published_at').as('first_published_at'),
    ])
    .where('installment.series_id', '=', series.id)
    .groupBy(['installment.id', 'installment.number', 'installment.position'])
    .orderBy('installment.position', 'asc')
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

/** The published versions of one installment readers may see, newest first (without Yjs state). */
export function publishedVersions(db: Kysely<Database>, installmentId: string) {
  return liveVersions(db)
    .select([
      'installment_version.id',
      'installment_version.number',
      'installment_version.title',
      'installment_version.html',
      'installment_version.markdown',
      'installment_version.prosemirror_json',
      'installment_version.published_at',
      'installment_version.note',
      'installment_version.word_count',
    ])
    .where('installment_version.installment_id', '=', installmentId)
    .orderBy('installment_version.number', 'desc')
    .execute();
}

/**
 * Why readers no longer get part `number` (or its version `version`) that was
 * once published: its installment was deleted, or the version (every version,
 * without `version`) was withdrawn. Null when it was never published: not found.
 */
export async function takenDown(
  db: Kysely<Database>,
  seriesId: string,
  number: number,
  version?: number,
): Promise<'deleted' | 'withdrawn' | null> {
  let query = db
    .selectFrom('installment_version')
    .innerJoin('installment', 'installment.id', 'installment_version.installment_id')
    .leftJoin('version_withdrawal', 'version_withdrawal.version_id', 'installment_version.id')
    .select(['installment.deleted_at', 'version_withdrawal.withdrawn_at'])
    .where('installment.series_id', '=', seriesId)
    .where('installment.number', '=', number);
  if (version !== undefined) query = query.where('installment_version.number', '=', version);
  const rows = await query.execute();
  if (rows.length === 0) return null;
  if (rows[0]!.deleted_at !== null) return 'deleted';
  return rows.every((r) => r.withdrawn_at !== null) ? 'withdrawn' : null;
}

/** Every version readers may see in a series, newest first, for the feed. */
export function seriesFeedEntries(db: Kysely<Database>, seriesId: string, limit: number) {
  return (
    liveVersions(db)
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
      // A feed is read by date; the reading order only breaks ties.
      .orderBy('installment_version.published_at', 'desc')
      .orderBy('installment.position', 'asc')
      .limit(limit)
      .execute()
  );
}
