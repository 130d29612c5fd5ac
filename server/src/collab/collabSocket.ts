/**
 * What the sync core needs from a transport. The websocket adapter implements
 * it for `ws`; unit tests implement it in memory and flush by hand.
 */
export interface CollabSocket {
  /** Queues one binary message. Must not throw; a broken socket reports through `close`. */
  send(message: Uint8Array): void;
  /** Queues a message that goes to many sockets (see SharedMessage); otherwise like `send`. */
  sendShared(message: SharedMessage): void;
  /** Closes with a code from `CloseCode` and a short reason. Idempotent. */
  close(code: number, reason: string): void;
}

/**
 * Messages on their way to many sockets, in order. The transport may encode
 * them once for all of them (their websocket frames, one after the other, in
 * one write) and keep that here: in a busy room the same update goes to every
 * reader, and the writer's caret with it.
 */
export class SharedMessage {
  /** The transport's encoding, made by the first socket that needs it. */
  encoded: Uint8Array | null = null;
  readonly messages: readonly Uint8Array[];

  constructor(...messages: Uint8Array[]) {
    this.messages = messages;
  }
}

/** Who is on the other end of a socket, as established when it was authorized. */
export interface CollabIdentity {
  userId: string;
  name: string;
  /** Caret colour from the account, `#rrggbb`. */
  color: string;
  /** The series the document belongs to (access changes are announced per series). */
  seriesId: string;
  /** Read-only connections never get an update applied, forwarded or persisted. */
  readOnly: boolean;
  /**
   * Only updates that add, take back or mark the writer's own suggestions are
   * applied (commenters, SUG-4); another update makes the connection read-only.
   */
  suggestionsOnly?: boolean;
  /** The session the socket was opened with (null for API keys): signing it out closes the socket. */
  sessionToken?: string | null;
}
