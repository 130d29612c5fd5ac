/** What every comment command needs, and the shared shape of a thread change. */
import type { CommentThread, InstallmentEventType } from '@baton/shared/comments.ts';
import type { Kysely } from 'kysely';
import { AnchorResolver, type EncodedAnchor } from '../../anchors/anchors.ts';
import type { DraftDocs } from '../../content/draftDocs.ts';
import type { Database } from '../../db/schema.ts';
import type { InstallmentEvents } from '../../events/installmentEvents.ts';
import { notFound } from '../../errors/appError.ts';
import { newId, nowIso } from '../../ids.ts';
import { type DetachedThreads, loadThreadRows, loadThreads } from './threadQueries.ts';

export interface CommentDeps {
  db: Kysely<Database>;
  drafts: DraftDocs;
  events: InstallmentEvents;
}

/** Resolves anchors against the draft as it is now, synchronously inside one read. */
export function detachedThreads(
  deps: CommentDeps,
  installmentId: string,
  threads: ReadonlyArray<{ id: string; anchor: EncodedAnchor }>,
): Promise<DetachedThreads> {
  return deps.drafts.read(installmentId, (doc) => {
    const resolver = new AnchorResolver(doc);
    return new Map(threads.map((t) => [t.id, resolver.currentText(t.anchor) === null]));
  });
}

/** Whether one thread's text is gone: at its stored anchor, or at `anchor` when given. */
async function detachedThread(
  deps: CommentDeps,
  installmentId: string,
  threadId: string,
  anchor?: EncodedAnchor,
): Promise<DetachedThreads> {
  const [row] = anchor ? [] : await loadThreadRows(deps.db, installmentId, threadId);
  const at = anchor ?? (row && { start: row.anchor_start, end: row.anchor_end });
  return at ? detachedThreads(deps, installmentId, [{ id: threadId, anchor: at }]) : new Map();
}

/** One thread as it is now, with whether its text is gone. */
export async function readThread(
  deps: CommentDeps,
  installmentId: string,
  threadId: string,
): Promise<CommentThread> {
  const detached = await detachedThread(deps, installmentId, threadId);
  const [thread] = await loadThreads(deps.db, installmentId, detached, threadId);
  if (!thread) throw notFound('Thread');
  return thread;
}

/**
 * Runs a change to one thread in a transaction, records the event with the
 * thread as it is afterwards, and publishes it once committed.
 */
export async function changeThread(
  deps: CommentDeps,
  installmentId: string,
  threadId: string,
  type: InstallmentEventType,
  /** Makes the change; `now` is the time of it (the thread's new updatedAt). */
  change: (trx: Kysely<Database>, now: string) => Promise<void>,
  /** The thread's anchor after the change, when the change moves it. */
  anchorAfter?: EncodedAnchor,
): Promise<CommentThread> {
  const detached = await detachedThread(deps, installmentId, threadId, anchorAfter);
  const { thread, event } = await deps.db.transaction().execute(async (trx) => {
    const now = nowIso();
    await change(trx, now);
    // Every change to a thread or its messages moves the thread's updatedAt.
    await trx
      .updateTable('comment_thread')
      .set({ updated_at: now })
      .where('id', '=', threadId)
      .execute();
    const [thread] = await loadThreads(trx, installmentId, detached, threadId);
    if (!thread) throw notFound('Thread');
    const event = await deps.events.record(trx, installmentId, type, { thread });
    return { thread, event };
  });
  deps.events.publish(event);
  return thread;
}

/** Adds a message to a thread (its first, or a reply), inside a thread change. */
export async function insertMessage(
  trx: Kysely<Database>,
  message: { threadId: string; authorId: string; body: string; now: string },
): Promise<void> {
  await trx
    .insertInto('comment_message')
    .values({
      id: newId(),
      thread_id: message.threadId,
      author_id: message.authorId,
      body: message.body,
      created_at: message.now,
    })
    .execute();
}
