/**
 * One live document: its Y.Doc, the connections editing it and their presence.
 * Invariant: an update reaches other clients (broadcast or sync step 2) only
 * after the store has committed it.
 */
import { CloseCode, READ_ONLY_REASON } from '@baton/shared/protocol.ts';
import * as Y from 'yjs';
import type { Logger } from '../config/logger.ts';
import type { DocStore } from '../store/docStore.ts';
import type { Connection } from './connection.ts';
import {
  encodePermissionDenied,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeSyncStep2Update,
  encodeUpdateMessage,
} from './messages.ts';
import { RoomPresence } from './roomPresence.ts';
import type { Fanout } from '../fanout/fanout.ts';

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
}

/** Origin of updates that came from other instances or the store (already durable). */
const remoteOrigin = Symbol('remote');

const readOnlyMessage = encodePermissionDenied(READ_ONLY_REASON);

export class Room {
  readonly doc = new Y.Doc();
  readonly connections = new Set<Connection>();
  readonly presence: RoomPresence;
  /** The newest write. Commits resolve in order, so it settles after every earlier one. */
  private lastWrite: Promise<void> = Promise.resolve();
  private broken = false;
  private pendingWrites = 0;
  private logLength: number;
  private compacting = false;
  private changedInLastApply = false;
  /**
   * The sync step 2 for a client that has nothing yet (empty state vector),
   * kept until the document changes: on a long essay, encoding the whole
   * state is most of the cost of every fresh client.
   */
  private fullStateReply: Uint8Array | null = null;

  constructor(
    readonly name: string,
    storedUpdates: readonly Uint8Array[],
    private readonly options: RoomOptions,
  ) {
    this.logLength = storedUpdates.length;
    this.doc.transact(() => {
      for (const update of storedUpdates) Y.applyUpdate(this.doc, update);
    });
    // A compacted log is one update holding the whole state: the first fresh
    // client gets those bytes as they are, without encoding the document again.
    const [only] = storedUpdates;
    if (storedUpdates.length === 1 && only) this.fullStateReply = encodeSyncStep2Update(only);
    this.doc.on('afterTransaction', (tr: Y.Transaction) => {
      const changed = tr.changed.size > 0 || tr.deleteSet.clients.size > 0;
      if (changed) this.changedInLastApply = true;
      // The encoded state also carries pending structs; an empty update (every fresh
      // client sends one) changes nothing and keeps the cached reply.
      const store = this.doc.store as { pendingStructs: unknown; pendingDs: unknown };
      if (changed || store.pendingStructs !== null || store.pendingDs !== null) {
        this.fullStateReply = null;
      }
    });
    this.presence = new RoomPresence({
      broadcast: (message) => this.broadcast(message, null),
      publish: (update) => this.options.fanout.publishAwareness(this.name, update),
    });
  }

  join(connection: Connection): void {
    this.connections.add(connection);
    connection.send(encodeSyncStep1(this.doc));
    if (connection.identity.readOnly) connection.send(readOnlyMessage);
    const presence = this.presence.encodeAll();
    if (presence) connection.send(presence);
  }

  leave(connection: Connection): void {
    if (!this.connections.delete(connection)) return;
    this.presence.removeOwnedBy(connection);
  }

  /**
   * Applies a client's update. `message` is the frame other clients receive;
   * it is sent as is, once the update is committed.
   */
  applyUpdate(update: Uint8Array, origin: Connection, message: Uint8Array): void {
    if (this.broken) return;
    this.changedInLastApply = false;
    try {
      Y.applyUpdate(this.doc, update, origin);
    } catch (error) {
      // A corrupt update that got half applied leaves memory ahead of the store.
      if (this.changedInLastApply) this.fail(error);
      throw error;
    }
    const store = this.doc.store as { pendingStructs: unknown; pendingDs: unknown };
    // An update waiting for a missing dependency changes nothing yet, but the log must keep it.
    const mustPersist =
      this.changedInLastApply || store.pendingStructs !== null || store.pendingDs !== null;
    if (!mustPersist) return;
    const write = this.options.store.append(this.name, update);
    this.track(write);
    write.then(
      () => {
        this.broadcast(message, origin);
        this.options.fanout.publishUpdate(this.name, update);
        this.options.onCommittedChange?.(this);
      },
      (error: unknown) => this.fail(error),
    );
    this.logLength++;
    if (this.logLength >= this.options.compactAfterUpdates) this.compactWhenIdle();
  }

  /**
   * Changes the document on the server's behalf (for example restoring a
   * version) as one transaction of ordinary edits: stored, then broadcast to
   * every client, like a client's update. Resolves once it is committed.
   */
  async applyServerChange(change: (doc: Y.Doc) => void): Promise<void> {
    if (this.broken) throw new Error('the document is reloading; try again');
    const origin = Symbol('server change');
    let update: Uint8Array | null = null;
    const capture = (u: Uint8Array, o: unknown) => {
      if (o === origin) update = u;
    };
    this.doc.on('update', capture);
    try {
      this.doc.transact(() => change(this.doc), origin);
    } finally {
      this.doc.off('update', capture);
    }
    if (!update) return;
    const message = encodeUpdateMessage(update);
    const write = this.options.store.append(this.name, update);
    this.track(write);
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
  }

  /** An update another instance committed: apply and pass on to local clients. */
  applyRemoteUpdate(update: Uint8Array): void {
    if (this.broken) return;
    Y.applyUpdate(this.doc, update, remoteOrigin);
    this.broadcast(encodeUpdateMessage(update), null);
  }

  /**
   * Catches up with the store after fan-out messages may have been lost:
   * applies the stored log and sends local clients what they lacked.
   */
  resyncFrom(storedUpdates: readonly Uint8Array[]): void {
    if (this.broken) return;
    const before = Y.encodeStateVector(this.doc);
    this.changedInLastApply = false;
    this.doc.transact(() => {
      for (const update of storedUpdates) Y.applyUpdate(this.doc, update);
    }, remoteOrigin);
    if (this.changedInLastApply) {
      this.broadcast(encodeUpdateMessage(Y.encodeStateAsUpdate(this.doc, before)), null);
    }
  }

  /** Answers a sync step 1, after every write before it is committed (see docs/decisions/0001). */
  answerSyncStep1(stateVector: Uint8Array, to: Connection): void {
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
    if (this.pendingWrites === 0) then();
    else this.lastWrite.then(then, failed);
  }

  /** Resolves once no write is pending (failures included). */
  async settled(): Promise<void> {
    while (this.pendingWrites > 0) await this.lastWrite.catch(() => undefined);
  }

  broadcast(message: Uint8Array, except: Connection | null): void {
    for (const connection of this.connections) {
      if (connection !== except) connection.send(message);
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
    this.doc.destroy();
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
    if (this.broken) return;
    this.broken = true;
    this.options.logger.error('store refused an update; reloading the document', {
      doc: this.name,
      error,
    });
    for (const connection of this.connections) {
      connection.close(CloseCode.internalError, 'a change could not be saved; reconnecting');
    }
    this.options.onBroken(this);
  }

  private track(write: Promise<void>): void {
    this.pendingWrites++;
    const settle = () => {
      this.pendingWrites--;
    };
    write.then(settle, settle);
    this.lastWrite = write;
  }
}
