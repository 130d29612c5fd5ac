/**
 * The collaboration connection as a person understands it: connecting, live or
 * offline, with a message for why (close codes come from shared/protocol.ts).
 */
import type { WebsocketProvider } from 'y-websocket';
import { closeCodeMessages } from '@baton/shared/protocol.ts';
import { shallowEqual, snapshotStore } from '../lib/snapshotStore.ts';

export type Connection = 'connecting' | 'live' | 'offline';

export interface ConnectionSnapshot {
  connection: Connection;
  /** What is going on, in words; null when all is well. */
  message: string | null;
  /** The server closed the connection for good (a 44xx close): reloading is the way out. */
  terminal: boolean;
  /** Closes since the connection was last live; the page probes the API when it keeps failing. */
  failures: number;
}

export interface ConnectionStore {
  getSnapshot(): ConnectionSnapshot;
  subscribe(listener: () => void): () => void;
  destroy(): void;
}

// Changes are kept on this device meanwhile (offline/localDraft.ts), also across a closed tab.
const OFFLINE_MESSAGE =
  'You are offline. Keep writing: your changes are kept on this device and sent when the connection returns.';
const UNREACHABLE_MESSAGE =
  'Cannot reach the server. Your changes are kept on this device. Reconnecting…';

/** Watches `provider` and the browser's online state. */
export function createConnectionStore(provider: WebsocketProvider): ConnectionStore {
  let failures = 0;
  let closeMessage: string | null = null;
  let terminal: { code: number; reason: string } | null = null;
  const store = snapshotStore(compute(), shallowEqual);

  function compute(): ConnectionSnapshot {
    if (terminal) {
      const known = closeCodeMessages[terminal.code];
      const message = `${known ?? (terminal.reason || 'The server closed the connection.')} Reload the page to try again.`;
      return { connection: 'offline', message, terminal: true, failures };
    }
    if (typeof navigator !== 'undefined' && !navigator.onLine) {
      return { connection: 'offline', message: OFFLINE_MESSAGE, terminal: false, failures };
    }
    if (provider.wsconnected && provider.synced) {
      return { connection: 'live', message: null, terminal: false, failures };
    }
    if (provider.wsconnected) {
      return {
        connection: 'connecting',
        message: 'Loading the latest text…',
        terminal: false,
        failures,
      };
    }
    if (failures > 0) {
      return {
        connection: 'offline',
        message: closeMessage ?? UNREACHABLE_MESSAGE,
        terminal: false,
        failures,
      };
    }
    return { connection: 'connecting', message: 'Connecting…', terminal: false, failures };
  }

  const emit = () => store.set(compute());

  const onStatus = () => emit();
  const onSync = (synced: boolean) => {
    if (synced) {
      failures = 0;
      closeMessage = null;
    }
    emit();
  };
  const onClose = (event: CloseEvent | null) => {
    failures += 1;
    closeMessage = event ? (closeCodeMessages[event.code] ?? null) : null;
    emit();
  };
  const onClosed = (event: { code: number; reason: string }) => {
    terminal = event;
    emit();
  };
  const onOnline = () => {
    // Do not wait for the provider's backoff once the network is back.
    if (!provider.wsconnected && provider.shouldConnect) {
      provider.disconnect();
      provider.connect();
    }
    emit();
  };

  provider.on('status', onStatus);
  provider.on('sync', onSync);
  provider.on('connection-close', onClose);
  provider.on('closed', onClosed);
  window.addEventListener('online', onOnline);
  window.addEventListener('offline', onStatus);

  return {
    getSnapshot: store.getSnapshot,
    subscribe: store.subscribe,
    destroy() {
      store.clear();
      provider.off('status', onStatus);
      provider.off('sync', onSync);
      provider.off('connection-close', onClose);
      provider.off('closed', onClosed);
      window.removeEventListener('online', onOnline);
      window.removeEventListener('offline', onStatus);
    },
  };
}
