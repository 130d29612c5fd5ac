/**
 * Test doubles for the collaboration socket: a WebSocket the test drives by
 * hand (nothing happens until the test says so) and the server's side of the
 * sync contract. Used by the save tracker's unit tests; never by the app.
 */
import * as Y from 'yjs';
import * as authProtocol from 'y-protocols/auth';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import { MessageType, READ_ONLY_REASON, SyncMessageType } from '@baton/shared/protocol.ts';

export class FakeSocket {
  static readonly CONNECTING = 0;
  static readonly OPEN = 1;
  static readonly CLOSING = 2;
  static readonly CLOSED = 3;
  static all: FakeSocket[] = [];
  readonly OPEN = 1;
  readyState = 0;
  binaryType = 'blob';
  /** Client → server frames not yet processed by the fake server. */
  outbox: Uint8Array[] = [];
  onopen: (() => void) | null = null;
  onmessage: ((event: { data: ArrayBuffer }) => void) | null = null;
  onclose: ((event: { code: number; reason: string }) => void) | null = null;
  onerror: (() => void) | null = null;
  constructor(readonly url: string) {
    FakeSocket.all.push(this);
  }
  send(data: Uint8Array) {
    this.outbox.push(data);
  }
  close() {
    this.readyState = 3;
  }
  open() {
    this.readyState = 1;
    this.onopen?.();
  }
  receive(data: Uint8Array) {
    this.onmessage?.({ data: data.slice().buffer });
  }
  drop(code = 1006) {
    this.readyState = 3;
    this.onclose?.({ code, reason: '' });
  }
}

/**
 * The server's side of the contract: processes one socket's frames in order and
 * answers a step 1 with a step 2 (everything before it is "committed" by then).
 * With `readOnly`, it drops the client's updates but still answers step 1, as
 * Baton's server does for viewers and commenters.
 */
export class FakeServer {
  doc = new Y.Doc();
  committed = 0;
  readOnly = false;
  process(socket: FakeSocket) {
    const frames = socket.outbox.splice(0);
    for (const frame of frames) {
      const decoder = decoding.createDecoder(frame);
      if (decoding.readVarUint(decoder) !== MessageType.sync) continue;
      const peek = decoding.createDecoder(frame);
      peek.pos = decoder.pos;
      if (this.readOnly && decoding.readVarUint(peek) !== SyncMessageType.step1) continue;
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, MessageType.sync);
      const type = syncProtocol.readSyncMessage(decoder, encoder, this.doc, 'client');
      if (type !== SyncMessageType.step1) this.committed += 1;
      if (encoding.length(encoder) > 1) socket.receive(encoding.toUint8Array(encoder));
    }
  }
  /** The server's step 1; for a read-only connection, followed by the verdict. */
  sendStep1(socket: FakeSocket) {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MessageType.sync);
    syncProtocol.writeSyncStep1(encoder, this.doc);
    socket.receive(encoding.toUint8Array(encoder));
    if (!this.readOnly) return;
    const verdict = encoding.createEncoder();
    encoding.writeVarUint(verdict, MessageType.auth);
    authProtocol.writePermissionDenied(verdict, READ_ONLY_REASON);
    socket.receive(encoding.toUint8Array(verdict));
  }
}
