/** React bindings for the collaboration stores: saves, slow saves, connection, presence, access. */
import { useEffect, useState, useSyncExternalStore } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import type { AccessSnapshot, AccessStore } from './accessStore.ts';
import type { ConnectionSnapshot, ConnectionStore } from './connectionStatus.ts';
import { presentPeople, type PresentPerson } from './presence.ts';
import type { SaveSnapshot, SaveTracker } from './saveTracker.ts';
import type { SlowSaveStore } from './slowSave.ts';

/** The save state of this tab's edits. */
export function useSaveState(tracker: SaveTracker): SaveSnapshot {
  return useSyncExternalStore(tracker.subscribe, tracker.getSnapshot);
}

/** Whether saving has stalled on a live connection. */
export function useSlowSave(store: SlowSaveStore): boolean {
  return useSyncExternalStore(store.subscribe, store.getSnapshot);
}

/** The connection state and its message. */
export function useConnection(store: ConnectionStore): ConnectionSnapshot {
  return useSyncExternalStore(store.subscribe, store.getSnapshot);
}

/** The people in the document, updated on every awareness change. */
export function usePresence(awareness: Awareness): PresentPerson[] {
  const [people, setPeople] = useState(() => presentPeople(awareness));
  useEffect(() => {
    const refresh = () => setPeople(presentPeople(awareness));
    refresh();
    awareness.on('change', refresh);
    return () => awareness.off('change', refresh);
  }, [awareness]);
  return people;
}

/** What the server says about this connection's rights. */
export function useAccess(store: AccessStore): AccessSnapshot {
  return useSyncExternalStore(store.subscribe, store.getSnapshot);
}
