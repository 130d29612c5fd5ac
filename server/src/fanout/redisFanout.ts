/**
 * Fan-out through Redis pub/sub. Document channels carry binary frames
 * `[kind][instance id length][instance id][payload]`; the event and access
 * channels carry JSON. An instance ignores what it published itself.
 *
 * Pub/sub may drop messages (Redis restart, network). The publisher does not
 * queue while disconnected, and whenever the subscriber is (re)connected the
 * documents are resynced from the store (`onResubscribed`), so a lost message
 * never leaves an instance diverged for long.
 */
import { Redis } from 'ioredis';
import { randomBytes } from 'node:crypto';
import type { Logger } from '../config/logger.ts';
import type { AccessChange } from '../domain/accessChanges.ts';
import type { InstallmentEvent } from '../events/installmentEvents.ts';
import type { DocMessageHandler, Fanout } from './fanout.ts';

const Kind = { update: 0, awareness: 1 } as const;

export class RedisFanout implements Fanout {
  readonly enabled = true;
  private readonly instanceId = Buffer.from(randomBytes(8).toString('hex'));
  private readonly publisher: Redis;
  private readonly subscriber: Redis;
  private handler: DocMessageHandler | null = null;
  private readonly eventListeners: Array<(event: InstallmentEvent) => void> = [];
  private readonly accessListeners: Array<(change: AccessChange) => void> = [];
  private connectedOnce = false;

  constructor(
    url: string,
    private readonly prefix: string,
    private readonly logger: Logger,
  ) {
    const options = {
      // Keep retrying forever, at most every 2 s: instances serve their own clients meanwhile.
      retryStrategy: (times: number) => Math.min(times * 200, 2_000),
      maxRetriesPerRequest: 1,
      lazyConnect: false,
    };
    this.publisher = new Redis(url, { ...options, enableOfflineQueue: false });
    this.subscriber = new Redis(url, options);
    for (const [name, client] of [
      ['publisher', this.publisher],
      ['subscriber', this.subscriber],
    ] as const) {
      client.on('error', (error: Error) =>
        this.logger.debug(`redis ${name} error`, { error: error.message }),
      );
    }
    this.subscriber.on('ready', () => {
      if (this.connectedOnce) this.logger.info('redis is back; resyncing open documents');
      this.connectedOnce = true;
      // ioredis resubscribes to our channels itself on reconnect; catch up on what was missed.
      this.handler?.onResubscribed();
    });
    this.subscriber.on('close', () =>
      this.logger.warn('redis connection lost; serving local clients only'),
    );
    void this.subscriber
      .subscribe(this.channel('events'), this.channel('access'))
      .catch(() => undefined);
    this.subscriber.on('messageBuffer', (channel: Buffer, message: Buffer) =>
      this.receive(channel.toString(), message),
    );
  }

  status(): string {
    return this.subscriber.status === 'ready' && this.publisher.status === 'ready'
      ? 'connected'
      : 'disconnected';
  }

  setDocHandler(handler: DocMessageHandler): void {
    this.handler = handler;
  }

  async subscribeDoc(docName: string): Promise<void> {
    // If Redis is down, the document still loads; the resync on reconnect covers the gap.
    await this.subscriber.subscribe(this.channel(`doc:${docName}`)).catch((error: unknown) => {
      this.logger.warn('could not subscribe to a document channel', { doc: docName, error });
    });
  }

  async unsubscribeDoc(docName: string): Promise<void> {
    await this.subscriber.unsubscribe(this.channel(`doc:${docName}`)).catch(() => undefined);
  }

  publishUpdate(docName: string, update: Uint8Array): void {
    this.publishDoc(docName, Kind.update, update);
  }

  publishAwareness(docName: string, update: Uint8Array): void {
    this.publishDoc(docName, Kind.awareness, update);
  }

  publishEvent(event: InstallmentEvent): void {
    this.publishJson('events', event);
  }

  onEvent(listener: (event: InstallmentEvent) => void): void {
    this.eventListeners.push(listener);
  }

  publishAccessChange(change: AccessChange): void {
    this.publishJson('access', change);
  }

  onAccessChange(listener: (change: AccessChange) => void): void {
    this.accessListeners.push(listener);
  }

  async close(): Promise<void> {
    this.subscriber.disconnect();
    this.publisher.disconnect();
    return Promise.resolve();
  }

  private channel(name: string): string {
    return `${this.prefix}:${name}`;
  }

  private publishDoc(docName: string, kind: number, payload: Uint8Array): void {
    const frame = Buffer.concat([
      Buffer.from([kind, this.instanceId.length]),
      this.instanceId,
      payload,
    ]);
    this.publisher.publish(this.channel(`doc:${docName}`), frame).catch(() => {
      // Dropped while Redis is unreachable; the resync on reconnect repairs it.
    });
  }

  private publishJson(channel: string, body: unknown): void {
    const message = JSON.stringify({ from: this.instanceId.toString(), body });
    this.publisher.publish(this.channel(channel), message).catch(() => undefined);
  }

  private receive(channel: string, message: Buffer): void {
    const docPrefix = this.channel('doc:');
    if (channel.startsWith(docPrefix)) {
      const kind = message[0];
      const idLength = message[1] ?? 0;
      const from = message.subarray(2, 2 + idLength);
      if (from.equals(this.instanceId)) return;
      const payload = new Uint8Array(message.subarray(2 + idLength));
      const docName = channel.slice(docPrefix.length);
      if (kind === Kind.update) this.handler?.onUpdate(docName, payload);
      else if (kind === Kind.awareness) this.handler?.onAwareness(docName, payload);
      return;
    }
    let parsed: { from: string; body: unknown };
    try {
      parsed = JSON.parse(message.toString()) as { from: string; body: unknown };
    } catch {
      return;
    }
    if (parsed.from === this.instanceId.toString()) return;
    if (channel === this.channel('events')) {
      for (const listener of this.eventListeners) listener(parsed.body as InstallmentEvent);
    } else if (channel === this.channel('access')) {
      for (const listener of this.accessListeners) listener(parsed.body as AccessChange);
    }
  }
}
