import type { CommentThread, CreateThreadInput } from '@baton/shared/comments.ts';
import { AnchorResolver } from '../../anchors/anchors.ts';
import { type Actor, requireInstallmentCapability } from '../access.ts';
import { newId } from '../../ids.ts';
import { type CommentDeps, changeThread, insertMessage } from './commentContext.ts';

/**
 * Opens a thread on a range of the draft. The anchor must point into this
 * installment's text and cover some of it; the document itself is not changed,
 * so anyone who may comment can, without edit rights.
 */
export async function createThread(
  deps: CommentDeps,
  actor: Actor,
  installmentId: string,
  input: CreateThreadInput,
): Promise<CommentThread> {
  await requireInstallmentCapability(deps.db, actor, installmentId, 'comment');
  await deps.drafts.read(installmentId, (doc) => new AnchorResolver(doc).validateNew(input.anchor));
  const threadId = newId();
  return changeThread(deps, installmentId, threadId, 'thread.created', async (trx, now) => {
    await trx
      .insertInto('comment_thread')
      .values({
        id: threadId,
        installment_id: installmentId,
        anchor_start: input.anchor.start,
        anchor_end: input.anchor.end,
        quote: input.quote,
        author_id: actor.userId,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await insertMessage(trx, { threadId, authorId: actor.userId, body: input.body, now });
  });
}
