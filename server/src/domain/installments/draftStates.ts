/**
 * Whether each draft differs from what readers see: the hash of its title and
 * content against the latest version that is not withdrawn. The content is the
 * live document where this instance has it open, otherwise the stored snapshot
 * (written a few seconds behind edits, and when a room unloads), so another
 * instance's open document shows with that lag.
 */
import type { DraftState } from '@baton/shared/api.ts';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { contentHash } from '../versions/draftSnapshot.ts';

/** The canonical JSON of drafts open on this instance (DraftDocs). */
export interface LiveDrafts {
  liveJson(installmentId: string): unknown;
}

export async function draftStates(
  db: Kysely<Database>,
  drafts: LiveDrafts,
  installments: ReadonlyArray<{ id: string; title: string }>,
): Promise<Map<string, DraftState>> {
  const states = new Map<string, DraftState>();
  if (installments.length === 0) return states;
  const ids = installments.map((i) => i.id);
  const versions = await db
    .selectFrom('installment_version')
    .leftJoin('version_withdrawal', 'version_withdrawal.version_id', 'installment_version.id')
    .select(['installment_version.installment_id', 'installment_version.content_hash'])
    .where('installment_version.installment_id', 'in', ids)
    .where('version_withdrawal.version_id', 'is', null)
    .orderBy('installment_version.number', 'desc')
    .execute();
  const publishedHash = new Map<string, string>();
  for (const v of versions) {
    if (!publishedHash.has(v.installment_id)) publishedHash.set(v.installment_id, v.content_hash);
  }
  const needSnapshot = installments.filter((i) => publishedHash.has(i.id));
  const snapshots = new Map(
    needSnapshot.length === 0
      ? []
      : (
          await db
            .selectFrom('installment_content')
            .select(['installment_id', 'prosemirror_json'])
            .where(
              'installment_id',
              'in',
              needSnapshot.map((i) => i.id),
            )
            .execute()
        ).map((r) => [r.installment_id, r.prosemirror_json] as const),
  );
  for (const { id, title } of installments) {
    const published = publishedHash.get(id);
    if (published === undefined) {
      states.set(id, 'never-published');
      continue;
    }
    const live = drafts.liveJson(id);
    const stored = snapshots.get(id);
    const json = live !== undefined ? live : stored !== undefined ? JSON.parse(stored) : null;
    states.set(
      id,
      json !== null && contentHash(title, json) === published ? 'published' : 'unpublished-changes',
    );
  }
  return states;
}
