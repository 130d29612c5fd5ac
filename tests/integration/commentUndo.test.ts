import type { CommentThread } from '@baton/shared/comments.ts';
import { DOC_FRAGMENT } from '@baton/shared/protocol.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { anchorOn, paragraphText, resolvedText } from '../support/anchors.ts';
import {
  appendParagraph,
  type CollabClient,
  connectClient,
  roundTrip,
  untilSynced,
} from '../support/collabClient.ts';
import { api } from '../support/http.ts';
import { openSse, type SseStream } from '../support/sse.ts';
import { everyone, seedTeam, type Team } from '../support/team.ts';
import { startTestServer, type TestServer } from '../support/testServer.ts';

let server: TestServer;
let team: Team;
let writer: CollabClient;
let watcher: SseStream;
const sentence = 'The quick brown fox jumps over the lazy dog.';
const quote = 'brown fox';
const at = sentence.indexOf(quote);

beforeAll(async () => {
  server = await startTestServer();
  team = await seedTeam(server.url);
  writer = connectClient(server.url, team.installmentId, team.users.editor.cookie);
  await untilSynced(writer);
  appendParagraph(writer.doc, sentence);
  await roundTrip(writer);
  watcher = await openSse(`${server.url}/api/installments/${team.installmentId}/events`, {
    cookie: team.users.viewer.cookie,
    accept: 'text/event-stream',
  });
  await watcher.next((e) => e.event === 'ready');
});
afterAll(async () => {
  watcher.close();
  writer.destroy();
  await server.dispose();
});

const reanchor = (who: keyof Team['users'], threadId: string, anchor: unknown) =>
  api<CommentThread & { error?: { code: string; message: string } }>(
    server.url,
    team.users[who],
    'PUT',
    `/api/threads/${threadId}/anchor`,
    { anchor },
  );

async function listed(threadId: string): Promise<CommentThread | undefined> {
  const res = await api<CommentThread[]>(
    server.url,
    team.users.viewer,
    'GET',
    `/api/installments/${team.installmentId}/threads`,
  );
  return res.body.find((t) => t.id === threadId);
}

/** A commenter's thread on the quote; the writer then deletes the quoted text. */
async function threadOnDeletedText(undo: Y.UndoManager): Promise<CommentThread> {
  const text = paragraphText(writer.doc, 0);
  const created = await api<CommentThread>(
    server.url,
    team.users.commenter,
    'POST',
    `/api/installments/${team.installmentId}/threads`,
    { anchor: anchorOn(text, at, at + quote.length), quote, body: 'Which animal?' },
  );
  expect(created.status).toBe(201);
  await watcher.next((e) => e.event === 'thread.created');
  undo.stopCapturing();
  text.delete(at, quote.length);
  await roundTrip(writer);
  expect(await listed(created.body.id)).toMatchObject({ detached: true });
  return created.body;
}

describe('undo brings anchored text back as new content', () => {
  it('CMT-8 the writer who undid moves the thread onto the restored text; everyone sees it anchored, live and when reading again', async () => {
    const undo = new Y.UndoManager(writer.doc.getXmlFragment(DOC_FRAGMENT));
    const thread = await threadOnDeletedText(undo);

    // The undo, not yet on the server: the restored text is new content it does not know.
    writer.provider.disconnect();
    undo.undo();
    const text = paragraphText(writer.doc, 0);
    expect(text.toString()).toBe(sentence);
    // The old anchor reaches the restored text only here, through the undo's local bookkeeping.
    expect(resolvedText(writer.doc, thread.anchor)).toBe(quote);
    const restored = anchorOn(text, at, at + quote.length);
    expect(restored).not.toEqual(thread.anchor);
    const early = await reanchor('editor', thread.id, restored);
    expect(early.status).toBe(409);
    expect(early.body.error?.code).toBe('conflict');
    expect(await listed(thread.id)).toMatchObject({ anchor: thread.anchor, detached: true });

    writer.provider.connect();
    await untilSynced(writer);
    await roundTrip(writer);
    // Others never learn where the old content went: the old anchor stays on deleted text.
    const reader = connectClient(server.url, team.installmentId, team.users.viewer.cookie);
    await untilSynced(reader);
    expect(resolvedText(reader.doc, thread.anchor)).toBe('');
    expect(await listed(thread.id)).toMatchObject({ detached: true });

    const moved = await reanchor('editor', thread.id, restored);
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ anchor: restored, detached: false, quote });
    expect(moved.body.updatedAt > thread.updatedAt).toBe(true);
    const event = await watcher.next((e) => e.event === 'thread.reanchored');
    expect(JSON.parse(event.data).thread).toMatchObject({
      id: thread.id,
      anchor: restored,
      detached: false,
    });
    expect(await listed(thread.id)).toMatchObject({ anchor: restored, detached: false });
    expect(resolvedText(reader.doc, restored)).toBe(quote);
    reader.destroy();

    // The same anchor again (a second tab, a retry) changes nothing and tells nobody.
    const again = await reanchor('owner', thread.id, restored);
    expect(again.status).toBe(200);
    expect(again.body.updatedAt).toBe(moved.body.updatedAt);
    await api(server.url, team.users.editor, 'POST', `/api/threads/${thread.id}/replies`, {
      body: 'Back again.',
    });
    const next = await watcher.next(
      (e) => e.event.startsWith('thread.') || e.event.startsWith('message.'),
    );
    expect(next.event).toBe('message.created');

    // Redo deletes the restored text: detached again. Undo once more: moved again.
    undo.redo();
    await roundTrip(writer);
    expect(await listed(thread.id)).toMatchObject({ detached: true });
    undo.undo();
    await roundTrip(writer);
    undo.destroy();
    expect(resolvedText(writer.doc, restored)).toBe(quote);
    const twice = anchorOn(paragraphText(writer.doc, 0), at, at + quote.length);
    expect((await reanchor('editor', thread.id, twice)).body).toMatchObject({
      anchor: twice,
      detached: false,
    });
  });

  it('CMT-8 only writers move anchors; strangers see no thread; an anchor must cover text of this draft', async () => {
    const undo = new Y.UndoManager(writer.doc.getXmlFragment(DOC_FRAGMENT));
    const thread = await threadOnDeletedText(undo);
    undo.undo();
    await roundTrip(writer);
    undo.destroy();
    const text = paragraphText(writer.doc, 0);
    const restored = anchorOn(text, at, at + quote.length);

    const expected = { owner: 200, editor: 200, commenter: 403, viewer: 403, stranger: 404 };
    for (const who of everyone.filter((w) => !['owner', 'editor'].includes(w))) {
      expect((await reanchor(who, thread.id, restored)).status, who).toBe(expected[who]);
    }
    expect((await reanchor('editor', 'no-such-thread', restored)).status).toBe(404);

    const garbage = await reanchor('editor', thread.id, { start: '////', end: restored.end });
    expect(garbage.status).toBe(400);
    expect(garbage.body.error?.message).toMatch(/anchor\.start/);
    const backwards = await reanchor('editor', thread.id, {
      start: restored.end,
      end: restored.start,
    });
    expect(backwards.status).toBe(400);
    expect((await reanchor('owner', thread.id, restored)).body).toMatchObject({ detached: false });
    // Back onto the deleted text: an anchor must cover some.
    const onDeleted = await reanchor('editor', thread.id, thread.anchor);
    expect(onDeleted.status).toBe(400);
    expect(onDeleted.body.error?.message).toMatch(/cover some text/);
    expect((await reanchor('editor', thread.id, { ...restored, extra: 1 })).status).toBe(400);
  });
});
