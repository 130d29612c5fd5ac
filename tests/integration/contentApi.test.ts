import type { CommentThread } from '@baton/shared/comments.ts';
import type { DraftContentResponse } from '@baton/shared/content.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anchorOn, paragraphText } from '../support/anchors.ts';
import {
  appendParagraph,
  connectClient,
  paragraphs,
  roundTrip,
  untilDoc,
  untilSynced,
} from '../support/collabClient.ts';
import { api } from '../support/http.ts';
import { seedTeam, type Team, type Who } from '../support/team.ts';
import { startTestServer, type TestServer } from '../support/testServer.ts';

let server: TestServer;
let team: Team;

beforeAll(async () => {
  server = await startTestServer();
  team = await seedTeam(server.url);
});
afterAll(() => server.dispose());

/** A fresh installment in the team's series, with these paragraphs written by a stock client. */
async function draftWith(...lines: string[]) {
  const installmentId = await team.newInstallment('Shift notes');
  const writer = connectClient(server.url, installmentId, team.users.editor.cookie);
  await untilSynced(writer);
  for (const line of lines) appendParagraph(writer.doc, line);
  await roundTrip(writer);
  return { installmentId, writer };
}

const contentPath = (id: string) => `/api/installments/${id}/content`;
const read = (id: string, format: string, who: Who = 'viewer') =>
  api<DraftContentResponse>(
    server.url,
    team.users[who],
    'GET',
    `${contentPath(id)}?format=${format}`,
  );

