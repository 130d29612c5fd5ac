import type { CommentThread } from '@baton/shared/comments.ts';
import { type Actor, requireInstallmentCapability } from '../access.ts';
import { type CommentDeps, detachedThreads } from './commentContext.ts';
import { loadThreadRows, loadThreads } from './threadQueries.ts';

/** Every thread of an installment, oldest first, with whether its text is gone. */
export async function listThreads(
  deps: CommentDeps,
  actor: Actor,
  installmentId: string,
): Promise<CommentThread[]> {
  await requireInstallmentCapability(deps.db, actor, installmentId, 'read');
  const rows = await loadThreadRows(deps.db, installmentId);
  const detached = await detachedThreads(
    deps,
    installmentId,
    rows.map((r) => ({ id: r.id, anchor: { start: r.anchor_start, end: r.anchor_end } })),
  );
  return loadThreads(deps.db, installmentId, detached);
}
