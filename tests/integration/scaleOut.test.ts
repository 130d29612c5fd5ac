/**
 * Two real server processes on one PostgreSQL and one Redis (SCALE-n in docs/SPEC.md).
 */
import type { CommentThread } from '@baton/shared/comments.ts';
import { CloseCode } from '@baton/shared/protocol.ts';
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anchorOn, paragraphText } from '../support/anchors.ts';
import {
  appendParagraph,
  type CollabClient,
  connectClient,
  nextClose,
  paragraphs,
  roundTrip,
  untilDoc,
  untilSynced,
} from '../support/collabClient.ts';
import { api, seedInstallment, signUp, type TestUser } from '../support/http.ts';
import { createTestDatabase } from '../support/postgres.ts';
import { startServerProcess, type ServerProcess } from '../support/serverProcess.ts';
import { servicesAvailable } from '../support/services.ts';
import { openSse } from '../support/sse.ts';
import { newMember } from '../support/team.ts';
import { makeDataDir } from '../support/testServer.ts';
import { until } from '../support/waitFor.ts';

const available = await servicesAvailable('postgres', 'redis', 'redis-server binary');
const secret = 'scale-out-test-secret-scale-out-test-secret';

interface Cluster {
  a: ServerProcess;
  b: ServerProcess;
  env: Record<string, string>;
  dataDirs: string[];
  stop(): Promise<void>;
}

async function startCluster(redisUrl = 'redis://127.0.0.1:6379'): Promise<Cluster> {
  const database = await createTestDatabase();
  const env = {
    DATABASE_URL: database.url,
    REDIS_URL: redisUrl,
    REDIS_PREFIX: `baton-test-${randomBytes(4).toString('hex')}`,
    BETTER_AUTH_SECRET: secret,
  };
  const dataDirs = [makeDataDir(), makeDataDir()];
  // Migrations run on start: let one instance create the schema first.
  const a = await startServerProcess(dataDirs[0]!, env);
  const b = await startServerProcess(dataDirs[1]!, env);
  const cluster: Cluster = {
    a,
    b,
    env,
    dataDirs,
    async stop() {
      // The instances in the cluster now: a test may have replaced one.
      await Promise.all([cluster.a.stop(), cluster.b.stop()]);
      await database.drop();
      for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true });
    },
  };
  return cluster;
}

const clients: CollabClient[] = [];
function client(url: string, installmentId: string, user: TestUser): CollabClient {
  const c = connectClient(url, installmentId, user.cookie);
  clients.push(c);
  return c;
}

describe.skipIf(!available)('scaling out: two instances, PostgreSQL and Redis', () => {
  let cluster: Cluster;
  let owner: TestUser;

  beforeAll(async () => {
    cluster = await startCluster();
    owner = await signUp(cluster.a.url, 'Owner');
  }, 60_000);
  afterAll(async () => {
    for (const c of clients.splice(0)) c.destroy();
    await cluster?.stop();
  });

  it('SCALE-1 clients on A and B converge, presence crosses over, and a comment via A reaches SSE on B', async () => {
    const { installmentId } = await seedInstallment(cluster.a.url, owner);
    const onA = client(cluster.a.url, installmentId, owner);
    const onB = client(cluster.b.url, installmentId, owner);
    await Promise.all([untilSynced(onA), untilSynced(onB)]);
    appendParagraph(onA.doc, 'written on A');
    appendParagraph(onB.doc, 'written on B');
    for (const [c, label] of [
      [onA, 'A'],
      [onB, 'B'],
    ] as const) {
      await untilDoc(c, `${label} has both`, (doc) => paragraphs(doc).length === 2);
    }
    expect(paragraphs(onA.doc)).toEqual(paragraphs(onB.doc));

    onA.provider.awareness.setLocalStateField('marker', 'from A');
    await until(
      'B sees A’s presence',
      () =>
        (
          onB.provider.awareness.getStates().get(onA.doc.clientID) as
            { marker?: string } | undefined
        )?.marker === 'from A',
      (notify) => {
        onB.provider.awareness.on('change', notify);
        return () => onB.provider.awareness.off('change', notify);
      },
    );

    const events = await openSse(`${cluster.b.url}/api/installments/${installmentId}/events`, {
      cookie: owner.cookie,
    });
    await events.next((e) => e.event === 'ready');
    await roundTrip(onA);
    const text = paragraphText(onA.doc, 0);
    const created = await api<CommentThread>(
      cluster.a.url,
      owner,
      'POST',
      `/api/installments/${installmentId}/threads`,
      {
        anchor: anchorOn(text, 0, 7),
        quote: 'written',
        body: 'Seen from B?',
      },
    );
    expect(created.status).toBe(201);
    const event = await events.next((e) => e.event === 'thread.created');
    expect(JSON.parse(event.data).thread.id).toBe(created.body.id);
    events.close();
  });

  it('SCALE-2 removing a member on A closes their socket on B', async () => {
    const { seriesId, installmentId } = await seedInstallment(cluster.a.url, owner);
    const guest = await newMember(cluster.a.url, owner, seriesId, 'editor', 'Guest');
    const onB = client(cluster.b.url, installmentId, guest);
    await untilSynced(onB);
    const closed = nextClose(onB);
    expect(
      (await api(cluster.a.url, owner, 'DELETE', `/api/series/${seriesId}/members/${guest.id}`))
        .status,
    ).toBe(204);
    expect(await closed).toBe(CloseCode.accessChanged);
  });

  it('SCALE-3 SIGKILL of A while its clients write: they move to B and nothing any client had received is lost', async () => {
    const { installmentId } = await seedInstallment(cluster.a.url, owner);
    const writers = [0, 1].map(() => client(cluster.a.url, installmentId, owner));
    const readerOnB = client(cluster.b.url, installmentId, owner);
    await Promise.all([...writers, readerOnB].map((c) => untilSynced(c)));
    let n = 0;
    const timers = writers.map((w, i) =>
      setInterval(() => appendParagraph(w.doc, `writer ${i} line ${n++}`), 2),
    );
    await untilDoc(
      readerOnB,
      'the reader on B has 150 paragraphs',
      (doc) => paragraphs(doc).length >= 150,
    );
    await cluster.a.kill();
    timers.forEach(clearInterval);
    const receivedOnB = new Set(paragraphs(readerOnB.doc));
    // The load balancer sends the writers to B: same documents, new connections.
    const moved = writers.map((w) => {
      w.provider.destroy();
      return connectClientWithDoc(cluster.b.url, installmentId, owner, w);
    });
    await Promise.all(moved.map((c) => untilSynced(c)));
    await Promise.all(moved.map((c) => roundTrip(c)));
    const fresh = client(cluster.b.url, installmentId, owner);
    await untilSynced(fresh);
    const stored = paragraphs(fresh.doc);
    expect([...receivedOnB].filter((p) => !stored.includes(p))).toEqual([]);
    // Everything the writers had locally is there too, once, after they moved.
    for (const w of writers) {
      expect(paragraphs(w.doc).filter((p) => !stored.includes(p))).toEqual([]);
    }
    expect(new Set(stored).size).toBe(stored.length);
    cluster.a = await startServerProcess(cluster.dataDirs[0]!, cluster.env);
  }, 60_000);
});

