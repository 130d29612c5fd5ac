/**
 * The stock y-websocket provider in Node, as an outside client would use it:
 * a `ws` polyfill carrying the session cookie and Origin, and no
 * BroadcastChannel (so every update really goes through the server).
 */
import { DOC_FRAGMENT, MessageType, SyncMessageType } from '@baton/shared/protocol.ts';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
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
  options: { connect?: boolean; params?: Record<string, string>; doc?: Y.Doc } = {},
): CollabClient {
  const headers: Record<string, string> = { origin: baseUrl };
  if (cookie) headers.cookie = cookie;
  class AuthenticatedWebSocket extends WebSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols, { headers });
    }
  }
  const doc = options.doc ?? new Y.Doc();
  const provider = new WebsocketProvider(
    `${baseUrl.replace(/^http/, 'ws')}/collab`,
    installmentId,
    doc,
    {
      WebSocketPolyfill: AuthenticatedWebSocket as unknown as typeof globalThis.WebSocket,
      disableBc: true,
      connect: options.connect ?? true,
      params: options.params ?? {},
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

/** Waits until the client sees its connection drop. */
export function untilDisconnected(
  client: CollabClient,
  label = 'the client sees its connection drop',
): Promise<void> {
  return until(
    label,
    () => !client.provider.wsconnected,
    (notify) => {
      client.provider.on('status', notify);
      return () => client.provider.off('status', notify);
    },
  );
}

/** Whether the document holds updates it cannot integrate yet (a missing earlier update). */
export function hasPendingUpdates(doc: Y.Doc): boolean {
  const store = doc.store as { pendingStructs: unknown; pendingDs: unknown };
  return store.pendingStructs !== null || store.pendingDs !== null;
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

/**
 * Proves a client still syncs: a fresh marker paragraph (`prefix` and a random
 * number) appended on `from` reaches `to`.
 */
export async function stillSyncing(
  from: CollabClient,
  to: CollabClient,
  label: string,
  prefix = 'still here',
): Promise<void> {
  const marker = `${prefix} ${Math.random()}`;
  appendParagraph(from.doc, marker);
  await untilDoc(to, label, (doc) => paragraphs(doc).includes(marker));
}

/**
 * A round trip through the server on this client's socket: sends a sync step 1
 * and resolves when the answering step 2 arrives. The server handles a
 * socket's messages in order, so everything sent before has been processed.
 */
export function roundTrip(client: CollabClient, timeoutMs = 15_000): Promise<void> {
  const ws = client.provider.ws;
  if (!ws) return Promise.reject(new Error('not connected'));
  return new Promise((resolve, reject) => {
    const onMessage = (event: MessageEvent) => {
      const bytes = new Uint8Array(event.data as ArrayBuffer);
      if (bytes[0] === MessageType.sync && bytes[1] === SyncMessageType.step2) {
        clearTimeout(timer);
        ws.removeEventListener('message', onMessage);
        resolve();
      }
    };
    const timer = setTimeout(() => {
      ws.removeEventListener('message', onMessage);
      reject(new Error('no answer to sync step 1'));
    }, timeoutMs);
    ws.addEventListener('message', onMessage);
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MessageType.sync);
    syncProtocol.writeSyncStep1(encoder, client.doc);
    ws.send(encoding.toUint8Array(encoder));
  });
}

/** Resolves with the code of the next close of this client's socket. */
export function nextClose(client: CollabClient, timeoutMs = 15_000): Promise<number> {
  return new Promise((resolve, reject) => {
    const onClose = (event: CloseEvent | null) => {
      clearTimeout(timer);
      client.provider.off('connection-close', onClose);
      resolve(event?.code ?? 0);
    };
    const timer = setTimeout(() => {
      client.provider.off('connection-close', onClose);
      reject(new Error('the socket did not close'));
    }, timeoutMs);
    client.provider.on('connection-close', onClose);
  });
}