describe('the content API', () => {
  it('CONTENT-1 reads the draft as Markdown, JSON and text, with a hash; viewers read, strangers do not', async () => {
    const { installmentId, writer } = await draftWith(
      'The ledger came warm.',
      'The cranes stood idle.',
    );
    writer.destroy();
    const markdown = await read(installmentId, 'markdown');
    expect(markdown.status).toBe(200);
    expect(markdown.body.text).toBe('The ledger came warm.\n\nThe cranes stood idle.');
    expect(markdown.body.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(markdown.body.wordCount).toBe(8);
    const text = await read(installmentId, 'text');
    expect(text.body.text).toBe('The ledger came warm.\n\nThe cranes stood idle.');
    expect(text.body.hash).toBe(markdown.body.hash);
    const json = await read(installmentId, 'json');
    expect(JSON.parse(json.body.text)).toMatchObject({ type: 'doc', content: [{}, {}] });
    expect((await read(installmentId, 'html')).status).toBe(400);
    expect([403, 404]).toContain((await read(installmentId, 'markdown', 'stranger')).status);
  });

  it('CONTENT-2 a PUT reaches connected writers live; a writer’s concurrent edit and an anchor on unchanged text survive', async () => {
    const { installmentId, writer } = await draftWith(
      'The ledger came warm at midnight.',
      'The cranes stood idle all night.',
    );
    const thread = await api<CommentThread>(
      server.url,
      team.users.commenter,
      'POST',
      `/api/installments/${installmentId}/threads`,
      {
        anchor: anchorOn(paragraphText(writer.doc, 1), 4, 10),
        quote: 'cranes',
        body: 'Which cranes?',
      },
    );
    expect(thread.status).toBe(201);
    const base = (await read(installmentId, 'markdown')).body.hash;

    // The writer goes offline and keeps typing; meanwhile a script replaces the draft.
    writer.provider.disconnect();
    appendParagraph(writer.doc, 'Typed while the script pushed.');
    const put = await api<DraftContentResponse>(
      server.url,
      team.users.editor,
      'PUT',
      contentPath(installmentId),
      {
        format: 'markdown',
        text: 'The ledger came **still** warm at midnight.\n\nThe cranes stood idle all night.\n\nA line from the script.',
        baseHash: base,
      },
    );
    expect(put.status).toBe(200);
    const watcher = connectClient(server.url, installmentId, team.users.viewer.cookie);
    await untilSynced(watcher);
    expect(paragraphs(watcher.doc)).toEqual([
      'The ledger came <bold>still</bold> warm at midnight.',
      'The cranes stood idle all night.',
      'A line from the script.',
    ]);

    writer.provider.connect();
    await untilDoc(watcher, 'the writer’s offline paragraph arrives', (doc) =>
      paragraphs(doc).includes('Typed while the script pushed.'),
    );
    await untilDoc(writer, 'the writer has the script’s edits', (doc) =>
      paragraphs(doc).includes('A line from the script.'),
    );
    expect(paragraphs(writer.doc)).toEqual(paragraphs(watcher.doc));
    expect(paragraphs(watcher.doc)).toContain(
      'The ledger came <bold>still</bold> warm at midnight.',
    );

    const threads = await api<CommentThread[]>(
      server.url,
      team.users.viewer,
      'GET',
      `/api/installments/${installmentId}/threads`,
    );
    expect(threads.body.find((t) => t.id === thread.body.id)?.detached).toBe(false);
    writer.destroy();
    watcher.destroy();
  });

  it('CONTENT-3 a stale baseHash is a 409 with the current hash unless forced; append adds paragraphs', async () => {
    const { installmentId, writer } = await draftWith('First.');
    const stale = (await read(installmentId, 'text')).body.hash;
    appendParagraph(writer.doc, 'Second, typed after the read.');
    await roundTrip(writer);
    const put = (force?: boolean) =>
      api<DraftContentResponse & { error?: { code: string; fields?: Record<string, string> } }>(
        server.url,
        team.users.editor,
        'PUT',
        contentPath(installmentId),
        { format: 'text', text: 'Replaced.', baseHash: stale, ...(force && { force }) },
      );
    const conflict = await put();
    expect(conflict.status).toBe(409);
    const current = (await read(installmentId, 'text')).body;
    expect(conflict.body.error?.fields?.currentHash).toBe(current.hash);
    expect(current.text).toBe('First.\n\nSecond, typed after the read.');

    const forced = await put(true);
    expect(forced.status).toBe(200);
    expect(forced.body.text).toBe('Replaced.');
    await untilDoc(
      writer,
      'the writer sees the forced replace',
      (doc) => paragraphs(doc).join('|') === 'Replaced.',
    );

    const appended = await api<DraftContentResponse>(
      server.url,
      team.users.owner,
      'POST',
      `${contentPath(installmentId)}/append`,
      { format: 'markdown', text: 'Appended *once*.\n\nAnd twice.' },
    );
    expect(appended.status).toBe(200);
    await untilDoc(
      writer,
      'the writer sees the appended paragraphs',
      (doc) => paragraphs(doc).join('|') === 'Replaced.|Appended <italic>once</italic>.|And twice.',
    );
    writer.destroy();
  });

  it('CONTENT-4 roles, bad input and limits: 403 below edit, 400 on unreadable JSON, Markdown never throws, 413 past the body limit', async () => {
    const { installmentId, writer } = await draftWith('Kept.');
    writer.destroy();
    for (const who of ['viewer', 'commenter'] as const) {
      const res = await api(server.url, team.users[who], 'PUT', contentPath(installmentId), {
        format: 'text',
        text: 'Not allowed.',
      });
      expect(res.status).toBe(403);
    }
    const badJson = await api<{ error: { code: string } }>(
      server.url,
      team.users.editor,
      'PUT',
      contentPath(installmentId),
      { format: 'json', text: '{"type":"doc","content":[{"type":"nope"}]}' },
    );
    expect(badJson.status).toBe(400);
    expect(badJson.body.error.code).toBe('invalid_content');
    const odd = await api<DraftContentResponse>(
      server.url,
      team.users.editor,
      'PUT',
      contentPath(installmentId),
      { format: 'markdown', text: '<script>x</script>\n\n* [a](javascript:x)\n\n```\nunclosed' },
    );
    expect(odd.status).toBe(200);
    const unknownField = await api(
      server.url,
      team.users.editor,
      'PUT',
      contentPath(installmentId),
      {
        format: 'text',
        text: 'x',
        extra: true,
      },
    );
    expect(unknownField.status).toBe(400);
    const huge = await fetch(`${server.url}${contentPath(installmentId)}`, {
      method: 'PUT',
      headers: {
        origin: server.url,
        cookie: team.users.editor.cookie,
        'content-type': 'application/json',
      },
      body: JSON.stringify({ format: 'text', text: 'x'.repeat(9 * 1024 * 1024) }),
    });
    expect(huge.status).toBe(413);
    expect((await read(installmentId, 'text')).body.text).not.toBe('');
  });

  it('CONTENT-5 writes are rate-limited per account with Retry-After', async () => {
    const { installmentId, writer } = await draftWith('Start.');
    writer.destroy();
    let limited: Response | null = null;
    for (let i = 0; i < 200 && !limited; i++) {
      const res = await fetch(`${server.url}${contentPath(installmentId)}/append`, {
        method: 'POST',
        headers: {
          origin: server.url,
          cookie: team.users.owner.cookie,
          'content-type': 'application/json',
        },
        body: JSON.stringify({ format: 'text', text: `Line ${i}.` }),
      });
      if (res.status === 429) limited = res;
      else expect(res.status).toBe(200);
    }
    expect(limited?.headers.get('retry-after')).toMatch(/^\d+$/);
    // Reading is not limited.
    expect((await read(installmentId, 'text', 'owner')).status).toBe(200);
  });
});

describe('the API description', () => {
  it('OPENAPI-1 /api/openapi.json describes every mounted API route, with the shared zod schemas as bodies', async () => {
    const res = await fetch(`${server.url}/api/openapi.json`);
    expect(res.status).toBe(200);
    const doc = (await res.json()) as {
      openapi: string;
      paths: Record<string, Record<string, { summary?: string; requestBody?: unknown }>>;
    };
    expect(doc.openapi).toBe('3.1.0');
    const undocumented = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.entries(methods)
        .filter(([, operation]) => !operation.summary)
        .map(([method]) => `${method.toUpperCase()} ${path}`),
    );
    expect(undocumented).toEqual([]);
    const put = doc.paths['/api/installments/{id}/content']?.put;
    expect(put?.requestBody).toMatchObject({
      content: {
        'application/json': {
          schema: {
            type: 'object',
            required: ['format', 'text'],
            properties: { format: { enum: ['markdown', 'json', 'text'] } },
          },
        },
      },
    });
    expect(Object.keys(doc.paths)).toContain('/api/series/{id}/installment-order');
  });
});
