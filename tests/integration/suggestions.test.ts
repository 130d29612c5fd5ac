import type { PublishChecks, PublishResult, Version } from '@baton/shared/publish.ts';
import type { SeriesSummary } from '@baton/shared/api.ts';
import { readDraftContent } from '@baton/server/content/draftContent.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DOC_FRAGMENT, MessageType, READ_ONLY_REASON } from '@baton/shared/protocol.ts';
import * as authProtocol from 'y-protocols/auth';
import type * as Y from 'yjs';
import {
  appendParagraph,
  type CollabClient,
  connectClient,
  roundTrip,
  untilDoc,
  untilSynced,
} from '../support/collabClient.ts';
import { api, seedInstallment } from '../support/http.ts';
import {
  appendRuns,
  paragraphText,
  retypeParagraph,
  splitParagraph,
  suggestion,
} from '../support/suggestions.ts';
import { seedTeam, type Team } from '../support/team.ts';
import { startTestServer, type TestServer } from '../support/testServer.ts';

let server: TestServer;
let team: Team;

beforeAll(async () => {
  server = await startTestServer();
  team = await seedTeam(server.url);
});
afterAll(() => server.dispose());

async function ownerClient(installmentId: string) {
  const client = connectClient(server.url, installmentId, team.users.owner.cookie);
  await untilSynced(client);
  return client;
}

const publishChecks = (installmentId: string) =>
  api<PublishChecks>(
    server.url,
    team.users.owner,
    'GET',
    `/api/installments/${installmentId}/publish-checks`,
  );

const publish = (installmentId: string) =>
  api<PublishResult>(
    server.url,
    team.users.owner,
    'POST',
    `/api/installments/${installmentId}/publish`,
    {},
  );

describe('reading a draft with pending suggestions', () => {
  it('SUG-3 publishing, snapshots and publish checks read the draft as if every suggestion were rejected', async () => {
    const { seriesId, installmentId } = await seedInstallment(server.url, team.users.owner);
    const client = await ownerClient(installmentId);
    const bo = suggestion('s1', 'bo-id', 'Bo');
    appendRuns(
      client.doc,
      ['The harbour was '],
      ['very ', { suggestionInsert: bo, bold: {} }],
      ['quiet', { suggestionDelete: suggestion('s2', 'bo-id', 'Bo'), italic: {} }],
      [' at dawn.'],
    );
    appendRuns(client.doc, ['An entirely proposed paragraph.', { suggestionInsert: bo }]);
    await roundTrip(client);

    const content = readDraftContent(client.doc);
    expect(content.text).toBe('The harbour was quiet at dawn.');
    expect(content.wordCount).toBe(6);

    const checks = await publishChecks(installmentId);
    expect(checks.body.findings).toContainEqual({ kind: 'pendingSuggestions', count: 2 });
    expect(checks.body.blocking).toBe(false);

    const published = await publish(installmentId);
    expect(published.status).toBe(201);
    const version = await api<Version>(
      server.url,
      team.users.owner,
      'GET',
      `/api/installments/${installmentId}/versions/1`,
    );
    expect(version.body.wordCount).toBe(6);
    expect(version.body.html).toBe('<p>The harbour was <em>quiet</em> at dawn.</p>\n<p></p>\n');
    expect(version.body.markdown).toBe('The harbour was *quiet* at dawn.');
    expect(JSON.stringify(version.body.prosemirrorJson)).not.toMatch(/suggestion|very|proposed/);

    const slug = (
      await api<SeriesSummary>(server.url, team.users.owner, 'GET', `/api/series/${seriesId}`)
    ).body.slug;
    const page = await (await fetch(`${server.url}/read/${slug}/1`)).text();
    expect(page).toContain('The harbour was <em>quiet</em> at dawn.');
    expect(page).not.toMatch(/very|proposed/);

    // A new suggestion changes nothing readers would get: publishing again makes no version.
    paragraphText(client.doc, 0).insert(0, 'Oh. ', { suggestionInsert: bo });
    await roundTrip(client);
    const again = await publish(installmentId);
    expect(again.status).toBe(200);
    expect(again.body.created).toBe(false);
    client.destroy();
  });
});

/** Records the reason of every permission-denied message the client gets. */
function deniedReasons(client: CollabClient): string[] {
  const reasons: string[] = [];
  client.provider.messageHandlers[MessageType.auth] = (_encoder, decoder, provider) => {
    authProtocol.readAuthMessage(decoder, provider.doc, (_doc, reason) => reasons.push(reason));
  };
  return reasons;
}

/** The document's text, paragraphs joined by newlines, without formatting. */
const plainText = (doc: Y.Doc) =>
  doc
    .getXmlFragment(DOC_FRAGMENT)
    .toArray()
    .map((block) =>
      (block as Y.XmlElement)
        .toArray()
        .map((text) =>
          (text as Y.XmlText)
            .toDelta()
            .map((run: { insert: unknown }) => run.insert)
            .join(''),
        )
        .join(''),
    )
    .join('\n');

