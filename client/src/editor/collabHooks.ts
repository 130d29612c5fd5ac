/** React bindings for the collaboration stores: saves, slow saves, connection, presence, access. */
import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import type { AccessSnapshot, AccessStore } from './accessStore.ts';
import type { ConnectionSnapshot, ConnectionStore } from './connectionStatus.ts';
import { shallowEqual } from '../lib/snapshotStore.ts';
import { presentPeople, type PresentPerson } from './presence.ts';
import type { SaveSnapshot, SaveTracker } from './saveTracker.ts';
import { sameStatusLine } from './StatusIndicator.tsx';
import type { SlowSaveStore } from './slowSave.ts';

/** The save state of this tab's edits, as new only when the status line would read differently. */
export function useSaveStatus(tracker: SaveTracker): SaveSnapshot {
  const shown = useRef<SaveSnapshot | null>(null);
  const read = useCallback(() => {
    const now = tracker.getSnapshot();
    if (!shown.current || !sameStatusLine(shown.current, now)) shown.current = now;
    return shown.current;
  }, [tracker]);
  return useSyncExternalStore(tracker.subscribe, read);
}

/** Whether saving has stalled on a live connection. */
export function useSlowSave(store: SlowSaveStore): boolean {
  return useSyncExternalStore(store.subscribe, store.getSnapshot);
}

/** The connection state and its message. */
export function useConnection(store: ConnectionStore): ConnectionSnapshot {
  return useSyncExternalStore(store.subscribe, store.getSnapshot);
}

/** The same people, in the same order, with the same tabs open. */
const samePeople = (a: PresentPerson[], b: PresentPerson[]) =>
  a.length === b.length && a.every((person, i) => shallowEqual(person, b[i]!));

/**
 * The people in the document. Awareness changes with every caret move, your
 * own keystrokes included: the list re-renders only when it reads differently.
 */
export function usePresence(awareness: Awareness): PresentPerson[] {
  const [people, setPeople] = useState(() => presentPeople(awareness));
  useEffect(() => {
    const refresh = () =>
      setPeople((shown) => {
        const now = presentPeople(awareness);
        return samePeople(shown, now) ? shown : now;
      });
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
