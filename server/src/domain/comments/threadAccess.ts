/** Finds a thread or message and checks the caller's capability on its installment. */
import type { Capability } from '@baton/shared/roles.ts';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { AppError, notFound } from '../../errors/appError.ts';
import { type Actor, requireInstallmentCapability } from '../access.ts';

export async function requireThread(
  db: Kysely<Database>,
  actor: Actor,
  threadId: string,
  capability: Capability,
) {
  const thread = await db
    .selectFrom('comment_thread')
    .selectAll()
    .where('id', '=', threadId)
    .executeTakeFirst();
  if (!thread) throw notFound('Thread');
  const access = await requireInstallmentCapability(
    db,
    actor,
    thread.installment_id,
    capability,
  ).catch((error: unknown) => {
    // A thread in a series the caller cannot read does not exist for them.
    if (error instanceof AppError && error.status === 404) throw notFound('Thread');
    throw error;
  });
  return { thread, role: access.role };
}

export async function requireMessage(
  db: Kysely<Database>,
  actor: Actor,
  messageId: string,
  capability: Capability,
) {
  const message = await db
    .selectFrom('comment_message')
    .selectAll()
    .where('id', '=', messageId)
    .executeTakeFirst();
  if (!message) throw notFound('Message');
  const { thread, role } = await requireThread(db, actor, message.thread_id, capability).catch(
    (error: unknown) => {
      if (error instanceof AppError && error.status === 404) throw notFound('Message');
      throw error;
    },
  );
  return { message, thread, role };
}
