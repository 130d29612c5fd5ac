import type { InstallmentSummary, UpdateInstallmentInput } from '@baton/shared/api.ts';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { type Actor, requireInstallmentCapability } from '../access.ts';
import { nowIso } from '../../ids.ts';
import type { LiveDrafts } from './draftStates.ts';
import { getInstallment } from './getInstallment.ts';

/** Renames an installment (anyone who can edit its text). */
export async function updateInstallment(
  db: Kysely<Database>,
  drafts: LiveDrafts,
  actor: Actor,
  installmentId: string,
  input: UpdateInstallmentInput,
): Promise<InstallmentSummary> {
  await requireInstallmentCapability(db, actor, installmentId, 'edit');
  await db
    .updateTable('installment')
    .set({ title: input.title, updated_at: nowIso() })
    .where('id', '=', installmentId)
    .execute();
  const {
    series: _series,
    role: _role,
    excerpt: _excerpt,
    ...summary
  } = await getInstallment(db, drafts, actor, installmentId);
  return summary;
}
