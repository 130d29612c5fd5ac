/**
 * The Fanout contract, run against every implementation (FAN-n in docs/SPEC.md).
 * Import and call from a `*.test.ts` with a factory for a fresh bus: every
 * instance one harness connects reaches the others, as servers sharing a Redis do.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AccessChange } from '../domain/accessChanges.ts';
import type { InstallmentEvent } from '../events/installmentEvents.ts';
import type { DocMessageHandler, Fanout } from './fanout.ts';

export interface FanoutHarness {
  /** A new instance on this harness's bus, subscribed to nothing yet and ready to publish. */
  connect(): Promise<Fanout>;
  /** How many instances listen to a document's channel, as the bus itself counts them. */
  docListeners(docName: string): Promise<number>;
  /** Closes what the harness itself opened (instances are closed by the suite). */
  close(): Promise<void>;
}

type Received =
  | { kind: 'update' | 'awareness'; doc: string; bytes: Uint8Array }
  | { kind: 'event'; event: InstallmentEvent }
  | { kind: 'access'; change: AccessChange };

/** Everything one instance receives, in order, with a way to await a message. */
class Inbox implements DocMessageHandler {
  readonly received: Received[] = [];
  private waiters: Array<() => boolean> = [];

  constructor(fanout: Fanout) {
    fanout.setDocHandler(this);
    fanout.onEvent((event) => this.push({ kind: 'event', event }));
    fanout.onAccessChange((change) => this.push({ kind: 'access', change }));
  }

  onUpdate(doc: string, bytes: Uint8Array): void {
    this.push({ kind: 'update', doc, bytes });
  }
  onAwareness(doc: string, bytes: Uint8Array): void {
    this.push({ kind: 'awareness', doc, bytes });
  }
  onResubscribed(): void {}

  /** Document messages received so far, as `kind doc text` lines. */
  docLines(): string[] {
    return this.received.flatMap((m) =>
      m.kind === 'update' || m.kind === 'awareness'
        ? [`${m.kind} ${m.doc} ${Buffer.from(m.bytes).toString()}`]
        : [],
    );
  }

  /** Resolves once a received message satisfies `match`. */
  until(match: (m: Received) => boolean): Promise<Received> {
    return new Promise((resolve) => {
      const check = () => {
        const found = this.received.find(match);
        if (!found) return false;
        resolve(found);
        return true;
      };
      if (!check()) this.waiters.push(check);
    });
  }

  private push(message: Received): void {
    this.received.push(message);
    this.waiters = this.waiters.filter((check) => !check());
  }
}

const text = (value: string) => new Uint8Array(Buffer.from(value));

let markers = 0;
/**
 * Waits until everything `from` published before now has reached `to`: one
 * instance's messages reach another in the order published (FAN-4), so once a
 * marker event sent last arrives, nothing sent earlier is still on its way.
 */
async function flush(from: Fanout, to: Inbox): Promise<void> {
  const id = ++markers;
  const marker: InstallmentEvent = {
    id,
    installmentId: 'flush',
    type: 'thread.created',
    data: '{}',
  };
  from.publishEvent(marker);
  await to.until(
    (m) => m.kind === 'event' && m.event.installmentId === 'flush' && m.event.id === id,
  );
}

