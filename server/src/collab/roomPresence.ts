/**
 * Awareness (who is here, carets, selections) for one room, kept as the raw
 * JSON each client sent. Only entries newer than what the room holds are
 * accepted and forwarded: the stock provider echoes every remote change back,
 * and forwarding those echoes multiplies traffic. Accepted entries are
 * coalesced and broadcast at most once per interval (50 ms by default).
 *
 * Why an interval: each presence message wakes every client of the room, and
 * each stock client echoes it back. Sent with every caret move, presence is
 * half of a busy room's messages and is read by every client before the next
 * edit; paced, edits reach clients first and presence costs a fraction. A
 * caret is a relative position, so it already follows remote typing; only a
 * caret moved by hand shows up to one interval late. When the room sends an
 * update, the interval has passed and all that is queued is the writer's own
 * caret (the stock provider sends it with each edit), it goes in the same
 * write (`takeDue`) and costs no message of its own.
 *
 * Identity is the server's: a connection may set only its own client id (the
 * first one it announces), and the `user` field of its state is replaced with
 * the name and colour of its account.
 *
 * A message that holds only one connection's changes is not sent back to it:
 * a client knows its own state, and in a room of five where one person types,
 * that echo would be one socket write in five.
 *
 * Entries from other instances (scale-out) are owned by `remoteOwner`; they
 * expire when not renewed (their instance may have died), and are never
 * published back.
 */
import { limits } from '@baton/shared/limits.ts';
import * as decoding from 'lib0/decoding';
import { encodeAwarenessMessage, encodeAwarenessUpdate } from './messages.ts';
import { malformed, tooLarge } from './refusal.ts';

interface PresenceEntry {
  clientId: number;
  clock: number;
  /** JSON text as received; "null" marks a client that left. */
  state: string;
  /** The connection that set it, `remoteOwner`, or null for a tombstone. */
  owner: object | null;
  updatedAt: number;
}

/** What the server knows about whoever sends awareness on a connection. */
export interface PresenceIdentity {
  name: string;
  color: string;
}

/** Owner of entries that came from another instance. */
export const remoteOwner = Object.freeze({ remote: true });

export interface PresenceOutputs {
  /** Sends one awareness message to every local client of the room but `except` (if set). */
  broadcast(message: Uint8Array, except: object | null): void;
  /** Sends locally made changes to the other instances. */
  publish(update: Uint8Array): void;
}

export class RoomPresence {
  private readonly entries = new Map<number, PresenceEntry>();
  /** Accepted this turn, and whether other instances should hear about it. */
  private readonly queued = new Map<number, { entry: PresenceEntry; publish: boolean }>();
  private readonly ownClientIds = new WeakMap<object, number>();
  private flushScheduled = false;
  private flushTimer: NodeJS.Timeout | null = null;
  /** When queued changes last went out (Date.now()). */
  private lastSentAt = -Infinity;

  constructor(
    private readonly outputs: PresenceOutputs,
    /** Largest JSON state one client may set (UTF-16 length; a bound, not an exact byte count). */
    private readonly maxStateLength: number,
    /** Longest a change waits before it is sent; 0: the end of the event-loop turn. */
    private readonly intervalMs: number,
  ) {}

  /** The connection that set the live presence of `clientId`, if a local one did. */
  ownerOf(clientId: number): object | null {
    const entry = this.entries.get(clientId);
    return entry && entry.state !== 'null' && entry.owner !== remoteOwner ? entry.owner : null;
  }

  /** Entries held, tombstones of clients that left included. */
  get size(): number {
    return this.entries.size;
  }

  /** Applies an awareness update from a local connection; throws a Refusal on bad or oversized input. */
  apply(update: Uint8Array, owner: object, identity: PresenceIdentity): void {
    for (const { clientId, clock, state: raw } of decodeEntries(update)) {
      // The stock provider echoes other clients' states back; those are not its to set,
      // and are dropped before any JSON work (they are most of the traffic).
      const own = this.ownClientIds.get(owner) ?? clientId;
      if (clientId !== own) continue;
      const current = this.entries.get(clientId);
      const heldByOther =
        current?.owner && current.owner !== owner && current.owner !== remoteOwner;
      if (heldByOther || !isNewer(current, clock, raw)) continue;
      if (raw.length > this.maxStateLength) throw tooLarge('awareness state too large');
      const state = withIdentity(raw, identity);
      this.ownClientIds.set(owner, clientId);
      this.accept({ clientId, clock, state, owner, updatedAt: Date.now() });
    }
  }

  /** Applies entries from another instance (already validated there). */
  applyRemote(update: Uint8Array): void {
    for (const { clientId, clock, state } of decodeEntries(update)) {
      const current = this.entries.get(clientId);
      if (current?.owner && current.owner !== remoteOwner) continue;
      if (!isNewer(current, clock, state)) continue;
      this.accept({ clientId, clock, state, owner: remoteOwner, updatedAt: Date.now() });
    }
  }

  /** Marks every entry `owner` set as gone (its connection closed). */
  removeOwnedBy(owner: object): void {
    for (const entry of this.entries.values()) {
      if (entry.owner !== owner || entry.state === 'null') continue;
      this.accept(
        {
          clientId: entry.clientId,
          clock: entry.clock + 1,
          state: 'null',
          owner: null,
          updatedAt: Date.now(),
        },
        true,
      );
    }
  }

