/**
 * One live document: its Y.Doc, the connections editing it and their presence.
 * Invariant: an update reaches other clients (broadcast or sync step 2) only
 * after the store has committed it.
 */
import { CloseCode } from '@baton/shared/protocol.ts';
import * as Y from 'yjs';
import type { Logger } from '../config/logger.ts';
import type { DocStore } from '../store/docStore.ts';
import type { RoomMember } from './roomMember.ts';
import { SharedMessage } from './collabSocket.ts';
import {
  encodeSyncStep1,
  encodeSyncStep2,
  encodeSyncStep2Update,
  encodeUpdateMessage,
  readOnlyMessage,
} from './messages.ts';
import { RoomPresence } from './roomPresence.ts';
import type { Fanout } from '../fanout/fanout.ts';
import type { RetryPolicy } from '../store/withRetry.ts';
import { WriteQueue } from './writeQueue.ts';
import { applyUpdateAsIs } from '../store/applyUpdateAsIs.ts';
import { malformed, tooLarge } from './refusal.ts';
import { SuggestionGate } from './suggestionGate.ts';
import { Authorship } from './authorship.ts';
import { missingDependency } from './updateDependencies.ts';

export interface RoomOptions {
  store: DocStore;
  logger: Logger;
  compactAfterUpdates: number;
  /** Called after a change to the document has been committed. */
  onCommittedChange?: (room: Room) => void;
  /** Called when a write failed: the room must be dropped (see `fail`). */
  onBroken: (room: Room) => void;
  /** Other instances (scale-out); a no-op with one instance. */
  fanout: Fanout;
  /** Size of the encoded state past which inserts are refused, and where the log warns. */
  maxDocumentBytes: number;
  documentWarningBytes: number;
  maxAwarenessStateBytes: number;
  /** How often presence changes are sent (see RoomPresence); 0: once per event-loop turn. */
  presenceIntervalMs: number;
  /** How a failed store write is retried before the room gives up (see `fail`). */
  storeRetry: RetryPolicy;
}

/** Origin of updates that came from other instances or the store (already durable). */
const remoteOrigin = Symbol('remote');

/** Whether a transaction integrated anything new (some client's clock moved on). */
function stateAdvanced(before: Map<number, number>, after: Map<number, number>): boolean {
  if (after.size !== before.size) return true;
  for (const [client, clock] of after) if (before.get(client) !== clock) return true;
  return false;
}

/**
 * Whether a transaction changed the document. An update can move the state on
 * without changing anything visible (text typed into a paragraph someone else
 * deleted): it must still be stored, or that writer's later updates can never
 * be integrated from the store.
 */
function transactionChanged(tr: Y.Transaction): boolean {
  return (
    tr.changed.size > 0 ||
    tr.deleteSet.clients.size > 0 ||
    stateAdvanced(tr.beforeState, tr.afterState)
  );
}

/**
 * What became of a client's update (Room.applyUpdate). Refusals that close
 * the connection are thrown instead.
 */
export type ApplyResult =
  | { kind: 'applied' }
  /** It builds on (or deletes) changes the server does not have; nothing applied. */
  | { kind: 'missingDependency'; missing: string }
  /** A suggestions-only connection did more than suggest (SUG-4); nothing applied. */
  | { kind: 'notASuggestion' };

/**
 * Where a room is in its life. `stored`: loaded from a compacted log that is
 * not yet built into the Y.Doc (fresh clients are answered from its bytes, so
 * after a restart the first readers of a long essay need not wait for the
 * build); `building`: being built; `live`: the Y.Doc is the document;
 * `broken`: a write failed for good and the registry drops the room (see
 * `fail`); `destroyed`: unloaded.
 */
type RoomState =
  | { kind: 'stored'; update: Uint8Array; timer: NodeJS.Timeout }
  | { kind: 'building' }
  | { kind: 'live' }
  | { kind: 'broken' }
  | { kind: 'destroyed' };

