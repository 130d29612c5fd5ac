/** Encoders for the few server → client messages, built once and sent as bytes. */
import { MessageType, READ_ONLY_REASON, SyncMessageType } from '@baton/shared/protocol.ts';
import * as encoding from 'lib0/encoding';
import * as authProtocol from 'y-protocols/auth';
import * as syncProtocol from 'y-protocols/sync';
import type * as Y from 'yjs';

export function encodeSyncStep1(doc: Y.Doc): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.sync);
  syncProtocol.writeSyncStep1(encoder, doc);
  return encoding.toUint8Array(encoder);
}

export function encodeSyncStep2(doc: Y.Doc, stateVector: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.sync);
  syncProtocol.writeSyncStep2(encoder, doc, stateVector);
  return encoding.toUint8Array(encoder);
}

/** A sync step 2 carrying an update that already is the whole state. */
export function encodeSyncStep2Update(update: Uint8Array): Uint8Array {
  return encodeSyncPayload(SyncMessageType.step2, update);
}

export function encodeUpdateMessage(update: Uint8Array): Uint8Array {
  return encodeSyncPayload(SyncMessageType.update, update);
}

function encodeSyncPayload(type: number, update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.sync);
  encoding.writeVarUint(encoder, type);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}

/** An awareness update (y-protocols encoding) of entries `(clientID, clock, JSON state)`. */
export function encodeAwarenessUpdate(
  entries: Iterable<{ clientId: number; clock: number; state: string }>,
  count: number,
): Uint8Array {
  const inner = encoding.createEncoder();
  encoding.writeVarUint(inner, count);
  for (const entry of entries) {
    encoding.writeVarUint(inner, entry.clientId);
    encoding.writeVarUint(inner, entry.clock);
    encoding.writeVarString(inner, entry.state);
  }
  return encoding.toUint8Array(inner);
}

/** An awareness message wrapping an awareness update. */
export function encodeAwarenessMessage(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.awareness);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}

/** A y-protocols auth message: permission denied, with a reason. */
export function encodePermissionDenied(reason: string): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.auth);
  authProtocol.writePermissionDenied(encoder, reason);
  return encoding.toUint8Array(encoder);
}

/** Tells a connection that its writes are not applied (ROLE-5). */
export const readOnlyMessage = encodePermissionDenied(READ_ONLY_REASON);
