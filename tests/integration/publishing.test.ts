import type {
  Version,
  PublishChecks,
  PublishResult,
  VersionDiff,
  VersionSummary,
} from '@baton/shared/publish.ts';
import type { InstallmentSummary, SeriesSummary } from '@baton/shared/api.ts';
import { readDraftContent } from '@baton/server/content/draftContent.ts';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  appendParagraph,
  connectClient,
  paragraphs,
  roundTrip,
  untilDoc,
  untilSynced,
} from '../support/collabClient.ts';
import { api, seedInstallment } from '../support/http.ts';
import { addMember, seedTeam, type Team } from '../support/team.ts';
import { runSql } from '../support/sql.ts';
import { startTestServer, type TestServer } from '../support/testServer.ts';
import { DOC_FRAGMENT, RESTORE_MAP, RESTORE_MARK_KEY } from '@baton/shared/protocol.ts';

let server: TestServer;
let team: Team;

const fixture = (name: string) =>
  readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8');

beforeAll(async () => {
  server = await startTestServer();
  team = await seedTeam(server.url);
});
afterAll(() => server.dispose());

async function write(installmentId: string, ...lines: string[]) {
  const client = connectClient(server.url, installmentId, team.users.owner.cookie);
  await untilSynced(client);
  for (const line of lines) appendParagraph(client.doc, line);
  await roundTrip(client);
  return client;
}

const publish = (installmentId: string, note?: string) =>
  api<PublishResult>(
    server.url,
    team.users.editor,
    'POST',
    `/api/installments/${installmentId}/publish`,
    note ? { note } : {},
  );

async function seriesSlug(seriesId: string) {
  return (await api<SeriesSummary>(server.url, team.users.owner, 'GET', `/api/series/${seriesId}`))
    .body.slug;
}

describe('publishing makes immutable versions', () => {
  it('PUB-1 unchanged content makes no new version; a change makes version 2 and version 1 stays byte for byte', async () => {
    const { seriesId, installmentId } = await seedInstallment(server.url, team.users.owner);
    await addMember(server.url, team.users.owner, seriesId, team.users.editor, 'editor');
    const client = await write(
      installmentId,
      'First light over the harbour.',
      'The cranes were still.',
    );
    const first = await publish(installmentId, 'First draft out');
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      created: true,
      version: { number: 1, note: 'First draft out' },
    });
    const again = await publish(installmentId);
    expect(again.status).toBe(200);
    expect(again.body.created).toBe(false);
    expect(again.body.version.number).toBe(1);
    expect(again.body.message).toMatch(/Nothing changed/);
    const v1Before = await api<Version>(
      server.url,
      team.users.owner,
      'GET',
      `/api/installments/${installmentId}/versions/1`,
    );

    appendParagraph(client.doc, 'By morning they moved again.');
    await roundTrip(client);
    client.destroy();
    const second = await publish(installmentId);
    expect(second.status).toBe(201);
    expect(second.body.version.number).toBe(2);
    expect(v1Before.status).toBe(200);
    const v1After = await api<Version>(
      server.url,
      team.users.owner,
      'GET',
      `/api/installments/${installmentId}/versions/1`,
    );
    expect(JSON.stringify(v1After.body)).toBe(JSON.stringify(v1Before.body));
    const list = await api<VersionSummary[]>(
      server.url,
      team.users.owner,
      'GET',
      `/api/installments/${installmentId}/versions`,
    );
    expect(list.body.map((v) => v.number)).toEqual([2, 1]);

    await expect(
      runSql(server, "UPDATE installment_version SET html = '<p>rewritten</p>' WHERE number = 1"),
    ).rejects.toThrow(/immutable/);
  });

  it('PUB-2 only owners and editors publish; empty content is refused', async () => {
    const { installmentId } = team;
    const expected = {
      owner: 422,
      editor: 422,
      commenter: 403,
      viewer: 403,
      stranger: 404,
    } as const;
    for (const who of Object.keys(expected) as Array<keyof typeof expected>) {
      const res = await api<{ error: { code: string } }>(
        server.url,
        team.users[who],
        'POST',
        `/api/installments/${installmentId}/publish`,
        {},
      );
      expect(res.status, who).toBe(expected[who]);
    }
    const checks = await api<PublishChecks>(
      server.url,
      team.users.editor,
      'GET',
      `/api/installments/${installmentId}/publish-checks`,
    );
    expect(checks.body).toMatchObject({ blocking: true, findings: [{ kind: 'emptyContent' }] });
  });
});

