/**
 * Updates that must never reach the store or another client: ones that do not
 * decode. And the reverse: an observer that throws on the server does not
 * make a good update bad or take the room down.
 */
import { CloseCode, MessageType, SyncMessageType } from '@baton/shared/protocol.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type WebSocket from 'ws';
import * as Y from 'yjs';
import {
  appendParagraph,
  type CollabClient,
  connectClient,
  paragraphs,
  roundTrip,
  untilDoc,
  untilSynced,
} from '../support/collabClient.ts';
import { syncFrame } from '../support/frames.ts';
import { api, seedInstallment, signUp, type TestUser } from '../support/http.ts';
import { openSocket } from '../support/rawSocket.ts';
import { startTestServer, type TestServer } from '../support/testServer.ts';

let server: TestServer;
let ann: TestUser;
let installmentId: string;
let writer: CollabClient;
let reader: CollabClient;

beforeAll(async () => {
  server = await startTestServer();
  ann = await signUp(server.url, 'Ann');
  ({ installmentId } = await seedInstallment(server.url, ann));
  writer = connectClient(server.url, installmentId, ann.cookie);
  reader = connectClient(server.url, installmentId, ann.cookie);
  await Promise.all([untilSynced(writer), untilSynced(reader)]);
});
afterAll(async () => {
  writer.destroy();
  reader.destroy();
  await server.dispose();
});

/** Counts the document updates a client's socket receives from now on. */
function countUpdates(client: CollabClient): () => number {
  const ws = client.provider.ws as unknown as WebSocket | null;
  if (!ws) throw new Error('not connected');
  let count = 0;
  ws.addEventListener('message', (event) => {
    const bytes = new Uint8Array(event.data as ArrayBuffer);
    if (bytes[0] === MessageType.sync && bytes[1] === SyncMessageType.update) count++;
  });
  return () => count;
}

describe('poisoned updates', () => {
  it('HARD-9 an update that does not decode closes its socket (4400) and is neither stored nor forwarded', async () => {
    const source = new Y.Doc();
    appendParagraph(source, 'a paragraph that will be cut short');
    const whole = Y.encodeStateAsUpdate(source);
    const updatesSeen = countUpdates(reader);

    const hostile = await openSocket(
      `${server.url.replace(/^http/, 'ws')}/collab/${installmentId}`,
      { cookie: ann.cookie, origin: server.url },
    );
    // A well-formed envelope around an update with its tail cut off.
    hostile.ws.send(syncFrame(SyncMessageType.update, whole.slice(0, whole.length - 6)));
    expect(await hostile.closed).toBe(CloseCode.malformedMessage);

    // Updates reach the reader in commit order: had the cut update been forwarded, it came first.
    appendParagraph(writer.doc, 'after the poison');
    await untilDoc(reader, 'the next good update arrives', (d) =>
      paragraphs(d).includes('after the poison'),
    );
    expect(updatesSeen()).toBe(1);
    expect(paragraphs(reader.doc)).toEqual(['after the poison']);
    expect(server.registry.stats().unsavedWrites).toBe(0);
  });

  it('HARD-9 an observer that throws does not drop the room or the update', async () => {
    const room = server.registry.peek(installmentId);
    if (!room) throw new Error('the room is not loaded');
    const throwing = () => {
      throw new Error('an observer failed');
    };
    room.doc.getXmlFragment('default').observeDeep(throwing);
    try {
      appendParagraph(writer.doc, 'observed badly');
      // Broadcasts wait for the commit (SYNC-5): arriving means it was stored.
      await untilDoc(reader, 'the update still arrives', (d) =>
        paragraphs(d).includes('observed badly'),
      );
      expect(server.registry.peek(installmentId)).toBe(room);
      expect(server.registry.stats().unsavedWrites).toBe(0);
    } finally {
      room.doc.getXmlFragment('default').unobserveDeep(throwing);
    }
  });

  it('SYNC-16 reading the draft (publishing, content snapshots) never edits it: a fresh client still gets what the writer has', async () => {
    // What a schema does not know: y-tiptap's reader deletes it from the Y.Doc it reads.
    const fragment = writer.doc.getXmlFragment('default');
    writer.doc.transact(() => {
      const unknown = new Y.XmlElement('marquee');
      unknown.insert(0, [new Y.XmlText('scrolling')]);
      const oddlyFormatted = new Y.XmlElement('paragraph');
      const text = new Y.XmlText();
      text.insert(0, 'formatting nobody knows', { blink: true });
      oddlyFormatted.insert(0, [text]);
      fragment.push([unknown, oddlyFormatted]);
    });
    await roundTrip(writer);
    const published = await api(
      server.url,
      ann,
      'POST',
      `/api/installments/${installmentId}/publish`,
      {},
    );
    expect(published.status).toBe(201);
    expect(JSON.stringify(published.body)).not.toContain('scrolling');

    const fresh = connectClient(server.url, installmentId, ann.cookie);
    try {
      await untilSynced(fresh);
      expect(fresh.doc.getXmlFragment('default').toString()).toBe(fragment.toString());
      expect(fragment.toString()).toContain('<marquee>scrolling</marquee>');
      expect(Y.encodeStateAsUpdate(fresh.doc)).toEqual(Y.encodeStateAsUpdate(writer.doc));
    } finally {
      fresh.destroy();
    }
  });
});
