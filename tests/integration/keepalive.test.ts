/** Sockets that stop answering pings are closed; live ones are kept, however quiet. */
import { CloseCode } from '@baton/shared/protocol.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { seedInstallment, signUp, type TestUser } from '../support/http.ts';
import { startTestServer, type TestServer } from '../support/testServer.ts';

let server: TestServer;
let ann: TestUser;
let url: string;

beforeAll(async () => {
  server = await startTestServer({ keepaliveIntervalMs: 100 });
  ann = await signUp(server.url, 'Ann');
  const { installmentId } = await seedInstallment(server.url, ann);
  url = `${server.url.replace(/^http/, 'ws')}/collab/${installmentId}`;
});
afterAll(() => server.dispose());

function open(autoPong: boolean): Promise<{ ws: WebSocket; pings: () => number }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, {
      headers: { cookie: ann.cookie, origin: server.url },
      autoPong,
    });
    let pings = 0;
    ws.on('ping', () => pings++);
    ws.once('open', () => resolve({ ws, pings: () => pings }));
    ws.once('error', reject);
  });
}

describe('keepalive', () => {
  it('SYNC-11 a socket that stops answering pings is closed (4008); one that answers stays open', async () => {
    const healthy = await open(true);
    const silent = await open(false);
    const closed = new Promise<number>((resolve) =>
      silent.ws.once('close', (code) => resolve(code)),
    );
    // The silent socket gets one ping, does not answer, and is closed at the next round.
    expect([CloseCode.keepaliveTimeout, 1006]).toContain(await closed);
    expect(silent.pings()).toBeGreaterThanOrEqual(1);
    // The healthy socket saw the same rounds and is still open.
    expect(healthy.pings()).toBeGreaterThanOrEqual(1);
    expect(healthy.ws.readyState).toBe(WebSocket.OPEN);
    healthy.ws.close();
  });
});
