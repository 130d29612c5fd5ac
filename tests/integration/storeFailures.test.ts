/**
 * Faults of the store, made real: a trigger that makes every insert into the
 * update log fail, on the same SQLite file or PostgreSQL database the server
 * uses, and then dropped again.
 */
import { CloseCode } from '@baton/shared/protocol.ts';
import { afterEach, describe, expect, it } from 'vitest';
import {
  appendParagraph,
  type CollabClient,
  connectClient,
  nextClose,
  paragraphs,
  roundTrip,
  untilDoc,
  untilSynced,
} from '../support/collabClient.ts';
import { seedInstallment, signUp } from '../support/http.ts';
import { runSql } from '../support/sql.ts';
import { startTestServer, type TestServer } from '../support/testServer.ts';

let server: TestServer | null = null;
const clients: CollabClient[] = [];

afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy();
  await server?.dispose();
  server = null;
});

async function failInserts(target: TestServer): Promise<void> {
  if (target.databaseUrl) {
    await runSql(
      target,
      `CREATE OR REPLACE FUNCTION baton_test_refuse() RETURNS trigger AS $$
       BEGIN RAISE EXCEPTION 'injected store failure'; END $$ LANGUAGE plpgsql`,
    );
    await runSql(
      target,
      'CREATE TRIGGER baton_test_refuse BEFORE INSERT ON doc_update FOR EACH ROW EXECUTE FUNCTION baton_test_refuse()',
    );
  } else {
    await runSql(
      target,
      "CREATE TRIGGER baton_test_refuse BEFORE INSERT ON doc_update BEGIN SELECT RAISE(ABORT, 'injected store failure'); END",
    );
  }
}

async function healInserts(target: TestServer): Promise<void> {
  await runSql(
    target,
    target.databaseUrl
      ? 'DROP TRIGGER baton_test_refuse ON doc_update'
      : 'DROP TRIGGER baton_test_refuse',
  );
}

/** Resolves on the next time the server logs that a store write failed and will be retried. */
function nextRetry(target: TestServer): Promise<void> {
  const logger = target.logger;
  const original = logger.warn;
  return new Promise((resolve) => {
    logger.warn = (message, fields) => {
      original(message, fields);
      if (message.startsWith('store write failed')) {
        logger.warn = original;
        resolve();
      }
    };
  });
}

async function setup(options: Parameters<typeof startTestServer>[0]) {
  server = await startTestServer(options);
  const ann = await signUp(server.url, 'Ann');
  const { installmentId } = await seedInstallment(server.url, ann);
  const connect = () => {
    const client = connectClient(server!.url, installmentId, ann.cookie);
    clients.push(client);
    return client;
  };
  const writer = connect();
  const reader = connect();
  await Promise.all([untilSynced(writer), untilSynced(reader)]);
  appendParagraph(writer.doc, 'before the outage');
  await untilDoc(reader, 'the first paragraph arrives', (d) => paragraphs(d).length === 1);
  return { server, installmentId, writer, reader, connect };
}

describe('store failures', () => {
  it('HARD-12 a failed write is neither acknowledged nor broadcast, is retried with backoff, and lands once the store is back; the document stays in memory', async () => {
    const s = await setup({ storeRetry: { attempts: 50, baseMs: 20, maxMs: 100 } });
    const room = s.server.registry.peek(s.installmentId);
    await failInserts(s.server);
    const retried = nextRetry(s.server);
    appendParagraph(s.writer.doc, 'during the outage');
    let acknowledged = false;
    const acknowledgement = roundTrip(s.writer, 30_000).then(() => (acknowledged = true));
    await retried;
    // The server knows the write is unsaved, holds it, and has told no one.
    expect(s.server.registry.stats().unsavedWrites).toBeGreaterThan(0);
    expect(acknowledged).toBe(false);
    expect(paragraphs(s.reader.doc)).toEqual(['before the outage']);

    await healInserts(s.server);
    await untilDoc(s.reader, 'the retried write is broadcast', (d) =>
      paragraphs(d).includes('during the outage'),
    );
    await acknowledgement;
    expect(s.server.registry.peek(s.installmentId)).toBe(room);
    expect(s.server.registry.stats().unsavedWrites).toBe(0);
    const fresh = s.connect();
    await untilSynced(fresh);
    expect(paragraphs(fresh.doc)).toEqual(['before the outage', 'during the outage']);
  });

  it('HARD-12 when the retries are spent the writer is told (1011), the document reloads from the store, and the writer resends what was lost', async () => {
    const s = await setup({ storeRetry: { attempts: 3, baseMs: 10, maxMs: 20 } });
    await failInserts(s.server);
    const writerClosed = nextClose(s.writer);
    appendParagraph(s.writer.doc, 'during the outage');
    expect(await writerClosed).toBe(CloseCode.internalError);
    expect(paragraphs(s.reader.doc)).toEqual(['before the outage']);

    await healInserts(s.server);
    // The stock provider reconnects and its sync step 2 carries the paragraph again.
    await untilDoc(s.reader, 'the resent paragraph arrives', (d) =>
      paragraphs(d).includes('during the outage'),
    );
    const fresh = s.connect();
    await untilSynced(fresh);
    expect(paragraphs(fresh.doc)).toEqual(['before the outage', 'during the outage']);
  });
});
