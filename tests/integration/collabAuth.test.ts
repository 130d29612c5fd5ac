import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedInstallment, signUp, type TestUser } from '../support/http.ts';
import { attemptUpgrade } from '../support/rawSocket.ts';
import { startTestServer, type TestServer } from '../support/testServer.ts';

let server: TestServer;
let ann: TestUser;
let bob: TestUser;
let url: string;

beforeAll(async () => {
  server = await startTestServer();
  ann = await signUp(server.url, 'Ann');
  bob = await signUp(server.url, 'Bob');
  const { installmentId } = await seedInstallment(server.url, ann);
  url = `${server.url.replace('http', 'ws')}/collab/${installmentId}`;
});
afterAll(() => server.dispose());

describe('websocket authorization happens during the upgrade', () => {
  it('AUTH-1 refuses an upgrade without a session (401) and sends no frame', async () => {
    const outcome = await attemptUpgrade(url, { origin: server.url });
    expect(outcome).toEqual({ refusedWith: 401, frames: 0 });
  });

  it('AUTH-2 refuses a signed-in non-member (403)', async () => {
    const outcome = await attemptUpgrade(url, { origin: server.url, cookie: bob.cookie });
    expect(outcome).toEqual({ refusedWith: 403, frames: 0 });
  });

  it('AUTH-3 refuses an untrusted Origin even with a valid session (403)', async () => {
    const outcome = await attemptUpgrade(url, {
      origin: 'https://evil.example',
      cookie: ann.cookie,
    });
    expect(outcome).toEqual({ refusedWith: 403, frames: 0 });
  });

  it('AUTH-4 refuses an unknown installment like a forbidden one (403)', async () => {
    const outcome = await attemptUpgrade(`${server.url.replace('http', 'ws')}/collab/nope`, {
      origin: server.url,
      cookie: ann.cookie,
    });
    expect(outcome.refusedWith).toBe(403);
  });

  it('AUTH-5 accepts the member with a trusted Origin', async () => {
    const outcome = await attemptUpgrade(url, { origin: server.url, cookie: ann.cookie });
    expect(outcome.refusedWith).toBeUndefined();
  });
});
