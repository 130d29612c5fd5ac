/**
 * Webhooks end to end: a real receiver on 127.0.0.1 gets signed deliveries
 * from a real server, on SQLite and (integration-pg) PostgreSQL.
 */
import type { CommentThread } from '@baton/shared/comments.ts';
import {
  webhookDeliveryBody,
  type Webhook,
  type WebhookDelivery,
  type WebhookDeliveryBody,
  type WebhookWithSecret,
} from '@baton/shared/webhooks.ts';
import type { BatonServer } from '@baton/server/server.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anchorOn, paragraphText } from '../support/anchors.ts';
import {
  appendParagraph,
  type CollabClient,
  connectClient,
  roundTrip,
  untilSynced,
} from '../support/collabClient.ts';
import { api, seedInstallment, signUp, type TestUser } from '../support/http.ts';
import { createTestDatabase } from '../support/postgres.ts';
import { addMember, seedTeam, type Team, type Who } from '../support/team.ts';
import { makeDataDir, startTestServer, testStore, type TestServer } from '../support/testServer.ts';
import {
  type ReceivedRequest,
  signatureIsValid,
  startWebhookReceiver,
  type WebhookReceiver,
} from '../support/webhookReceiver.ts';

/** Retries come after 20 ms, 40 ms…, so a retry test takes no time. */
const retryEnv = { WEBHOOK_RETRY_BASE_MS: '20' };

let server: TestServer;
let team: Team;
let receiver: WebhookReceiver;
const writers: CollabClient[] = [];

beforeAll(async () => {
  server = await startTestServer({ env: retryEnv });
  team = await seedTeam(server.url);
  receiver = await startWebhookReceiver();
});
afterAll(async () => {
  for (const writer of writers) writer.destroy();
  await receiver.close();
  await server.dispose();
});

const origin = () => new URL(receiver.url).origin;

/** A new series of the team's owner with one installment that has text to publish. */
async function seriesWithText(base: BatonServer = server, owner: TestUser = team.users.owner) {
  const { seriesId, installmentId } = await seedInstallment(base.url, owner);
  const writer = connectClient(base.url, installmentId, owner.cookie);
  writers.push(writer);
  await untilSynced(writer);
  appendParagraph(writer.doc, 'The night shift handed over the ledger, still warm.');
  await roundTrip(writer);
  return { seriesId, installmentId, writer };
}

function createHook(
  seriesId: string,
  body: unknown,
  who: Who = 'owner',
  base: BatonServer = server,
  user: TestUser = team.users[who],
) {
  return api<WebhookWithSecret>(base.url, user, 'POST', `/api/series/${seriesId}/webhooks`, body);
}

const publish = (installmentId: string, base: BatonServer = server, user = team.users.owner) =>
  api(base.url, user, 'POST', `/api/installments/${installmentId}/publish`, {});

/** Which server to ask, as whom (the team's owner on the shared server by default). */
interface Where {
  base: BatonServer;
  user: TestUser;
}
const here = (): Where => ({ base: server, user: team.users.owner });

const deliveries = async (hookId: string, { base, user }: Where = here()) =>
  (await api<WebhookDelivery[]>(base.url, user, 'GET', `/api/webhooks/${hookId}/deliveries`)).body;

/**
 * Waits until the delivery log shows `deliveryId` in a state `matches` accepts,
 * re-reading the log after each attempt the server records.
 */
function untilLogged(
  hookId: string,
  deliveryId: string,
  matches: (delivery: WebhookDelivery) => boolean,
  where: Where = here(),
): Promise<WebhookDelivery> {
  return new Promise((resolve, reject) => {
    let done = false;
    const check = async () => {
      const row = (await deliveries(hookId, where)).find((d) => d.id === deliveryId);
      if (done || !row || !matches(row)) return;
      done = true;
      unsubscribe();
      clearTimeout(timer);
      resolve(row);
    };
    const unsubscribe = where.base.webhooks.onAttempt(() => void check().catch(reject));
    const timer = setTimeout(() => {
      unsubscribe();
      reject(new Error(`timed out waiting for delivery ${deliveryId} in the log`));
    }, 15_000);
    void check().catch(reject);
  });
}

