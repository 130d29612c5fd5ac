/**
 * ROLE-2: what every role gets on every surface. Each row states the concrete
 * outcome per role; nothing is derived from the capability table under test.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  appendParagraph,
  connectClient,
  paragraphs,
  roundTrip,
  untilSynced,
} from '../support/collabClient.ts';
import { api, type TestUser } from '../support/http.ts';
import { attemptUpgrade } from '../support/rawSocket.ts';
import { newMember, seedTeam, type Team, type Who } from '../support/team.ts';
import { startTestServer, type TestServer } from '../support/testServer.ts';

let server: TestServer;
let team: Team;
let target: TestUser;
/** An installment the owner's row deletes, and one with a published version to withdraw. */
let doomedId: string;
let publishedId: string;

beforeAll(async () => {
  server = await startTestServer();
  team = await seedTeam(server.url);
  // A member whose role the others try to change or remove.
  target = await newMember(server.url, team.users.owner, team.seriesId, 'viewer', 'Target');
  doomedId = await team.newInstallment('Doomed');
  publishedId = await team.newInstallment('Published');
  const writer = connectClient(server.url, publishedId, team.users.owner.cookie);
  await untilSynced(writer);
  appendParagraph(writer.doc, 'Something worth publishing.');
  await roundTrip(writer);
  writer.destroy();
  await api(server.url, team.users.owner, 'POST', `/api/installments/${publishedId}/publish`, {});
});
afterAll(() => server.dispose());

type Expected = Record<Who, number>;
interface Row {
  name: string;
  request: () => { method: string; path: string; body?: unknown };
  expected: Expected;
}

const rows: Row[] = [
  {
    name: 'read the series',
    request: () => ({ method: 'GET', path: `/api/series/${team.seriesId}` }),
    expected: { owner: 200, editor: 200, commenter: 200, viewer: 200, stranger: 404 },
  },
  {
    name: 'rename the series',
    request: () => ({
      method: 'PATCH',
      path: `/api/series/${team.seriesId}`,
      body: { title: 'Renamed' },
    }),
    expected: { owner: 200, editor: 403, commenter: 403, viewer: 403, stranger: 404 },
  },
  {
    // Before installments are added below: the order names every installment.
    name: 'reorder installments',
    request: () => ({
      method: 'PUT',
      path: `/api/series/${team.seriesId}/installment-order`,
      body: { installmentIds: [publishedId, doomedId, team.installmentId] },
    }),
    expected: { owner: 200, editor: 200, commenter: 403, viewer: 403, stranger: 404 },
  },
  {
    name: 'add an installment',
    request: () => ({
      method: 'POST',
      path: `/api/series/${team.seriesId}/installments`,
      body: { title: 'Another part' },
    }),
    expected: { owner: 201, editor: 201, commenter: 403, viewer: 403, stranger: 404 },
  },
  {
    name: 'read the installment',
    request: () => ({ method: 'GET', path: `/api/installments/${team.installmentId}` }),
    expected: { owner: 200, editor: 200, commenter: 200, viewer: 200, stranger: 404 },
  },
  {
    name: 'rename the installment',
    request: () => ({
      method: 'PATCH',
      path: `/api/installments/${team.installmentId}`,
      body: { title: 'New title' },
    }),
    expected: { owner: 200, editor: 200, commenter: 403, viewer: 403, stranger: 404 },
  },
  {
    name: 'withdraw a version',
    request: () => ({
      method: 'POST',
      path: `/api/installments/${publishedId}/versions/1/withdraw`,
    }),
    expected: { owner: 200, editor: 200, commenter: 403, viewer: 403, stranger: 404 },
  },
  {
    // The owner's attempt comes last and deletes it.
    name: 'delete an installment',
    request: () => ({ method: 'DELETE', path: `/api/installments/${doomedId}` }),
    expected: { owner: 204, editor: 403, commenter: 403, viewer: 403, stranger: 404 },
  },
  {
    name: 'list members',
    request: () => ({ method: 'GET', path: `/api/series/${team.seriesId}/members` }),
    expected: { owner: 200, editor: 200, commenter: 200, viewer: 200, stranger: 404 },
  },
  {
    name: 'invite by email',
    request: () => ({
      method: 'POST',
      path: `/api/series/${team.seriesId}/members`,
      body: { email: `invitee-${Math.random().toString(36).slice(2)}@example.com`, role: 'viewer' },
    }),
    expected: { owner: 201, editor: 403, commenter: 403, viewer: 403, stranger: 404 },
  },
  {
    name: "change another member's role",
    request: () => ({
      method: 'PATCH',
      path: `/api/series/${team.seriesId}/members/${target.id}`,
      body: { role: 'commenter' },
    }),
    expected: { owner: 200, editor: 403, commenter: 403, viewer: 403, stranger: 404 },
  },
  {
    name: 'create a share link',
    request: () => ({
      method: 'POST',
      path: `/api/series/${team.seriesId}/links`,
      body: { role: 'viewer' },
    }),
    expected: { owner: 201, editor: 403, commenter: 403, viewer: 403, stranger: 404 },
  },
  {
    name: 'list webhooks',
    request: () => ({ method: 'GET', path: `/api/series/${team.seriesId}/webhooks` }),
    expected: { owner: 200, editor: 403, commenter: 403, viewer: 403, stranger: 404 },
  },
  {
    name: 'add a webhook',
    request: () => ({
      method: 'POST',
      path: `/api/series/${team.seriesId}/webhooks`,
      body: { url: 'https://hooks.example.com/baton', events: ['version.published'] },
    }),
    expected: { owner: 201, editor: 403, commenter: 403, viewer: 403, stranger: 404 },
  },
  {
    name: 'delete the series',
    request: () => ({ method: 'DELETE', path: `/api/series/${team.seriesId}` }),
    // The owner's row is checked last, in its own test, since it deletes the series.
    expected: { owner: 204, editor: 403, commenter: 403, viewer: 403, stranger: 404 },
  },
];

