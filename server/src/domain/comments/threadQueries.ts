/** Reads threads with their messages and people, and presents them. */
import type { CommentMessage, CommentThread, Person } from '@baton/shared/comments.ts';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

/** Which threads' anchored text is gone, by thread id (computed against the draft beforehand). */
export type DetachedThreads = ReadonlyMap<string, boolean>;

export async function loadThreadRows(
  db: Kysely<Database>,
  installmentId: string,
  threadId?: string,
) {
  let query = db
    .selectFrom('comment_thread')
    .selectAll()
    .where('installment_id', '=', installmentId)
    .orderBy('created_at', 'asc');
  if (threadId) query = query.where('id', '=', threadId);
  return query.execute();
}

export async function loadThreads(
  db: Kysely<Database>,
  installmentId: string,
  detached: DetachedThreads,
  threadId?: string,
): Promise<CommentThread[]> {
  const threads = await loadThreadRows(db, installmentId, threadId);
  if (threads.length === 0) return [];
  const ids = threads.map((t) => t.id);
  const messages = await db
    .selectFrom('comment_message')
    .selectAll()
    .where('thread_id', 'in', ids)
    .orderBy('created_at', 'asc')
    .execute();
  const peopleIds = new Set<string>();
  for (const t of threads) {
    peopleIds.add(t.author_id);
    if (t.resolved_by) peopleIds.add(t.resolved_by);
  }
  for (const m of messages) peopleIds.add(m.author_id);
  const people = new Map(
    (
      await db
        .selectFrom('user')
        .select(['id', 'name'])
        .where('id', 'in', [...peopleIds])
        .execute()
    ).map((u) => [u.id, u] as const),
  );
  const person = (id: string): Person => people.get(id) ?? { id, name: 'Former member' };
  const byThread = new Map<string, CommentMessage[]>();
  for (const m of messages) {
    const list = byThread.get(m.thread_id) ?? [];
    list.push({
      id: m.id,
      threadId: m.thread_id,
      author: person(m.author_id),
      body: m.deleted_at ? '' : m.body,
      deleted: m.deleted_at !== null,
      createdAt: m.created_at,
      editedAt: m.edited_at,
    });
    byThread.set(m.thread_id, list);
  }
  return threads.map((t) => {
    const anchor = { start: t.anchor_start, end: t.anchor_end };
    return {
      id: t.id,
      installmentId: t.installment_id,
      anchor,
      quote: t.quote,
      detached: detached.get(t.id) ?? false,
      resolved: t.resolved_at !== null,
      resolvedAt: t.resolved_at,
      resolvedBy: t.resolved_by ? person(t.resolved_by) : null,
      author: person(t.author_id),
      createdAt: t.created_at,
      updatedAt: t.updated_at,
      messages: byThread.get(t.id) ?? [],
    };
  });
}