export function describeFanoutContract(name: string, open: () => Promise<FanoutHarness>): void {
  describe(`Fanout contract: ${name}`, () => {
    let harness: FanoutHarness;
    const instances: Fanout[] = [];
    const connect = async () => {
      const fanout = await harness.connect();
      instances.push(fanout);
      return { fanout, inbox: new Inbox(fanout) };
    };

    beforeEach(async () => {
      harness = await open();
    });
    afterEach(async () => {
      await Promise.all(instances.splice(0).map((fanout) => fanout.close()));
      await harness.close();
    });

    it('FAN-1 a document message reaches the other instances subscribed to that document, and only them', async () => {
      const a = await connect();
      const same = await connect();
      const other = await connect();
      const none = await connect();
      await a.fanout.subscribeDoc('doc-1');
      await same.fanout.subscribeDoc('doc-1');
      await other.fanout.subscribeDoc('doc-2');

      a.fanout.publishUpdate('doc-1', text('u1'));
      a.fanout.publishAwareness('doc-1', text('p1'));
      await Promise.all([same, other, none].map(({ inbox }) => flush(a.fanout, inbox)));

      expect(same.inbox.docLines()).toEqual(['update doc-1 u1', 'awareness doc-1 p1']);
      expect(a.inbox.docLines()).toEqual([]);
      expect(other.inbox.docLines()).toEqual([]);
      expect(none.inbox.docLines()).toEqual([]);
    });

    it('FAN-2 events and access changes reach every other instance, subscribed or not, never their sender', async () => {
      const a = await connect();
      const b = await connect();
      const event: InstallmentEvent = {
        id: 7,
        installmentId: 'inst-1',
        type: 'version.published',
        data: JSON.stringify({ version: 1 }),
      };
      const change: AccessChange = {
        seriesId: 's-1',
        userIds: ['u-1'],
        deletedInstallmentId: 'i-1',
      };
      a.fanout.publishEvent(event);
      a.fanout.publishAccessChange(change);
      await flush(a.fanout, b.inbox);
      // b's own marker comes back to a, so a has heard everything b sent; it sent nothing else.
      await flush(b.fanout, a.inbox);

      expect(b.inbox.received.slice(0, 2)).toEqual([
        { kind: 'event', event },
        { kind: 'access', change },
      ]);
      expect(
        a.inbox.received.filter((m) => m.kind !== 'event' || m.event.installmentId !== 'flush'),
      ).toEqual([]);
    });

    it('FAN-3 after unsubscribing, nothing more of that document arrives; other subscriptions carry on', async () => {
      const a = await connect();
      const b = await connect();
      await b.fanout.subscribeDoc('doc-1');
      await b.fanout.subscribeDoc('doc-2');
      a.fanout.publishUpdate('doc-1', text('before'));
      await flush(a.fanout, b.inbox);

      await b.fanout.unsubscribeDoc('doc-1');
      a.fanout.publishUpdate('doc-1', text('after'));
      a.fanout.publishUpdate('doc-2', text('still'));
      await flush(a.fanout, b.inbox);

      expect(b.inbox.docLines()).toEqual(['update doc-1 before', 'update doc-2 still']);
      expect(await harness.docListeners('doc-1')).toBe(0);
      expect(await harness.docListeners('doc-2')).toBe(1);
    });

    it('FAN-4 messages on a channel arrive in the order they were published', async () => {
      const a = await connect();
      const b = await connect();
      await b.fanout.subscribeDoc('doc-1');
      await b.fanout.subscribeDoc('doc-2');
      const sent: string[] = [];
      for (let i = 0; i < 200; i++) {
        const doc = i % 3 === 0 ? 'doc-2' : 'doc-1';
        const kind = i % 5 === 0 ? 'awareness' : 'update';
        if (kind === 'update') a.fanout.publishUpdate(doc, text(`${i}`));
        else a.fanout.publishAwareness(doc, text(`${i}`));
        sent.push(`${kind} ${doc} ${i}`);
      }
      await flush(a.fanout, b.inbox);

      for (const doc of ['doc-1', 'doc-2']) {
        const onDoc = (line: string) => line.split(' ')[1] === doc;
        expect(b.inbox.docLines().filter(onDoc)).toEqual(sent.filter(onDoc));
      }
    });

    it('FAN-5 a binary payload arrives byte for byte, whatever the publisher does with its buffer afterwards', async () => {
      const a = await connect();
      const b = await connect();
      await b.fanout.subscribeDoc('doc-1');
      const everyByte = Uint8Array.from({ length: 512 }, (_, i) => i % 256);
      const large = Uint8Array.from({ length: 1024 * 1024 }, (_, i) => (i * 7919) % 256);
      const reused = Uint8Array.from([0, 1, 2, 0xff, 0]);
      a.fanout.publishUpdate('doc-1', everyByte);
      a.fanout.publishUpdate('doc-1', new Uint8Array(0));
      a.fanout.publishAwareness('doc-1', large);
      a.fanout.publishUpdate('doc-1', reused);
      reused.fill(9);
      await flush(a.fanout, b.inbox);

      const payloads = b.inbox.received.flatMap((m) =>
        m.kind === 'update' || m.kind === 'awareness' ? [m.bytes] : [],
      );
      expect(payloads.map((bytes) => Buffer.from(bytes).toString('hex'))).toEqual(
        [everyByte, new Uint8Array(0), large, Uint8Array.from([0, 1, 2, 0xff, 0])].map((bytes) =>
          Buffer.from(bytes).toString('hex'),
        ),
      );
      for (const bytes of payloads) expect(bytes).toBeInstanceOf(Uint8Array);
    });

    it('FAN-6 closing releases the instance: its channels are left, it receives nothing, and the rest carry on', async () => {
      const a = await connect();
      const closing = await connect();
      const c = await connect();
      await closing.fanout.subscribeDoc('doc-1');
      await c.fanout.subscribeDoc('doc-1');
      expect(await harness.docListeners('doc-1')).toBe(2);

      await closing.fanout.close();
      // Redis notices a closed connection on its own time; nothing else is waited for.
      await vi.waitFor(async () => expect(await harness.docListeners('doc-1')).toBe(1));
      // Publishing on a closed instance is dropped, never thrown.
      closing.fanout.publishUpdate('doc-1', text('from the closed one'));
      closing.fanout.publishEvent({
        id: 1,
        installmentId: 'x',
        type: 'thread.created',
        data: '{}',
      });
      a.fanout.publishUpdate('doc-1', text('after close'));
      await flush(a.fanout, c.inbox);

      expect(c.inbox.docLines()).toEqual(['update doc-1 after close']);
      expect(closing.inbox.received).toEqual([]);
    });
  });
}
