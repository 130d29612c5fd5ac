/**
 * One collaboration session per open installment: a Y.Doc, its y-websocket
 * provider, the save tracker, the connection store, the access store and the
 * slow-save store.
 */
import { useEffect, useState } from 'react';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { removeAwarenessStates } from 'y-protocols/awareness';
import { createAccessStore, shouldReconnect, type AccessStore } from './accessStore.ts';
import { createConnectionStore, type ConnectionStore } from './connectionStatus.ts';
import type { AwarenessUser } from './presence.ts';
import { createSaveTracker, type SaveTracker } from './saveTracker.ts';
import { createSlowSaveStore, type SlowSaveStore } from './slowSave.ts';

export interface CollabSession {
  /** Changes with every new session, for React keys. */
  id: number;
  ydoc: Y.Doc;
  provider: WebsocketProvider;
  saves: SaveTracker;
  connection: ConnectionStore;
  access: AccessStore;
  /** Saving has stalled on a live connection (the server is retrying a failed write). */
  slowSave: SlowSaveStore;
}

let nextSessionId = 1;

/** `ws(s)://<host>/collab`: y-websocket appends `/<installmentId>`. */
export function collabServerUrl(): string {
  const scheme = window.location.protocol === 'https:' ? 'wss' : 'ws';
  return `${scheme}://${window.location.host}/collab`;
}

/**
 * Opens the installment's live document; null until it exists. Created in an
 * effect (not useMemo) so React StrictMode's double mount gets two clean sessions.
 */
export function useCollabDoc(installmentId: string, user: AwarenessUser): CollabSession | null {
  const [session, setSession] = useState<CollabSession | null>(null);

  useEffect(() => {
    const ydoc = new Y.Doc();
    const provider = new WebsocketProvider(collabServerUrl(), installmentId, ydoc, {
      connect: false,
      shouldReconnect,
    });
    // All three listen from the first connection on, so they exist before connecting.
    const access = createAccessStore(provider);
    // A read-only connection's answers prove nothing about our edits: the tracker asks `access`.
    const saves = createSaveTracker(provider, { access });
    const connection = createConnectionStore(provider);
    const slowSave = createSlowSaveStore(saves, connection);
    // Tell the others we left now, rather than when the server notices the closed socket.
    const onPageHide = () =>
      removeAwarenessStates(provider.awareness, [ydoc.clientID], 'page hidden');
    window.addEventListener('pagehide', onPageHide);
    // Connect and publish after this turn: StrictMode's immediate unmount then never opens a socket.
    const connectTimer = setTimeout(() => {
      provider.connect();
      setSession({ id: nextSessionId++, ydoc, provider, saves, connection, access, slowSave });
    }, 0);
    return () => {
      clearTimeout(connectTimer);
      window.removeEventListener('pagehide', onPageHide);
      setSession(null);
      slowSave.destroy();
      saves.destroy();
      connection.destroy();
      access.destroy();
      provider.destroy();
      ydoc.destroy();
    };
  }, [installmentId]);

  const { name, color } = user;
  useEffect(() => {
    if (!session) return;
    const awareness = session.provider.awareness;
    const announce = () =>
      awareness.setLocalState({ ...awareness.getLocalState(), user: { name, color } });
    announce();
    // Back from the back/forward cache: 'pagehide' cleared our state, so publish it again.
    const onPageShow = (event: PageTransitionEvent) => {
      if (event.persisted) announce();
    };
    window.addEventListener('pageshow', onPageShow);
    return () => window.removeEventListener('pageshow', onPageShow);
  }, [session, name, color]);

  return session;
}
