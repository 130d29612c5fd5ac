/** An in-memory CollabSocket: records what the server sends, so tests can read it by hand. */
import { MessageType, SyncMessageType } from '@baton/shared/protocol.ts';
import * as decoding from 'lib0/decoding';
import type { CollabSocket, SharedMessage } from './collabSocket.ts';

export class MemorySocket implements CollabSocket {
  readonly sent: Uint8Array[] = [];
  closeCode: number | null = null;

  send(message: Uint8Array): void {
    if (this.closeCode === null) this.sent.push(message);
  }

  sendShared(message: SharedMessage): void {
    for (const bytes of message.messages) this.send(bytes);
  }

  close(code: number): void {
    this.closeCode ??= code;
  }

  /** Sent messages described as "sync:step1", "sync:update", "awareness"… */
  kinds(): string[] {
    return this.sent.map(describeMessage);
  }
}

export function describeMessage(message: Uint8Array): string {
  const decoder = decoding.createDecoder(message);
  const type = decoding.readVarUint(decoder);
  if (type === MessageType.sync) {
    const sub = decoding.readVarUint(decoder);
    const name = Object.entries(SyncMessageType).find(([, v]) => v === sub)?.[0] ?? String(sub);
    return `sync:${name}`;
  }
  return Object.entries(MessageType).find(([, v]) => v === type)?.[0] ?? String(type);
}
