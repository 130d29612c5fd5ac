import { rmSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  appendParagraph,
  type CollabClient,
  connectClient,
  paragraphs,
  untilDisconnected,
  untilDoc,
  untilSynced,
} from '../support/collabClient.ts';
import { seedInstallment, signUp } from '../support/http.ts';
import { startServerProcess } from '../support/serverProcess.ts';
import { makeDataDir, startTestServer } from '../support/testServer.ts';

describe('durability', () => {
  it('DUR-1 a graceful restart keeps accounts, series and every edit', async () => {
    const dataDir = makeDataDir();
    const first = await startTestServer({ dataDir });
    const ann = await signUp(first.url, 'Ann');
    const { installmentId } = await seedInstallment(first.url, ann);
    const writer = connectClient(first.url, installmentId, ann.cookie);
    await untilSynced(writer);
    for (let i = 0; i < 50; i++) appendParagraph(writer.doc, `line ${i}`);
    const written = paragraphs(writer.doc);
    // A second client seeing everything proves the server committed it.
    const witness = connectClient(first.url, installmentId, ann.cookie);
    await untilDoc(
      witness,
      'the witness has every line',
      (doc) => paragraphs(doc).length === written.length,
    );
    writer.destroy();
    witness.destroy();
    await first.close();

    const second = await startTestServer({ dataDir });
    try {
      const fresh = connectClient(second.url, installmentId, ann.cookie);
      await untilSynced(fresh);
      expect(paragraphs(fresh.doc)).toEqual(written);
      fresh.destroy();
    } finally {
      await second.dispose();
    }
  });

  it('DUR-2 SIGKILL while clients write loses nothing that another client had received', async () => {
    const dataDir = makeDataDir();
    let server = await startServerProcess(dataDir);
    const ann = await signUp(server.url, 'Ann');
    const { installmentId } = await seedInstallment(server.url, ann);
    try {
      for (let round = 0; round < 3; round++) {
        const writers = [0, 1].map(() => connectClient(server.url, installmentId, ann.cookie));
        const reader = connectClient(server.url, installmentId, ann.cookie);
        await Promise.all([...writers, reader].map((c) => untilSynced(c)));
        const start = paragraphs(reader.doc).length;
        let n = 0;
        // Load generation, not waiting: each writer appends as fast as timers allow.
        const timers = writers.map((w, i) =>
          setInterval(() => appendParagraph(w.doc, `round ${round} writer ${i} line ${n++}`), 1),
        );
        // Kill at a different point each round, once the reader has seen that much.
        const killAfter = start + 100 + round * 137;
        await untilDoc(
          reader,
          `the reader has ${killAfter} paragraphs`,
          (doc) => paragraphs(doc).length >= killAfter,
        );
        const closed = untilDisconnected(reader, 'the reader sees the connection drop');
        await server.kill();
        await closed;
        timers.forEach(clearInterval);
        const received = paragraphs(reader.doc);
        for (const c of [...writers, reader]) c.destroy();

        server = await startServerProcess(dataDir);
        const fresh: CollabClient = connectClient(server.url, installmentId, ann.cookie);
        await untilSynced(fresh);
        const stored = paragraphs(fresh.doc);
        fresh.destroy();
        const storedSet = new Set(stored);
        expect(received.filter((p) => !storedSet.has(p))).toEqual([]);
        expect(storedSet.size).toBe(stored.length);
      }
    } finally {
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 60_000);
});