function connectClientWithDoc(
  url: string,
  installmentId: string,
  user: TestUser,
  from: CollabClient,
): CollabClient {
  const c = connectClient(url, installmentId, user.cookie, { doc: from.doc });
  clients.push(c);
  return c;
}

describe.skipIf(!available)('scaling out: lost pub/sub messages', () => {
  let redis: ChildProcess | null = null;
  let port = 0;
  let cluster: Cluster;
  let owner: TestUser;

  function startRedis(): Promise<void> {
    return new Promise((resolve, reject) => {
      redis = spawn(
        '/usr/bin/redis-server',
        ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
        {
          stdio: ['ignore', 'pipe', 'ignore'],
        },
      );
      redis.stdout?.on('data', (chunk: Buffer) => {
        if (chunk.toString().includes('Ready to accept connections')) resolve();
      });
      redis.once('exit', (code) => reject(new Error(`redis-server exited (${code})`)));
    });
  }

  async function stopRedis(): Promise<void> {
    const child = redis;
    if (!child) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
    redis = null;
  }

  beforeAll(async () => {
    port = await freePort();
    await startRedis();
    cluster = await startCluster(`redis://127.0.0.1:${port}`);
    owner = await signUp(cluster.a.url, 'Owner');
  }, 60_000);
  afterAll(async () => {
    for (const c of clients.splice(0)) c.destroy();
    await cluster?.stop();
    await stopRedis();
  });

  it('SCALE-4 updates published while Redis was down reach the other instance by resync when it returns', async () => {
    const { installmentId } = await seedInstallment(cluster.a.url, owner);
    const onA = client(cluster.a.url, installmentId, owner);
    const onB = client(cluster.b.url, installmentId, owner);
    await Promise.all([untilSynced(onA), untilSynced(onB)]);
    await stopRedis();
    // Wait until both instances report the loss, so the publish below is really dropped.
    for (const instance of [cluster.a, cluster.b]) await untilFanout(instance.url, 'disconnected');
    appendParagraph(onA.doc, 'written while Redis was down');
    await roundTrip(onA);
    expect(paragraphs(onB.doc)).not.toContain('written while Redis was down');
    await startRedis();
    await untilDoc(
      onB,
      'B catches up through the resync',
      (doc) => paragraphs(doc).includes('written while Redis was down'),
      20_000,
    );
  }, 60_000);
});

/** Polls an instance's health output until its fan-out reaches `state` (Redis state has no event to wait on from outside). */
async function untilFanout(url: string, state: string): Promise<void> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const health = (await (await fetch(`${url}/healthz`)).json()) as { fanout?: string };
    if (health.fanout === state) return;
    if (Date.now() > deadline) throw new Error(`fan-out of ${url} never became ${state}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const p = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(p));
    });
  });
}
