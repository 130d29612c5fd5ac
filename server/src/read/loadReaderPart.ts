/** Finds part n (and version k) of a series for the reader pages, or says why readers cannot have it. */
import { limits } from '@baton/shared/limits.ts';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../db/schema.ts';
import {
  findPublishedSeries,
  findSeriesBySlug,
  publishedVersions,
  takenDown,
} from '../domain/publicReading.ts';
import { gonePage } from './gonePage.ts';

/** A series slug in a reader path; anything else is not found. */
export const slugParam = z
  .string()
  .max(limits.slugMax)
  .regex(/^[a-z0-9-]+$/);
const numberParam = z.coerce.number().int().min(1).max(limits.pathNumberMax);

/**
 * Part n (with version k, when asked for) as readers may see it; otherwise the
 * 410 page when it was published and then taken down (its installment deleted,
 * the version or every version withdrawn), or null: never published (404).
 */
export async function loadReaderPart(
  { db, publicUrl }: { db: Kysely<Database>; publicUrl: string },
  slug: string,
  n: string,
  k?: string,
) {
  const s = slugParam.safeParse(slug);
  const num = numberParam.safeParse(n);
  const version = k === undefined ? undefined : numberParam.safeParse(k);
  if (!s.success || !num.success || version?.success === false) return null;
  const wanted = version?.data;
  const series = await findPublishedSeries(db, s.data);
  const installment = series?.installments.find((i) => i.number === num.data);
  if (series && installment) {
    const versions = await publishedVersions(db, installment.id);
    if (wanted === undefined || versions.some((v) => v.number === wanted)) {
      return { series, installment, versions };
    }
  }
  const owner = series ?? (await findSeriesBySlug(db, s.data));
  if (!owner) return null;
  const reason = await takenDown(db, owner.id, num.data, wanted);
  if (!reason) return null;
  return {
    gone: gonePage({
      base: publicUrl,
      series: owner,
      seriesIsPublic: series !== null,
      what:
        wanted === undefined || reason === 'deleted'
          ? { kind: 'part', number: num.data }
          : { kind: 'version', number: num.data, version: wanted },
      // Only this version went: the part itself can still be read.
      ...(installment && { currentPartUrl: `${publicUrl}/read/${owner.slug}/${num.data}` }),
    }),
  };
}
