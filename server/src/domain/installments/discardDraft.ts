import { CloseCode } from '@baton/shared/protocol.ts';
import type { Kysely } from 'kysely';
import type { LiveDrafts } from '../liveDrafts.ts';
import type { Database } from '../../db/schema.ts';

/**
 * Forgets a deleted installment's draft on this instance: its live room goes
 * without storing anything more (its sockets close with 4001, and the
 * reconnect is refused), then its document log is deleted. Idempotent; every
 * instance runs it, so a room open elsewhere cannot write the log back.
 */
export async function discardDraft(
  db: Kysely<Database>,
  registry: Pick<LiveDrafts, 'discard'>,
  installmentId: string,
): Promise<void> {
  await registry.discard(installmentId, CloseCode.accessChanged, 'the installment was deleted');
  await db.deleteFrom('doc_update').where('doc_name', '=', installmentId).execute();
}
