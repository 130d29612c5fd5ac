/**
 * What the sync core needs from a transport. The websocket adapter implements
 * it for `ws`; unit tests implement it in memory and flush by hand.
 */
export interface CollabSocket {
  /** Queues one binary message. Must not throw; a broken socket reports through `close`. */
  send(message: Uint8Array): void;
  /** Closes with a code from `CloseCode` and a short reason. Idempotent. */
  close(code: number, reason: string): void;
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
  /** The session the socket was opened with (null for API keys): signing it out closes the socket. */
  sessionToken?: string | null;
}
