/**
 * A bounded soak: thousands of connect / edit / disconnect cycles across many
 * documents, with documents unloading as soon as they are empty. Afterwards
 * the server's documents, connections, presence, timers and heap are back
 * near where they started, the SQLite WAL is checkpointed, and every edit is
 * stored exactly once. BATON_CHURN_CYCLES runs more.
 */
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  appendParagraph,
  connectClient,
  paragraphs,
  roundTrip,
  untilSynced,
} from '../support/collabClient.ts';
import { requireGc } from '../support/gc.ts';
import { signUp, type TestUser } from '../support/http.ts';
import { seedSeries } from '../support/team.ts';
import { startTestServer, testStore, type TestServer } from '../support/testServer.ts';

const cycles = Number(process.env.BATON_CHURN_CYCLES ?? 2_000);
const documentCount = 40;
const lanes = 20;

const collectGarbage = requireGc();

let server: TestServer;
let ann: TestUser;
const documents: string[] = [];

beforeAll(async () => {
  // Every visit comes from 127.0.0.1: the per-address connection limit would count them as one.
  server = await startTestServer({ idleUnloadMs: 0, env: { CONNECTIONS_PER_IP_PER_MINUTE: '0' } });
  ann = await signUp(server.url, 'Ann');
  const series = await seedSeries(server.url, ann, {
    title: 'Churn',
    installments: Array.from({ length: documentCount }, (_, i) => `Part ${i}`),
  });
  documents.push(...series.installments.map((part) => part.id));
});
afterAll(() => server.dispose());

/**
 * One visit: connect, wait for the document, show a caret, type one paragraph,
 * wait until it is saved, leave, and wait until the socket is closed.
 */
async function visit(documentId: string, text: string): Promise<void> {
  const client = connectClient(server.url, documentId, ann.cookie);
  let closed: Promise<unknown> = Promise.resolve();
  try {
    await untilSynced(client);
    const ws = client.provider.ws;
    if (ws) closed = new Promise((resolve) => ws.addEventListener('close', resolve));
    client.provider.awareness.setLocalStateField('cursor', { anchor: 1, head: 1 });
    appendParagraph(client.doc, text);
    await roundTrip(client);
  } finally {
    client.destroy();
    await closed;
  }
}

interface Footprint {
  heapMb: number;
  timers: number;
  sockets: number;
}

function footprint(): Footprint {
  collectGarbage();
  const resources = process.getActiveResourcesInfo();
  return {
    heapMb: Math.round((process.memoryUsage().heapUsed / 1024 / 1024) * 10) / 10,
    timers: resources.filter((r) => r === 'Timeout').length,
    sockets: resources.filter((r) => r === 'TCPSocketWrap').length,
  };
}

describe('churn', () => {
  it(`HARD-16 ${cycles} connect/edit/disconnect cycles over ${documentCount} documents leave nothing behind`, async () => {
    // Warm up (JIT, caches, better-auth), then measure the baseline.
    await Promise.all(documents.slice(0, lanes).map((id, i) => visit(id, `warm-up ${i}`)));
    await server.registry.whenIdle();
    const before = footprint();

    const started = Date.now();
    let next = 0;
    await Promise.all(
      Array.from({ length: lanes }, async () => {
        for (let n = next++; n < cycles; n = next++) {
          await visit(documents[n % documentCount]!, `cycle ${n}`);
        }
      }),
    );
    const elapsedMs = Date.now() - started;
    await server.registry.whenIdle();
    const after = footprint();
    const stats = server.stats();
    console.info(
      `churn: ${cycles} cycles in ${elapsedMs} ms; heap ${before.heapMb} → ${after.heapMb} MB, ` +
        `timers ${before.timers} → ${after.timers}, sockets ${before.sockets} → ${after.sockets}; ` +
        `registry ${JSON.stringify(stats)}`,
    );

    expect(stats).toEqual({
      documents: 0,
      loading: 0,
      unloading: 0,
      connections: 0,
      presenceEntries: 0,
      unloadTimers: 0,
      unsavedWrites: 0,
      pendingSnapshots: 0,
    });
    // Baton's own timers are in the stats (unload and snapshot timers; keepalives go with their
    // connections). The process-wide counts include Node's and the clients' short-lived timers
    // and sockets, so they are printed, not compared.
    expect(after.heapMb - before.heapMb).toBeLessThan(25);
    if (testStore === 'sqlite') {
      const wal = path.join(server.dataDir, 'baton.sqlite-wal');
      expect(existsSync(wal) ? statSync(wal).size : 0).toBe(0);
    }

    // Every edit was stored, once.
    for (const [index, id] of documents.entries()) {
      const reader = connectClient(server.url, id, ann.cookie);
      try {
        await untilSynced(reader);
        const expected = Array.from({ length: cycles }, (_, n) => n)
          .filter((n) => n % documentCount === index)
          .map((n) => `cycle ${n}`);
        const stored = paragraphs(reader.doc).filter((p) => p.startsWith('cycle '));
        expect(new Set(stored).size).toBe(stored.length);
        expect([...stored].sort()).toEqual(expected.sort());
      } finally {
        reader.destroy();
      }
    }
  }, 120_000);
});
