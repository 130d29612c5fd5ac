import type { InstallmentDetail } from '@baton/shared/api.ts';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { type Actor, requireInstallmentCapability } from '../access.ts';
import { notFound } from '../../errors/appError.ts';
import { presentInstallment } from '../series/presentSeries.ts';
import { draftStates, type LiveDrafts } from './draftStates.ts';

const excerptLength = 280;

/** One installment with its series and the actor's role in it (the route adds the server's limits). */
export async function getInstallment(
  db: Kysely<Database>,
  drafts: LiveDrafts,
  actor: Actor,
  installmentId: string,
): Promise<Omit<InstallmentDetail, 'documentLimits'>> {
  const { role } = await requireInstallmentCapability(db, actor, installmentId, 'read');
  const row = await db
    .selectFrom('installment')
    .innerJoin('series', 'series.id', 'installment.series_id')
    .leftJoin('installment_content', 'installment_content.installment_id', 'installment.id')
    .selectAll('installment')
    .select([
      'series.slug as series_slug',
      'series.title as series_title',
      'installment_content.word_count',
      'installment_content.plain_text',
    ])
    .select((eb) =>
      eb
        .selectFrom('comment_thread')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('comment_thread.installment_id', '=', 'installment.id')
        .where('comment_thread.resolved_at', 'is', null)
        .as('open_threads'),
    )
    .where('installment.id', '=', installmentId)
    .executeTakeFirst();
  if (!row) throw notFound('Installment');
  const states = await draftStates(db, drafts, [row]);
  return {
    ...presentInstallment(row, {
      wordCount: row.word_count,
      openThreadCount: Number(row.open_threads ?? 0),
      draftState: states.get(row.id) ?? 'never-published',
    }),
    series: { id: row.series_id, slug: row.series_slug, title: row.series_title },
    role,
    excerpt: (row.plain_text ?? '').slice(0, excerptLength),
  };
}
