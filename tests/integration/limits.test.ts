/**
 * The explicit limits on what one client may send (docs/security.md): each is
 * configurable, and breaking it closes that socket (or refuses the upgrade)
 * with a defined code while everyone else carries on.
 */
import type { InstallmentDetail } from '@baton/shared/api.ts';
import { limits } from '@baton/shared/limits.ts';
import { CloseCode } from '@baton/shared/protocol.ts';
import { connect as connectTcp } from 'node:net';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  appendParagraph,
  connectClient,
  nextClose,
  paragraphs,
  stillSyncing,
  untilDoc,
  untilSynced,
} from '../support/collabClient.ts';
import { awarenessFrame } from '../support/frames.ts';
import { api, seedInstallment, signUp, type TestUser } from '../support/http.ts';
import { attemptUpgrade, openSocket } from '../support/rawSocket.ts';
import { startTestServer, type TestServer } from '../support/testServer.ts';

interface Setup {
  server: TestServer;
  ann: TestUser;
  installmentId: string;
  collabUrl: string;
  headers: Record<string, string>;
}

/** A server with `env` limits, one account and one installment; disposed after `run`. */
async function withServer(
  env: Record<string, string>,
  run: (setup: Setup) => Promise<void>,
): Promise<void> {
  const server = await startTestServer({ env });
  try {
    const ann = await signUp(server.url, 'Ann');
    const { installmentId } = await seedInstallment(server.url, ann);
    const collabUrl = `${server.url.replace(/^http/, 'ws')}/collab/${installmentId}`;
    await run({
      server,
      ann,
      installmentId,
      collabUrl,
      headers: { cookie: ann.cookie, origin: server.url },
    });
  } finally {
    await server.dispose();
  }
}

