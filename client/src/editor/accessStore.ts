/**
 * What the server says about this tab's rights on the live document. A
 * read-only connection (viewer, commenter) gets a y-protocols auth message
 * `permission denied` with READ_ONLY_REASON right after sync step 1; a change
 * of role or a removal closes the socket with `CloseCode.accessChanged`.
 */
import * as authProtocol from 'y-protocols/auth';
import type { WebsocketProvider } from 'y-websocket';
import { CloseCode, MessageType, READ_ONLY_REASON } from '@baton/shared/protocol.ts';
import { shallowEqual, snapshotStore } from '../lib/snapshotStore.ts';

export interface AccessSnapshot {
  /** The server said the current connection may not write. */
  readOnly: boolean;
  /** Counts `accessChanged` closes: each one is a reason to re-read your role. */
  changes: number;
}

export interface AccessStore {
  getSnapshot(): AccessSnapshot;
  subscribe(listener: () => void): () => void;
  /** Restores the provider's own auth handler. */
  destroy(): void;
}

/**
 * y-websocket's rule (4400-4499 are final, anything else reconnects), except
 * that `accessChanged` always reconnects, whatever its number: the new
 * connection carries the new rights (or is refused, and the page says why).
 */
export function shouldReconnect(event: CloseEvent): boolean {
  if (event.code === CloseCode.accessChanged) return true;
  return !(event.code >= 4400 && event.code < 4500);
}

type Handler = WebsocketProvider['messageHandlers'][number];

/** Starts listening; create it before `provider.connect()` so the first notice is not missed. */
export function createAccessStore(provider: WebsocketProvider): AccessStore {
  const store = snapshotStore<AccessSnapshot>({ readOnly: false, changes: 0 }, shallowEqual);

  const original: Handler | undefined = provider.messageHandlers[MessageType.auth];
  const onAuth: Handler = (_encoder, decoder) => {
    authProtocol.readAuthMessage(decoder, provider.doc, (_doc, reason) => {
      if (reason === READ_ONLY_REASON) store.set({ ...store.getSnapshot(), readOnly: true });
      else console.warn(`The server refused this connection: ${reason}`);
    });
  };
  provider.messageHandlers[MessageType.auth] = onAuth;

  // A verdict holds for one connection only: the next one says again (or says nothing: writable).
  const onClose = (event: CloseEvent | null) =>
    store.set({
      readOnly: false,
      changes: store.getSnapshot().changes + (event?.code === CloseCode.accessChanged ? 1 : 0),
    });
  provider.on('connection-close', onClose);

  return {
    getSnapshot: store.getSnapshot,
    subscribe: store.subscribe,
    destroy() {
      store.clear();
      provider.off('connection-close', onClose);
      if (provider.messageHandlers[MessageType.auth] === onAuth && original)
        provider.messageHandlers[MessageType.auth] = original;
    },
  };
}