const assertNever = (state: never): never => {
  throw new Error(`unknown room state ${JSON.stringify(state)}`);
};

/** How long a freshly loaded room answers from the stored bytes before it builds the document. */
const integrateStoredAfterMs = 1_000;

export class Room {
  private readonly ydoc: Y.Doc;
  private state: RoomState = { kind: 'live' };
  readonly connections = new Set<RoomMember>();
  readonly presence: RoomPresence;
  private readonly authorship = new Authorship();
  /** Judges suggestions-only writers' updates; made on the first one (see SuggestionGate). */
  private suggestionGate: SuggestionGate | null = null;
  private readonly writes: WriteQueue;
  private logLength: number;
  private compacting = false;
  /**
   * The sync step 2 for a client that has nothing yet (empty state vector),
   * kept until the document changes: on a long essay, encoding the whole
   * state is most of the cost of every fresh client.
   */
  private fullStateReply: Uint8Array | null = null;
  /**
   * An upper bound of the encoded state's size: measured exactly only when it
   * nears a limit, and raised by the size of every update with content.
   */
  private approximateBytes: number;
  private warnedAboutSize = false;

  constructor(
    readonly name: string,
    storedUpdates: readonly Uint8Array[],
    private readonly options: RoomOptions,
  ) {
    // A guid of our own: Y.Doc's default is a UUID drawn one WebCrypto call per
    // character, ~90 µs of CPU for every room opened against ~6 µs (docs/performance.md § 6).
    this.ydoc = new Y.Doc({ guid: name });
    this.logLength = storedUpdates.length;
    this.writes = new WriteQueue({
      append: (update) => options.store.append(name, update),
      retry: options.storeRetry,
      onRetry: (error, attempt, delayMs) =>
        options.logger.warn('store write failed; retrying', { doc: name, attempt, delayMs, error }),
    });
    this.approximateBytes = storedUpdates.reduce((sum, update) => sum + update.length, 0);
    // A compacted log is one update holding the whole state: fresh clients get
    // those bytes as they are, and the document is built once they are sent.
    const [only] = storedUpdates;
    if (storedUpdates.length === 1 && only) {
      this.fullStateReply = encodeSyncStep2Update(only);
      // Not at once: building the document blocks the event loop, and the reply to the
      // first clients (hundreds of kilobytes) must drain to their sockets first. Anything
      // that needs the document before then builds it on the spot.
      const timer = setTimeout(() => this.integrateStored(), integrateStoredAfterMs);
      timer.unref();
      this.state = { kind: 'stored', update: only, timer };
    } else {
      this.ydoc.transact(() => {
        for (const update of storedUpdates) applyUpdateAsIs(this.ydoc, update, null);
      });
    }
    this.ydoc.on('afterTransaction', (tr: Y.Transaction) => {
      if (this.state.kind === 'building') return; // the stored state itself: the cached reply holds it
      const changed = transactionChanged(tr);
      // The encoded state also carries pending structs; an empty update (every fresh
      // client sends one) changes nothing and keeps the cached reply.
      const store = this.ydoc.store as { pendingStructs: unknown; pendingDs: unknown };
      if (changed || store.pendingStructs !== null || store.pendingDs !== null) {
        this.fullStateReply = null;
      }
    });
    this.presence = new RoomPresence(
      {
        broadcast: (message, except) => this.broadcast(message, except),
        publish: (update) => this.options.fanout.publishAwareness(this.name, update),
      },
      options.maxAwarenessStateBytes,
      options.presenceIntervalMs,
    );
  }

  /** The live document, built from the store first if it is not yet. */
  get doc(): Y.Doc {
    this.integrateStored();
    return this.ydoc;
  }

  /** Writes started and not yet committed (or given up). */
  get unsavedWrites(): number {
    return this.writes.pending;
  }

