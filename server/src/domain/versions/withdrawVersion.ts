import type { VersionSummary } from '@baton/shared/publish.ts';
import { notFound } from '../../errors/appError.ts';
import { type Actor, requireInstallmentCapability } from '../access.ts';
import { nowIso } from '../../ids.ts';
import type { VersionDeps } from './publishInstallment.ts';
import { presentVersionSummary } from './presentVersion.ts';
import { selectVersionSummary } from './versionQueries.ts';

/**
 * Takes version k down from readers, for good (whoever may publish): its pages
 * answer 410 and it leaves the feed. The version is kept as it was, marked in
 * a row of its own; writers still see it. Withdrawing it again changes nothing.
 */
export async function withdrawVersion(
  deps: VersionDeps,
  actor: Actor,
  installmentId: string,
  number: number,
): Promise<VersionSummary> {
  await requireInstallmentCapability(deps.db, actor, installmentId, 'publish');
  const version = await selectVersionSummary(deps.db, installmentId, number);
  if (!version) throw notFound('Version');
  if (version.withdrawn_at !== null) return presentVersionSummary(version);
  const result = await deps.db.transaction().execute(async (trx) => {
    const inserted = await trx
      .insertInto('version_withdrawal')
      .values({ version_id: version.id, withdrawn_at: nowIso(), withdrawn_by: actor.userId })
      .onConflict((oc) => oc.column('version_id').doNothing())
      .returning('version_id')
      .executeTakeFirst();
    const summary = presentVersionSummary(
      (await selectVersionSummary(trx, installmentId, number)) ?? version,
    );
    // Withdrawn by a concurrent request meanwhile: that one reports it.
    if (!inserted) return { summary, event: null };
    const event = await deps.events.record(trx, installmentId, 'version.withdrawn', {
      version: summary,
    });
    return { summary, event };
  });
  if (result.event) deps.events.publish(result.event);
  return result.summary;
}
