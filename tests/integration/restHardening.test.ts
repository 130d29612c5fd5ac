/** Every HTTP response carries the security headers; bodies are bounded and JSON only. */
import { limits } from '@baton/shared/limits.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUp, type TestUser } from '../support/http.ts';
import { startTestServer, type TestServer } from '../support/testServer.ts';

let server: TestServer;
let ann: TestUser;

beforeAll(async () => {
  server = await startTestServer();
  ann = await signUp(server.url, 'Ann');
});
afterAll(() => server.dispose());

describe('REST hardening', () => {
  it.each([
    ['the app page', 'GET', '/'],
    ['a client route', 'GET', '/series/unknown'],
    ['the health check', 'GET', '/healthz'],
    ['an API answer', 'GET', '/api/series'],
    ['an API refusal without a session', 'GET', '/api/series?anonymous'],
    ['an unknown API route', 'GET', '/api/nothing-here'],
    ['an auth route', 'GET', '/api/auth/get-session'],
    ['a reader page that does not exist', 'GET', '/read/nobody/nothing'],
    ['a refused state change', 'POST', '/api/series'],
  ])('HARD-10 %s carries the security headers', async (_name, method, path) => {
    const anonymous = path.endsWith('?anonymous') || method === 'POST';
    const response = await fetch(`${server.url}${path}`, {
      method,
      headers: anonymous ? {} : { cookie: ann.cookie },
    });
    await response.body?.cancel();
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    expect(response.headers.get('content-security-policy')).toMatch(/frame-ancestors 'none'/);
    expect(response.headers.get('content-security-policy')).toMatch(/default-src/);
  });

  it('HARD-10 an oversized body is 413 and a body that is not JSON is 415', async () => {
    const headers = { cookie: ann.cookie, origin: server.url };
    const big = await fetch(`${server.url}/api/series`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'x'.repeat(limits.maxJsonBodyBytes + 1) }),
    });
    expect(big.status).toBe(413);
    const text = await fetch(`${server.url}/api/series`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'text/plain' },
      body: 'title=The Relay',
    });
    expect(text.status).toBe(415);
  });
});
