import type { CommentThread } from '@baton/shared/comments.ts';
import type { SeriesDetail } from '@baton/shared/api.ts';
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
import { api, seedInstallment } from '../support/http.ts';
import { openSse } from '../support/sse.ts';
import { seedTeam, type Team } from '../support/team.ts';
import { startTestServer, type TestServer } from '../support/testServer.ts';

let server: TestServer;
let team: Team;
let writer: CollabClient;
const sentence = 'The quick brown fox jumps over the lazy dog.';

beforeAll(async () => {
  server = await startTestServer();
  team = await seedTeam(server.url);
  writer = connectClient(server.url, team.installmentId, team.users.owner.cookie);
  await untilSynced(writer);
  appendParagraph(writer.doc, sentence);
  await roundTrip(writer);
});
afterAll(async () => {
  writer.destroy();
  await server.dispose();
});

const threadsPath = () => `/api/installments/${team.installmentId}/threads`;

async function threads(): Promise<CommentThread[]> {
  return (await api<CommentThread[]>(server.url, team.users.viewer, 'GET', threadsPath())).body;
}

async function newThread(who: keyof Team['users'] = 'commenter', from = 10, to = 19) {
  const text = paragraphText(writer.doc, 0);
  const res = await api<CommentThread>(server.url, team.users[who], 'POST', threadsPath(), {
    anchor: anchorOn(text, from, to),
    quote: text.toString().slice(from, to),
    body: 'Is this the right animal?',
  });
  return res;
}

describe('anchors follow edits and never lose a thread', () => {
  it('CMT-1 the anchored range stays on the right text through edits around and inside it', async () => {
    const created = await newThread();
    expect(created.status).toBe(201);
    const thread = created.body;
    expect(thread).toMatchObject({ quote: 'brown fox', detached: false, resolved: false });
    const text = paragraphText(writer.doc, 0);
    const check = async (expected: string) => {
      await roundTrip(writer);
      expect(resolvedText(writer.doc, thread.anchor)).toBe(expected);
      const fresh = connectClient(server.url, team.installmentId, team.users.viewer.cookie);
      await untilSynced(fresh);
      expect(resolvedText(fresh.doc, thread.anchor)).toBe(expected);
      fresh.destroy();
      expect((await threads()).find((t) => t.id === thread.id)?.detached).toBe(false);
    };
    text.insert(0, 'Yes: '); // before
    await check('brown fox');
    text.insert(text.toString().indexOf('brown') + 'brown'.length, '-red'); // inside
    await check('brown-red fox');
    text.insert(text.toString().indexOf('fox') + 'fox'.length, 'es'); // right after the end
    await check('brown-red fox');
    text.delete(text.toString().indexOf('quick'), 'quick '.length); // just before the start
    await check('brown-red fox');
    text.delete(text.toString().indexOf('jumps') - 1, 1 + 'jumps'.length - 3); // around, after the end
    await check('brown-red fox');
  });

  it('CMT-2 deleting the whole anchored range keeps the thread, detached, with its quote; it can still be answered and resolved', async () => {
    appendParagraph(writer.doc, 'A second paragraph that will be cut.');
    await roundTrip(writer);
    const text = paragraphText(writer.doc, 1);
    const created = await api<CommentThread>(
      server.url,
      team.users.commenter,
      'POST',
      threadsPath(),
      {
        anchor: anchorOn(text, 2, 8),
        quote: 'second',
        body: 'Cut this?',
      },
    );
    expect(created.status).toBe(201);
    text.delete(0, text.length);
    await roundTrip(writer);
    const after = (await threads()).find((t) => t.id === created.body.id);
    expect(after).toMatchObject({ detached: true, quote: 'second' });
    const reply = await api<CommentThread>(
      server.url,
      team.users.editor,
      'POST',
      `/api/threads/${created.body.id}/replies`,
      {
        body: 'Cut.',
      },
    );
    expect(reply.status).toBe(201);
    const resolved = await api<CommentThread>(
      server.url,
      team.users.editor,
      'PATCH',
      `/api/threads/${created.body.id}`,
      {
        resolved: true,
      },
    );
    expect(resolved.body).toMatchObject({ resolved: true, detached: true });
    expect(resolved.body.messages.map((m) => m.body)).toEqual(['Cut this?', 'Cut.']);
  });
});

