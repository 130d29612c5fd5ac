/** Replies, resolve/reopen, and edits and deletions of one's own messages. */
import type {
  CommentThread,
  EditMessageInput,
  ReplyInput,
  UpdateThreadInput,
} from '@baton/shared/comments.ts';
import { can } from '@baton/shared/roles.ts';
import type { Updateable } from 'kysely';
import type { CommentMessageTable } from '../../db/schema.ts';
import { forbidden } from '../../errors/appError.ts';
import type { Actor } from '../access.ts';
import { type CommentDeps, changeThread, insertMessage, readThread } from './commentContext.ts';
import { requireMessage, requireThread } from './threadAccess.ts';

export async function replyToThread(
  deps: CommentDeps,
  actor: Actor,
  threadId: string,
  input: ReplyInput,
): Promise<CommentThread> {
  const { thread } = await requireThread(deps.db, actor, threadId, 'comment');
  return changeThread(deps, thread.installment_id, threadId, 'message.created', (trx, now) =>
    insertMessage(trx, { threadId, authorId: actor.userId, body: input.body, now }),
  );
}

/** Resolves or reopens: the thread's author (who may still comment) or anyone who can edit. */
export async function setThreadResolved(
  deps: CommentDeps,
  actor: Actor,
  threadId: string,
  input: UpdateThreadInput,
): Promise<CommentThread> {
  const { thread, role } = await requireThread(deps.db, actor, threadId, 'comment');
  if (thread.author_id !== actor.userId && !can(role, 'edit')) {
    throw forbidden('Only the thread’s author or someone who can edit may resolve or reopen it.');
  }
  // Already so: nothing changes, and no one is told again (webhooks would send thread.resolved twice).
  if ((thread.resolved_at !== null) === input.resolved) {
    return readThread(deps, thread.installment_id, threadId);
  }
  return changeThread(deps, thread.installment_id, threadId, 'thread.updated', async (trx, now) => {
    await trx
      .updateTable('comment_thread')
      .set({
        resolved_at: input.resolved ? now : null,
        resolved_by: input.resolved ? actor.userId : null,
      })
      .where('id', '=', threadId)
      .execute();
  });
}

/** Changes one of the actor's own, not deleted, messages; `changes` gets the time of the change. */
async function changeOwnMessage(
  deps: CommentDeps,
  actor: Actor,
  messageId: string,
  type: 'message.updated' | 'message.deleted',
  changes: (now: string) => Updateable<CommentMessageTable>,
): Promise<CommentThread> {
  const { message, thread } = await requireMessage(deps.db, actor, messageId, 'comment');
  if (message.author_id !== actor.userId) throw forbidden('You can only change your own messages.');
  if (message.deleted_at) throw forbidden('This message was deleted.');
  return changeThread(deps, thread.installment_id, thread.id, type, async (trx, now) => {
    await trx
      .updateTable('comment_message')
      .set(changes(now))
      .where('id', '=', messageId)
      .execute();
  });
}

export function editMessage(
  deps: CommentDeps,
  actor: Actor,
  messageId: string,
  input: EditMessageInput,
): Promise<CommentThread> {
  return changeOwnMessage(deps, actor, messageId, 'message.updated', (now) => ({
    body: input.body,
    edited_at: now,
  }));
}

/** Soft delete: the thread keeps a "message deleted" placeholder. */
export function deleteMessage(
  deps: CommentDeps,
  actor: Actor,
  messageId: string,
): Promise<CommentThread> {
  return changeOwnMessage(deps, actor, messageId, 'message.deleted', (now) => ({
    deleted_at: now,
  }));
}