  /** Removes other instances' entries not renewed within `timeoutMs` (clients renew every 15 s). */
  expireRemote(now: number, timeoutMs: number): void {
    for (const entry of this.entries.values()) {
      if (
        entry.owner !== remoteOwner ||
        entry.state === 'null' ||
        now - entry.updatedAt < timeoutMs
      )
        continue;
      this.accept(
        {
          clientId: entry.clientId,
          clock: entry.clock + 1,
          state: 'null',
          owner: null,
          updatedAt: now,
        },
        false,
      );
    }
  }

  /**
   * Forgets tombstones older than `ageMs`: they only guard against late echoes,
   * and a long-lived room with many visitors would otherwise grow without bound.
   */
  forgetTombstones(now: number, ageMs: number): void {
    for (const [clientId, entry] of this.entries) {
      if (entry.state === 'null' && now - entry.updatedAt >= ageMs && !this.queued.has(clientId)) {
        this.entries.delete(clientId);
      }
    }
  }

  /** The full current presence as one message, or null when nobody is present. */
  encodeAll(): Uint8Array | null {
    const present = [...this.entries.values()].filter((e) => e.state !== 'null');
    return present.length === 0
      ? null
      : encodeAwarenessMessage(encodeAwarenessUpdate(present, present.length));
  }

  /** Broadcasts what is queued now instead of when the interval ends. */
  flush(): void {
    const sender = this.soleLocalOwner();
    const message = this.takeQueued();
    if (message) this.outputs.broadcast(message, sender);
  }

  /**
   * What is queued, as one awareness message for the caller to send to every
   * local client but `owner`, if it is all `owner`'s and the interval since
   * the last message has passed (null otherwise, and it waits for its timer).
   * A room sends it in the same write as `owner`'s update: a writer's caret
   * arrives with their edit. Other people's carets keep their pace, so in a
   * busy room presence still comes between edits at most once per interval.
   */
  takeDue(owner: object, now: number): Uint8Array | null {
    if (now - this.lastSentAt < this.intervalMs || this.soleLocalOwner() !== owner) return null;
    return this.takeQueued();
  }

  /** The connection that made every queued change, if one did (none for other instances' changes). */
  private soleLocalOwner(): object | null {
    let owner: object | null = null;
    for (const { entry } of this.queued.values()) {
      if (!entry.owner || entry.owner === remoteOwner) return null;
      if (owner && entry.owner !== owner) return null;
      owner = entry.owner;
    }
    return owner;
  }

  /** Empties the queue: the awareness message for local clients, null if nothing was queued. */
  private takeQueued(): Uint8Array | null {
    this.flushScheduled = false;
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = null;
    if (this.queued.size === 0) return null;
    const queued = [...this.queued.values()];
    this.queued.clear();
    this.lastSentAt = Date.now();
    const local = queued.filter((q) => q.publish).map((q) => q.entry);
    if (local.length > 0) this.outputs.publish(encodeAwarenessUpdate(local, local.length));
    const all = queued.map((q) => q.entry);
    return encodeAwarenessMessage(encodeAwarenessUpdate(all, all.length));
  }

  /**
   * @param publish whether other instances should hear about it: not for their
   * own entries, nor for expiries each instance does by itself.
   */
  private accept(entry: PresenceEntry, publish = entry.owner !== remoteOwner): void {
    // Entries of clients that left stay as tombstones, so a late echo of their
    // last state (an older clock) cannot bring them back.
    this.entries.set(entry.clientId, entry);
    this.queued.set(entry.clientId, { entry, publish });
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    if (this.intervalMs === 0) setImmediate(() => this.flush());
    else this.flushTimer = setTimeout(() => this.flush(), this.intervalMs);
  }
}

function isNewer(current: PresenceEntry | undefined, clock: number, state: string): boolean {
  return (
    current === undefined ||
    current.clock < clock ||
    (current.clock === clock && state === 'null' && current.state !== 'null')
  );
}

function decodeEntries(update: Uint8Array) {
  const decoder = decoding.createDecoder(update);
  const count = decoding.readVarUint(decoder);
  const entries: Array<{ clientId: number; clock: number; state: string }> = [];
  for (let i = 0; i < count; i++) {
    const clientId = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    entries.push({ clientId, clock, state: decoding.readVarString(decoder) });
  }
  if (decoding.hasContent(decoder)) throw malformed('trailing bytes');
  return entries;
}

/**
 * The state as JSON text with `user` set from the account; throws on anything
 * but an object or null. Baton's own client already sends the account's
 * identity, so the common case re-uses the text as it came.
 */
function withIdentity(state: string, identity: PresenceIdentity): string {
  if (state === 'null') return state;
  // Deep nesting overflows the stack of clients that parse it (and of JSON.stringify here).
  if (nestingDepth(state) > limits.maxAwarenessStateNesting)
    throw malformed('awareness state nested too deeply');
  let parsed: unknown;
  try {
    parsed = JSON.parse(state);
  } catch {
    throw malformed('awareness state is not JSON');
  }
  if (parsed === null) return 'null';
  if (typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw malformed('awareness state is not a JSON object');
  }
  const user = (parsed as { user?: { name?: unknown; color?: unknown } }).user;
  if (
    user &&
    user.name === identity.name &&
    user.color === identity.color &&
    Object.keys(user).length === 2
  ) {
    return state;
  }
  return JSON.stringify({ ...parsed, user: { name: identity.name, color: identity.color } });
}

/** The deepest nesting of objects and arrays in a JSON text (brackets inside strings ignored). */
function nestingDepth(json: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < json.length; i++) {
    const c = json.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) deepest = Math.max(deepest, ++depth);
    else if (c === 0x7d || c === 0x5d) depth--;
  }
  return deepest;
}
