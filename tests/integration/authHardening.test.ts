/** better-auth as configured by Baton: rate limits, callback URLs, password changes. */
import { describe, expect, it } from 'vitest';
import { api, password, sessionCookie, signUp, type TestUser } from '../support/http.ts';
import { startTestServer, type TestServer } from '../support/testServer.ts';

async function post(
  server: TestServer,
  path: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<Response> {
  return fetch(`${server.url}/api/auth${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: server.url, ...headers },
    body: JSON.stringify(body),
  });
}

async function signIn(server: TestServer, user: TestUser): Promise<string> {
  const response = await post(server, '/sign-in/email', { email: user.email, password });
  expect(response.status).toBe(200);
  return sessionCookie(response);
}

describe('auth hardening', () => {
  it('HARD-11 sign-in attempts are rate limited per client address, which headers cannot change', async () => {
    const server = await startTestServer({ env: { AUTH_RATE_LIMIT: 'true' } });
    try {
      const ann = await signUp(server.url, 'Ann');
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) {
        const response = await post(
          server,
          '/sign-in/email',
          { email: ann.email, password: 'wrong password!' },
          // Without TRUST_PROXY, neither a forwarded address nor our own header is believed.
          { 'x-forwarded-for': `203.0.113.${i}`, 'x-baton-client-address': `198.51.100.${i}` },
        );
        await response.body?.cancel();
        statuses.push(response.status);
      }
      expect(statuses.slice(0, 3)).toEqual([401, 401, 401]);
      expect(statuses.slice(3)).toEqual([429, 429]);
    } finally {
      await server.dispose();
    }
  });

  it('HARD-11 behind a trusted proxy, each forwarded address has its own budget', async () => {
    const server = await startTestServer({ env: { AUTH_RATE_LIMIT: 'true', TRUST_PROXY: 'true' } });
    try {
      const ann = await signUp(server.url, 'Ann');
      const attempt = async (address: string) => {
        const response = await post(
          server,
          '/sign-in/email',
          { email: ann.email, password: 'wrong password!' },
          { 'x-forwarded-for': `10.0.0.1, ${address}` },
        );
        await response.body?.cancel();
        return response.status;
      };
      for (let i = 0; i < 3; i++) expect(await attempt('203.0.113.7')).toBe(401);
      expect(await attempt('203.0.113.7')).toBe(429);
      expect(await attempt('203.0.113.8')).toBe(401);
    } finally {
      await server.dispose();
    }
  });

  it('HARD-11 callback URLs that leave the site are refused (no open redirect)', async () => {
    const server = await startTestServer();
    try {
      const ann = await signUp(server.url, 'Ann');
      for (const callbackURL of [
        '//evil.example',
        'https://evil.example/welcome',
        '/\\evil.example',
        'javascript:alert(1)',
      ]) {
        const response = await post(server, '/sign-in/email', {
          email: ann.email,
          password,
          callbackURL,
        });
        const body = await response.text();
        expect(response.status, `${callbackURL}: ${body}`).toBe(403);
        expect(response.headers.get('location')).toBeNull();
      }
      const local = await post(server, '/sign-in/email', {
        email: ann.email,
        password,
        callbackURL: '/series',
      });
      await local.body?.cancel();
      expect(local.status).toBe(200);
    } finally {
      await server.dispose();
    }
  });

  it('HARD-11 changing the password signs out every other session, even if the client did not ask', async () => {
    const server = await startTestServer();
    try {
      const ann = await signUp(server.url, 'Ann');
      const laptop = { ...ann, cookie: await signIn(server, ann) };
      expect((await api(server.url, laptop, 'GET', '/api/series')).status).toBe(200);
      const response = await post(
        server,
        '/change-password',
        {
          currentPassword: password,
          newPassword: 'a brand new passphrase',
          revokeOtherSessions: false,
        },
        { cookie: ann.cookie },
      );
      expect(response.status).toBe(200);
      expect((await api(server.url, laptop, 'GET', '/api/series')).status).toBe(401);
      const renewed = sessionCookie(response);
      expect(
        (await api(server.url, { ...ann, cookie: renewed }, 'GET', '/api/series')).status,
      ).toBe(200);
    } finally {
      await server.dispose();
    }
  });

  it('HARD-17 an account name is one line of 1–80 characters, trimmed, at sign-up and when changed', async () => {
    const server = await startTestServer();
    try {
      const signUpAs = (name: unknown, email: string) =>
        post(server, '/sign-up/email', { name, email, password });
      for (const [name, why] of [
        ['x'.repeat(81), 'at most 80'],
        ['   ', 'Enter your name'],
        ['Ann\nAdmin', 'letters, digits'],
        [42, 'Check the name'],
      ] as const) {
        const response = await signUpAs(name, `bad-${why.length}@example.com`);
        expect(response.status, String(name)).toBe(400);
        const body = (await response.json()) as { code: string; message: string };
        expect(body.code).toBe('INVALID_NAME');
        expect(body.message).toContain(why);
      }
      const ok = await signUpAs('  Ann Writer ', 'ann-trim@example.com');
      expect(ok.status).toBe(200);
      expect(((await ok.json()) as { user: { name: string } }).user.name).toBe('Ann Writer');

      const cookie = sessionCookie(ok);
      const rename = (name: string) => post(server, '/update-user', { name }, { cookie });
      expect((await rename('y'.repeat(81))).status).toBe(400);
      expect((await rename(' Ann W. ')).status).toBe(200);
      const me = await fetch(`${server.url}/api/auth/get-session`, { headers: { cookie } });
      expect(((await me.json()) as { user: { name: string } }).user.name).toBe('Ann W.');
    } finally {
      await server.dispose();
    }
  });
});
