/**
 * One simulated user: the stock y-websocket provider with a `ws` polyfill
 * (carrying the session cookie and Origin) and no BroadcastChannel, on a
 * Tiptap-shaped document (XmlFragment `default` of paragraphs).
 */
import { DOC_FRAGMENT } from '@baton/shared/protocol.ts';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import type { ClientTarget } from '../servers/target.ts';
import type { AwarenessMode } from './protocol.ts';
import { readStamps } from './latencyWords.ts';

export interface BenchClient {
  room: string;
  doc: Y.Doc;
  provider: WebsocketProvider;
  /** The paragraph this client writes into, once `ownParagraph` created it. */
  text: Y.XmlText | null;
  destroy(): void;
}

const polyfills = new Map<string, typeof globalThis.WebSocket>();

/** One `ws` subclass per target, adding its headers to every upgrade. */
function polyfillFor(target: ClientTarget): typeof globalThis.WebSocket {
  const key = JSON.stringify(target.headers);
  let polyfill = polyfills.get(key);
  if (!polyfill) {
    const headers = target.headers;
    class HeaderWebSocket extends WebSocket {
      constructor(url: string | URL, protocols?: string | string[]) {
        super(url, protocols, { headers });
      }
    }
    polyfill = HeaderWebSocket as unknown as typeof globalThis.WebSocket;
    polyfills.set(key, polyfill);
  }
  return polyfill;
}

let userCount = 0;

/**
 * Creates and connects a client. `onStamp` receives the send time of every
 * stamped word that arrives from the server (never the client's own edits).
 */
export function createClient(
  target: ClientTarget,
  room: string,
  awareness: AwarenessMode,
  onStamp: ((sentAtMs: number) => void) | null,
  resyncMs = -1,
): BenchClient {
  const doc = new Y.Doc();
  if (onStamp) {
    doc.getXmlFragment(DOC_FRAGMENT).observeDeep((events, transaction) => {
      if (transaction.local) return;
      for (const event of events) {
        if (!(event.target instanceof Y.XmlText)) continue;
        for (const op of event.delta) {
          if (typeof op.insert === 'string') readStamps(op.insert, onStamp);
        }
      }
    });
  }
  const provider = new WebsocketProvider(target.serverUrl, room, doc, {
    WebSocketPolyfill: polyfillFor(target),
    disableBc: true,
    connect: false,
    resyncInterval: resyncMs,
  });
  if (awareness === 'none') provider.awareness.setLocalState(null);
  else {
    userCount++;
    provider.awareness.setLocalStateField('user', {
      name: `User ${userCount}`,
      color: `#${((userCount * 2654435761) >>> 8).toString(16).padStart(6, '0').slice(0, 6)}`,
    });
  }
  provider.connect();
  return {
    room,
    doc,
    provider,
    text: null,
    destroy() {
      provider.destroy();
      doc.destroy();
    },
  };
}

/** Resolves once the provider has synced; rejects after `timeoutMs`. */
export function untilSynced(client: BenchClient, timeoutMs: number): Promise<void> {
  if (client.provider.synced) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      client.provider.off('sync', onSync);
      reject(new Error(`client in room ${client.room} did not sync within ${timeoutMs} ms`));
    }, timeoutMs);
    const onSync = (synced: boolean) => {
      if (!synced) return;
      clearTimeout(timer);
      client.provider.off('sync', onSync);
      resolve();
    };
    client.provider.on('sync', onSync);
  });
}

/** Appends a paragraph (XmlElement + XmlText, as Tiptap stores one) for this client to write in. */
export function ownParagraph(client: BenchClient, label: string): Y.XmlText {
  const fragment = client.doc.getXmlFragment(DOC_FRAGMENT);
  const paragraph = new Y.XmlElement('paragraph');
  const text = new Y.XmlText(label);
  paragraph.insert(0, [text]);
  fragment.insert(fragment.length, [paragraph]);
  client.text = text;
  return text;
}

/** Moves this client's caret to the end of its paragraph (what CollaborationCaret publishes). */
export function moveCaret(client: BenchClient, text: Y.XmlText): void {
  const position = Y.relativePositionToJSON(
    Y.createRelativePositionFromTypeIndex(text, text.length),
  );
  client.provider.awareness.setLocalStateField('cursor', { anchor: position, head: position });
}
