/**
 * HARD-14: DUR-2 as a loop. Writers append uniquely named paragraphs while the
 * server (a child process on SQLite) is SIGKILLed at a seeded moment, again
 * and again, on the same DATA_DIR. After each restart:
 *
 * 1. before any old client reconnects, a fresh client must hold every
 *    paragraph any client had received from the server before the kill (the
 *    server broadcasts only committed updates), with no paragraph twice and no
 *    update waiting for a missing one;
 * 2. then the writers reconnect with the same Y.Docs, and once they have
 *    resent what the server lacked, the document holds exactly every paragraph
 *    ever written, each once.
 *
 * `BATON_SEED=7` picks the seed (kill moments, bursts), `BATON_KILLS=100` the
 * number of kills (default 20; each restart costs about a second).
 */
import { rmSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  appendParagraph,
  type CollabClient,
  connectClient,
  hasPendingUpdates,
  paragraphs,
  roundTrip,
  untilDisconnected,
  untilDoc,
  untilSynced,
} from '../support/collabClient.ts';
import { seedInstallment, signUp } from '../support/http.ts';
import { countFromEnv, mulberry32, seedToRun, withSeed } from '../support/seededRandom.ts';
import { type ServerProcess, startServerProcess } from '../support/serverProcess.ts';
import { makeDataDir } from '../support/testServer.ts';

const testFile = 'tests/integration/killLoop.test.ts';
const seed = seedToRun(1);
const kills = countFromEnv('BATON_KILLS', 20);
const writerCount = 3;

const paragraphName = (writer: number, n: number) => `w${writer} #${n}`;
const ownPrefix = (writer: number) => `w${writer} #`;

/** Paragraphs that occur more than once. */
function duplicates(list: readonly string[]): string[] {
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const p of list) (seen.has(p) ? twice : seen).add(p);
  return [...twice];
}

async function runKillLoop(): Promise<void> {
  const rng = mulberry32(seed);
  const writerRandoms = Array.from({ length: writerCount }, () => mulberry32(rng.int(2 ** 31)));
  const dataDir = makeDataDir();
  let server: ServerProcess = await startServerProcess(dataDir);
  const writerDocs = Array.from({ length: writerCount }, () => new Y.Doc());
  const written = writerDocs.map(() => 0);
  const live: CollabClient[] = [];
  const timers: NodeJS.Timeout[] = [];
  try {
    const ann = await signUp(server.url, 'Ann');
    const { installmentId } = await seedInstallment(server.url, ann);
    const connect = (doc?: Y.Doc) => {
      const client = connectClient(server.url, installmentId, ann.cookie, { doc });
      live.push(client);
      return client;
    };
    /** Ends a client's provider; a writer's Y.Doc lives on into the next round. */
    const release = (client: CollabClient, keepDoc: boolean) => {
      const index = live.indexOf(client);
      if (index !== -1) live.splice(index, 1);
      if (keepDoc) client.provider.destroy();
      else client.destroy();
    };
    let received: string[] = [];
    let lastKill = '';

    for (let round = 0; ; round++) {
      const where = `round ${round} of ${kills}${lastKill}`;
      if (round > 0) {
        // 1. The store alone, before any old client can resend anything.
        const fresh = connect();
        await untilSynced(fresh);
        const stored = paragraphs(fresh.doc);
        const storedSet = new Set(stored);
        expect(
          received.filter((p) => !storedSet.has(p)),
          `${where}: paragraphs a client had received before the kill are missing after the restart`,
        ).toEqual([]);
        expect(duplicates(stored), `${where}: paragraphs stored twice`).toEqual([]);
        expect(
          hasPendingUpdates(fresh.doc),
          `${where}: the stored state lacks an earlier update`,
        ).toBe(false);
        release(fresh, false);
      }

      // 2. Writers come back with their documents and resend what the server lacks.
      const writers = writerDocs.map((doc) => connect(doc));
      const reader = connect();
      await Promise.all([...writers, reader].map((c) => untilSynced(c)));
      // Synced writers have sent their sync step 2; these answers mean it is committed...
      await Promise.all(writers.map((w) => roundTrip(w)));
      // ...and this one comes after every broadcast of it to the reader.
      await roundTrip(reader);
      const everything = written.flatMap((count, w) =>
        Array.from({ length: count }, (_, n) => paragraphName(w, n)),
      );
      const held = paragraphs(reader.doc);
      const heldSet = new Set(held);
      const writtenSet = new Set(everything);
      expect(
        {
          lost: everything.filter((p) => !heldSet.has(p)),
          unknown: held.filter((p) => !writtenSet.has(p)),
          twice: duplicates(held),
        },
        `${where}: after the writers resynced, the document holds each paragraph ever written once`,
      ).toEqual({ lost: [], unknown: [], twice: [] });
      if (round === kills) {
        for (const c of [...writers, reader]) release(c, writers.includes(c));
        break;
      }

      // 3. Write until the reader has seen a seeded number of updates, then SIGKILL.
      const killAfter = rng.chance(0.25) ? rng.between(1, 10) : rng.between(10, 300);
      let observed = 0;
      const countUpdate = () => observed++;
      reader.doc.on('update', countUpdate);
      writers.forEach((writer, w) => {
        const random = writerRandoms[w]!;
        const append = () => appendParagraph(writer.doc, paragraphName(w, written[w]!++));
        timers.push(
          setInterval(() => {
            // A burst: separate updates, or several paragraphs in one update.
            const burst = random.between(1, 3);
            if (random.chance(0.3))
              writer.doc.transact(() => Array.from({ length: burst }, append));
            else for (let i = 0; i < burst; i++) append();
          }, 1),
        );
      });
      await untilDoc(
        reader,
        `the reader has seen ${killAfter} updates (${where})`,
        () => observed >= killAfter,
      );
      lastKill = `, after a SIGKILL once the reader had seen ${observed} updates`;
      const dropped = Promise.all([...writers, reader].map((c) => untilDisconnected(c)));
      await server.kill();
      await dropped;
      for (const timer of timers.splice(0)) clearInterval(timer);
      reader.doc.off('update', countUpdate);

      // Everything any client got from the server: the reader's document, and
      // what each writer holds from the others.
      received = [
        ...new Set([
          ...paragraphs(reader.doc),
          ...writers.flatMap((writer, w) =>
            paragraphs(writer.doc).filter((p) => !p.startsWith(ownPrefix(w))),
          ),
        ]),
      ];
      for (const c of [...writers, reader]) release(c, writers.includes(c));

      server = await startServerProcess(dataDir);
    }
  } finally {
    for (const timer of timers) clearInterval(timer);
    for (const c of live.splice(0)) c.destroy();
    for (const doc of writerDocs) doc.destroy();
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

describe('durability under repeated SIGKILL', () => {
  it(
    'HARD-14 SIGKILL loop: after each restart a fresh client holds every update any client had received, nothing duplicated',
    () => withSeed(seed, testFile, runKillLoop, `BATON_KILLS=${kills}`),
    30_000 + kills * 5_000,
  );
});
