/**
 * Awareness (who is here, carets, selections) for one room, kept as the raw
 * JSON each client sent. Only entries newer than what the room holds are
 * accepted and forwarded: the stock provider echoes every remote change back,
 * and forwarding those echoes multiplies traffic. Accepted entries are
 * coalesced and broadcast once per event-loop turn.
 *
 * Identity is the server's: a connection may set only its own client id (the
 * first one it announces), and the `user` field of its state is replaced with
 * the name and colour of its account.
 */
import * as decoding from 'lib0/decoding';
import { encodeAwarenessMessage } from './messages.ts';

interface PresenceEntry {
  clientId: number;
  clock: number;
  /** JSON text as received; "null" marks a client that left. */
  state: string;
  /** The connection that set it; only that connection may change it. */
  owner: object | null;
}

export class MalformedAwarenessError extends Error {}

/** What the server knows about whoever sends awareness on a connection. */
export interface PresenceIdentity {
  name: string;
  color: string;
}

export class RoomPresence {
  private readonly entries = new Map<number, PresenceEntry>();
  private readonly queued = new Map<number, PresenceEntry>();
  private readonly ownClientIds = new WeakMap<object, number>();
  private flushScheduled = false;

  /** @param broadcast sends one encoded awareness message to everyone in the room. */
  constructor(private readonly broadcast: (message: Uint8Array) => void) {}

  /** Applies an awareness update from `owner`; throws MalformedAwarenessError on bad input. */
  apply(update: Uint8Array, owner: object, identity: PresenceIdentity): void {
    const decoder = decoding.createDecoder(update);
    const count = decoding.readVarUint(decoder);
    for (let i = 0; i < count; i++) {
      const clientId = decoding.readVarUint(decoder);
      const clock = decoding.readVarUint(decoder);
      const state = withIdentity(decoding.readVarString(decoder), identity);
      // The stock provider echoes other clients' states back; those are not its to set.
      const own = this.ownClientIds.get(owner) ?? clientId;
      if (clientId !== own) continue;
      const current = this.entries.get(clientId);
      if (current && current.owner !== null && current.owner !== owner) continue;
      const isNewer =
        current === undefined ||
        current.clock < clock ||
        (current.clock === clock && state === 'null' && current.state !== 'null');
      if (!isNewer) continue;
      this.ownClientIds.set(owner, clientId);
      this.accept({ clientId, clock, state, owner });
    }
    if (decoding.hasContent(decoder)) throw new MalformedAwarenessError('trailing bytes');
  }

  /** Marks every entry `owner` set as gone (its connection closed). */
  removeOwnedBy(owner: object): void {
    for (const entry of this.entries.values()) {
      if (entry.owner !== owner || entry.state === 'null') continue;
      this.accept({ clientId: entry.clientId, clock: entry.clock + 1, state: 'null', owner: null });
    }
  }

  /** The full current presence as one message, or null when nobody is present. */
  encodeAll(): Uint8Array | null {
    const present = [...this.entries.values()].filter((e) => e.state !== 'null');
    return present.length === 0 ? null : encodeAwarenessMessage(present, present.length);
  }

  /** Broadcasts what is queued now instead of at the end of the turn. */
  flush(): void {
    this.flushScheduled = false;
    if (this.queued.size === 0) return;
    const message = encodeAwarenessMessage(this.queued.values(), this.queued.size);
    this.queued.clear();
    this.broadcast(message);
  }

  private accept(entry: PresenceEntry): void {
    // Entries of clients that left stay as tombstones, so a late echo of their
    // last state (an older clock) cannot bring them back.
    this.entries.set(entry.clientId, entry);
    this.queued.set(entry.clientId, entry);
    if (!this.flushScheduled) {
      this.flushScheduled = true;
      setImmediate(() => this.flush());
    }
  }
}

/** The state as JSON text with `user` set from the account; throws on anything but an object or null. */
function withIdentity(state: string, identity: PresenceIdentity): string {
  if (state === 'null') return state;
  let parsed: unknown;
  try {
    parsed = JSON.parse(state);
  } catch {
    throw new MalformedAwarenessError('awareness state is not JSON');
  }
  if (parsed === null) return 'null';
  if (typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new MalformedAwarenessError('awareness state is not a JSON object');
  }
  return JSON.stringify({ ...parsed, user: { name: identity.name, color: identity.color } });
}
