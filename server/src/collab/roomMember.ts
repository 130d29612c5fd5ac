import type { CollabIdentity, SharedMessage } from './collabSocket.ts';

/**
 * What a room needs of a connection: who it is, and a way to send to it and
 * to close it. Connection implements it; the room never sees the socket or
 * the protocol handling, so the two modules do not import each other.
 */
export interface RoomMember {
  readonly identity: CollabIdentity;
  send(message: Uint8Array): void;
  /** Sends a frame prepared once for many members (see SharedMessage). */
  sendShared(message: SharedMessage): void;
  close(code: number, reason: string): void;
}
