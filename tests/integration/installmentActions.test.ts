/**
 * Deleting and reordering installments, withdrawing versions, and the draft
 * state marker, through the real server: API, websocket and reader pages.
 */
import type {
  DraftState,
  InstallmentDetail,
  InstallmentSummary,
  SeriesDetail,
} from '@baton/shared/api.ts';
import type { CommentThread } from '@baton/shared/comments.ts';
import { CloseCode } from '@baton/shared/protocol.ts';
import type { PublishResult, VersionSummary } from '@baton/shared/publish.ts';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anchorOn, paragraphText } from '../support/anchors.ts';
import {
  appendParagraph,
  connectClient,
  nextClose,
  roundTrip,
  untilSynced,
} from '../support/collabClient.ts';
import { api } from '../support/http.ts';
import { attemptUpgrade } from '../support/rawSocket.ts';
import { querySql } from '../support/sql.ts';
import { openSse } from '../support/sse.ts';
import { seedTeam, type Team, type Who } from '../support/team.ts';
import { startTestServer, type TestServer } from '../support/testServer.ts';

let server: TestServer;
let team: Team;

beforeAll(async () => {
  // Rooms unload at once when their last client leaves, so the snapshot path is testable.
  server = await startTestServer({ idleUnloadMs: 0 });
  team = await seedTeam(server.url);
});
afterAll(() => server.dispose());

const as = <T>(who: Who, method: string, path: string, body?: unknown) =>
  api<T>(server.url, team.users[who], method, path, body);

/** A new series of the team (every role a member) with installments of these titles. */
const teamSeries = (...titles: string[]) =>
  team.newSeries({ title: 'Relay Notes', installments: titles });

async function write(installmentId: string, ...lines: string[]) {
  const client = connectClient(server.url, installmentId, team.users.editor.cookie);
  await untilSynced(client);
  for (const line of lines) appendParagraph(client.doc, line);
  await roundTrip(client);
  return client;
}

async function writeAndPublish(installmentId: string, line: string) {
  const client = await write(installmentId, line);
  client.destroy();
  const res = await as<PublishResult>(
    'editor',
    'POST',
    `/api/installments/${installmentId}/publish`,
    {},
  );
  expect(res.status).toBe(201);
  return res.body.version;
}

const reader = (path: string) => fetch(`${server.url}/read/${path}`);
const seriesOrder = async (seriesId: string) =>
  (await as<SeriesDetail>('viewer', 'GET', `/api/series/${seriesId}`)).body.installments.map(
    (i) => i.number,
  );

async function feedEntryIds(slug: string): Promise<string[]> {
  const xml = await (await reader(`${slug}/feed.xml`)).text();
  const feed = new XMLParser({ isArray: (name) => name === 'entry' }).parse(xml).feed as {
    entry?: Array<{ id: string }>;
  };
  return (feed.entry ?? []).map((e) => e.id);
}