const parse = (request: ReceivedRequest): WebhookDeliveryBody =>
  webhookDeliveryBody.parse(JSON.parse(request.body));
const onPath = (path: string) => (r: ReceivedRequest) => r.path === path;
const allEvents = ['version.published', 'thread.created', 'thread.resolved'];

describe('managing webhooks', () => {
  it('HOOK-1 only owners manage webhooks: others get 403, non-members 404; the secret is shown once', async () => {
    const hook = { url: `${origin()}/roles`, events: ['version.published'] };
    const expected: Record<Who, number> = {
      owner: 201,
      editor: 403,
      commenter: 403,
      viewer: 403,
      stranger: 404,
    };
    for (const who of ['stranger', 'viewer', 'commenter', 'editor', 'owner'] as Who[]) {
      expect((await createHook(team.seriesId, hook, who)).status, who).toBe(expected[who]);
    }
    const list = await api<Webhook[]>(
      server.url,
      team.users.owner,
      'GET',
      `/api/series/${team.seriesId}/webhooks`,
    );
    expect(list.status).toBe(200);
    const [created] = list.body;
    expect(created).toMatchObject({ url: hook.url, events: ['version.published'], enabled: true });
    expect(created).not.toHaveProperty('secret');
    expect(created!.secretStart).toMatch(/^whsec_/);

    const routes = [
      { method: 'GET', path: `/api/series/${team.seriesId}/webhooks` },
      { method: 'PATCH', path: `/api/webhooks/${created!.id}`, body: { enabled: false } },
      { method: 'GET', path: `/api/webhooks/${created!.id}/deliveries` },
      { method: 'POST', path: `/api/webhooks/${created!.id}/test` },
      { method: 'POST', path: `/api/webhooks/${created!.id}/secret` },
      { method: 'DELETE', path: `/api/webhooks/${created!.id}` },
    ];
    for (const { method, path, body } of routes) {
      for (const who of ['editor', 'commenter', 'viewer', 'stranger'] as const) {
        const res = await api(server.url, team.users[who], method, path, body);
        expect(res.status, `${who} ${method} ${path}`).toBe(who === 'stranger' ? 404 : 403);
      }
    }
    const deleted = await api(
      server.url,
      team.users.owner,
      'DELETE',
      `/api/webhooks/${created!.id}`,
    );
    expect(deleted.status).toBe(204);
  });

  it('HOOK-2 refuses URLs that are not http(s), carry credentials or point at this server (400 naming url); 127.0.0.1 elsewhere is fine', async () => {
    const { seriesId } = await seriesWithText();
    const refused = [
      'ftp://127.0.0.1/hooks',
      'file:///etc/passwd',
      'not a url',
      `http://user:secret@${new URL(origin()).host}/hooks`,
      `${server.url}/api/series`,
      `http://127.0.0.1:${server.port}/`,
      `http://[::1]:${server.port}/hooks`,
    ];
    for (const url of refused) {
      const res = await createHook(seriesId, { url, events: ['version.published'] });
      expect(res.status, url).toBe(400);
      expect(res.body).toMatchObject({ error: { code: 'validation_failed' } });
      expect(
        Object.keys((res.body as unknown as { error: { fields: object } }).error.fields),
      ).toEqual(['url']);
    }
    for (const events of [[], ['version.deleted'], 'version.published']) {
      const res = await createHook(seriesId, { url: `${origin()}/x`, events });
      expect(res.status, JSON.stringify(events)).toBe(400);
    }
    const allowed = await createHook(seriesId, { url: `${origin()}/x`, events: allEvents });
    expect(allowed.status).toBe(201);
    expect(allowed.body.secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
  });
});

describe('deliveries', () => {
  it('HOOK-3 HOOK-4 publishing a version delivers a body that matches the shared schema, signed with the hook’s secret', async () => {
    const { seriesId, installmentId } = await seriesWithText();
    const hook = (await createHook(seriesId, { url: `${origin()}/publish`, events: allEvents }))
      .body;
    expect((await publish(installmentId)).status).toBe(201);

    const [request] = await receiver.untilReceived(1, onPath('/publish'));
    expect(request!.method).toBe('POST');
    expect(request!.headers['content-type']).toBe('application/json');
    expect(signatureIsValid(request!, hook.secret)).toBe(true);
    expect(signatureIsValid(request!, `${hook.secret}x`)).toBe(false);
    expect(signatureIsValid({ ...request!, body: `${request!.body} ` }, hook.secret)).toBe(false);
    // What a receiver checks against replays: the signed time is now.
    const t = Number(/t=(\d+)/.exec(String(request!.headers['baton-signature']))?.[1]);
    expect(Math.abs(t - Date.now() / 1000)).toBeLessThan(300);

    const body = parse(request!);
    expect(request!.headers['baton-event']).toBe('version.published');
    expect(request!.headers['baton-delivery']).toBe(body.id);
    const series = (
      await api<{ slug: string }>(server.url, team.users.owner, 'GET', `/api/series/${seriesId}`)
    ).body;
    expect(body).toMatchObject({
      schemaVersion: 1,
      type: 'version.published',
      series: { id: seriesId, slug: series.slug, title: 'The Relay' },
      installment: { id: installmentId, number: 1, title: 'Taking the baton' },
      data: {
        version: {
          number: 1,
          title: 'Taking the baton',
          wordCount: 9,
          publishedBy: { id: team.users.owner.id, name: team.users.owner.name },
          url: `${server.url}/read/${series.slug}/1/v/1`,
          markdownUrl: `${server.url}/read/${series.slug}/1/v/1.md`,
        },
      },
    });
    const delivered = await untilLogged(hook.id, body.id, (d) => d.status === 'delivered');
    expect(delivered).toMatchObject({ type: 'version.published', attempts: 1, lastStatus: 204 });
  });

  it('HOOK-5 an answer of 500 is retried with the same delivery id and body, then succeeds; the log shows 2 attempts', async () => {
    const { seriesId, installmentId } = await seriesWithText();
    let flakyCalls = 0;
    receiver.answer((request) => (request.path === '/flaky' && flakyCalls++ === 0 ? 500 : 204));
    const hook = (await createHook(seriesId, { url: `${origin()}/flaky`, events: allEvents })).body;
    expect((await publish(installmentId)).status).toBe(201);

    const [first, second] = await receiver.untilReceived(2, onPath('/flaky'));
    expect([first!.answered, second!.answered]).toEqual([500, 204]);
    expect(second!.headers['baton-delivery']).toBe(first!.headers['baton-delivery']);
    expect(second!.body).toBe(first!.body);
    expect(signatureIsValid(first!, hook.secret) && signatureIsValid(second!, hook.secret)).toBe(
      true,
    );
    const id = parse(first!).id;
    const logged = await untilLogged(hook.id, id, (d) => d.status === 'delivered');
    expect(logged).toMatchObject({ attempts: 2, lastStatus: 204, lastError: null });
    expect(logged.deliveredAt).not.toBeNull();
    receiver.answer(() => 204);
  });

  it('HOOK-5 while an attempt waits for its answer the log says sending, with no retry planned', async () => {
    const { seriesId, installmentId } = await seriesWithText();
    let release: (status: number) => void = () => undefined;
    const answer = new Promise<number>((resolve) => (release = resolve));
    receiver.answer((request) => (request.path === '/slow' ? answer : 204));
    const arrived = new Promise<void>((resolve) => {
      const off = receiver.onArrival((request) => {
        if (request.path !== '/slow') return;
        off();
        resolve();
      });
    });
    const hook = (await createHook(seriesId, { url: `${origin()}/slow`, events: allEvents })).body;
    expect((await publish(installmentId)).status).toBe(201);
    await arrived;
    const [inFlight] = await deliveries(hook.id);
    expect(inFlight).toMatchObject({
      status: 'sending',
      attempts: 1,
      nextAttemptAt: null,
      lastStatus: null,
      lastError: null,
    });
    release(200);
    const delivered = await untilLogged(hook.id, inFlight!.id, (d) => d.status === 'delivered');
    expect(delivered).toMatchObject({ attempts: 1, lastStatus: 200, nextAttemptAt: null });
    receiver.answer(() => 204);
  });

  it('HOOK-5 a receiver that keeps failing has its status and error logged, never its response body', async () => {
    const { seriesId, installmentId } = await seriesWithText();
    receiver.answer((request) => (request.path === '/down' ? 503 : 204));
    const hook = (await createHook(seriesId, { url: `${origin()}/down`, events: allEvents })).body;
    expect((await publish(installmentId)).status).toBe(201);
    const [first] = await receiver.untilReceived(2, onPath('/down'));
    const logged = await untilLogged(
      hook.id,
      parse(first!).id,
      (d) => d.attempts >= 2 && d.status === 'pending',
    );
    expect(logged).toMatchObject({ status: 'pending', lastStatus: 503, lastError: 'HTTP 503' });
    expect(logged.nextAttemptAt).not.toBeNull();
    // Turning the hook off ends what is pending.
    await api(server.url, team.users.owner, 'PATCH', `/api/webhooks/${hook.id}`, {
      enabled: false,
    });
    const [ended] = await deliveries(hook.id);
    expect(ended).toMatchObject({ status: 'failed', nextAttemptAt: null });
    receiver.answer(() => 204);
  });

  it('HOOK-3 opening and resolving a thread send thread.created and thread.resolved; replies, resolving again and reopening send nothing; a hook gets only its events', async () => {
    const { seriesId, installmentId, writer } = await seriesWithText();
    await addMember(server.url, team.users.owner, seriesId, team.users.commenter, 'commenter');
    const threadsHook = (
      await createHook(seriesId, {
        url: `${origin()}/threads`,
        events: ['thread.created', 'thread.resolved'],
      })
    ).body;
    const versionsHook = (
      await createHook(seriesId, { url: `${origin()}/versions`, events: ['version.published'] })
    ).body;

    const text = paragraphText(writer.doc, 0);
    const created = await api<CommentThread>(
      server.url,
      team.users.commenter,
      'POST',
      `/api/installments/${installmentId}/threads`,
      { anchor: anchorOn(text, 4, 15), quote: 'night shift', body: 'Which shift exactly?' },
    );
    expect(created.status).toBe(201);
    const threadId = created.body.id;
    const reply = (body: string) =>
      api(server.url, team.users.owner, 'POST', `/api/threads/${threadId}/replies`, { body });
    const setResolved = (resolved: boolean) =>
      api(server.url, team.users.owner, 'PATCH', `/api/threads/${threadId}`, { resolved });
    expect((await reply('The one before dawn.')).status).toBe(201);
    expect((await setResolved(true)).status).toBe(200);
    // Resolving it again changes nothing and sends nothing more.
    const again = await setResolved(true);
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ resolved: true, resolvedBy: { id: team.users.owner.id } });
    expect((await reply('Reopen if needed.')).status).toBe(201);
    expect((await setResolved(false)).status).toBe(200);

    const received = await receiver.untilReceived(2, onPath('/threads'));
    const bodies = received.map(parse);
    const byType = Object.fromEntries(bodies.map((b) => [b.type, b]));
    expect(byType['thread.created']).toMatchObject({
      installment: { id: installmentId },
      data: {
        thread: {
          id: threadId,
          quote: 'night shift',
          body: 'Which shift exactly?',
          author: { id: team.users.commenter.id },
          resolved: false,
          url: `${server.url}/installments/${installmentId}`,
        },
      },
    });
    expect(byType['thread.resolved']).toMatchObject({
      data: {
        thread: {
          id: threadId,
          body: 'Which shift exactly?',
          resolved: true,
          resolvedBy: { id: team.users.owner.id, name: team.users.owner.name },
        },
      },
    });
    for (const request of received)
      expect(signatureIsValid(request, threadsHook.secret)).toBe(true);
    // Deliveries are queued with the change, so the logs are complete once the calls returned.
    expect((await deliveries(threadsHook.id)).map((d) => d.type).sort()).toEqual([
      'thread.created',
      'thread.resolved',
    ]);
    expect(await deliveries(versionsHook.id)).toEqual([]);
  });

  it('HOOK-4 Send test delivers a ping; a rotated secret signs from then on; a disabled hook gets nothing and cannot be tested', async () => {
    const { seriesId, installmentId } = await seriesWithText();
    const hook = (await createHook(seriesId, { url: `${origin()}/ping`, events: allEvents })).body;
    const test = () =>
      api<WebhookDelivery>(server.url, team.users.owner, 'POST', `/api/webhooks/${hook.id}/test`);
    const queued = await test();
    expect(queued.status).toBe(202);
    expect(queued.body).toMatchObject({ type: 'ping', status: 'pending', attempts: 0 });
    const [ping] = await receiver.untilReceived(1, onPath('/ping'));
    expect(parse(ping!)).toMatchObject({
      id: queued.body.id,
      type: 'ping',
      installment: null,
      series: { id: seriesId },
      data: { webhookId: hook.id },
    });
    expect(signatureIsValid(ping!, hook.secret)).toBe(true);

    const rotated = await api<WebhookWithSecret>(
      server.url,
      team.users.owner,
      'POST',
      `/api/webhooks/${hook.id}/secret`,
    );
    expect(rotated.status).toBe(200);
    expect(rotated.body.secret).not.toBe(hook.secret);
    await test();
    const [, second] = await receiver.untilReceived(2, onPath('/ping'));
    expect(signatureIsValid(second!, rotated.body.secret)).toBe(true);
    expect(signatureIsValid(second!, hook.secret)).toBe(false);

    const disabled = await api<Webhook>(
      server.url,
      team.users.owner,
      'PATCH',
      `/api/webhooks/${hook.id}`,
      {
        enabled: false,
      },
    );
    expect(disabled.body.enabled).toBe(false);
    expect((await publish(installmentId)).status).toBe(201);
    expect((await deliveries(hook.id)).map((d) => d.type)).toEqual(['ping', 'ping']);
    expect((await test()).status).toBe(409);
  });

  it('HOOK-6 a delivery still pending when the server stops is sent by the next start, with the same id', async () => {
    const dataDir = makeDataDir();
    const database = testStore === 'postgres' ? await createTestDatabase() : null;
    const options = { dataDir, databaseUrl: database?.url, env: retryEnv };
    const first = await startTestServer(options);
    let second: TestServer | undefined;
    try {
      const owner = await signUp(first.url, 'Olive');
      const { seriesId, installmentId } = await seriesWithText(first, owner);
      receiver.answer((request) => (request.path === '/restart' ? 500 : 204));
      const hook = (
        await createHook(
          seriesId,
          { url: `${origin()}/restart`, events: allEvents },
          'owner',
          first,
          owner,
        )
      ).body;
      expect((await publish(installmentId, first, owner)).status).toBe(201);
      const [failed] = await receiver.untilReceived(1, onPath('/restart'));
      const id = parse(failed!).id;
      // The failure is recorded: the delivery waits in the database for its retry.
      await untilLogged(hook.id, id, (d) => d.lastStatus === 500, { base: first, user: owner });
      for (const writer of writers.splice(0)) writer.destroy();
      await first.close();

      const sentBefore = receiver.received.filter(onPath('/restart')).length;
      receiver.answer(() => 204);
      second = await startTestServer(options);
      const [after] = (await receiver.untilReceived(sentBefore + 1, onPath('/restart'))).slice(
        sentBefore,
      );
      expect(after!.answered).toBe(204);
      expect(after!.headers['baton-delivery']).toBe(id);
      expect(after!.body).toBe(failed!.body);
      const logged = await untilLogged(hook.id, id, (d) => d.status === 'delivered', {
        base: second,
        user: owner,
      });
      expect(logged.attempts).toBeGreaterThanOrEqual(2);
    } finally {
      await second?.dispose();
      await database?.drop();
    }
  });
});
