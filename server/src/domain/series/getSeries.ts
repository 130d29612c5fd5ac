import type { SeriesDetail } from '@baton/shared/api.ts';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { type Actor, requireSeriesCapability } from '../access.ts';
import { notFound } from '../../errors/appError.ts';
import { draftStates, type LiveDrafts } from '../installments/draftStates.ts';
import { presentInstallment, presentSeries } from './presentSeries.ts';

/** A series with its installments (deleted ones left out) in reading order. */
export async function getSeries(
  db: Kysely<Database>,
  drafts: LiveDrafts,
  actor: Actor,
  seriesId: string,
): Promise<SeriesDetail> {
  const role = await requireSeriesCapability(db, actor, seriesId, 'read');
  const series = await db
    .selectFrom('series')
    .selectAll()
    .where('id', '=', seriesId)
    .executeTakeFirst();
  if (!series) throw notFound('Series');
  const installments = await db
    .selectFrom('installment')
    .leftJoin('installment_content', 'installment_content.installment_id', 'installment.id')
    .selectAll('installment')
    .select('installment_content.word_count')
    .select((eb) =>
      eb
        .selectFrom('comment_thread')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('comment_thread.installment_id', '=', 'installment.id')
        .where('comment_thread.resolved_at', 'is', null)
        .as('open_threads'),
    )
    .where('installment.series_id', '=', seriesId)
    .where('installment.deleted_at', 'is', null)
    .orderBy('installment.position', 'asc')
    .orderBy('installment.number', 'asc')
    .execute();
  const states = await draftStates(db, drafts, installments);
  const highest = await db
    .selectFrom('installment')
    .select((eb) => eb.fn.max('number').as('n'))
    .where('series_id', '=', seriesId)
    .executeTakeFirst();
  return {
    ...presentSeries(series, role, installments.length),
    nextInstallmentNumber: Number(highest?.n ?? 0) + 1,
    installments: installments.map((i) =>
      presentInstallment(i, {
        wordCount: i.word_count,
        openThreadCount: Number(i.open_threads ?? 0),
        draftState: states.get(i.id) ?? 'never-published',
      }),
    ),
  };
}