describe('deleting an installment', () => {
  it('INST-1 only the owner deletes; its room, draft and threads go, readers get 410, its versions stay stored, numbers stay', async () => {
    const series = await teamSeries('Dawn', 'Noon', 'Dusk');
    const [dawn, noon, dusk] = series.installments as [
      InstallmentSummary,
      InstallmentSummary,
      InstallmentSummary,
    ];
    await writeAndPublish(dawn.id, 'The first light came late.');
    const noonVersion = await writeAndPublish(noon.id, 'At noon the baton changed hands.');
    await writeAndPublish(dusk.id, 'Dusk found it on the desk.');
    const writer = connectClient(server.url, noon.id, team.users.editor.cookie);
    await untilSynced(writer);
    const text = paragraphText(writer.doc, 0);
    const thread = await as<CommentThread>(
      'commenter',
      'POST',
      `/api/installments/${noon.id}/threads`,
      {
        anchor: anchorOn(text, 0, 6),
        quote: 'At noo',
        body: 'Which noon?',
      },
    );
    expect(thread.status).toBe(201);

    for (const [who, status] of [
      ['stranger', 404],
      ['viewer', 403],
      ['commenter', 403],
      ['editor', 403],
    ] as const) {
      expect((await as(who, 'DELETE', `/api/installments/${noon.id}`)).status, who).toBe(status);
    }
    const closed = nextClose(writer);
    expect((await as('owner', 'DELETE', `/api/installments/${noon.id}`)).status).toBe(204);
    // The editor's socket closes like an access change; its reconnect is refused.
    expect(await closed).toBe(CloseCode.accessChanged);
    writer.destroy();
    const again = await attemptUpgrade(`${server.url.replace('http', 'ws')}/collab/${noon.id}`, {
      origin: server.url,
      cookie: team.users.editor.cookie,
    });
    expect(again.refusedWith).toBe(403);

    // Members are told it was deleted; others learn nothing.
    const gone = await as<{ error: { code: string } }>(
      'viewer',
      'GET',
      `/api/installments/${noon.id}`,
    );
    expect(gone.status).toBe(410);
    expect(gone.body.error.code).toBe('gone');
    expect((await as('stranger', 'GET', `/api/installments/${noon.id}`)).status).toBe(404);
    expect((await as('editor', 'GET', `/api/installments/${noon.id}/threads`)).status).toBe(410);
    expect(await seriesOrder(series.id)).toEqual([1, 3]);

    // Readers: 410 with a way back, gone from the series page and the feed.
    const part = await reader(`${series.slug}/2`);
    expect(part.status).toBe(410);
    const page = await part.text();
    expect(page).toContain('Part 2 is no longer available');
    expect(page).toContain(`href="${server.url}/read/${series.slug}"`);
    expect((await reader(`${series.slug}/2/v/1`)).status).toBe(410);
    expect((await reader(`${series.slug}/2/v/1.md`)).status).toBe(410);
    expect((await reader(`${series.slug}/2/v/7`)).status).toBe(404);
    const seriesPage = await (await reader(series.slug)).text();
    expect(seriesPage).not.toContain('Part 2');
    expect(seriesPage).toContain('Part 3');
    // Dusk's previous part is now Dawn.
    expect(await (await reader(`${series.slug}/3`)).text()).toMatch(/← Part 1: Dawn/);
    const entries = await feedEntryIds(series.slug);
    expect(entries).toHaveLength(2);
    expect(entries).not.toContain(`urn:baton:version:${noonVersion.id}`);

    // The versions stay in the database; the draft, its snapshot and threads do not.
    const count = async (sql: string) =>
      Number((await querySql<{ n: number | string }>(server, sql, [noon.id]))[0]!.n);
    expect(
      await count('SELECT COUNT(*) AS n FROM installment_version WHERE installment_id = ?'),
    ).toBe(1);
    expect(await count('SELECT COUNT(*) AS n FROM doc_update WHERE doc_name = ?')).toBe(0);
    expect(await count('SELECT COUNT(*) AS n FROM comment_thread WHERE installment_id = ?')).toBe(
      0,
    );
    expect(
      await count('SELECT COUNT(*) AS n FROM installment_content WHERE installment_id = ?'),
    ).toBe(0);
    await server.registry.whenIdle();
    expect(await count('SELECT COUNT(*) AS n FROM doc_update WHERE doc_name = ?')).toBe(0);

    // Numbers are never reused: the next installment is Part 4.
    expect(
      (await as<SeriesDetail>('editor', 'GET', `/api/series/${series.id}`)).body
        .nextInstallmentNumber,
    ).toBe(4);
    const next = await as<InstallmentSummary>(
      'editor',
      'POST',
      `/api/series/${series.id}/installments`,
      {
        title: 'Night',
      },
    );
    expect(next.body.number).toBe(4);
    expect(await seriesOrder(series.id)).toEqual([1, 3, 4]);
  });
});