describe('diff and restore', () => {
  it('PUB-3 the diff marks changed, added and removed paragraphs; restoring version 1 makes the draft equal to it, live', async () => {
    const { installmentId } = team;
    const client = await write(
      installmentId,
      'The ledger came to me warm at midnight.',
      'I read the last pages twice before touching anything.',
      'The cranes stood idle all night.',
    );
    expect((await publish(installmentId)).status).toBe(201);
    const text = (client.doc.getXmlFragment(DOC_FRAGMENT).get(0) as Y.XmlElement).get(
      0,
    ) as Y.XmlText;
    text.insert(text.toString().indexOf('warm'), 'still ');
    client.doc.getXmlFragment(DOC_FRAGMENT).delete(2, 1);
    appendParagraph(client.doc, 'At four the tide turned.');
    await roundTrip(client);
    expect((await publish(installmentId)).status).toBe(201);

    const diff = await api<VersionDiff>(
      server.url,
      team.users.viewer,
      'GET',
      `/api/installments/${installmentId}/diff?from=1&to=2`,
    );
    expect(diff.body.summary).toEqual({ added: 1, removed: 1, changed: 1, moved: 0 });
    const changed = diff.body.blocks.find((b) => b.kind === 'changed');
    expect(
      changed &&
        'words' in changed &&
        changed.words.filter((w) => w.added).map((w) => w.value.trim()),
    ).toEqual(['still']);

    const v1 = await api<Version>(
      server.url,
      team.users.viewer,
      'GET',
      `/api/installments/${installmentId}/versions/1`,
    );
    expect(
      (
        await api(
          server.url,
          team.users.commenter,
          'POST',
          `/api/installments/${installmentId}/restore`,
          { version: 1 },
        )
      ).status,
    ).toBe(403);
    const restored = await api(
      server.url,
      team.users.owner,
      'POST',
      `/api/installments/${installmentId}/restore`,
      { version: 1 },
    );
    expect(restored.status).toBe(200);
    // The connected writer sees the restore live, as ordinary edits.
    await untilDoc(client, 'the writer sees the restore', (doc) =>
      paragraphs(doc).includes('The cranes stood idle all night.'),
    );
    client.destroy();
    const fresh = connectClient(server.url, installmentId, team.users.viewer.cookie);
    await untilSynced(fresh);
    expect(readDraftContent(fresh.doc).json).toEqual(v1.body.prosemirrorJson);
    fresh.destroy();
  });
});

describe('restore marks', () => {
  it('RESTORE-3 a restore through the API marks itself in the same transaction as its edits; appliedByEditor only records', async () => {
    const installmentId = await team.newInstallment('Restored');
    const owner = await write(installmentId, 'The ledger came to me warm at midnight.');
    expect((await publish(installmentId)).status).toBe(201);
    owner.destroy();
    // An editor's stock client adds a paragraph of their own after version 1.
    const writer = connectClient(server.url, installmentId, team.users.editor.cookie);
    await untilSynced(writer);
    appendParagraph(writer.doc, 'The cranes stood idle all night.');
    await roundTrip(writer);

    const restores = writer.doc.getMap(RESTORE_MAP);
    const seen = new Promise<{ mark: unknown; ownDeleted: number }>((resolve) => {
      writer.doc.on('afterTransaction', (transaction: Y.Transaction) => {
        if (transaction.local || !transaction.changed.has(restores as never)) return;
        let ownDeleted = 0;
        Y.iterateDeletedStructs(transaction, transaction.deleteSet, (struct) => {
          if (struct.id.client === writer.doc.clientID) ownDeleted += struct.length;
        });
        resolve({ mark: restores.get(RESTORE_MARK_KEY), ownDeleted });
      });
    });
    const restored = await api(
      server.url,
      team.users.owner,
      'POST',
      `/api/installments/${installmentId}/restore`,
      { version: 1 },
    );
    expect(restored.status).toBe(200);
    const { mark, ownDeleted } = await seen;
    expect(mark).toMatchObject({ version: 1, userId: team.users.owner.id, name: 'owner user' });
    expect(ownDeleted).toBeGreaterThan(0);
    expect(paragraphs(writer.doc)).toEqual(['The ledger came to me warm at midnight.']);

    // An editor that applied the version itself only asks the server to record it.
    appendParagraph(writer.doc, 'Typed after the restore.');
    await roundTrip(writer);
    const recorded = await api(
      server.url,
      team.users.editor,
      'POST',
      `/api/installments/${installmentId}/restore`,
      { version: 1, appliedByEditor: true },
    );
    expect(recorded.status).toBe(200);
    await roundTrip(writer);
    expect(paragraphs(writer.doc)).toEqual([
      'The ledger came to me warm at midnight.',
      'Typed after the restore.',
    ]);
    const refused = await api(
      server.url,
      team.users.commenter,
      'POST',
      `/api/installments/${installmentId}/restore`,
      { version: 1, appliedByEditor: true },
    );
    expect(refused.status).toBe(403);
    writer.destroy();
  });
});

