/**
 * Who is in the document, from awareness states: one entry per person
 * (several tabs of one person show once, with a count).
 */
import type { Awareness } from 'y-protocols/awareness';

/** What each client publishes about itself under the awareness field `user`. */
export interface AwarenessUser {
  name: string;
  color: string;
}

export interface PresentPerson {
  key: string;
  name: string;
  color: string;
  /** Open tabs or windows of this person. */
  connections: number;
  isSelf: boolean;
}

function readUser(state: unknown): AwarenessUser | null {
  if (typeof state !== 'object' || state === null || !('user' in state)) return null;
  const user: unknown = state.user;
  if (typeof user !== 'object' || user === null) return null;
  if (!('name' in user) || typeof user.name !== 'string') return null;
  if (!('color' in user) || typeof user.color !== 'string') return null;
  return { name: user.name, color: user.color };
}

/** People present, you first, then by name. */
export function presentPeople(awareness: Awareness): PresentPerson[] {
  const selfId = awareness.clientID;
  const self = readUser(awareness.getLocalState());
  const selfKey = self ? `${self.name}\u0000${self.color}` : null;
  const people = new Map<string, PresentPerson>();
  for (const [clientId, state] of awareness.getStates()) {
    const user = readUser(state);
    if (!user) continue;
    const key = `${user.name}\u0000${user.color}`;
    const existing = people.get(key);
    if (existing) {
      existing.connections += 1;
      existing.isSelf ||= clientId === selfId;
    } else {
      people.set(key, {
        key,
        ...user,
        connections: 1,
        isSelf: clientId === selfId || key === selfKey,
      });
    }
  }
  return [...people.values()].sort((a, b) =>
    a.isSelf !== b.isSelf ? (a.isSelf ? -1 : 1) : a.name.localeCompare(b.name),
  );
}