describe('bad input is refused and nothing is stored', () => {
  it('CMT-3 empty or over-long bodies, foreign or garbage anchors → 400 with a clear message', async () => {
    const before = (await threads()).length;
    const text = paragraphText(writer.doc, 0);
    const good = anchorOn(text, 0, 3);
    const post = (body: unknown) =>
      api<{ error: { code: string; message: string } }>(
        server.url,
        team.users.commenter,
        'POST',
        threadsPath(),
        body,
      );

    const empty = await post({ anchor: good, quote: 'Yes', body: '   ' });
    expect(empty.status).toBe(400);
    expect(empty.body.error.message).toMatch(/body/);
    const long = await post({ anchor: good, quote: 'Yes', body: 'x'.repeat(5001) });
    expect(long.status).toBe(400);

    const garbage = await post({
      anchor: { start: 'AAAA', end: good.end },
      quote: 'Yes',
      body: 'hm',
    });
    expect(garbage.status).toBe(400);
    expect(garbage.body.error.message).toMatch(/anchor/i);

    // A valid position, but on another installment's document.
    const other = await seedInstallment(server.url, team.users.owner);
    const otherClient = connectClient(server.url, other.installmentId, team.users.owner.cookie);
    await untilSynced(otherClient);
    appendParagraph(otherClient.doc, 'Elsewhere entirely.');
    await roundTrip(otherClient);
    const foreign = anchorOn(paragraphText(otherClient.doc, 0), 0, 9);
    otherClient.destroy();
    const wrongDoc = await post({ anchor: foreign, quote: 'Elsewhere', body: 'hm' });
    expect(wrongDoc.status).toBe(400);
    expect(wrongDoc.body.error.message).toMatch(/installment/);

    const backwards = await post({
      anchor: { start: good.end, end: good.start },
      quote: 'Yes',
      body: 'hm',
    });
    expect(backwards.status).toBe(400);
    // A document the server has never seen.
    const unknownDoc = new Y.Doc();
    const strayText = new Y.XmlText('stray');
    const strayParagraph = new Y.XmlElement('paragraph');
    strayParagraph.insert(0, [strayText]);
    unknownDoc.getXmlFragment('default').insert(0, [strayParagraph]);
    const stray = anchorOn(strayText, 0, 5);
    const strayRes = await post({ anchor: stray, quote: 'x', body: 'hm' });
    expect(strayRes.status).toBe(400);
    expect((await threads()).length).toBe(before);
  });
});