describe('reordering installments', () => {
  it('INST-2 editors set the reading order with the full list; numbers stay; the series pages follow it', async () => {
    const series = await teamSeries('One', 'Two', 'Three');
    const [one, two, three] = series.installments.map((p) => p.id) as [string, string, string];
    for (const id of [one, two, three]) await writeAndPublish(id, `The text of ${id}.`);
    const order = (who: Who, installmentIds: unknown) =>
      as<SeriesDetail & { error?: { code: string; fields?: Record<string, string> } }>(
        who,
        'PUT',
        `/api/series/${series.id}/installment-order`,
        { installmentIds },
      );

    expect((await order('commenter', [three, one, two])).status).toBe(403);
    expect((await order('stranger', [three, one, two])).status).toBe(404);
    const moved = await order('editor', [three, one, two]);
    expect(moved.status).toBe(200);
    expect(moved.body.installments.map((i) => [i.number, i.position])).toEqual([
      [3, 1],
      [1, 2],
      [2, 3],
    ]);
    expect(await seriesOrder(series.id)).toEqual([3, 1, 2]);

    // Exactly the series' installments, each once.
    const missing = await order('editor', [three, one]);
    expect(missing.status).toBe(409);
    expect(missing.body.error?.code).toBe('conflict');
    expect((await order('editor', [three, one, two, team.installmentId])).status).toBe(409);
    const repeated = await order('editor', [three, one, one]);
    expect(repeated.status).toBe(400);
    expect(repeated.body.error?.fields?.installmentIds).toMatch(/repeat/);
    expect((await order('editor', 'three')).status).toBe(400);
    expect(await seriesOrder(series.id)).toEqual([3, 1, 2]);

    // Readers: the series page lists parts in that order; previous/next follow it.
    const seriesPage = await (await reader(series.slug)).text();
    const positions = [3, 1, 2].map((n) => seriesPage.indexOf(`/read/${series.slug}/${n}"`));
    expect(positions.every((p) => p > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    const partOne = await (await reader(`${series.slug}/1`)).text();
    expect(partOne).toMatch(/class="prev"[^>]*>← Part 3: Three/);
    expect(partOne).toMatch(/class="next"[^>]*>Part 2: Two →/);

    // A deleted installment is no longer part of the order.
    await as('owner', 'DELETE', `/api/installments/${one}`);
    expect((await order('editor', [three, one, two])).status).toBe(409);
    expect((await order('editor', [two, three])).status).toBe(200);
    expect(await seriesOrder(series.id)).toEqual([2, 3]);
  });
});

describe('withdrawing a version', () => {
  it('PUB-8 a publisher withdraws version k: kept and marked for writers, 410 for readers, out of the feed, k never reused', async () => {
    const series = await teamSeries('Harbour');
    const id = series.installments[0]!.id;
    const v1 = await writeAndPublish(id, 'Version one of the harbour.');
    await writeAndPublish(id, 'Version two adds the cranes.');
    const v3 = await writeAndPublish(id, 'Version three adds the tide.');
    const events = await openSse(`${server.url}/api/installments/${id}/events`, {
      cookie: team.users.viewer.cookie,
    });
    await events.next((e) => e.event === 'ready');
    const withdraw = (who: Who, k: number | string) =>
      as<VersionSummary>(who, 'POST', `/api/installments/${id}/versions/${k}/withdraw`);

    expect((await withdraw('commenter', 3)).status).toBe(403);
    expect((await withdraw('viewer', 3)).status).toBe(403);
    expect((await withdraw('editor', 9)).status).toBe(404);
    const withdrawn = await withdraw('editor', 3);
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body.withdrawn).toMatchObject({ by: { id: team.users.editor.id } });
    const event = await events.next((e) => e.event === 'version.withdrawn');
    expect((JSON.parse(event.data) as { version: VersionSummary }).version).toMatchObject({
      number: 3,
      withdrawn: { by: { name: team.users.editor.name } },
    });
    events.close();
    // Again: nothing changes.
    const twice = await withdraw('owner', 3);
    expect(twice.status).toBe(200);
    expect(twice.body.withdrawn?.by.id).toBe(team.users.editor.id);

    // Writers still list and read it, marked.
    const list = await as<VersionSummary[]>('viewer', 'GET', `/api/installments/${id}/versions`);
    expect(list.body.map((v) => [v.number, v.withdrawn !== null])).toEqual([
      [3, true],
      [2, false],
      [1, false],
    ]);
    expect((await as('viewer', 'GET', `/api/installments/${id}/versions/3`)).status).toBe(200);

    // Readers: the part shows version 2; version 3 is gone with a way back.
    const part = await (await reader(`${series.slug}/1`)).text();
    expect(part).toContain('Version two adds the cranes.');
    expect(part).not.toContain('Version three');
    expect(part).not.toContain(`/1/v/3"`);
    const gone = await reader(`${series.slug}/1/v/3`);
    expect(gone.status).toBe(410);
    const gonePage = await gone.text();
    expect(gonePage).toContain('Version 3 of part 1 was withdrawn');
    expect(gonePage).toContain(`href="${server.url}/read/${series.slug}"`);
    expect(gonePage).toContain(`href="${server.url}/read/${series.slug}/1"`);
    for (const path of ['v/3.md', 'v/3.json', 'v/3/changes']) {
      expect((await reader(`${series.slug}/1/${path}`)).status, path).toBe(410);
    }
    const entries = await feedEntryIds(series.slug);
    expect(entries).toHaveLength(2);
    expect(entries).not.toContain(`urn:baton:version:${v3.id}`);

    // The version row is as it was, and the next version is 4.
    const rows = await querySql<{ html: string }>(
      server,
      'SELECT html FROM installment_version WHERE installment_id = ? AND number = 3',
      [id],
    );
    expect(rows[0]!.html).toContain('Version three adds the tide.');
    const v4 = await writeAndPublish(id, 'Version four, the tide again.');
    expect(v4.number).toBe(4);

    // Every version withdrawn: the part is gone, and so is the series page.
    for (const k of [4, 2, 1]) expect((await withdraw('owner', k)).status).toBe(200);
    expect((await reader(`${series.slug}/1`)).status).toBe(410);
    expect((await reader(`${series.slug}/1/v/${v1.number}`)).status).toBe(410);
    expect((await reader(series.slug)).status).toBe(404);
  });
});

describe('the draft state marker', () => {
  const state = async (installmentId: string, seriesId: string): Promise<DraftState[]> => [
    (await as<InstallmentDetail>('viewer', 'GET', `/api/installments/${installmentId}`)).body
      .draftState,
    (await as<SeriesDetail>('viewer', 'GET', `/api/series/${seriesId}`)).body.installments.find(
      (i) => i.id === installmentId,
    )!.draftState,
  ];

  it('PUB-9 never published, published, unpublished changes (text or title), against the latest version not withdrawn', async () => {
    const series = await teamSeries('Markers');
    const id = series.installments[0]!.id;
    expect(await state(id, series.id)).toEqual(['never-published', 'never-published']);

    // The live document, while it is open.
    const client = await write(id, 'A first paragraph.');
    expect(await state(id, series.id)).toEqual(['never-published', 'never-published']);
    expect((await as('editor', 'POST', `/api/installments/${id}/publish`, {})).status).toBe(201);
    expect(await state(id, series.id)).toEqual(['published', 'published']);
    appendParagraph(client.doc, 'A second paragraph.');
    await roundTrip(client);
    expect(await state(id, series.id)).toEqual(['unpublished-changes', 'unpublished-changes']);
    expect((await as('editor', 'POST', `/api/installments/${id}/publish`, {})).status).toBe(201);
    expect(await state(id, series.id)).toEqual(['published', 'published']);

    // The stored snapshot, once the document has left memory.
    client.destroy();
    await server.registry.whenIdle();
    expect(await state(id, series.id)).toEqual(['published', 'published']);
    await as('editor', 'PATCH', `/api/installments/${id}`, { title: 'Markers, renamed' });
    expect(await state(id, series.id)).toEqual(['unpublished-changes', 'unpublished-changes']);
    await as('editor', 'PATCH', `/api/installments/${id}`, { title: 'Markers' });
    expect(await state(id, series.id)).toEqual(['published', 'published']);

    // Withdrawn: the draft is compared with version 1, and publishing makes version 3.
    await as('editor', 'POST', `/api/installments/${id}/versions/2/withdraw`);
    expect(await state(id, series.id)).toEqual(['unpublished-changes', 'unpublished-changes']);
    const republished = await as<PublishResult>(
      'editor',
      'POST',
      `/api/installments/${id}/publish`,
      {},
    );
    expect(republished.status).toBe(201);
    expect(republished.body.version.number).toBe(3);
    expect(await state(id, series.id)).toEqual(['published', 'published']);
  });

  it('PUB-9 an imported installment published as it is reads as published', async () => {
    const series = await teamSeries();
    const imported = await as<InstallmentSummary>(
      'owner',
      'POST',
      `/api/series/${series.id}/installments`,
      {
        import: {
          format: 'markdown',
          text: '# Imported\n\nWith *some* [linked](https://example.com) words.\n\n- a\n- b',
        },
      },
    );
    expect(imported.body.draftState).toBe('never-published');
    expect(
      (await as('owner', 'POST', `/api/installments/${imported.body.id}/publish`, {})).status,
    ).toBe(201);
    await server.registry.whenIdle();
    expect(await state(imported.body.id, series.id)).toEqual(['published', 'published']);
  });
});
