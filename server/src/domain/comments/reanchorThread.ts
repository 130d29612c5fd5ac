/** Moves a thread onto its text where undo or redo brought that text back. */
import type { CommentThread, ReanchorThreadInput } from '@baton/shared/comments.ts';
import { AnchorResolver } from '../../anchors/anchors.ts';
import { AppError, notFound } from '../../errors/appError.ts';
import type { Actor } from '../access.ts';
import { type CommentDeps, changeThread, detachedThreads } from './commentContext.ts';
import { requireThread } from './threadAccess.ts';
import { loadThreads } from './threadQueries.ts';

/**
 * Undo re-creates deleted text as new Yjs content, and only the tab that
 * undid knows where the old content went (decision 0005); that tab sends the
 * anchor on the new content here. Only writers may: they are the ones whose
 * undo moves text. Sending the anchor the thread already has changes nothing
 * and records no event, so repeats are harmless.
 */
export async function reanchorThread(
  deps: CommentDeps,
  actor: Actor,
  threadId: string,
  input: ReanchorThreadInput,
): Promise<CommentThread> {
  const { thread } = await requireThread(deps.db, actor, threadId, 'edit');
  const installmentId = thread.installment_id;
  const { anchor } = input;
  if (thread.anchor_start === anchor.start && thread.anchor_end === anchor.end) {
    const detached = await detachedThreads(deps, installmentId, [{ id: threadId, anchor }]);
    const [current] = await loadThreads(deps.db, installmentId, detached, threadId);
    if (!current) throw notFound('Thread');
    return current;
  }
  await deps.drafts.read(installmentId, (doc) => {
    const resolver = new AnchorResolver(doc);
    // The undo travels over the websocket, this request over HTTP: it may arrive first.
    if (!resolver.hasContentOf(anchor)) throw notInDraftYet();
    resolver.validateNew(anchor);
  });
  return changeThread(
    deps,
    installmentId,
    threadId,
    'thread.reanchored',
    async (trx) => {
      await trx
        .updateTable('comment_thread')
        .set({ anchor_start: anchor.start, anchor_end: anchor.end })
        .where('id', '=', threadId)
        .execute();
    },
    anchor,
  );
}

const notInDraftYet = () =>
  new AppError(
    'conflict',
    409,
    'The draft does not have the text of this anchor (yet). Try again once your edits are saved.',
  );