describe('a commenter writes suggestions only', () => {
  it('SUG-4 a commenter’s stock provider: suggestions reach the editor and the store; a plain edit is refused on that socket alone, which stays open and read-only', async () => {
    const installmentId = await team.newInstallment('Suggested');
    const editor = connectClient(server.url, installmentId, team.users.editor.cookie);
    await untilSynced(editor);
    appendParagraph(editor.doc, 'The quiet harbour.');
    await roundTrip(editor);

    const cora = team.users.commenter.id;
    const commenter = connectClient(server.url, installmentId, team.users.commenter.cookie);
    const sameCommenterElsewhere = connectClient(
      server.url,
      installmentId,
      team.users.commenter.cookie,
    );
    const rogue = connectClient(server.url, installmentId, team.users.commenter.cookie);
    const commenterDenied = deniedReasons(commenter);
    const rogueDenied = deniedReasons(rogue);
    const othersDenied = [deniedReasons(editor), deniedReasons(sameCommenterElsewhere)];
    await Promise.all([commenter, sameCommenterElsewhere, rogue].map((c) => untilSynced(c)));

    paragraphText(commenter.doc, 0).insert(4, 'very ', {
      suggestionInsert: suggestion('c1', cora, 'Cora'),
    });
    paragraphText(commenter.doc, 0).format(15, 8, {
      suggestionDelete: suggestion('c2', cora, 'Cora'),
    });
    await untilDoc(editor, 'the editor sees both suggestions', (doc) =>
      JSON.stringify(paragraphText(doc, 0).toDelta()).includes('"suggestionDelete"'),
    );
    expect(paragraphText(editor.doc, 0).toDelta()).toEqual([
      { insert: 'The ' },
      { insert: 'very ', attributes: { suggestionInsert: suggestion('c1', cora, 'Cora') } },
      { insert: 'quiet ' },
      { insert: 'harbour.', attributes: { suggestionDelete: suggestion('c2', cora, 'Cora') } },
    ]);

    // The same person, on another socket, writes plain text and a new paragraph.
    paragraphText(rogue.doc, 0).insert(0, 'Plain words. ');
    appendParagraph(rogue.doc, 'A plain paragraph.');
    await roundTrip(rogue);
    expect(rogueDenied).toEqual([READ_ONLY_REASON]);
    expect(rogue.provider.wsconnected).toBe(true);
    // Its later writes are dropped too, suggestion or not: they build on what was refused.
    paragraphText(rogue.doc, 0).insert(0, 'Late. ', {
      suggestionInsert: suggestion('c3', cora, 'Cora'),
    });
    await roundTrip(rogue);

    // Everyone else carries on: the commenter's other socket still suggests.
    paragraphText(sameCommenterElsewhere.doc, 0).insert(0, 'Marker. ', {
      suggestionInsert: suggestion('c4', cora, 'Cora'),
    });
    await untilDoc(editor, 'the editor sees the later suggestion', (doc) =>
      plainText(doc).startsWith('Marker. '),
    );
    expect(plainText(editor.doc)).not.toMatch(/Plain|Late/);
    expect([commenterDenied, ...othersDenied]).toEqual([[], [], []]);
    expect(rogue.provider.wsconnected).toBe(true);

    const fresh = connectClient(server.url, installmentId, team.users.owner.cookie);
    await untilSynced(fresh);
    expect(plainText(fresh.doc)).toBe('Marker. The very quiet harbour.');
    for (const client of [editor, commenter, sameCommenterElsewhere, rogue, fresh]) {
      client.destroy();
    }
  });
});

