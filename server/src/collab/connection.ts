/**
 * One client on one document. Decodes each frame as exactly one y-websocket
 * message and hands it to the room; anything it cannot decode, or a message
 * type that is not allowed, closes this socket and nothing else.
 */
import { limits } from '@baton/shared/limits.ts';
import { CloseCode, MessageType, SyncMessageType } from '@baton/shared/protocol.ts';
import * as decoding from 'lib0/decoding';
import type { CollabIdentity, CollabSocket, SharedMessage } from './collabSocket.ts';
import { encodeUpdateMessage, readOnlyMessage } from './messages.ts';
import { RateBudget, type RateLimits } from './rateBudget.ts';
import { malformed, Refusal } from './refusal.ts';
import type { ApplyResult, Room } from './room.ts';
import type { RoomMember } from './roomMember.ts';

/** Who is told when a connection leaves its room (the registry, to unload empty rooms). */
export interface ConnectionHost {
  connectionLeft(room: Room): void;
}

export class Connection implements RoomMember {
  private room: Room | null = null;
  private buffered: Uint8Array[] | null = [];
  private bufferedBytes = 0;
  private closed = false;
  private readonly budget: RateBudget;
  /**
   * Until the client's first sync step 2 (null afterwards): an update that
   * builds on changes the server does not have is held here, and so is every
   * sync message after it, in order. A stock client that reconnects sends
   * what it did offline in its step 2, which answers the server's step 1; an
   * edit made in the meantime can arrive first and build on those offline
   * changes. The step 2 is applied when it comes, then what was held. A step
   * 1 held here is answered only then, so "saved" still means stored
   * (decision 0001). After the step 2 such an update is refused.
   */
  private heldForStep2: Uint8Array[] | null = [];
  private heldBytes = 0;
  /** A suggestions-only connection that wrote more than suggestions: read-only from then on. */
  private writesRefused = false;

  constructor(
    readonly socket: CollabSocket,
    readonly identity: CollabIdentity,
    rateLimits: RateLimits,
    private readonly host: ConnectionHost,
  ) {
    this.budget = new RateBudget(rateLimits, Date.now());
  }

  get isClosed(): boolean {
    return this.closed;
  }

  /** Called once the room is loaded: joins it and replays frames that arrived meanwhile. */
  attach(room: Room): void {
    if (this.closed) return;
    this.room = room;
    room.join(this);
    const pending = this.buffered ?? [];
    this.buffered = null;
    for (const frame of pending) {
      if (this.closed) break;
      this.handle(frame); // charged to the budget when it arrived
    }
  }

  /** A binary frame from the client. */
  receive(frame: Uint8Array): void {
    if (this.closed) return;
    // Message types are below 128, so the first byte is the type.
    if (!this.budget.take(frame[0] === MessageType.awareness, Date.now())) {
      this.close(CloseCode.rateLimited, 'too many messages per second');
      return;
    }
    if (this.buffered) {
      this.bufferedBytes += frame.byteLength;
      if (this.bufferedBytes > limits.maxBufferedBytesBeforeLoad) {
        this.close(CloseCode.messageTooBig, 'too much data before the document loaded');
      } else {
        this.buffered.push(frame);
      }
      return;
    }
    this.handle(frame);
  }

  /** Acts on one frame; a refused or malformed one closes this socket. */
  private handle(frame: Uint8Array): void {
    try {
      this.dispatch(frame);
    } catch (error) {
      if (error instanceof Refusal) this.close(error.code, error.message);
      // lib0 throws plain Errors (or RangeErrors) on truncated input.
      else this.close(CloseCode.malformedMessage, 'malformed message');
    }
  }

  send(message: Uint8Array): void {
    if (!this.closed) this.socket.send(message);
  }

  sendShared(message: SharedMessage): void {
    if (!this.closed) this.socket.sendShared(message);
  }

  close(code: number, reason: string): void {
    if (this.closed) return;
    this.closed = true;
    this.socket.close(code, reason);
    this.detach();
  }