describe('limits', () => {
  it('HARD-1 a frame over MAX_MESSAGE_BYTES closes that socket with 1009', async () => {
    await withServer({ MAX_MESSAGE_BYTES: '65536' }, async (s) => {
      const a = connectClient(s.server.url, s.installmentId, s.ann.cookie);
      const b = connectClient(s.server.url, s.installmentId, s.ann.cookie);
      try {
        await Promise.all([untilSynced(a), untilSynced(b)]);
        const hostile = await openSocket(s.collabUrl, s.headers);
        hostile.ws.send(new Uint8Array(70_000));
        expect(await hostile.closed).toBe(CloseCode.messageTooBig);
        await stillSyncing(a, b, 'the other clients keep syncing');
      } finally {
        a.destroy();
        b.destroy();
      }
    });
  });

  it('HARD-2 an update that would pass MAX_DOCUMENT_BYTES is refused whole (4413); deletions still go through', async () => {
    const env = { MAX_DOCUMENT_BYTES: '20000', DOCUMENT_WARNING_BYTES: '10000' };
    const first = await startTestServer({ env });
    const ann = await signUp(first.url, 'Ann');
    const { installmentId } = await seedInstallment(first.url, ann);
    const writer = connectClient(first.url, installmentId, ann.cookie);
    const reader = connectClient(first.url, installmentId, ann.cookie);
    const fresh = connectClient(first.url, installmentId, ann.cookie, { connect: false });
    let kept: string[];
    try {
      await Promise.all([untilSynced(writer), untilSynced(reader)]);
      for (let i = 0; i < 10; i++) appendParagraph(writer.doc, `${i} ${'x'.repeat(1_000)}`);
      await untilDoc(reader, 'the reader has ten paragraphs', (d) => paragraphs(d).length === 10);
      const before = paragraphs(reader.doc);

      const refused = nextClose(writer);
      appendParagraph(writer.doc, `too much ${'y'.repeat(15_000)}`);
      expect(await refused).toBe(CloseCode.tooLarge);
      // The stock provider does not reconnect after 4400-4499: it would only be refused again.
      expect(writer.provider.shouldConnect).toBe(false);

      fresh.provider.connect();
      await untilSynced(fresh);
      expect(paragraphs(fresh.doc)).toEqual(before);
      // A full document can still be trimmed, and then grows again.
      fresh.doc.transact(() => fresh.doc.getXmlFragment('default').delete(0, 5));
      appendParagraph(fresh.doc, 'room again');
      await untilDoc(reader, 'the trim and the new paragraph arrive', (d) =>
        paragraphs(d).includes('room again'),
      );
      kept = paragraphs(reader.doc);
      expect(kept).toEqual([...before.slice(5), 'room again']);
    } finally {
      writer.destroy();
      reader.destroy();
      fresh.destroy();
      await first.close();
    }
    // The store holds exactly what the clients saw: nothing of the refused update.
    const second = await startTestServer({ env, dataDir: first.dataDir });
    const reloaded = connectClient(second.url, installmentId, ann.cookie);
    try {
      await untilSynced(reloaded);
      expect(paragraphs(reloaded.doc)).toEqual(kept);
    } finally {
      reloaded.destroy();
      await second.dispose();
    }
  });

  it('HARD-3 an awareness state over MAX_AWARENESS_BYTES closes with 4413, and awareness past its rate with 4029', async () => {
    await withServer({ MAX_AWARENESS_BYTES: '1024', AWARENESS_PER_SECOND: '5' }, async (s) => {
      const a = connectClient(s.server.url, s.installmentId, s.ann.cookie);
      const b = connectClient(s.server.url, s.installmentId, s.ann.cookie);
      try {
        await Promise.all([untilSynced(a), untilSynced(b)]);
        const big = await openSocket(s.collabUrl, s.headers);
        big.ws.send(
          awarenessFrame([
            { clientId: 4242, clock: 1, state: JSON.stringify({ note: 'z'.repeat(2_000) }) },
          ]),
        );
        expect(await big.closed).toBe(CloseCode.tooLarge);

        const chatty = await openSocket(s.collabUrl, s.headers);
        for (let clock = 1; clock <= 30; clock++) {
          chatty.ws.send(
            awarenessFrame([{ clientId: 4343, clock, state: JSON.stringify({ clock }) }]),
          );
        }
        expect(await chatty.closed).toBe(CloseCode.rateLimited);
        await stillSyncing(a, b, 'the other clients keep syncing');
      } finally {
        a.destroy();
        b.destroy();
      }
    });
  });

  it('HARD-4 more messages per second than MESSAGES_PER_SECOND close with 4029; the stock client reconnects and loses nothing', async () => {
    await withServer({ MESSAGES_PER_SECOND: '20' }, async (s) => {
      const writer = connectClient(s.server.url, s.installmentId, s.ann.cookie);
      const reader = connectClient(s.server.url, s.installmentId, s.ann.cookie);
      try {
        await Promise.all([untilSynced(writer), untilSynced(reader)]);
        const limited = nextClose(writer);
        // One message per transaction: 100 of them in one burst.
        for (let i = 0; i < 100; i++) appendParagraph(writer.doc, `burst ${i}`);
        expect(await limited).toBe(CloseCode.rateLimited);
        await untilDoc(reader, 'every paragraph of the burst arrives after the reconnect', (d) =>
          paragraphs(d).includes('burst 99'),
        );
        expect(paragraphs(reader.doc)).toEqual(paragraphs(writer.doc));
        expect(new Set(paragraphs(reader.doc)).size).toBe(100);
      } finally {
        writer.destroy();
        reader.destroy();
      }
    });
  });

  it('HARD-5 past CONNECTIONS_PER_IP_PER_MINUTE the upgrade is refused with 429 and Retry-After', async () => {
    await withServer({ CONNECTIONS_PER_IP_PER_MINUTE: '3' }, async (s) => {
      for (let i = 0; i < 3; i++) {
        expect((await attemptUpgrade(s.collabUrl, s.headers)).refusedWith).toBeUndefined();
      }
      const refusal = await attemptUpgrade(s.collabUrl, s.headers);
      expect(refusal.refusedWith).toBe(429);
      expect(Number(refusal.retryAfter)).toBeGreaterThan(0);
    });
  });

  it('HARD-6 a handshake that trickles its headers is cut at HANDSHAKE_TIMEOUT_MS', async () => {
    await withServer({ HANDSHAKE_TIMEOUT_MS: '500' }, async (s) => {
      const socket = connectTcp(s.server.port, '127.0.0.1');
      socket.on('error', () => undefined);
      socket.write(`GET /collab/${s.installmentId} HTTP/1.1\r\nHost: localhost\r\n`);
      let sent = 0;
      // Load generation: one header line every 50 ms, which never ends the header block.
      const trickle = setInterval(() => {
        if (!socket.destroyed) socket.write(`X-Trickle-${sent++}: 1\r\n`);
      }, 50);
      try {
        await new Promise<void>((resolve) => socket.once('close', () => resolve()));
        expect(sent).toBeGreaterThan(0);
      } finally {
        clearInterval(trickle);
        socket.destroy();
      }
    });
  });

  it('HARD-2 the documented defaults refuse nothing a writer normally sends', async () => {
    // A large paste (a few hundred kilobytes in one update) is well under every default.
    await withServer({}, async (s) => {
      const writer = connectClient(s.server.url, s.installmentId, s.ann.cookie);
      const reader = connectClient(s.server.url, s.installmentId, s.ann.cookie);
      try {
        await Promise.all([untilSynced(writer), untilSynced(reader)]);
        const doc = new Y.Doc();
        const text = Array.from({ length: 300 }, (_, i) => `paragraph ${i} ${'w'.repeat(1_000)}`);
        for (const line of text) appendParagraph(doc, line);
        Y.applyUpdate(writer.doc, Y.encodeStateAsUpdate(doc));
        await untilDoc(reader, 'the paste arrives', (d) => paragraphs(d).length === 300);
        // The editor learns the limits from the installment.
        const detail = await api<InstallmentDetail>(
          s.server.url,
          s.ann,
          'GET',
          `/api/installments/${s.installmentId}`,
        );
        expect(detail.body.documentLimits).toEqual({
          warningBytes: limits.documentWarningBytes,
          maxBytes: limits.maxDocumentBytes,
        });
      } finally {
        writer.destroy();
        reader.destroy();
      }
    });
  });
});
