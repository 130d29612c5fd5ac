import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DOC_FRAGMENT } from '@baton/shared/protocol.ts';
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
import { seedInstallment, signUp, type TestUser } from '../support/http.ts';
import { startTestServer, type TestServer } from '../support/testServer.ts';
import { until } from '../support/waitFor.ts';

let server: TestServer;
let ann: TestUser;
let installmentId: string;
const clients: CollabClient[] = [];

function client(): CollabClient {
  const c = connectClient(server.url, installmentId, ann.cookie);
  clients.push(c);
  return c;
}

beforeAll(async () => {
  server = await startTestServer();
  ann = await signUp(server.url, 'Ann');
  ({ installmentId } = await seedInstallment(server.url, ann));
});
afterEach(() => {
  for (const c of clients.splice(0)) c.destroy();
});
afterAll(() => server.dispose());

describe('live co-editing through the server', () => {
  it('SYNC-1 two stock providers converge, whoever types', async () => {
    const a = client();
    const b = client();
    await Promise.all([untilSynced(a), untilSynced(b)]);
    appendParagraph(a.doc, 'The baton passed at midnight.');
    await untilDoc(b, 'b sees a', (doc) =>
      paragraphs(doc).includes('The baton passed at midnight.'),
    );
    appendParagraph(b.doc, 'Nobody dropped it.');
    await untilDoc(a, 'a sees b', (doc) => paragraphs(doc).includes('Nobody dropped it.'));
    expect(paragraphs(a.doc)).toEqual(paragraphs(b.doc));
  });

  it('SYNC-2 a client that connects later receives the whole document', async () => {
    const a = client();
    await untilSynced(a);
    const before = paragraphs(a.doc).length;
    for (let i = 0; i < 20; i++) appendParagraph(a.doc, `paragraph ${i}`);
    const late = client();
    await untilDoc(
      late,
      'the late client has everything',
      (doc) => paragraphs(doc).length === before + 20,
    );
    expect(paragraphs(late.doc)).toEqual(paragraphs(a.doc));
  });

  it('SYNC-3 awareness reaches the other clients and leaves with them', async () => {
    const a = client();
    const b = client();
    await Promise.all([untilSynced(a), untilSynced(b)]);
    a.provider.awareness.setLocalStateField('user', { name: 'Ann', color: '#1d4ed8' });
    const awarenessOf = (c: CollabClient) => c.provider.awareness;
    const seesAnn = () =>
      [...awarenessOf(b).getStates().values()].some(
        (s) => (s as { user?: { name?: string } }).user?.name === 'Ann',
      );
    const onChange = (notify: () => void) => {
      awarenessOf(b).on('change', notify);
      return () => awarenessOf(b).off('change', notify);
    };
    await until('b sees Ann', seesAnn, onChange);
    a.destroy();
    await until('Ann is gone for b', () => !seesAnn(), onChange);
  });

  it('SYNC-17 a client that reconnects and edits before its handshake ends keeps its socket and loses nothing', async () => {
    const writer = client();
    const reader = client();
    await Promise.all([untilSynced(writer), untilSynced(reader)]);
    writer.provider.disconnect();
    appendParagraph(writer.doc, 'written offline, then trimmed');
    const closes: number[] = [];
    const onStatus = ({ status }: { status: string }) => {
      if (status !== 'connected') return;
      writer.provider.off('status', onStatus);
      writer.provider.ws?.addEventListener('close', (event) => closes.push(event.code));
      // The provider says "connected" before it sends its sync step 1: this edit reaches
      // the server before the step 2 that carries the offline paragraph it trims.
      const fragment = writer.doc.getXmlFragment(DOC_FRAGMENT);
      const paragraph = fragment.get(fragment.length - 1) as Y.XmlElement;
      (paragraph.get(0) as Y.XmlText).delete(0, 'written offline, '.length);
    };
    writer.provider.on('status', onStatus);
    writer.provider.connect();
    await untilDoc(reader, 'the reader gets the trimmed paragraph', (doc) =>
      paragraphs(doc).includes('then trimmed'),
    );
    await roundTrip(writer);
    expect(closes).toEqual([]);
    expect(paragraphs(reader.doc)).toEqual(paragraphs(writer.doc));
  });
});
