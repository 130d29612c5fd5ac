import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { password, seedInstallment, signIn, signUp, type TestUser } from '../support/http.ts';
import { CloseCode } from '@baton/shared/protocol.ts';
import { connectClient, nextClose, roundTrip, untilSynced } from '../support/collabClient.ts';
import { attemptUpgrade } from '../support/rawSocket.ts';
import { openSse } from '../support/sse.ts';
import { runSql } from '../support/sql.ts';
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

/** The installment's comments event stream, opened with a session cookie. */
const openEvents = (installmentId: string, cookie: string) =>
  openSse(`${server.url}/api/installments/${installmentId}/events`, {
    cookie,
    accept: 'text/event-stream',
  });

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

  it('AUTH-5 a session that was signed out, has expired or was tampered with cannot open a websocket', async () => {
    const { installmentId } = await seedInstallment(server.url, ann);
    const target = `${server.url.replace('http', 'ws')}/collab/${installmentId}`;
    const session = async () => {
      const cookie = await signIn(server.url, ann.email);
      return { cookie, token: decodeURIComponent(cookie.split('=')[1]!).split('.')[0]! };
    };
    const upgrade = (cookie: string) => attemptUpgrade(target, { origin: server.url, cookie });

    const signedOut = await session();
    expect((await upgrade(signedOut.cookie)).refusedWith).toBeUndefined();
    const signOut = await fetch(`${server.url}/api/auth/sign-out`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: server.url, cookie: signedOut.cookie },
      body: '{}',
    });
    expect(signOut.status).toBe(200);
    expect((await upgrade(signedOut.cookie)).refusedWith).toBe(401);

    const expired = await session();
    await runSql(server, 'UPDATE session SET "expiresAt" = ? WHERE token = ?', [
      new Date(Date.now() - 1_000).toISOString(),
      expired.token,
    ]);
    expect((await upgrade(expired.cookie)).refusedWith).toBe(401);

    const tampered = await session();
    const forged = tampered.cookie.replace(tampered.token, `${tampered.token.slice(0, -1)}x`);
    expect((await upgrade(forged)).refusedWith).toBe(401);
  });

  it("AUTH-6 signing out closes the sockets opened with that session (4001), not the account's others; a password change closes them all", async () => {
    const { installmentId } = await seedInstallment(server.url, ann);
    const laptop = await signIn(server.url, ann.email);
    const phone = await signIn(server.url, ann.email);
    const onLaptop = connectClient(server.url, installmentId, laptop);
    const onPhone = connectClient(server.url, installmentId, phone);
    const laptopEvents = await openEvents(installmentId, laptop);
    const phoneEvents = await openEvents(installmentId, phone);
    try {
      await Promise.all([untilSynced(onLaptop), untilSynced(onPhone)]);
      await Promise.all([laptopEvents, phoneEvents].map((e) => e.next((x) => x.event === 'ready')));
      const laptopClosed = nextClose(onLaptop);
      const signOut = await fetch(`${server.url}/api/auth/sign-out`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: server.url, cookie: laptop },
        body: '{}',
      });
      expect(signOut.status).toBe(200);
      expect(await laptopClosed).toBe(CloseCode.accessChanged);
      // Its event stream ends too; the phone's stays open.
      await laptopEvents.ended;
      onLaptop.destroy();
      // The phone's session is untouched: its socket still answers.
      await roundTrip(onPhone);

      const phoneClosed = nextClose(onPhone);
      const change = await fetch(`${server.url}/api/auth/change-password`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: server.url, cookie: phone },
        body: JSON.stringify({
          currentPassword: password,
          newPassword: password,
        }),
      });
      expect(change.status).toBe(200);
      expect(await phoneClosed).toBe(CloseCode.accessChanged);
      await phoneEvents.ended;
    } finally {
      onLaptop.destroy();
      onPhone.destroy();
      laptopEvents.close();
      phoneEvents.close();
    }
  });

  it('AUTH-6 revoking the other sessions closes their sockets (4001), not the socket of the session that revoked them', async () => {
    // Fresh sessions: the password change above ended the one Ann signed up with.
    const laptop = await signIn(server.url, ann.email);
    const phone = await signIn(server.url, ann.email);
    const { installmentId } = await seedInstallment(server.url, { ...ann, cookie: phone });
    const onLaptop = connectClient(server.url, installmentId, laptop);
    const onPhone = connectClient(server.url, installmentId, phone);
    const laptopEvents = await openEvents(installmentId, laptop);
    const phoneEvents = await openEvents(installmentId, phone);
    try {
      await Promise.all([untilSynced(onLaptop), untilSynced(onPhone)]);
      await Promise.all([laptopEvents, phoneEvents].map((e) => e.next((x) => x.event === 'ready')));
      const laptopClosed = nextClose(onLaptop);
      const revoke = await fetch(`${server.url}/api/auth/revoke-other-sessions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: server.url, cookie: phone },
        body: '{}',
      });
      expect(revoke.status).toBe(200);
      expect(await laptopClosed).toBe(CloseCode.accessChanged);
      await laptopEvents.ended;
      await roundTrip(onPhone);
    } finally {
      onLaptop.destroy();
      onPhone.destroy();
      laptopEvents.close();
      phoneEvents.close();
    }
  });

  it('AUTH-5 a session ended right after upgrades that confirmed it cannot open another websocket', async () => {
    // Fresh sessions: the password changes above ended the earlier ones.
    const laptop = await signIn(server.url, ann.email);
    const phone = await signIn(server.url, ann.email);
    const { installmentId } = await seedInstallment(server.url, { ...ann, cookie: phone });
    const target = `${server.url.replace('http', 'ws')}/collab/${installmentId}`;
    const upgrade = (cookie: string) => attemptUpgrade(target, { origin: server.url, cookie });
    const post = (path: string, cookie: string, body: unknown) =>
      fetch(`${server.url}/api/auth/${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: server.url, cookie },
        body: JSON.stringify(body),
      });

    // Revoked from another session: its next upgrade, just after accepted ones, is refused.
    expect((await upgrade(laptop)).refusedWith).toBeUndefined();
    expect((await upgrade(laptop)).refusedWith).toBeUndefined();
    const laptopToken = decodeURIComponent(laptop.split('=')[1]!).split('.')[0]!;
    expect((await post('revoke-session', phone, { token: laptopToken })).status).toBe(200);
    expect((await upgrade(laptop)).refusedWith).toBe(401);

    // Revoked by a password change elsewhere: the same.
    const tablet = await signIn(server.url, ann.email);
    expect((await upgrade(tablet)).refusedWith).toBeUndefined();
    const change = await post('change-password', phone, {
      currentPassword: password,
      newPassword: password,
    });
    expect(change.status).toBe(200);
    expect((await upgrade(tablet)).refusedWith).toBe(401);
  });

  it('AUTH-5 the first request a fresh server gets, an upgrade with a correctly signed but unknown session, is refused (401)', async () => {
    // Authentication loads on first need (auth/lazyAuth.ts) and creates its tables then:
    // the cookie check must not run before them. Same secret, so the signature holds.
    const env = { BETTER_AUTH_SECRET: 'shared-secret-shared-secret-shared-0123' };
    const elsewhere = await startTestServer({ env });
    const stranger = await signUp(elsewhere.url, 'Elsewhere');
    await elsewhere.dispose();
    const fresh = await startTestServer({ env });
    try {
      const target = `${fresh.url.replace('http', 'ws')}/collab/${'x'.repeat(21)}`;
      expect(await attemptUpgrade(target, { origin: fresh.url, cookie: stranger.cookie })).toEqual({
        refusedWith: 401,
        frames: 0,
      });
    } finally {
      await fresh.dispose();
    }
  });
});
