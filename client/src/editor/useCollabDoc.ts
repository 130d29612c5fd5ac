/**
 * One collaboration session per open installment: a Y.Doc, its y-websocket
 * provider, the copy kept on this device, the save tracker, the connection
 * store, the access store and the slow-save store.
 */
import { useEffect, useState } from 'react';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { removeAwarenessStates } from 'y-protocols/awareness';
import { draftDatabaseName, registerDraftDatabase } from '../offline/draftDatabases.ts';
import { isLocalDraftReplay, keepDraftLocally } from '../offline/localDraft.ts';
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
  /** Edits are kept on this device until the server has them (false if the browser refuses). */
  keptOnDevice: boolean;
}

let nextSessionId = 1;

/** `ws(s)://<host>/collab`: y-websocket appends `/<installmentId>`. */
export function collabServerUrl(): string {
  const scheme = window.location.protocol === 'https:' ? 'wss' : 'ws';
  return `${scheme}://${window.location.host}/collab`;
}

/**
 * Opens the installment's live document; null until the copy kept on this
 * device is loaded (then it shows whether or not the server answers). Created
 * in an effect (not useMemo) so React StrictMode's double mount gets two clean
 * sessions. `accountId` names the device copy: accounts never share one.
 */
export function useCollabDoc(
  installmentId: string,
  accountId: string,
  user: AwarenessUser,
): CollabSession | null {
  const [session, setSession] = useState<CollabSession | null>(null);

  useEffect(() => {
    let closed = false;
    const ydoc = new Y.Doc();
    const provider = new WebsocketProvider(collabServerUrl(), installmentId, ydoc, {
      connect: false,
      shouldReconnect,
    });
    // All three listen from the first connection on, so they exist before connecting.
    const access = createAccessStore(provider);
    // A read-only connection's answers prove nothing about our edits: the tracker asks `access`.
    const saves = createSaveTracker(provider, { access, isReplay: isLocalDraftReplay });
    const connection = createConnectionStore(provider);
    const slowSave = createSlowSaveStore(saves, connection);
    // After the tracker: it must see each edit before the device copy stores it (localDraft.ts).
    const draftName = draftDatabaseName(accountId, installmentId);
    registerDraftDatabase(accountId, draftName);
    const draft = keepDraftLocally(ydoc, draftName, saves);
    // Tell the others we left now, rather than when the server notices the closed socket.
    const onPageHide = () =>
      removeAwarenessStates(provider.awareness, [ydoc.clientID], 'page hidden');
    window.addEventListener('pagehide', onPageHide);
    // Connect once the device copy is in, so changes made offline go out in the provider's
    // step 2 and the first save check covers them. Asynchronous: StrictMode's immediate
    // unmount never opens a socket.
    void draft.loaded.then(({ unsaved, kept }) => {
      if (closed) return;
      saves.restore(unsaved);
      provider.connect();
      const id = nextSessionId++;
      setSession({ id, ydoc, provider, saves, connection, access, slowSave, keptOnDevice: kept });
    });
    return () => {
      closed = true;
      window.removeEventListener('pagehide', onPageHide);
      setSession(null);
      slowSave.destroy();
      saves.destroy();
      connection.destroy();
      access.destroy();
      draft.destroy();
      provider.destroy();
      ydoc.destroy();
    };
  }, [installmentId, accountId]);

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
