/**
 * A forked client process: holds many simulated users and runs the runner's
 * commands (see protocol.ts). Replies carry results or an error message.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { DOC_FRAGMENT } from '@baton/shared/protocol.ts';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { editOnce } from '../essay/typist.ts';
import { Random } from '../essay/random.ts';
import { sleep } from '../procStats.ts';
import {
  type BenchClient,
  createClient,
  moveCaret,
  ownParagraph,
  untilSynced,
} from './benchClient.ts';
import { stampWord, wallClockMs } from './latencyWords.ts';
import { LoadMonitor } from './loadMonitor.ts';
import type { Commands, CommandName, Reply, Request } from './protocol.ts';
import { runSchedule } from './schedule.ts';

// Every provider adds a process 'exit' listener; thousands of them are expected here.
process.setMaxListeners(0);
// y-websocket 3.1.0's resync timer reads the global `WebSocket.OPEN`, which Node 20 lacks.
(globalThis as { WebSocket?: unknown }).WebSocket ??= WebSocket;

const clients: BenchClient[] = [];
const monitor = new LoadMonitor();
let latencies: number[] = [];
let since = Number.POSITIVE_INFINITY;

function onStamp(sentAtMs: number): void {
  if (sentAtMs >= since) latencies.push(wallClockMs() - sentAtMs);
}

function clientAt(index: number): BenchClient {
  const client = clients[index];
  if (!client) throw new Error(`no client #${index} in this process`);
  return client;
}

type Handlers = {
  [K in CommandName]: (args: Commands[K]['args']) => Promise<Commands[K]['result']>;
};

const handlers: Handlers = {
  async connect({ target, rooms, awareness, concurrency, timeoutMs, resyncMs }) {
    const syncMs = new Array<number>(rooms.length).fill(Number.NaN);
    const started = performance.now();
    let next = 0;
    const lane = async () => {
      while (next < rooms.length) {
        const i = next++;
        const t0 = performance.now();
        const client = createClient(target, rooms[i] ?? '', awareness, onStamp, resyncMs);
        clients.push(client);
        await untilSynced(client, timeoutMs);
        syncMs[i] = performance.now() - t0;
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, concurrency) }, lane));
    return { syncMs, totalMs: performance.now() - started };
  },

  async prepare({ writers }) {
    for (const index of writers) ownParagraph(clientAt(index), `Writer ${index}:`);
    return null;
  },

  async write({ writers, editsPerSecond, durationMs, caret, since: from }) {
    since = from;
    latencies = [];
    monitor.reset();
    const writing = writers.map(clientAt);
    const result = await runSchedule(writing, editsPerSecond, durationMs, (client) => {
      const text = client.text ?? ownParagraph(client, 'Writer:');
      text.insert(text.length, ` ${stampWord(wallClockMs())}`);
      if (caret) moveCaret(client, text);
    });
    const sentByRoom: Record<string, number> = {};
    writing.forEach((client, i) => {
      sentByRoom[client.room] = (sentByRoom[client.room] ?? 0) + (result.made[i] ?? 0);
    });
    return { sentByRoom, lateP95Ms: result.lateP95Ms, lateMaxMs: result.lateMaxMs };
  },

  async report() {
    const load = monitor.read();
    return { latencies: Float64Array.from(latencies), delivered: latencies.length, ...load };
  },

  async digest() {
    const byRoom: Record<string, string[]> = {};
    for (const client of clients) {
      const hash = createHash('sha1');
      hash.update(Y.encodeStateVector(client.doc));
      hash.update(client.doc.getXmlFragment(DOC_FRAGMENT).toString());
      (byRoom[client.room] ??= []).push(hash.digest('hex'));
    }
    return { byRoom, connected: clients.filter((c) => c.provider.wsconnected).length };
  },

  async probe({ target, room, times, expectStateVector, timeoutMs }) {
    const syncMs: number[] = [];
    for (let i = 0; i < times; i++) {
      const t0 = performance.now();
      const client = createClient(target, room, 'user', null);
      try {
        await untilSynced(client, timeoutMs);
        syncMs.push(performance.now() - t0);
        if (!sameBytes(Y.encodeStateVector(client.doc), expectStateVector)) {
          throw new Error(`a fresh client in ${room} synced to a different state`);
        }
      } finally {
        client.destroy();
      }
      await sleep(50);
    }
    return { syncMs };
  },

  async push({ target, room, updatePath, timeoutMs }) {
    const pusher = createClient(target, room, 'none', null);
    clients.push(pusher);
    await untilSynced(pusher, timeoutMs);
    Y.applyUpdate(pusher.doc, readFileSync(updatePath));
    const expected = Y.encodeStateVector(pusher.doc);
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const checker = createClient(target, room, 'none', null);
      try {
        await untilSynced(checker, timeoutMs);
        if (sameBytes(Y.encodeStateVector(checker.doc), expected)) return null;
      } finally {
        checker.destroy();
      }
      if (Date.now() > deadline) throw new Error(`the server never held the pushed update`);
      await sleep(300);
    }
  },

  async type({ writers, edits, editsPerSecond, seed }) {
    const typing = writers.map((index) => {
      const client = clientAt(index);
      return {
        client,
        text: client.text ?? ownParagraph(client, ''),
        random: new Random(seed + index),
      };
    });
    const durationMs = Math.ceil((edits / editsPerSecond) * 1000) + 1;
    const result = await runSchedule(
      typing,
      editsPerSecond / Math.max(1, typing.length),
      durationMs,
      (w) => editOnce(w.text, w.random),
      edits,
    );
    return { sent: result.made.reduce((a, b) => a + b, 0) };
  },

  async disconnect() {
    for (const client of clients.splice(0)) client.destroy();
    latencies = [];
    since = Number.POSITIVE_INFINITY;
    return null;
  },
};

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.byteLength === b.byteLength && a.every((v, i) => v === b[i]);
}

async function handle(request: Request): Promise<Reply> {
  const handler = handlers[request.name] as (args: unknown) => Promise<unknown>;
  try {
    return { id: request.id, ok: true, result: await handler(request.args) };
  } catch (error) {
    return {
      id: request.id,
      ok: false,
      error: error instanceof Error ? (error.stack ?? error.message) : String(error),
    };
  }
}

process.on('message', (message: Request) => {
  void handle(message).then((reply) => process.send?.(reply));
});
process.on('disconnect', () => process.exit(0));