describe('a commenter suggests formatting', () => {
  it('SUG-6 a commenter’s stock provider: bold under their own suggestionFormat mark reaches the editor; unmarked bold is refused on that socket alone; readers get the formatting from before', async () => {
    const installment = (
      await api<{ id: string; number: number }>(
        server.url,
        team.users.owner,
        'POST',
        `/api/series/${team.seriesId}/installments`,
        { title: 'Formatted' },
      )
    ).body;
    const installmentId = installment.id;
    const editor = await ownerClient(installmentId);
    appendRuns(editor.doc, ['The '], ['quiet', { italic: {} }], [' harbour.']);
    await roundTrip(editor);

    const cora = team.users.commenter.id;
    const honest = connectClient(server.url, installmentId, team.users.commenter.cookie);
    const rogue = connectClient(server.url, installmentId, team.users.commenter.cookie);
    const honestDenied = deniedReasons(honest);
    const rogueDenied = deniedReasons(rogue);
    await Promise.all([untilSynced(honest), untilSynced(rogue)]);

    // Plain bold, no suggestion: refused, and the socket stays open.
    paragraphText(rogue.doc, 0).format(0, 3, { bold: {} });
    await roundTrip(rogue);
    expect(rogueDenied).toEqual([READ_ONLY_REASON]);
    expect(rogue.provider.wsconnected).toBe(true);

    // Bold as a suggestion that records the italic the word had.
    const format = {
      ...suggestion('f1', cora, 'Cora'),
      before: JSON.stringify([{ type: 'italic' }]),
    };
    paragraphText(honest.doc, 0).format(4, 5, { bold: {}, suggestionFormat: format });
    await untilDoc(editor, 'the editor sees the format suggestion', (doc) =>
      JSON.stringify(paragraphText(doc, 0).toDelta()).includes('"suggestionFormat"'),
    );
    expect(paragraphText(editor.doc, 0).toDelta()).toEqual([
      { insert: 'The ' },
      { insert: 'quiet', attributes: { italic: {}, bold: {}, suggestionFormat: format } },
      { insert: ' harbour.' },
    ]);
    expect(honestDenied).toEqual([]);

    const checks = await publishChecks(installmentId);
    expect(checks.body.findings).toContainEqual({ kind: 'pendingSuggestions', count: 1 });
    expect((await publish(installmentId)).status).toBe(201);
    const version = await api<Version>(
      server.url,
      team.users.owner,
      'GET',
      `/api/installments/${installmentId}/versions/1`,
    );
    expect(version.body.html).toBe('<p>The <em>quiet</em> harbour.</p>\n');
    const slug = (
      await api<SeriesSummary>(server.url, team.users.owner, 'GET', `/api/series/${team.seriesId}`)
    ).body.slug;
    const page = await (await fetch(`${server.url}/read/${slug}/${installment.number}`)).text();
    expect(page).toContain('The <em>quiet</em> harbour.');
    expect(page).not.toContain('<strong>');

    const fresh = connectClient(server.url, installmentId, team.users.owner.cookie);
    await untilSynced(fresh);
    expect(paragraphText(fresh.doc, 0).toDelta()).toEqual(paragraphText(editor.doc, 0).toDelta());
    for (const client of [editor, honest, rogue, fresh]) client.destroy();
  });
});

describe('a commenter suggests paragraph breaks and headings', () => {
  it('SUG-8 a commenter’s stock provider: a break and a heading recorded in their name reach the editor; an unrecorded break is refused on that socket alone; readers get the paragraph as it was', async () => {
    const installmentId = await team.newInstallment('Broken up');
    const editor = await ownerClient(installmentId);
    appendRuns(editor.doc, ['The relay ended where the river bends.']);
    appendRuns(editor.doc, ['Evening']);
    await roundTrip(editor);

    const cora = team.users.commenter.id;
    const honest = connectClient(server.url, installmentId, team.users.commenter.cookie);
    const rogue = connectClient(server.url, installmentId, team.users.commenter.cookie);
    const honestDenied = deniedReasons(honest);
    const rogueDenied = deniedReasons(rogue);
    await Promise.all([untilSynced(honest), untilSynced(rogue)]);

    // A break with no suggestion recorded: refused, and the socket stays open.
    splitParagraph(rogue.doc, 0, 16, {});
    await roundTrip(rogue);
    expect(rogueDenied).toEqual([READ_ONLY_REASON]);
    expect(rogue.provider.wsconnected).toBe(true);

    // The same break as Cora's suggestion, and "Evening" suggested as a heading.
    const split = { ...suggestion('b1', cora, 'Cora'), split: true };
    splitParagraph(honest.doc, 0, 16, { blockSuggestion: split });
    const heading = { ...suggestion('h1', cora, 'Cora'), before: { type: 'paragraph' } };
    retypeParagraph(honest.doc, 2, 'heading', { level: 2, blockSuggestion: heading });
    await untilDoc(editor, 'the editor sees both', (doc) => {
      const blocks = doc.getXmlFragment(DOC_FRAGMENT).toArray() as Y.XmlElement[];
      return blocks.length === 3 && blocks[2]?.nodeName === 'heading';
    });
    const blocks = editor.doc.getXmlFragment(DOC_FRAGMENT).toArray() as Y.XmlElement[];
    expect(
      blocks.map((b) => [b.nodeName, b.getAttribute('blockSuggestion'), b.toArray().join('')]),
    ).toEqual([
      ['paragraph', undefined, 'The relay ended '],
      ['paragraph', split, 'where the river bends.'],
      ['heading', heading, 'Evening'],
    ]);
    expect(honestDenied).toEqual([]);

    const checks = await publishChecks(installmentId);
    expect(checks.body.findings).toContainEqual({ kind: 'pendingSuggestions', count: 2 });
    expect((await publish(installmentId)).status).toBe(201);
    const version = await api<Version>(
      server.url,
      team.users.owner,
      'GET',
      `/api/installments/${installmentId}/versions/1`,
    );
    expect(version.body.html).toBe(
      '<p>The relay ended where the river bends.</p>\n<p>Evening</p>\n',
    );
    // Stored and served without the empty block suggestion attribute.
    expect(JSON.stringify(version.body.prosemirrorJson)).not.toContain('blockSuggestion');
    for (const client of [editor, honest, rogue]) client.destroy();
  });
});
