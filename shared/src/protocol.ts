/**
 * The collaboration wire protocol: the standard y-websocket framing
 * (y-protocols sync + awareness), plus the close codes Baton uses.
 * Client and server import these; neither redefines them.
 */

/** Path prefix of the collaboration websocket: `/collab/:installmentId`. */
export const COLLAB_PATH_PREFIX = '/collab/';

/** Top-level message types of the y-websocket protocol. */
export const MessageType = {
  sync: 0,
  awareness: 1,
  auth: 2,
  queryAwareness: 3,
} as const;
export type MessageType = (typeof MessageType)[keyof typeof MessageType];

/** Sub-types of a sync message (y-protocols/sync). */
export const SyncMessageType = {
  step1: 0,
  step2: 1,
  update: 2,
} as const;

/** Name of the XmlFragment that holds the Tiptap document inside every Y.Doc. */
export const DOC_FRAGMENT = 'default';

/**
 * Websocket close codes. 1000-1015 are the standard ones; 4000-4999 are ours.
 * Like y-websocket's provider: 4400-4499 mean "do not reconnect" (the stock
 * provider stops), everything else means "reconnect". A client can show a
 * message a person can act on for each of them.
 */
export const CloseCode = {
  normal: 1000,
  /** Server shutting down or the document is being unloaded; reconnect. */
  goingAway: 1001,
  /** A text frame, or anything that is not a binary y-websocket message. */
  unsupportedData: 1003,
  /** Frame larger than the server's maxPayload. */
  messageTooBig: 1009,
  /** The server failed (for example the store refused a write); reconnect later. */
  internalError: 1011,
  /** The message could not be decoded, or its type is not allowed. Terminal. */
  malformedMessage: 4400,
  /**
   * The update would take the document past its size limit, or an awareness
   * state is larger than allowed. Nothing of it was applied. Terminal: sending
   * it again would be refused again.
   */
  tooLarge: 4413,
  /** The connection sent more messages per second than allowed; reconnect after a pause. */
  rateLimited: 4029,
  /** No keepalive reply within the deadline; reconnect. */
  keepaliveTimeout: 4008,
  /**
   * The user's role in the series changed, or they were removed. The client
   * reconnects; the new upgrade carries the new rights (or is refused).
   */
  accessChanged: 4001,
} as const;

/**
 * Sent to a read-only connection right after the server's sync step 1, as a
 * y-protocols auth message (`permission denied`) with this reason. Stock
 * clients log it; Baton's client shows the read-only banner.
 */
export const READ_ONLY_REASON = 'read-only';
export type CloseCode = (typeof CloseCode)[keyof typeof CloseCode];

/** Human explanations of close codes, for the client's status line. */
export const closeCodeMessages: Record<number, string> = {
  [CloseCode.goingAway]: 'The server is restarting. Reconnecting…',
  [CloseCode.messageTooBig]: 'A change was too large for the server to accept.',
  [CloseCode.internalError]: 'The server could not save a change. Reconnecting…',
  [CloseCode.malformedMessage]: 'The server could not read a message from this editor.',
  [CloseCode.tooLarge]:
    'This installment has reached its size limit, so the last change was not saved. After reloading, remove some text or go on in a new installment.',
  [CloseCode.rateLimited]: 'Too many changes at once. Reconnecting…',
  [CloseCode.keepaliveTimeout]: 'The connection went quiet. Reconnecting…',
  [CloseCode.accessChanged]: 'Your access to this series changed. Reconnecting…',
};

/**
 * Name of the Y.Map, beside the document fragment, in which a restore records
 * itself (key {@link RESTORE_MARK_KEY}, value a {@link RestoreMark}) in the
 * same Yjs transaction as its edits. Every client can then tell a restore from
 * ordinary edits: it drops undo history that no longer applies and tells its
 * writer which of their words the restore removed (decision 0007).
 */
export const RESTORE_MAP = 'restores';
export const RESTORE_MARK_KEY = 'last';

/** Who restored which version into the draft, and when (ISO time). */
export interface RestoreMark {
  version: number;
  userId: string;
  name: string;
  at: string;
}

/** The mark if `value` is one (it comes from the shared document, so anyone could have written it). */
export function asRestoreMark(value: unknown): RestoreMark | null {
  if (typeof value !== 'object' || value === null) return null;
  const mark = value as Partial<RestoreMark>;
  return typeof mark.version === 'number' &&
    typeof mark.userId === 'string' &&
    typeof mark.name === 'string' &&
    typeof mark.at === 'string'
    ? (mark as RestoreMark)
    : null;
}
