/** Replies, resolve/reopen, and edits and deletions of one's own messages. */
import type {
  CommentThread,
  EditMessageInput,
  ReplyInput,
  UpdateThreadInput,
} from '@baton/shared/comments.ts';
import { can } from '@baton/shared/roles.ts';
import { forbidden } from '../../http/errors.ts';
import type { Actor } from '../access.ts';
import { newId } from '../ids.ts';
import { type CommentDeps, changeThread } from './commentContext.ts';
import { requireMessage, requireThread } from './threadAccess.ts';

export async function replyToThread(
  deps: CommentDeps,
  actor: Actor,
  threadId: string,
  input: ReplyInput,
): Promise<CommentThread> {
  const { thread } = await requireThread(deps.db, actor, threadId, 'comment');
  return changeThread(
    deps,
    thread.installment_id,
    threadId,
    'message.created',
    async (trx, now) => {
      await trx
        .insertInto('comment_message')
        .values({
          id: newId(),
          thread_id: threadId,
          author_id: actor.userId,
          body: input.body,
          created_at: now,
        })
        .execute();
    },
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

async function requireOwnMessage(deps: CommentDeps, actor: Actor, messageId: string) {
  const found = await requireMessage(deps.db, actor, messageId, 'comment');
  if (found.message.author_id !== actor.userId)
    throw forbidden('You can only change your own messages.');
  if (found.message.deleted_at) throw forbidden('This message was deleted.');
  return found;
}

export async function editMessage(
  deps: CommentDeps,
  actor: Actor,
  messageId: string,
  input: EditMessageInput,
): Promise<CommentThread> {
  const { thread } = await requireOwnMessage(deps, actor, messageId);
  return changeThread(
    deps,
    thread.installment_id,
    thread.id,
    'message.updated',
    async (trx, now) => {
      await trx
        .updateTable('comment_message')
        .set({ body: input.body, edited_at: now })
        .where('id', '=', messageId)
        .execute();
    },
  );
}

/** Soft delete: the thread keeps a "message deleted" placeholder. */
export async function deleteMessage(
  deps: CommentDeps,
  actor: Actor,
  messageId: string,
): Promise<CommentThread> {
  const { thread } = await requireOwnMessage(deps, actor, messageId);
  return changeThread(
    deps,
    thread.installment_id,
    thread.id,
    'message.deleted',
    async (trx, now) => {
      await trx
        .updateTable('comment_message')
        .set({ deleted_at: now })
        .where('id', '=', messageId)
        .execute();
    },
  );
}
