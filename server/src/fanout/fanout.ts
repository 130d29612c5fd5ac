/**
 * Fan-out between server instances. With one instance it is a no-op
 * (`LocalFanout`); with REDIS_URL, Redis pub/sub (`RedisFanout`). Everything
 * published here was already committed (documents) or is ephemeral (presence).
 */
import type { AccessChange } from '../domain/accessChanges.ts';
import type { InstallmentEvent } from '../events/installmentEvents.ts';

export interface DocMessageHandler {
  /** A committed update from another instance. */
  onUpdate(docName: string, update: Uint8Array): void;
  /** An awareness update from another instance (y-protocols encoding). */
  onAwareness(docName: string, update: Uint8Array): void;
  /** The link to the other instances was (re)established: messages may have been missed. */
  onResubscribed(): void;
}

export interface Fanout {
  readonly enabled: boolean;
  /** Human-readable state for the health output: "disabled", "connected", "disconnected". */
  status(): string;
  setDocHandler(handler: DocMessageHandler): void;
  /** Starts receiving a document's messages; resolves once subscribed. */
  subscribeDoc(docName: string): Promise<void>;
  unsubscribeDoc(docName: string): Promise<void>;
  publishUpdate(docName: string, update: Uint8Array): void;
  publishAwareness(docName: string, update: Uint8Array): void;
  publishEvent(event: InstallmentEvent): void;
  onEvent(listener: (event: InstallmentEvent) => void): void;
  publishAccessChange(change: AccessChange): void;
  onAccessChange(listener: (change: AccessChange) => void): void;
  close(): Promise<void>;
}

/** One instance: nothing to fan out to. */
export class LocalFanout implements Fanout {
  readonly enabled = false;
  status() {
    return 'disabled';
  }
  setDocHandler() {}
  subscribeDoc() {
    return Promise.resolve();
  }
  unsubscribeDoc() {
    return Promise.resolve();
  }
  publishUpdate() {}
  publishAwareness() {}
  publishEvent() {}
  onEvent() {}
  publishAccessChange() {}
  onAccessChange() {}
  close() {
    return Promise.resolve();
  }
}
