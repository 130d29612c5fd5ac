/**
 * The stock y-websocket provider in Node, as an outside client would use it:
 * a `ws` polyfill carrying the session cookie and Origin, and no
 * BroadcastChannel (so every update really goes through the server).
 */
import { DOC_FRAGMENT } from '@baton/shared/protocol.ts';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { until } from './waitFor.ts';

export interface CollabClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
  destroy(): void;
}

export function connectClient(
  baseUrl: string,
  installmentId: string,
  cookie: string,
  options: { connect?: boolean } = {},
): CollabClient {
  const headers = { cookie, origin: baseUrl };
  class AuthenticatedWebSocket extends WebSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols, { headers });
    }
  }
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(
    `${baseUrl.replace(/^http/, 'ws')}/collab`,
    installmentId,
    doc,
    {
      WebSocketPolyfill: AuthenticatedWebSocket as unknown as typeof globalThis.WebSocket,
      disableBc: true,
      connect: options.connect ?? true,
    },
  );
  return {
    doc,
    provider,
    destroy() {
      provider.destroy();
      doc.destroy();
    },
  };
}

export function untilSynced(client: CollabClient, timeoutMs?: number): Promise<void> {
  return until(
    'the provider is synced',
    () => client.provider.synced,
    (notify) => {
      client.provider.on('sync', notify);
      return () => client.provider.off('sync', notify);
    },
    timeoutMs,
  );
}

/** Waits until the client's document satisfies `check`, re-checking on every update. */
export function untilDoc(
  client: CollabClient,
  label: string,
  check: (doc: Y.Doc) => boolean,
  timeoutMs?: number,
): Promise<void> {
  return until(
    label,
    () => check(client.doc),
    (notify) => {
      client.doc.on('update', notify);
      return () => client.doc.off('update', notify);
    },
    timeoutMs,
  );
}

/** Appends a paragraph the way Tiptap stores one: an XmlElement holding an XmlText. */
export function appendParagraph(doc: Y.Doc, text: string): void {
  const fragment = doc.getXmlFragment(DOC_FRAGMENT);
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText(text)]);
  fragment.insert(fragment.length, [paragraph]);
}

/** The paragraphs of the document as plain strings. */
export function paragraphs(doc: Y.Doc): string[] {
  return doc
    .getXmlFragment(DOC_FRAGMENT)
    .toArray()
    .map((node) =>
      node instanceof Y.XmlElement
        ? node
            .toArray()
            .map((t) => (t instanceof Y.XmlText ? t.toString() : ''))
            .join('')
        : '',
    );
}