  /** The transport reports that the socket is gone. */
  handleClosed(): void {
    if (this.closed) return;
    this.closed = true;
    this.detach();
  }

  private detach(): void {
    const room = this.room;
    this.room = null;
    this.buffered = null;
    this.heldForStep2 = null;
    room?.leave(this);
    if (room) this.host.connectionLeft(room);
  }

  /** Reads the whole message first, so nothing of a malformed one is acted on. */
  private dispatch(frame: Uint8Array): void {
    const room = this.room;
    if (!room) return;
    const decoder = decoding.createDecoder(frame);
    const messageType = decoding.readVarUint(decoder);
    switch (messageType) {
      case MessageType.sync: {
        const syncType = decoding.readVarUint(decoder);
        const payload = decoding.readVarUint8Array(decoder);
        endOfMessage(decoder);
        this.dispatchSync(syncType, payload, frame, room);
        return;
      }
      case MessageType.awareness: {
        const update = decoding.readVarUint8Array(decoder);
        endOfMessage(decoder);
        room.presence.apply(update, this, this.identity);
        return;
      }
      case MessageType.queryAwareness: {
        endOfMessage(decoder);
        const presence = room.presence.encodeAll();
        if (presence) this.send(presence);
        return;
      }
      case MessageType.auth:
        // Clients have nothing to say in the auth message; read and ignore it.
        decoding.readVarUint(decoder);
        if (decoding.hasContent(decoder)) decoding.readVarString(decoder);
        endOfMessage(decoder);
        return;
      default:
        throw malformed(`unknown message type ${messageType}`);
    }
  }

  private dispatchSync(syncType: number, payload: Uint8Array, frame: Uint8Array, room: Room): void {
    const held = this.heldForStep2;
    if (held && held.length > 0 && syncType !== SyncMessageType.step2) {
      this.holdForStep2(frame);
      return;
    }
    switch (syncType) {
      case SyncMessageType.step1:
        room.answerSyncStep1(payload, this);
        return;
      case SyncMessageType.step2: {
        // A step 2 is forwarded as an update message.
        const result = this.write(room, payload, encodeUpdateMessage(payload));
        if (result?.kind === 'missingDependency') throw malformed(result.missing);
        this.replayHeld();
        return;
      }
      case SyncMessageType.update: {
        // An update message is forwarded byte for byte.
        const result = this.write(room, payload, frame);
        if (result?.kind !== 'missingDependency') return;
        // Until the step 2, it may bring what is missing; after it, the update is malformed.
        if (!held) throw malformed(result.missing);
        this.holdForStep2(frame);
        return;
      }
      default:
        throw malformed(`unknown sync message type ${syncType}`);
    }
  }

  /** Hands an update to the room, unless this connection may not write; null when it may not. */
  private write(room: Room, update: Uint8Array, message: Uint8Array): ApplyResult | null {
    if (this.identity.readOnly || this.writesRefused) return null;
    const result = room.applyUpdate(update, this, message);
    if (result.kind === 'notASuggestion') {
      // Its later updates build on this one, which the room does not have: from now on the
      // connection is read-only, and is told so like one (ROLE-5). Nothing closes.
      this.writesRefused = true;
      this.send(readOnlyMessage);
    }
    return result;
  }

  private holdForStep2(frame: Uint8Array): void {
    this.heldBytes += frame.byteLength;
    if (this.heldBytes > limits.maxHeldBytesBeforeStep2) {
      throw new Refusal(CloseCode.messageTooBig, 'too many updates waiting for the sync step 2');
    }
    this.heldForStep2?.push(frame);
  }

  /** After the step 2, what was held is handled in order, as if it came now. */
  private replayHeld(): void {
    const held = this.heldForStep2 ?? [];
    this.heldForStep2 = null;
    this.heldBytes = 0;
    for (const frame of held) this.dispatch(frame);
  }
}

function endOfMessage(decoder: decoding.Decoder): void {
  if (decoding.hasContent(decoder)) throw malformed('trailing bytes after message');
}