  join(connection: RoomMember): void {
    this.connections.add(connection);
    // Until the stored log is integrated the server has no state to ask about;
    // everyone connected then gets its sync step 1 once it is (integrateStored).
    if (this.state.kind !== 'stored') connection.send(encodeSyncStep1(this.ydoc));
    if (connection.identity.readOnly) connection.send(readOnlyMessage);
    const presence = this.presence.encodeAll();
    if (presence) connection.send(presence);
  }

  leave(connection: RoomMember): void {
    if (!this.connections.delete(connection)) return;
    this.presence.removeOwnedBy(connection);
    this.authorship.release(connection);
    if (this.suggestionGate && ![...this.connections].some((c) => c.identity.suggestionsOnly)) {
      this.suggestionGate.reset();
      this.suggestionGate = null;
    }
  }

  /**
   * Applies a client's update. `message` is the frame other clients receive;
   * it is sent as is, once the update is committed. Throws a Refusal (and
   * changes nothing) for an update that does not decode or would make the
   * document too large. An update that builds on changes the server does not
   * have, or one from a suggestions-only connection that does more than
   * suggest, changes nothing either: the result says which, and the
   * connection decides (hold it for the sync step 2, or refuse).
   */
  applyUpdate(update: Uint8Array, origin: RoomMember, message: Uint8Array): ApplyResult {
    if (this.state.kind === 'broken') return { kind: 'applied' };
    let decoded: ReturnType<typeof Y.decodeUpdate>;
    try {
      decoded = Y.decodeUpdate(update);
    } catch {
      throw malformed('the update does not decode');
    }
    const structs = decoded.structs.length;
    if (structs > 0 || decoded.ds.clients.size > 0) {
      const missing = missingDependency(this.doc, decoded);
      if (missing) return { kind: 'missingDependency', missing };
    }
    // Deletions alone never grow the document: a full one can still be trimmed.
    if (structs > 0) {
      this.makeRoomFor(update.length);
      this.authorship.claim(this.doc, decoded.structs, origin, (id) => this.presence.ownerOf(id));
    }
    const judged = origin.identity.suggestionsOnly && (structs > 0 || decoded.ds.clients.size > 0);
    if (judged) {
      this.suggestionGate ??= new SuggestionGate(this.doc);
      if (!this.suggestionGate.admits(update, origin.identity.userId)) {
        return { kind: 'notASuggestion' };
      }
    }
    let changed: boolean;
    try {
      changed = this.integrate(update, origin);
    } catch (error) {
      if (judged) this.suggestionGate?.reset(); // the shadow took what the room did not
      throw error;
    }
    // Updates with missing dependencies were turned away above, so anything that was
    // not integrated at once would have been refused: no change, nothing to store.
    if (!changed) return { kind: 'applied' };
    if (structs > 0) this.approximateBytes += update.length;
    this.persist(update).then(
      () => {
        this.broadcastUpdate(message, origin);
        this.options.fanout.publishUpdate(this.name, update);
        this.options.onCommittedChange?.(this);
      },
      (error: unknown) => this.fail(error),
    );
    this.logLength++;
    if (this.logLength >= this.options.compactAfterUpdates) this.compactWhenIdle();
    return { kind: 'applied' };
  }

  /**
   * Changes the document on the server's behalf (for example restoring a
   * version) as one transaction of ordinary edits: stored, then broadcast to
   * every client, like a client's update. Resolves once it is committed.
   */
  async applyServerChange(change: (doc: Y.Doc) => void): Promise<void> {
    if (this.state.kind === 'broken') throw new Error('the document is reloading; try again');
    const origin = Symbol('server change');
    let update: Uint8Array | null = null;
    const capture = (u: Uint8Array, o: unknown) => {
      if (o === origin) update = u;
    };
    let completed = false;
    let failure: unknown = null;
    this.doc.on('update', capture);
    try {
      this.doc.transact(() => {
        change(this.doc);
        completed = true;
      }, origin);
    } catch (error) {
      failure = error;
      if (completed)
        this.options.logger.error('a document observer failed', { doc: this.name, error });
    } finally {
      this.doc.off('update', capture);
    }
    // Whatever reached memory must reach the store, even from a change that threw halfway.
    const changeFailed = failure !== null && !completed;
    if (!update) {
      if (changeFailed) throw failure;
      return;
    }
    const message = encodeUpdateMessage(update);
    const write = this.persist(update);
    this.logLength++;
    try {
      await write;
    } catch (error) {
      this.fail(error);
      throw error;
    }
    this.broadcast(message, null);
    this.options.fanout.publishUpdate(this.name, update);
    this.options.onCommittedChange?.(this);
    if (changeFailed) throw failure;
  }