describe('hostile content never reaches readers', () => {
  it('PUB-4 javascript: links (any case or spacing), heading level 99 and stray attributes are dropped; the page renders', async () => {
    const { seriesId, installmentId } = await seedInstallment(server.url, team.users.owner);
    const client = connectClient(server.url, installmentId, team.users.owner.cookie);
    await untilSynced(client);
    const fragment = client.doc.getXmlFragment(DOC_FRAGMENT);
    client.doc.transact(() => {
      const paragraph = new Y.XmlElement('paragraph');
      paragraph.setAttribute('onclick', 'alert(1)');
      paragraph.setAttribute('style', 'background:url(javascript:alert(1))');
      const text = new Y.XmlText();
      paragraph.insert(0, [text]);
      fragment.insert(0, [paragraph]);
      text.insert(0, 'plain ', {});
      text.insert(6, 'one ', { link: { href: 'javascript:alert(1)' } });
      text.insert(10, 'two ', { link: { href: 'JaVaScRiPt:alert(2)' } });
      text.insert(14, 'three ', { link: { href: '  javascript:alert(3)' } });
      text.insert(20, 'four ', { link: { href: 'java\nscript:alert(4)' } });
      text.insert(25, 'safe', { link: { href: 'https://example.com/ok' } });
      const heading = new Y.XmlElement('heading');
      heading.setAttribute('level', 99 as unknown as string);
      heading.setAttribute('onmouseover', 'alert(5)');
      heading.insert(0, [new Y.XmlText('A very loud heading')]);
      fragment.insert(1, [heading]);
      const words = new Y.XmlElement('paragraph');
      words.insert(0, [
        new Y.XmlText('Enough words to make this a real installment for the reader page.'),
      ]);
      fragment.insert(2, [words]);
    });
    await roundTrip(client);
    client.destroy();
    const res = await api<PublishResult>(
      server.url,
      team.users.owner,
      'POST',
      `/api/installments/${installmentId}/publish`,
      {},
    );
    expect(res.status).toBe(201);
    const page = await fetch(`${server.url}/read/${await seriesSlug(seriesId)}/1`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toMatch(/default-src 'none'/);
    const html = await page.text();
    const article = html.slice(html.indexOf('<article>'), html.indexOf('</article>'));
    expect(article).toContain('plain one two three four');
    expect(article).toContain('href="https://example.com/ok"');
    expect(article.toLowerCase()).not.toMatch(
      /javascript|script:|onclick|onmouseover|style=|<h99|<h100/,
    );
    expect(article).toMatch(/<h4>A very loud heading<\/h4>/);
    expect(html).not.toMatch(/<script/i);
  });
});

describe('reader pages and the feed', () => {
  it('PUB-5 a series is public only once something is published; pages, versions, changes and downloads', async () => {
    const series = await api<SeriesSummary>(server.url, team.users.owner, 'POST', '/api/series', {
      title: 'Unpublished Yet',
    });
    expect((await fetch(`${server.url}/read/${series.body.slug}`)).status).toBe(404);
    expect((await fetch(`${server.url}/read/${series.body.slug}/feed.xml`)).status).toBe(404);
    const part = await api<InstallmentSummary>(
      server.url,
      team.users.owner,
      'POST',
      `/api/series/${series.body.id}/installments`,
      {
        import: {
          format: 'markdown',
          text: '# Part One\n\nThe *first* published words, with a [link](https://example.com).\n\n- one\n- two\n\n> quoted',
        },
      },
    );
    expect(part.body.title).toBe('Part One');
    await api(server.url, team.users.owner, 'POST', `/api/installments/${part.body.id}/publish`, {
      note: 'Out now',
    });
    const client = await write(part.body.id, 'An afterword for the second version.');
    client.destroy();
    await api(server.url, team.users.owner, 'POST', `/api/installments/${part.body.id}/publish`, {
      note: 'Afterword',
    });

    const seriesPage = await (await fetch(`${server.url}/read/${series.body.slug}`)).text();
    expect(seriesPage).toContain('Part 1');
    expect(seriesPage).toContain('Part One');
    const latest = await (await fetch(`${server.url}/read/${series.body.slug}/1`)).text();
    expect(latest).toContain('An afterword for the second version.');
    expect(latest).toContain('<em>first</em>');
    expect(latest).toContain('<blockquote>');
    const v1 = await (await fetch(`${server.url}/read/${series.body.slug}/1/v/1`)).text();
    expect(v1).not.toContain('An afterword');
    expect(v1).toMatch(/newest version \(2\)/);
    const changes = await (
      await fetch(`${server.url}/read/${series.body.slug}/1/v/2/changes`)
    ).text();
    expect(changes).toMatch(/<ins>An afterword for the second version\.<\/ins>/);
    const md = await fetch(`${server.url}/read/${series.body.slug}/1/v/1.md`);
    expect(md.headers.get('content-type')).toMatch(/text\/markdown/);
    expect(await md.text()).toContain(
      'The *first* published words, with a [link](https://example.com).',
    );
    const json = (await (
      await fetch(`${server.url}/read/${series.body.slug}/1/v/2.json`)
    ).json()) as { version: number; note: string };
    expect(json).toMatchObject({ version: 2, note: 'Afterword' });
    expect((await fetch(`${server.url}/read/${series.body.slug}/1/v/9`)).status).toBe(404);
    expect((await fetch(`${server.url}/read/${series.body.slug}/2`)).status).toBe(404);
  });

  it('PUB-10 the reader 404 links back to the nearest published page: the part, the series, or the home page', async () => {
    const series = await api<SeriesSummary>(server.url, team.users.owner, 'POST', '/api/series', {
      title: 'Lost & Found',
    });
    const part = await api<InstallmentSummary>(
      server.url,
      team.users.owner,
      'POST',
      `/api/series/${series.body.id}/installments`,
      { import: { format: 'markdown', text: '# Arrivals\n\nThe train was late.' } },
    );
    await api(
      server.url,
      team.users.owner,
      'POST',
      `/api/installments/${part.body.id}/publish`,
      {},
    );
    const slug = series.body.slug;
    const notFound = async (path: string) => {
      const res = await fetch(`${server.url}${path}`);
      expect(res.status, path).toBe(404);
      expect(res.headers.get('content-type')).toMatch(/text\/html/);
      const html = await res.text();
      expect(html).toContain('Nothing is published here');
      expect(html).not.toMatch(/<script/i);
      return [...html.matchAll(/<a href="([^"]*)">([^<]*)<\/a>/g)].map((m) => [m[1], m[2]]);
    };
    const seriesLink = [`${server.url}/read/${slug}`, '← All parts of Lost &amp; Found'];
    expect(await notFound(`/read/${slug}/99`)).toEqual([seriesLink]);
    expect(await notFound(`/read/${slug}/2/v/1`)).toEqual([seriesLink]);
    expect(await notFound(`/read/${slug}/1/v/7`)).toEqual([
      [`${server.url}/read/${slug}/1`, '← Part 1: Arrivals'],
    ]);
    expect(await notFound(`/read/${slug}/1/v/1/changes`)).toEqual([
      [`${server.url}/read/${slug}/1`, '← Part 1: Arrivals'],
    ]);
    expect(await notFound(`/read/${slug}/1/nothing/here/at/all`)).toEqual([
      [`${server.url}/read/${slug}/1`, '← Part 1: Arrivals'],
    ]);
    const home = [`${server.url}/`, '← Go to the home page'];
    expect(await notFound('/read/no-such-series')).toEqual([home]);
    expect(await notFound('/read/no-such-series/1')).toEqual([home]);
    // A series with nothing published is not public: the page does not name it.
    const hidden = await api<SeriesSummary>(server.url, team.users.owner, 'POST', '/api/series', {
      title: 'Secret Drafts',
    });
    expect(await notFound(`/read/${hidden.body.slug}/1`)).toEqual([home]);
  });

  it('PUB-6 the Atom feed parses as XML with the required elements, one entry per version, newest first', async () => {
    const { seriesId } = await seedInstallment(server.url, team.users.owner);
    const slug = await seriesSlug(seriesId);
    const detail = await api<{ installments: Array<{ id: string }> }>(
      server.url,
      team.users.owner,
      'GET',
      `/api/series/${seriesId}`,
    );
    const installmentId = detail.body.installments[0]!.id;
    const client = await write(installmentId, 'Entry one & <something> to escape.');
    await api(
      server.url,
      team.users.owner,
      'POST',
      `/api/installments/${installmentId}/publish`,
      {},
    );
    appendParagraph(client.doc, 'Entry two.');
    await roundTrip(client);
    client.destroy();
    await api(
      server.url,
      team.users.owner,
      'POST',
      `/api/installments/${installmentId}/publish`,
      {},
    );
    const res = await fetch(`${server.url}/read/${slug}/feed.xml`);
    expect(res.headers.get('content-type')).toMatch(/application\/atom\+xml/);
    const xml = await res.text();
    expect(XMLValidator.validate(xml)).toBe(true);
    const feed = new XMLParser({
      ignoreAttributes: false,
      isArray: (name) => name === 'entry' || name === 'link',
    }).parse(xml).feed;
    expect(feed['@_xmlns']).toBe('http://www.w3.org/2005/Atom');
    for (const required of ['id', 'title', 'updated', 'author'])
      expect(feed[required], required).toBeDefined();
    expect(feed.entry).toHaveLength(2);
    for (const entry of feed.entry) {
      for (const required of ['id', 'title', 'updated', 'link', 'content'])
        expect(entry[required], required).toBeDefined();
    }
    expect(feed.entry[0].title).toMatch(/version 2/);
    expect(new Set(feed.entry.map((e: { id: string }) => e.id)).size).toBe(2);
  });
});

describe('publish checks', () => {
  it('PUB-7 repeated and near-repeated paragraphs are found, each pointing at both places; a clean text has none', async () => {
    const imported = await api<InstallmentSummary>(
      server.url,
      team.users.owner,
      'POST',
      `/api/series/${team.seriesId}/installments`,
      {
        import: { format: 'text', text: fixture('night-shift-repeats.txt') },
      },
    );
    expect(imported.body.title).toBe('The Night Shift Hands Over');
    const checks = await api<PublishChecks>(
      server.url,
      team.users.owner,
      'GET',
      `/api/installments/${imported.body.id}/publish-checks`,
    );
    const repeats = checks.body.findings.filter((f) => f.kind === 'repeatedParagraph');
    expect(
      repeats.map((f) => f.kind === 'repeatedParagraph' && [f.similarity, f.first, f.second]),
    ).toEqual([
      ['exact', 1, 4],
      ['near', 2, 6],
    ]);
    expect(checks.body.findings).toHaveLength(2);

    const clean = await api<InstallmentSummary>(
      server.url,
      team.users.owner,
      'POST',
      `/api/series/${team.seriesId}/installments`,
      {
        import: { format: 'text', text: fixture('night-shift-clean.txt') },
      },
    );
    const cleanChecks = await api<PublishChecks>(
      server.url,
      team.users.owner,
      'GET',
      `/api/installments/${clean.body.id}/publish-checks`,
    );
    expect(cleanChecks.body.findings).toEqual([]);
  });
});