describe('ROLE-2 REST: every role on every route', () => {
  for (const row of rows) {
    for (const who of ['stranger', 'viewer', 'commenter', 'editor', 'owner'] as Who[]) {
      if (row.name === 'delete the series' && who === 'owner') continue;
      it(`${who} → ${row.name} → ${row.expected[who]}`, async () => {
        const { method, path, body } = row.request();
        const res = await api(server.url, team.users[who], method, path, body);
        expect(res.status).toBe(row.expected[who]);
      });
    }
  }
});

describe('ROLE-3 websocket: every role on the collaboration socket', () => {
  const upgrade: Expected = { owner: 101, editor: 101, commenter: 101, viewer: 101, stranger: 403 };
  const applied: Record<Exclude<Who, 'stranger'>, boolean> = {
    owner: true,
    editor: true,
    commenter: false,
    viewer: false,
  };

  for (const who of ['owner', 'editor', 'commenter', 'viewer', 'stranger'] as Who[]) {
    it(`${who} → upgrade → ${upgrade[who]}`, async () => {
      const outcome = await attemptUpgrade(
        `${server.url.replace('http', 'ws')}/collab/${team.installmentId}`,
        {
          origin: server.url,
          cookie: team.users[who].cookie,
        },
      );
      expect(outcome.refusedWith ?? 101).toBe(upgrade[who]);
    });
  }

  for (const who of ['owner', 'editor', 'commenter', 'viewer'] as const) {
    // A commenter may write their own suggestions only (SUG-4): a plain paragraph is refused.
    it(`${who} → a plain edit is ${applied[who] ? 'applied' : 'never applied'}`, async () => {
      const writer = connectClient(server.url, team.installmentId, team.users[who].cookie);
      await untilSynced(writer);
      const line = `written by the ${who} ${Math.random()}`;
      appendParagraph(writer.doc, line);
      await roundTrip(writer);
      writer.destroy();
      const fresh = connectClient(server.url, team.installmentId, team.users.owner.cookie);
      await untilSynced(fresh);
      expect(paragraphs(fresh.doc).includes(line)).toBe(applied[who]);
      fresh.destroy();
    });
  }
});

describe('ROLE-2 REST: the owner deletes the series', () => {
  it('owner → delete the series → 204, and it is gone for everyone', async () => {
    const res = await api(server.url, team.users.owner, 'DELETE', `/api/series/${team.seriesId}`);
    expect(res.status).toBe(204);
    for (const who of ['owner', 'editor', 'viewer'] as const) {
      expect(
        (await api(server.url, team.users[who], 'GET', `/api/series/${team.seriesId}`)).status,
      ).toBe(404);
    }
  });
});
