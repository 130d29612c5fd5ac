import { CloseCode } from '@baton/shared/protocol.ts';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  type CollabClient,
  connectClient,
  stillSyncing,
  untilSynced,
} from '../support/collabClient.ts';
import { api, seedInstallment, signUp, type TestUser } from '../support/http.ts';
import { openSocket } from '../support/rawSocket.ts';
import { startTestServer, type TestServer } from '../support/testServer.ts';

let server: TestServer;
let ann: TestUser;
let installmentId: string;
let a: CollabClient;
let b: CollabClient;

/** Seeded so a failure reproduces: mulberry32. */
function seededBytes(seed: number, length: number): Uint8Array {
  let t = seed;
  const out = new Uint8Array(length);
  for (let i = 0; i < length; i++) {
    t = (t + 0x6d2b79f5) | 0;
    let r = Math.imul(t ^ (t >>> 15), 1 | t);
    r = (r + Math.imul(r ^ (r >>> 7), 61 | r)) ^ r;
    out[i] = (r ^ (r >>> 14)) & 0xff;
  }
  return out;
}

const cases: Array<{ name: string; frame: Uint8Array | string; code: number }> = [
  // First byte 0xd7 is a message type no client may send.
  { name: 'random bytes', frame: seededBytes(7, 64), code: CloseCode.malformedMessage },
  { name: 'a truncated varint', frame: new Uint8Array([0x80]), code: CloseCode.malformedMessage },
  {
    name: 'a sync message cut short',
    frame: new Uint8Array([0, 2, 50, 1, 2]),
    code: CloseCode.malformedMessage,
  },
  { name: 'a text frame', frame: 'hello', code: CloseCode.unsupportedData },
  {
    name: 'an unknown message type',
    frame: new Uint8Array([99, 0]),
    code: CloseCode.malformedMessage,
  },
  {
    name: 'an awareness update that is not JSON',
    frame: new Uint8Array([1, 5, 1, 7, 1, 1, 0x7b]),
    code: CloseCode.malformedMessage,
  },
];

beforeAll(async () => {
  server = await startTestServer();
  ann = await signUp(server.url, 'Ann');
  ({ installmentId } = await seedInstallment(server.url, ann));
  a = connectClient(server.url, installmentId, ann.cookie);
  b = connectClient(server.url, installmentId, ann.cookie);
  await Promise.all([untilSynced(a), untilSynced(b)]);
});
afterEach(async () => {
  // After every bad frame, the good clients still sync and the server still answers.
  await stillSyncing(a, b, 'b keeps syncing', 'still alive');
  expect((await api(server.url, null, 'GET', '/healthz')).status).toBe(200);
});
afterAll(async () => {
  a.destroy();
  b.destroy();
  await server.dispose();
});

describe('SYNC-7 a malformed frame closes only its own socket', () => {
  for (const { name, frame, code } of cases) {
    it(`closes on ${name} with ${code}`, async () => {
      const bad = await openSocket(`${server.url.replace('http', 'ws')}/collab/${installmentId}`, {
        cookie: ann.cookie,
        origin: server.url,
      });
      bad.ws.send(frame, { binary: typeof frame !== 'string' });
      expect(await bad.closed).toBe(code);
    });
  }
});
