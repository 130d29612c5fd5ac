import type { InstallmentDetail, SeriesDetail, SeriesSummary } from '@baton/shared/api.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, signUp, type TestUser } from '../support/http.ts';
import { startTestServer, type TestServer, testStore } from '../support/testServer.ts';

let server: TestServer;
let ann: TestUser;
let bob: TestUser;

beforeAll(async () => {
  server = await startTestServer();
  ann = await signUp(server.url, 'Ann');
  bob = await signUp(server.url, 'Bob');
});
afterAll(() => server.dispose());

describe('JSON API', () => {
  it('API-1 GET /healthz answers ok once the store is open', async () => {
    const res = await api(server.url, null, 'GET', '/healthz');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ok: true, store: testStore, fanout: 'disabled' });
  });

  it('API-2 creates a series with a slug derived from its title, unique across series', async () => {
    const first = await api<SeriesSummary>(server.url, ann, 'POST', '/api/series', {
      title: 'Notes from the Night Shift',
    });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ slug: 'notes-from-the-night-shift', role: 'owner' });
    const second = await api<SeriesSummary>(server.url, bob, 'POST', '/api/series', {
      title: 'Notes from the Night Shift!',
    });
    expect(second.body.slug).toBe('notes-from-the-night-shift-2');
  });

  it('API-3 numbers installments 1, 2, 3 in order and renames them', async () => {
    const series = await api<SeriesSummary>(server.url, ann, 'POST', '/api/series', {
      title: 'Relay',
    });
    const numbers: number[] = [];
    for (const title of ['One', 'Two', 'Three']) {
      const res = await api<{ number: number }>(
        server.url,
        ann,
        'POST',
        `/api/series/${series.body.id}/installments`,
        { title },
      );
      expect(res.status).toBe(201);
      numbers.push(res.body.number);
    }
    expect(numbers).toEqual([1, 2, 3]);
    const detail = await api<SeriesDetail>(server.url, ann, 'GET', `/api/series/${series.body.id}`);
    expect(detail.body.installments.map((i) => i.title)).toEqual(['One', 'Two', 'Three']);
    const second = detail.body.installments[1]!;
    const renamed = await api(server.url, ann, 'PATCH', `/api/installments/${second.id}`, {
      title: 'Two, revised',
    });
    expect(renamed.status).toBe(200);
    const fetched = await api<InstallmentDetail>(
      server.url,
      ann,
      'GET',
      `/api/installments/${second.id}`,
    );
    expect(fetched.body).toMatchObject({ title: 'Two, revised', number: 2, role: 'owner' });
    expect(fetched.body.series).toMatchObject({ id: series.body.id, slug: 'relay' });
  });

  it('API-4 lets the owner edit the slug and refuses one that is taken (409 slug_taken)', async () => {
    const a = await api<SeriesSummary>(server.url, ann, 'POST', '/api/series', { title: 'Alpha' });
    await api(server.url, ann, 'POST', '/api/series', { title: 'Beta' });
    const ok = await api<SeriesSummary>(server.url, ann, 'PATCH', `/api/series/${a.body.id}`, {
      slug: 'alpha-serial',
    });
    expect(ok.body.slug).toBe('alpha-serial');
    const clash = await api<{ error: { code: string } }>(
      server.url,
      ann,
      'PATCH',
      `/api/series/${a.body.id}`,
      {
        slug: 'beta',
      },
    );
    expect(clash.status).toBe(409);
    expect(clash.body.error.code).toBe('slug_taken');
  });

  it('API-5 answers bad input with 400 naming the field', async () => {
    const empty = await api<{ error: { code: string; fields: Record<string, string> } }>(
      server.url,
      ann,
      'POST',
      '/api/series',
      { title: '   ' },
    );
    expect(empty.status).toBe(400);
    expect(empty.body.error.code).toBe('validation_failed');
    expect(Object.keys(empty.body.error.fields)).toEqual(['title']);
    const badSlug = await api<{ error: { fields: Record<string, string> } }>(
      server.url,
      ann,
      'PATCH',
      '/api/series/whatever',
      { slug: 'Not A Slug' },
    );
    expect(badSlug.status).toBe(400);
    expect(badSlug.body.error.fields).toHaveProperty('slug');
    const unknownKey = await api(server.url, ann, 'POST', '/api/series', {
      title: 'x',
      color: 'red',
    });
    expect(unknownKey.status).toBe(400);
    const notJson = await fetch(`${server.url}/api/series`, {
      method: 'POST',
      headers: { cookie: ann.cookie, 'content-type': 'text/plain' },
      body: 'title=x',
    });
    expect(notJson.status).toBe(415);
  });

  it('API-9 refuses over-long titles and notes with 400 naming the field, its length and the limit, and stores nothing cut', async () => {
    type Refusal = { error: { code: string; fields: Record<string, string> } };
    const long = (n: number) => 'A title that goes on and on '.repeat(20).slice(0, n);
    const created = await api<Refusal>(server.url, ann, 'POST', '/api/series', {
      title: long(250),
    });
    expect(created.status).toBe(400);
    expect(created.body.error.code).toBe('validation_failed');
    expect(created.body.error.fields).toEqual({
      title: 'Title is 250 characters; the limit is 200',
    });
    const series = await api<SeriesDetail>(server.url, ann, 'POST', '/api/series', {
      title: long(200),
    });
    expect(series.status).toBe(201);
    expect(series.body.title).toHaveLength(200);
    const renamed = await api<Refusal>(server.url, ann, 'PATCH', `/api/series/${series.body.id}`, {
      title: long(201),
    });
    expect(renamed.status).toBe(400);
    expect(renamed.body.error.fields.title).toBe('Title is 201 characters; the limit is 200');
    const part = await api<Refusal>(
      server.url,
      ann,
      'POST',
      `/api/series/${series.body.id}/installments`,
      { title: long(300) },
    );
    expect(part.status).toBe(400);
    expect(part.body.error.fields.title).toBe('Title is 300 characters; the limit is 200');
    const first = await api<{ id: string }>(
      server.url,
      ann,
      'POST',
      `/api/series/${series.body.id}/installments`,
      { title: 'Short' },
    );
    const partRenamed = await api<Refusal>(
      server.url,
      ann,
      'PATCH',
      `/api/installments/${first.body.id}`,
      { title: long(201) },
    );
    expect(partRenamed.status).toBe(400);
    expect(partRenamed.body.error.fields.title).toBe('Title is 201 characters; the limit is 200');
    const note = await api<Refusal>(
      server.url,
      ann,
      'POST',
      `/api/installments/${first.body.id}/publish`,
      { note: 'n'.repeat(1_001) },
    );
    expect(note.status).toBe(400);
    expect(note.body.error.fields.note).toBe('Note is 1,001 characters; the limit is 1,000');
    const detail = await api<SeriesDetail>(server.url, ann, 'GET', `/api/series/${series.body.id}`);
    expect(detail.body.title).toBe(long(200));
    expect(detail.body.installments.map((i) => i.title)).toEqual(['Short']);
  });

  it('API-8 refuses state-changing requests from an untrusted Origin (403), not reads or scripts without one', async () => {
    const post = (origin?: string) =>
      fetch(`${server.url}/api/series`, {
        method: 'POST',
        headers: {
          cookie: ann.cookie,
          'content-type': 'application/json',
          ...(origin && { origin }),
        },
        body: JSON.stringify({ title: 'Forged' }),
      });
    const forged = await post('https://evil.example');
    expect(forged.status).toBe(403);
    expect(((await forged.json()) as { error: { code: string } }).error.code).toBe('forbidden');
    expect((await post(server.url)).status).toBe(201);
    expect((await post()).status).toBe(201);
    const read = await fetch(`${server.url}/api/series`, {
      headers: { cookie: ann.cookie, origin: 'https://evil.example' },
    });
    expect(read.status).toBe(200);
  });

  it('API-6 refuses requests without a session (401)', async () => {
    const res = await api<{ error: { code: string } }>(server.url, null, 'GET', '/api/series');
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('unauthenticated');
  });

  it('API-7 hides series from non-members (404) and unknown ids are 404', async () => {
    const series = await api<SeriesSummary>(server.url, ann, 'POST', '/api/series', {
      title: 'Private',
    });
    const installment = await api<{ id: string }>(
      server.url,
      ann,
      'POST',
      `/api/series/${series.body.id}/installments`,
      { title: 'Secret' },
    );
    expect((await api(server.url, bob, 'GET', `/api/series/${series.body.id}`)).status).toBe(404);
    expect(
      (await api(server.url, bob, 'PATCH', `/api/series/${series.body.id}`, { title: 'Mine' }))
        .status,
    ).toBe(404);
    expect(
      (await api(server.url, bob, 'GET', `/api/installments/${installment.body.id}`)).status,
    ).toBe(404);
    expect(
      (
        await api(server.url, bob, 'POST', `/api/series/${series.body.id}/installments`, {
          title: 'x',
        })
      ).status,
    ).toBe(404);
    expect((await api(server.url, ann, 'GET', '/api/series/does-not-exist')).status).toBe(404);
    const bobsList = await api<SeriesSummary[]>(server.url, bob, 'GET', '/api/series');
    expect(bobsList.body.map((s) => s.id)).not.toContain(series.body.id);
  });
});
