import type { CreateSeriesInput, SeriesSummary } from '@baton/shared/api.ts';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Actor } from '../access.ts';
import { newId, nowIso } from '../../ids.ts';
import { presentSeries } from './presentSeries.ts';
import { uniqueSlugFor } from './uniqueSlug.ts';

/** Creates a series with the actor as its owner. */
export async function createSeries(
  db: Kysely<Database>,
  actor: Actor,
  input: CreateSeriesInput,
): Promise<SeriesSummary> {
  return db.transaction().execute(async (trx) => {
    const now = nowIso();
    const row = {
      id: newId(),
      slug: await uniqueSlugFor(trx, input.title),
      title: input.title,
      description: input.description ?? '',
      created_by: actor.userId,
      created_at: now,
      updated_at: now,
    };
    await trx.insertInto('series').values(row).execute();
    await trx
      .insertInto('series_member')
      .values({ series_id: row.id, user_id: actor.userId, role: 'owner', created_at: now })
      .execute();
    return presentSeries(row, 'owner', 0);
  });
}
