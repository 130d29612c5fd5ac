/**
 * The review-comment contract: threads anchored to a range of the draft by a
 * pair of Yjs relative positions, their messages, and the live events that
 * `GET /api/installments/:id/events` (server-sent events) carries.
 */
import { z } from 'zod';
import { limits } from './limits.ts';

const base64 = z
  .string()
  .min(1, { error: 'must not be empty' })
  .max(limits.anchorMaxChars, { error: 'is too long' })
  .regex(/^[A-Za-z0-9+/]+={0,2}$/, { error: 'must be base64' });

const body = z
  .string({ error: 'must be a string' })
  .trim()
  .min(1, { error: 'must not be empty' })
  .max(limits.commentBodyMax, { error: `must be at most ${limits.commentBodyMax} characters` });

/** base64 of `Y.encodeRelativePosition`, on the `default` XmlFragment's content. */
const anchor = z.strictObject({ start: base64, end: base64 });

export const createThreadInput = z.strictObject({
  anchor,
  quote: z
    .string({ error: 'must be a string' })
    .min(1, { error: 'select some text to comment on' })
    .max(limits.commentQuoteMax, { error: `must be at most ${limits.commentQuoteMax} characters` }),
  body,
});
export type CreateThreadInput = z.infer<typeof createThreadInput>;

export const replyInput = z.strictObject({ body });
export type ReplyInput = z.infer<typeof replyInput>;

export const updateThreadInput = z.strictObject({
  resolved: z.boolean({ error: 'must be true or false' }),
});
export type UpdateThreadInput = z.infer<typeof updateThreadInput>;

/**
 * Moves a thread onto its text where undo or redo brought it back as new
 * content (`PUT /api/threads/:id/anchor`); see decision 0005.
 */
export const reanchorThreadInput = z.strictObject({ anchor });
export type ReanchorThreadInput = z.infer<typeof reanchorThreadInput>;

export const editMessageInput = z.strictObject({ body });
export type EditMessageInput = z.infer<typeof editMessageInput>;

export interface Person {
  id: string;
  name: string;
}

export interface CommentMessage {
  id: string;
  threadId: string;
  author: Person;
  /** Empty when deleted. */
  body: string;
  deleted: boolean;
  createdAt: string;
  editedAt: string | null;
}

export interface CommentThread {
  id: string;
  installmentId: string;
  anchor: { start: string; end: string };
  /** The text the thread was made on, as it was then. */
  quote: string;
  /** The anchored text no longer exists in the draft; the thread is kept, with its quote. */
  detached: boolean;
  resolved: boolean;
  resolvedAt: string | null;
  resolvedBy: Person | null;
  author: Person;
  createdAt: string;
  updatedAt: string;
  messages: CommentMessage[];
}

/** Names of the server-sent events on `/api/installments/:id/events`. */
export const installmentEventTypes = [
  'thread.created',
  'thread.updated',
  /** The thread's anchor moved onto text that undo or redo brought back. */
  'thread.reanchored',
  'message.created',
  'message.updated',
  'message.deleted',
  /** A new version was published (data: `{ version: VersionSummary }`). */
  'version.published',
  /** A version was restored into the draft (data: `{ version: number, by: Person }`). */
  'version.restored',
  /** A version was withdrawn from readers (data: `{ version: VersionSummary }`, withdrawn set). */
  'version.withdrawn',
  /** The stream cannot resume from the given Last-Event-ID: reload everything. */
  'reset',
] as const;
export type InstallmentEventType = (typeof installmentEventTypes)[number];

/** Data of every thread/message event: the whole thread after the change. */
export interface ThreadEventData {
  thread: CommentThread;
}