describe('permissions per role', () => {
  it('CMT-4 viewers read but cannot post; commenters post; strangers see nothing', async () => {
    const text = paragraphText(writer.doc, 0);
    const body = { anchor: anchorOn(text, 0, 3), quote: 'Yes', body: 'A note' };
    const expected = {
      owner: 201,
      editor: 201,
      commenter: 201,
      viewer: 403,
      stranger: 404,
    } as const;
    for (const who of Object.keys(expected) as Array<keyof typeof expected>) {
      const res = await api(server.url, team.users[who], 'POST', threadsPath(), body);
      expect(res.status, who).toBe(expected[who]);
    }
    const reads = { owner: 200, editor: 200, commenter: 200, viewer: 200, stranger: 404 } as const;
    for (const who of Object.keys(reads) as Array<keyof typeof reads>) {
      expect((await api(server.url, team.users[who], 'GET', threadsPath())).status, who).toBe(
        reads[who],
      );
    }
  });

  it('CMT-5 resolving: the author or editors; editing and deleting: only one’s own messages (soft)', async () => {
    const { body: thread } = await newThread('commenter', 0, 3);
    const byViewer = await api(
      server.url,
      team.users.viewer,
      'PATCH',
      `/api/threads/${thread.id}`,
      { resolved: true },
    );
    expect(byViewer.status).toBe(403);
    const otherCommenter = await api(
      server.url,
      team.users.viewer,
      'POST',
      `/api/threads/${thread.id}/replies`,
      { body: 'me too' },
    );
    expect(otherCommenter.status).toBe(403);
    expect(
      (
        await api(server.url, team.users.commenter, 'PATCH', `/api/threads/${thread.id}`, {
          resolved: true,
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await api(server.url, team.users.editor, 'PATCH', `/api/threads/${thread.id}`, {
          resolved: false,
        })
      ).status,
    ).toBe(200);

    const { body: other } = await newThread('editor', 0, 3);
    const asCommenter = await api(
      server.url,
      team.users.commenter,
      'PATCH',
      `/api/threads/${other.id}`,
      { resolved: true },
    );
    expect(asCommenter.status).toBe(403);

    const messageId = thread.messages[0]!.id;
    expect(
      (
        await api(server.url, team.users.editor, 'PATCH', `/api/messages/${messageId}`, {
          body: 'hijack',
        })
      ).status,
    ).toBe(403);
    const edited = await api<CommentThread>(
      server.url,
      team.users.commenter,
      'PATCH',
      `/api/messages/${messageId}`,
      { body: 'Is it?' },
    );
    expect(edited.body.messages[0]).toMatchObject({ body: 'Is it?', deleted: false });
    expect(edited.body.messages[0]!.editedAt).not.toBeNull();
    expect(
      (await api(server.url, team.users.owner, 'DELETE', `/api/messages/${messageId}`)).status,
    ).toBe(403);
    const deleted = await api<CommentThread>(
      server.url,
      team.users.commenter,
      'DELETE',
      `/api/messages/${messageId}`,
    );
    expect(deleted.body.messages[0]).toMatchObject({ body: '', deleted: true });
    expect((await threads()).some((t) => t.id === thread.id)).toBe(true);
  });

  it('CMT-6 the installment list counts open threads', async () => {
    const detail = await api<SeriesDetail>(
      server.url,
      team.users.viewer,
      'GET',
      `/api/series/${team.seriesId}`,
    );
    const open = (await threads()).filter((t) => !t.resolved).length;
    expect(detail.body.installments.find((i) => i.id === team.installmentId)?.openThreadCount).toBe(
      open,
    );
    expect(open).toBeGreaterThan(0);
  });
});

describe('live delivery over server-sent events', () => {
  it('CMT-7 a subscriber receives a reply live, and a reconnect with Last-Event-ID gets what it missed', async () => {
    const url = `${server.url}/api/installments/${team.installmentId}/events`;
    const headers = (who: keyof Team['users']) => ({
      cookie: team.users[who].cookie,
      accept: 'text/event-stream',
    });
    const watcher = await openSse(url, headers('viewer'));
    expect(watcher.status).toBe(200);
    await watcher.next((e) => e.event === 'ready');
    const { body: thread } = await newThread('commenter', 4, 9);
    const created = await watcher.next((e) => e.event === 'thread.created');
    expect(JSON.parse(created.data).thread.id).toBe(thread.id);
    await api(server.url, team.users.editor, 'POST', `/api/threads/${thread.id}/replies`, {
      body: 'Agreed.',
    });
    const reply = await watcher.next((e) => e.event === 'message.created');
    expect(JSON.parse(reply.data).thread.messages.at(-1).body).toBe('Agreed.');
    const resumeFrom = watcher.lastEventId!;
    watcher.close();

    // While nobody listens: a reply and a resolution.
    await api(server.url, team.users.owner, 'POST', `/api/threads/${thread.id}/replies`, {
      body: 'Fixed.',
    });
    await api(server.url, team.users.owner, 'PATCH', `/api/threads/${thread.id}`, {
      resolved: true,
    });

    const resumed = await openSse(url, { ...headers('viewer'), 'last-event-id': resumeFrom });
    const missedReply = await resumed.next((e) => e.event === 'message.created');
    expect(JSON.parse(missedReply.data).thread.messages.at(-1).body).toBe('Fixed.');
    const missedResolve = await resumed.next((e) => e.event === 'thread.updated');
    expect(JSON.parse(missedResolve.data).thread.resolved).toBe(true);
    resumed.close();
    expect((await openSse(url, headers('stranger'))).status).toBe(404);
  });
});