  /** An update another instance committed: apply and pass on to local clients. */
  applyRemoteUpdate(update: Uint8Array): void {
    if (this.state.kind === 'broken') return;
    this.integrate(update, remoteOrigin);
    this.broadcast(encodeUpdateMessage(update), null);
  }

  /**
   * Catches up with the store after fan-out messages may have been lost:
   * applies the stored log and sends local clients what they lacked.
   */
  resyncFrom(storedUpdates: readonly Uint8Array[]): void {
    if (this.state.kind === 'broken') return;
    const before = Y.encodeStateVector(this.doc);
    let transaction: Y.Transaction | null = null;
    this.doc.transact((tr) => {
      transaction = tr;
      for (const update of storedUpdates) applyUpdateAsIs(this.doc, update, remoteOrigin);
    }, remoteOrigin);
    if (transaction && transactionChanged(transaction)) {
      this.broadcast(encodeUpdateMessage(Y.encodeStateAsUpdate(this.doc, before)), null);
    }
  }

  /** Answers a sync step 1, after every write before it is committed (see docs/decisions/0001). */
  answerSyncStep1(stateVector: Uint8Array, to: RoomMember): void {
    const isEmpty = stateVector.length === 1 && stateVector[0] === 0;
    const reply = isEmpty
      ? (this.fullStateReply ??= encodeSyncStep2(this.doc, stateVector))
      : encodeSyncStep2(this.doc, stateVector);
    this.afterWrites(
      () => to.send(reply),
      () => to.close(CloseCode.internalError, 'the document could not be saved'),
    );
  }

  /** Runs `then` once every write started so far is committed; `failed` if one was not. */
  afterWrites(then: () => void, failed: () => void): void {
    this.writes.afterWrites(then, failed);
  }

  /** Resolves once no write is pending (failures included). */
  settled(): Promise<void> {
    return this.writes.settled();
  }

  /** Sends `message` to every connection but `except` (a connection, or null for none). */
  broadcast(message: Uint8Array, except: object | null): void {
    this.sendShared(new SharedMessage(message), except);
  }

  /**
   * Sends a committed update to everyone but its writer, with the writer's
   * own presence change if it is due in the same write, after the update: a
   * client applies the edit first, and a caret placed in it then finds its place.
   */
  private broadcastUpdate(message: Uint8Array, writer: RoomMember): void {
    const presence = this.presence.takeDue(writer, Date.now());
    const shared = presence ? new SharedMessage(message, presence) : new SharedMessage(message);
    this.sendShared(shared, writer);
  }

  private sendShared(shared: SharedMessage, except: object | null): void {
    for (const connection of this.connections) {
      if (connection !== except) connection.sendShared(shared);
    }
  }

  /** Merges the stored log into one update. Runs between writes, never during one. */
  async compact(): Promise<void> {
    if (this.compacting) return;
    this.compacting = true;
    try {
      await this.settled();
      await this.options.store.compact(this.name);
      this.logLength = 1;
    } catch (error) {
      this.options.logger.error('compaction failed', { doc: this.name, error });
    } finally {
      this.compacting = false;
    }
  }

  destroy(): void {
    // A destroyed room must not be kept alive by its pending timer.
    if (this.state.kind === 'stored') clearTimeout(this.state.timer);
    this.state = { kind: 'destroyed' };
    this.suggestionGate?.reset();
    this.suggestionGate = null;
    this.ydoc.destroy();
  }

