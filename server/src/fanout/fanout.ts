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

/**
 * Instances in one process, connected the way Redis connects servers: what one
 * publishes reaches the others subscribed to it, never itself, as a copy, on a
 * later microtask and in publish order. A server makes a bus of its own, on
 * which it is alone, so nothing is ever delivered; tests put several
 * instances on one bus (the fan-out contract suite).
 */
export class LocalBus {
  private readonly members = new Set<LocalFanout>();

  join(member: LocalFanout): void {
    this.members.add(member);
  }

  leave(member: LocalFanout): void {
    this.members.delete(member);
  }

  /** How many instances listen to a document's channel. */
  docListeners(docName: string): number {
    let count = 0;
    for (const member of this.members) if (member.listensTo(docName)) count++;
    return count;
  }

  /** Whether `member` is on the bus (not closed) with others; a server is alone on its own. */
  hasOthers(member: LocalFanout): boolean {
    return this.members.has(member) && this.members.size > 1;
  }

  /** Hands `deliver` every other member once the publisher's call has returned. */
  send(from: LocalFanout, deliver: (member: LocalFanout) => void): void {
    queueMicrotask(() => {
      for (const member of this.members) if (member !== from) deliver(member);
    });
  }
}

/** One instance: nothing to fan out to, unless it shares a `LocalBus` with others. */
export class LocalFanout implements Fanout {
  /** A server's bus holds only itself: there is no fan-out to report. */
  readonly enabled = false;
  private handler: DocMessageHandler | null = null;
  private readonly docs = new Set<string>();
  private readonly eventListeners: Array<(event: InstallmentEvent) => void> = [];
  private readonly accessListeners: Array<(change: AccessChange) => void> = [];

  constructor(private readonly bus: LocalBus = new LocalBus()) {
    bus.join(this);
  }

  status() {
    return 'disabled';
  }
  setDocHandler(handler: DocMessageHandler) {
    this.handler = handler;
  }
  subscribeDoc(docName: string) {
    this.docs.add(docName);
    return Promise.resolve();
  }
  unsubscribeDoc(docName: string) {
    this.docs.delete(docName);
    return Promise.resolve();
  }
  publishUpdate(docName: string, update: Uint8Array) {
    this.sendDoc(docName, update, (handler, copy) => handler.onUpdate(docName, copy));
  }
  publishAwareness(docName: string, update: Uint8Array) {
    this.sendDoc(docName, update, (handler, copy) => handler.onAwareness(docName, copy));
  }
  publishEvent(event: InstallmentEvent) {
    this.sendJson(event, (member, copy) => {
      for (const listener of member.eventListeners) listener(copy);
    });
  }
  onEvent(listener: (event: InstallmentEvent) => void) {
    this.eventListeners.push(listener);
  }
  publishAccessChange(change: AccessChange) {
    this.sendJson(change, (member, copy) => {
      for (const listener of member.accessListeners) listener(copy);
    });
  }
  onAccessChange(listener: (change: AccessChange) => void) {
    this.accessListeners.push(listener);
  }
  close() {
    this.bus.leave(this);
    this.docs.clear();
    return Promise.resolve();
  }

  /** Whether this instance receives a document's messages. */
  listensTo(docName: string): boolean {
    return this.docs.has(docName);
  }

  private sendDoc(
    docName: string,
    payload: Uint8Array,
    deliver: (handler: DocMessageHandler, copy: Uint8Array) => void,
  ): void {
    // Alone (every server): nothing to copy or queue.
    if (!this.bus.hasOthers(this)) return;
    // Copied now, as Redis would: the publisher may reuse its buffer.
    const bytes = payload.slice();
    this.bus.send(this, (member) => {
      if (member.handler && member.listensTo(docName)) deliver(member.handler, bytes.slice());
    });
  }

  private sendJson<T>(body: T, deliver: (member: LocalFanout, copy: T) => void): void {
    if (!this.bus.hasOthers(this)) return;
    // Through JSON, as over Redis: receivers get plain data of their own.
    const text = JSON.stringify(body);
    this.bus.send(this, (member) => deliver(member, JSON.parse(text) as T));
  }
}
