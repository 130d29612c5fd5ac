import type { InviteResult, MembersResponse, ShareLink } from '@baton/shared/members.ts';
import type { SeriesSummary } from '@baton/shared/api.ts';
import { CloseCode } from '@baton/shared/protocol.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  appendParagraph,
  connectClient,
  nextClose,
  paragraphs,
  roundTrip,
  untilSynced,
} from '../support/collabClient.ts';
import { api, seedInstallment, signUp, type TestUser } from '../support/http.ts';
import { runSql } from '../support/sql.ts';
import { attemptUpgrade } from '../support/rawSocket.ts';
import { addInstallment, newMember } from '../support/team.ts';
import { startTestServer, type TestServer } from '../support/testServer.ts';

let server: TestServer;
let owner: TestUser;

beforeAll(async () => {
  server = await startTestServer();
  owner = await signUp(server.url, 'Owner');
});
afterAll(() => server.dispose());

async function newSeries() {
  return seedInstallment(server.url, owner);
}

describe('membership', () => {
  it('MEM-1 inviting an existing account makes it a member at once', async () => {
    const { seriesId } = await newSeries();
    const bob = await signUp(server.url, 'Bob');
    const res = await api<InviteResult>(
      server.url,
      owner,
      'POST',
      `/api/series/${seriesId}/members`,
      {
        email: bob.email.toUpperCase(),
        role: 'editor',
      },
    );
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ kind: 'member', member: { userId: bob.id, role: 'editor' } });
    const list = await api<SeriesSummary[]>(server.url, bob, 'GET', '/api/series');
    expect(list.body.map((s) => [s.id, s.role])).toContainEqual([seriesId, 'editor']);
    const again = await api<{ error: { code: string } }>(
      server.url,
      owner,
      'POST',
      `/api/series/${seriesId}/members`,
      { email: bob.email, role: 'viewer' },
    );
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('already_member');
  });

  it('MEM-2 an invitation for an unknown email waits and applies at sign-up; a withdrawn one does not', async () => {
    const { seriesId } = await newSeries();
    const email = `later-${Date.now()}@example.com`;
    const res = await api<InviteResult>(
      server.url,
      owner,
      'POST',
      `/api/series/${seriesId}/members`,
      {
        email,
        role: 'commenter',
      },
    );
    expect(res.body.kind).toBe('invitation');
    const withdrawnEmail = `withdrawn-${Date.now()}@example.com`;
    const withdrawn = await api<InviteResult>(
      server.url,
      owner,
      'POST',
      `/api/series/${seriesId}/members`,
      {
        email: withdrawnEmail,
        role: 'viewer',
      },
    );
    const members = await api<MembersResponse>(
      server.url,
      owner,
      'GET',
      `/api/series/${seriesId}/members`,
    );
    expect(members.body.invitations.map((i) => i.email).sort()).toEqual(
      [email, withdrawnEmail].sort(),
    );
    if (withdrawn.body.kind !== 'invitation') throw new Error('expected an invitation');
    const del = await api(
      server.url,
      owner,
      'DELETE',
      `/api/series/${seriesId}/invitations/${withdrawn.body.invitation.id}`,
    );
    expect(del.status).toBe(204);

    const joined = await signUpAs(email);
    const list = await api<SeriesSummary[]>(server.url, joined, 'GET', '/api/series');
    expect(list.body.map((s) => [s.id, s.role])).toEqual([[seriesId, 'commenter']]);
    const notJoined = await signUpAs(withdrawnEmail);
    expect((await api<SeriesSummary[]>(server.url, notJoined, 'GET', '/api/series')).body).toEqual(
      [],
    );
  });

  it('MEM-3 the last owner cannot be demoted, removed or leave; with a second owner they can', async () => {
    const { seriesId } = await newSeries();
    const demote = await api<{ error: { code: string } }>(
      server.url,
      owner,
      'PATCH',
      `/api/series/${seriesId}/members/${owner.id}`,
      { role: 'editor' },
    );
    expect(demote.status).toBe(409);
    expect(demote.body.error.code).toBe('last_owner');
    expect(
      (await api(server.url, owner, 'DELETE', `/api/series/${seriesId}/members/${owner.id}`))
        .status,
    ).toBe(409);
    await newMember(server.url, owner, seriesId, 'owner', 'Co-owner');
    expect(
      (await api(server.url, owner, 'DELETE', `/api/series/${seriesId}/members/${owner.id}`))
        .status,
    ).toBe(204);
    expect((await api(server.url, owner, 'GET', `/api/series/${seriesId}`)).status).toBe(404);
  });

  it('MEM-4 a member can leave; bad input names the field', async () => {
    const { seriesId } = await newSeries();
    const viewer = await newMember(server.url, owner, seriesId, 'viewer', 'Viewer');
    expect(
      (await api(server.url, viewer, 'DELETE', `/api/series/${seriesId}/members/${viewer.id}`))
        .status,
    ).toBe(204);
    expect((await api(server.url, viewer, 'GET', `/api/series/${seriesId}`)).status).toBe(404);
    const bad = await api<{ error: { fields: Record<string, string> } }>(
      server.url,
      owner,
      'POST',
      `/api/series/${seriesId}/members`,
      { email: 'not-an-email', role: 'boss' },
    );
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.fields).sort()).toEqual(['email', 'role']);
    const badLink = await api<{ error: { fields: Record<string, string> } }>(
      server.url,
      owner,
      'POST',
      `/api/series/${seriesId}/links`,
      { role: 'owner', expiresAt: '2001-01-01T00:00:00Z' },
    );
    expect(Object.keys(badLink.body.error.fields).sort()).toEqual(['expiresAt', 'role']);
  });
});

