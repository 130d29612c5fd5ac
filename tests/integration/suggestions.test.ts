import type { PublishChecks, PublishResult, Version } from '@baton/shared/publish.ts';
import type { SeriesSummary } from '@baton/shared/api.ts';
import { readDraftContent } from '@baton/server/content/draftContent.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectClient, roundTrip, untilSynced } from '../support/collabClient.ts';
import { api, seedInstallment } from '../support/http.ts';
import { appendRuns, paragraphText, suggestion } from '../support/suggestions.ts';
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
