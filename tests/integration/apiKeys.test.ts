import type { SeriesSummary } from '@baton/shared/api.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectClient, untilSynced } from '../support/collabClient.ts';
import { api, seedInstallment, signUp, type TestUser } from '../support/http.ts';
import { attemptUpgrade } from '../support/rawSocket.ts';
import { startTestServer, type TestServer } from '../support/testServer.ts';

let server: TestServer;
let ann: TestUser;
let seriesId: string;
let installmentId: string;

beforeAll(async () => {
  server = await startTestServer();
  ann = await signUp(server.url, 'Ann');
  ({ seriesId, installmentId } = await seedInstallment(server.url, ann));
});
afterAll(() => server.dispose());

async function createKey(name: string) {
  const res = await api<{ key: string; id: string }>(
    server.url,
    ann,
    'POST',
    '/api/auth/api-key/create',
    {
      name,
    },
  );
  expect(res.status).toBe(200);
  return res.body;
}

function withBearer(key: string) {
  return async (path: string, init: RequestInit = {}) =>
    fetch(`${server.url}${path}`, {
      ...init,
      headers: {
        authorization: `Bearer ${key}`,
        'content-type': 'application/json',
        ...init.headers,
      },
    });
}

describe('API keys act as their owner', () => {
  it('KEY-1 a Bearer key reads and writes through the API with its owner’s roles, many times', async () => {
    const { key } = await createKey('publishing bot');
    const call = withBearer(key);
    // More than the plugin's default per-key rate limit (10 a day).
    for (let i = 0; i < 12; i++) {
      const res = await call('/api/series');
      expect(res.status).toBe(200);
    }
    const list = (await (await call('/api/series')).json()) as SeriesSummary[];
    expect(list.map((s) => s.id)).toContain(seriesId);
    const created = await call(`/api/series/${seriesId}/installments`, {
      method: 'POST',
      body: JSON.stringify({ title: 'From a script' }),
    });
    expect(created.status).toBe(201);
  });

  it('KEY-2 a key opens the websocket with ?token= and with the Authorization header', async () => {
    const { key } = await createKey('sync bot');
    const client = connectClient(server.url, installmentId, '', { params: { token: key } });
    await untilSynced(client);
    client.destroy();
    const outcome = await attemptUpgrade(
      `${server.url.replace('http', 'ws')}/collab/${installmentId}`,
      {
        authorization: `Bearer ${key}`,
      },
    );
    expect(outcome.refusedWith).toBeUndefined();
  });

  it('KEY-3 an unknown or deleted key is 401 everywhere; keys are listed without their secret', async () => {
    const { key, id } = await createKey('short-lived');
    const listed = await api<{ apiKeys: Array<Record<string, unknown>> }>(
      server.url,
      ann,
      'GET',
      '/api/auth/api-key/list',
    );
    const entry = listed.body.apiKeys.find((k) => k.id === id);
    expect(entry).toMatchObject({ name: 'short-lived' });
    expect(JSON.stringify(listed.body)).not.toContain(key);
    expect(
      (await api(server.url, ann, 'POST', '/api/auth/api-key/delete', { keyId: id })).status,
    ).toBe(200);
    expect((await withBearer(key)('/api/series')).status).toBe(401);
    expect((await withBearer('nonsense-key')('/api/series')).status).toBe(401);
    const outcome = await attemptUpgrade(
      `${server.url.replace('http', 'ws')}/collab/${installmentId}?token=${encodeURIComponent(key)}`,
      {},
    );
    expect(outcome.refusedWith).toBe(401);
  });

  it('KEY-4 a key cannot manage the account (create more keys)', async () => {
    const { key } = await createKey('contained');
    const res = await withBearer(key)('/api/auth/api-key/create', {
      method: 'POST',
      headers: { origin: server.url },
      body: JSON.stringify({ name: 'escalated' }),
    });
    expect(res.status).toBe(401);
  });
});