describe('share links', () => {
  it('LINK-1 a link previews signed out and joins signed in with its role; a higher role is kept', async () => {
    const { seriesId } = await newSeries();
    const link = await api<ShareLink>(server.url, owner, 'POST', `/api/series/${seriesId}/links`, {
      role: 'commenter',
    });
    expect(link.status).toBe(201);
    const token = link.body.url.split('/join/')[1]!;
    expect(link.body.url.startsWith(`${server.url}/join/`)).toBe(true);
    const preview = await api(server.url, null, 'GET', `/api/links/${token}`);
    expect(preview).toMatchObject({ status: 200, body: { role: 'commenter', expiresAt: null } });
    expect((await api(server.url, null, 'POST', `/api/links/${token}/accept`)).status).toBe(401);

    const reader = await signUp(server.url, 'Reader');
    const joined = await api(server.url, reader, 'POST', `/api/links/${token}/accept`);
    expect(joined.body).toEqual({ seriesId, role: 'commenter' });
    const ownerJoin = await api(server.url, owner, 'POST', `/api/links/${token}/accept`);
    expect(ownerJoin.body).toEqual({ seriesId, role: 'owner' });
  });

  it('LINK-2 revoking a link cuts off who joined through it, at once, including open sockets', async () => {
    const { seriesId, installmentId } = await newSeries();
    const link = await api<ShareLink>(server.url, owner, 'POST', `/api/series/${seriesId}/links`, {
      role: 'editor',
    });
    const token = link.body.url.split('/join/')[1]!;
    const guest = await signUp(server.url, 'Guest');
    await api(server.url, guest, 'POST', `/api/links/${token}/accept`);
    const client = connectClient(server.url, installmentId, guest.cookie);
    await untilSynced(client);
    const closed = nextClose(client);
    expect(
      (await api(server.url, owner, 'DELETE', `/api/series/${seriesId}/links/${link.body.id}`))
        .status,
    ).toBe(204);
    expect(await closed).toBe(CloseCode.accessChanged);
    client.destroy();
    expect((await api(server.url, guest, 'GET', `/api/series/${seriesId}`)).status).toBe(404);
    expect((await api(server.url, guest, 'GET', `/api/links/${token}`)).status).toBe(404);
  });

  it('LINK-3 an expired link is refused with 410', async () => {
    const { seriesId } = await newSeries();
    const link = await api<ShareLink>(server.url, owner, 'POST', `/api/series/${seriesId}/links`, {
      role: 'viewer',
      expiresAt: new Date(Date.now() + 60_000).toISOString(),
    });
    // Let an hour pass for this link, directly in the database.
    await runSql(server, 'UPDATE share_link SET expires_at = ? WHERE id = ?', [
      new Date(Date.now() - 3_600_000).toISOString(),
      link.body.id,
    ]);
    const token = link.body.url.split('/join/')[1]!;
    const res = await api<{ error: { code: string } }>(
      server.url,
      null,
      'GET',
      `/api/links/${token}`,
    );
    expect(res.status).toBe(410);
    expect(res.body.error.code).toBe('link_expired');
  });
});