  /** Builds the document from the compacted log, if that is still to do. */
  private integrateStored(): void {
    const state = this.state;
    switch (state.kind) {
      case 'stored':
        break;
      case 'building':
      case 'live':
      case 'broken':
      case 'destroyed':
        return;
      default:
        return assertNever(state);
    }
    clearTimeout(state.timer);
    this.state = { kind: 'building' };
    try {
      applyUpdateAsIs(this.ydoc, state.update, remoteOrigin);
    } finally {
      this.state = { kind: 'live' };
    }
    const step1 = encodeSyncStep1(this.ydoc);
    // Only a room loaded from a compacted log gets here: every connection joined before now.
    for (const connection of this.connections) connection.send(step1);
  }

  private compactWhenIdle(): void {
    if (!this.compacting) void this.compact();
  }

  /**
   * A write failed, so memory holds an update the store does not. Nobody has
   * seen it (broadcasts wait for commits), and its writer still holds it, so the
   * safe recovery is to drop the room: every client reconnects, the room reloads
   * from the store and the writers resend what is missing in their sync step 2.
   */
  fail(error: unknown): void {
    if (this.state.kind === 'broken' || this.state.kind === 'destroyed') return;
    this.state = { kind: 'broken' };
    this.options.logger.error('store refused an update; reloading the document', {
      doc: this.name,
      error,
    });
    for (const connection of this.connections) {
      connection.close(CloseCode.internalError, 'a change could not be saved; reconnecting');
    }
    this.options.onBroken(this);
  }

  /**
   * Applies an update to the document; returns whether the document changed
   * (and so the update must be stored). An update that fails to integrate is
   * refused; if it got half applied, memory is ahead of the store and the room
   * fails. An observer that throws after the update was applied does not make
   * the update bad: it is logged and the update goes on to be stored.
   */
  private integrate(update: Uint8Array, origin: unknown): boolean {
    let integrated = false;
    let transaction: Y.Transaction | null = null;
    const changed = () => transaction !== null && transactionChanged(transaction);
    try {
      const doc = this.doc;
      Y.transact(
        doc,
        (tr) => {
          transaction = tr;
          applyUpdateAsIs(doc, update, origin);
          integrated = true;
        },
        origin,
      );
    } catch (error) {
      if (integrated) {
        this.options.logger.error('a document observer failed', { doc: this.name, error });
        return changed();
      }
      if (changed()) this.fail(error);
      throw malformed('the update could not be applied');
    }
    return changed();
  }

  /** Throws a Refusal if `bytes` more would take the document past its limit. */
  private makeRoomFor(bytes: number): void {
    const { maxDocumentBytes, documentWarningBytes } = this.options;
    const nearWarning =
      !this.warnedAboutSize && this.approximateBytes + bytes > documentWarningBytes;
    if (!nearWarning && this.approximateBytes + bytes <= maxDocumentBytes) return;
    this.approximateBytes = this.measure();
    if (!this.warnedAboutSize && this.approximateBytes + bytes > documentWarningBytes) {
      this.warnedAboutSize = true;
      this.options.logger.warn('a document is nearing its size limit', {
        doc: this.name,
        bytes: this.approximateBytes,
        limit: maxDocumentBytes,
      });
    }
    if (this.approximateBytes + bytes > maxDocumentBytes) {
      throw tooLarge(`the document would pass its size limit of ${maxDocumentBytes} bytes`);
    }
  }

  /** The exact size of the encoded state; the encoding is kept as the reply for fresh clients. */
  private measure(): number {
    const state = Y.encodeStateAsUpdate(this.doc);
    this.fullStateReply ??= encodeSyncStep2Update(state);
    return state.length;
  }

  /** Appends to the store, retrying with backoff; rejects once the retries are spent. */
  private persist(update: Uint8Array): Promise<void> {
    return this.writes.write(update);
  }
}