describe('access changes reach open connections', () => {
  it('ROLE-4 a demoted editor is disconnected and their next edit is not applied', async () => {
    const { seriesId, installmentId } = await newSeries();
    const editor = await newMember(server.url, owner, seriesId, 'editor', 'Editor');
    const client = connectClient(server.url, installmentId, editor.cookie);
    await untilSynced(client);
    appendParagraph(client.doc, 'before demotion');
    await roundTrip(client);
    const closed = nextClose(client);
    await api(server.url, owner, 'PATCH', `/api/series/${seriesId}/members/${editor.id}`, {
      role: 'viewer',
    });
    expect(await closed).toBe(CloseCode.accessChanged);
    // The provider reconnects by itself, now read-only.
    await untilSynced(client);
    appendParagraph(client.doc, 'after demotion');
    await roundTrip(client);
    client.destroy();
    const fresh = connectClient(server.url, installmentId, owner.cookie);
    await untilSynced(fresh);
    expect(paragraphs(fresh.doc)).toEqual(['before demotion']);
    fresh.destroy();
  });

  // Upgrades remember granted access for a few seconds (domain/accessCache.ts); each of
  // these changes must still be refused on the very next upgrade, with no wait.
  it('ROLE-5 a removed member is disconnected and refused on the next upgrade, at once', async () => {
    const { seriesId, installmentId } = await newSeries();
    const editor = await newMember(server.url, owner, seriesId, 'editor', 'Removed');
    const target = collabUrl(installmentId);
    // Two upgrades: the second is answered from the cache.
    expect(
      (await attemptUpgrade(target, { origin: server.url, cookie: editor.cookie })).refusedWith,
    ).toBeUndefined();
    const client = connectClient(server.url, installmentId, editor.cookie);
    await untilSynced(client);
    const closed = nextClose(client);
    expect(
      (await api(server.url, owner, 'DELETE', `/api/series/${seriesId}/members/${editor.id}`))
        .status,
    ).toBe(204);
    expect(await closed).toBe(CloseCode.accessChanged);
    client.destroy();
    expect(await attemptUpgrade(target, { origin: server.url, cookie: editor.cookie })).toEqual({
      refusedWith: 403,
      frames: 0,
    });
  });

  it('ROLE-5 a promoted viewer reconnects able to edit, at once', async () => {
    const { seriesId, installmentId } = await newSeries();
    const viewer = await newMember(server.url, owner, seriesId, 'viewer', 'Promoted');
    const client = connectClient(server.url, installmentId, viewer.cookie);
    await untilSynced(client);
    const closed = nextClose(client);
    await api(server.url, owner, 'PATCH', `/api/series/${seriesId}/members/${viewer.id}`, {
      role: 'editor',
    });
    expect(await closed).toBe(CloseCode.accessChanged);
    await untilSynced(client);
    appendParagraph(client.doc, 'after promotion');
    await roundTrip(client);
    client.destroy();
    const fresh = connectClient(server.url, installmentId, owner.cookie);
    await untilSynced(fresh);
    expect(paragraphs(fresh.doc)).toEqual(['after promotion']);
    fresh.destroy();
  });

  it('ROLE-5 a deleted installment or series refuses the next upgrade of a member who was just let in', async () => {
    const { seriesId, installmentId } = await newSeries();
    const editor = await newMember(server.url, owner, seriesId, 'editor', 'Deleted');
    const second = await addInstallment(server.url, owner, seriesId, 'Second');
    const confirmed = async (id: string) =>
      (await attemptUpgrade(collabUrl(id), { origin: server.url, cookie: editor.cookie }))
        .refusedWith;
    expect(await confirmed(installmentId)).toBeUndefined();
    expect(await confirmed(second)).toBeUndefined();
    expect(
      (await api(server.url, owner, 'DELETE', `/api/installments/${installmentId}`)).status,
    ).toBe(204);
    expect(await confirmed(installmentId)).toBe(403);
    expect(await confirmed(second)).toBeUndefined();
    expect((await api(server.url, owner, 'DELETE', `/api/series/${seriesId}`)).status).toBe(204);
    expect(await confirmed(second)).toBe(403);
  });
});

function collabUrl(installmentId: string): string {
  return `${server.url.replace('http', 'ws')}/collab/${installmentId}`;
}

function signUpAs(email: string): Promise<TestUser> {
  return signUp(server.url, 'Invited', email);
}
