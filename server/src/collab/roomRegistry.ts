/**
 * The document lifecycle: at most one load in flight per document, shared by
 * every connection that arrives meanwhile; unload only when nobody is connected
 * and no write is pending; a connection arriving during an unload waits for it
 * and then gets the stored state.
 */
import type { Logger } from '../config/logger.ts';
import type { DocStore } from '../store/docStore.ts';
import type { CollabIdentity, CollabSocket } from './collabSocket.ts';
import { Connection, type ConnectionHost } from './connection.ts';
import type { RoomMember } from './roomMember.ts';
import { Room } from './room.ts';
import { CloseCode } from '@baton/shared/protocol.ts';
import { type Fanout, LocalFanout } from '../fanout/fanout.ts';
import type { CollabLimits } from '../config/env.ts';
import type { RetryPolicy } from '../store/withRetry.ts';
import { limits } from '@baton/shared/limits.ts';

export interface RoomRegistryOptions {
  store: DocStore;
  logger: Logger;
  compactAfterUpdates: number;
  /** How long an empty room stays loaded; 0 unloads as soon as it is idle. */
  idleUnloadMs: number;
  /** Called after a committed change (for content snapshots). */
  onCommittedChange?: (room: Room) => void;
  /** Called before a room unloads, after its last write settled. */
  beforeUnload?: (room: Room) => Promise<void> | void;
  /** Called once a room has left memory. */
  onUnloaded?: (docName: string) => void;
  /** Called when the last document has left memory (for store maintenance). */
  onIdle?: () => void;
  /** Other instances; defaults to none. */
  fanout?: Fanout;
  /** What one client may send (docs/security.md). */
  limits: RoomLimits;
  /** How failed store writes are retried. */
  storeRetry: RetryPolicy;
}

export type RoomLimits = Pick<
  CollabLimits,
  | 'maxDocumentBytes'
  | 'documentWarningBytes'
  | 'maxAwarenessStateBytes'
  | 'messagesPerSecond'
  | 'awarenessPerSecond'
  | 'presenceIntervalMs'
>;

export interface RegistryStats {
  /** Documents in memory (ready). */
  documents: number;
  loading: number;
  unloading: number;
  connections: number;
  /** Awareness entries held, tombstones included. */
  presenceEntries: number;
  /** Empty rooms waiting to unload. */
  unloadTimers: number;
  /** Store writes not yet committed (retries included). */
  unsavedWrites: number;
}

/** Fan-out messages that arrive while a document loads, applied once it is ready. */
type Buffered = { kind: 'update' | 'awareness'; payload: Uint8Array };

type Slot =
  | { state: 'loading'; promise: Promise<Room>; buffered: Buffered[] }
  | { state: 'ready'; room: Room; unloadTimer: NodeJS.Timeout | null }
  | { state: 'unloading'; promise: Promise<void> };

export class RoomRegistry implements ConnectionHost {
  private readonly slots = new Map<string, Slot>();
  private shuttingDown = false;
  private readonly fanout: Fanout;
  private readonly presenceSweep: NodeJS.Timeout;
  private idleWaiters: Array<() => void> = [];

  constructor(private readonly options: RoomRegistryOptions) {
    this.fanout = options.fanout ?? new LocalFanout();
    this.fanout.setDocHandler({
      onUpdate: (docName, update) =>
        this.fromOtherInstance(docName, { kind: 'update', payload: update }),
      onAwareness: (docName, update) =>
        this.fromOtherInstance(docName, { kind: 'awareness', payload: update }),
      onResubscribed: () => void this.resyncAll(),
    });
    this.presenceSweep = setInterval(() => {
      const now = Date.now();
      for (const slot of this.slots.values()) {
        if (slot.state !== 'ready') continue;
        slot.room.presence.expireRemote(now, limits.remotePresenceTimeoutMs);
        slot.room.presence.forgetTombstones(now, limits.presenceTombstoneMs);
      }
    }, 5_000);
    this.presenceSweep.unref();
  }

  /** Adds a socket to a document; frames it receives before the load are buffered. */
  connect(docName: string, socket: CollabSocket, identity: CollabIdentity): Connection {
    const connection = new Connection(socket, identity, this.options.limits, this);
    this.acquire(docName).then(
      (room) => {
        this.cancelUnload(docName);
        connection.attach(room);
        if (connection.isClosed) this.scheduleUnloadIfEmpty(room);
      },
      (error: unknown) => {
        this.options.logger.error('could not load document', { doc: docName, error });
        connection.close(CloseCode.internalError, 'the document could not be loaded');
      },
    );
    return connection;
  }

  /** A connection left `room` (ConnectionHost): an empty room starts its unload timer. */
  connectionLeft(room: Room): void {
    this.scheduleUnloadIfEmpty(room);
  }

  /** What the registry holds right now: for operators (health) and the churn test. */
  stats(): RegistryStats {
    const stats: RegistryStats = {
      documents: 0,
      loading: 0,
      unloading: 0,
      connections: 0,
      presenceEntries: 0,
      unloadTimers: 0,
      unsavedWrites: 0,
    };
    for (const slot of this.slots.values()) {
      if (slot.state === 'loading') stats.loading++;
      else if (slot.state === 'unloading') stats.unloading++;
      else {
        stats.documents++;
        stats.connections += slot.room.connections.size;
        stats.presenceEntries += slot.room.presence.size;
        if (slot.unloadTimer) stats.unloadTimers++;
        stats.unsavedWrites += slot.room.unsavedWrites;
      }
    }
    return stats;
  }

  /** Resolves once no document is loading, loaded or unloading. */
  whenIdle(): Promise<void> {
    if (this.slots.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** The loaded room of a document, if any. */
  peek(docName: string): Room | undefined {
    const slot = this.slots.get(docName);
    return slot?.state === 'ready' ? slot.room : undefined;
  }

  /**
   * Runs `use` with the document's room, loading it if needed; a room loaded
   * only for this unloads again after the idle delay.
   */
  async withRoom<T>(docName: string, use: (room: Room) => Promise<T>): Promise<T> {
    const room = await this.acquire(docName);
    try {
      return await use(room);
    } finally {
      this.scheduleUnloadIfEmpty(room);
    }
  }

  /** Closes the open connections that match, in every loaded room (e.g. after an access change). */
  closeConnections(matches: (member: RoomMember) => boolean, code: number, reason: string): number {
    let closed = 0;
    for (const slot of this.slots.values()) {
      if (slot.state !== 'ready') continue;
      for (const connection of [...slot.room.connections]) {
        if (!matches(connection)) continue;
        connection.close(code, reason);
        closed++;
      }
    }
    return closed;
  }

  /**
   * Closes a document's connections and forgets its room without storing
   * anything more: no snapshot, no compaction (the document was deleted, and
   * the caller deletes its log once this resolves). Pending writes settle first.
   */
  async discard(docName: string, code: number, reason: string): Promise<void> {
    const slot = this.slots.get(docName);
    if (!slot) return;
    if (slot.state !== 'ready') {
      await slot.promise.catch(() => undefined);
      return this.discard(docName, code, reason);
    }
    if (slot.unloadTimer) clearTimeout(slot.unloadTimer);
    // Gone from the map first, so the connections closing below start no unload.
    this.slots.delete(docName);
    for (const connection of [...slot.room.connections]) connection.close(code, reason);
    await slot.room.settled();
    slot.room.destroy();
    await this.fanout.unsubscribeDoc(docName);
    this.options.onUnloaded?.(docName);
    this.noticeIdle();
  }

  /** Closes every connection and unloads every room, flushing writes and compacting. */
  async shutdown(): Promise<void> {
    this.shuttingDown = true;
    clearInterval(this.presenceSweep);
    const unloads: Promise<void>[] = [];
    for (const [name, slot] of this.slots) {
      if (slot.state === 'loading') await slot.promise.catch(() => undefined);
      const current = this.slots.get(name);
      if (current?.state === 'ready') {
        for (const connection of current.room.connections) {
          connection.close(CloseCode.goingAway, 'server shutting down');
        }
        unloads.push(this.unload(name, current.room));
      } else if (current?.state === 'unloading') {
        unloads.push(current.promise);
      }
    }
    await Promise.all(unloads);
  }

  private async acquire(docName: string): Promise<Room> {
    for (;;) {
      if (this.shuttingDown) throw new Error('server shutting down');
      const slot = this.slots.get(docName);
      if (!slot) break;
      if (slot.state === 'ready') return slot.room;
      if (slot.state === 'loading') return slot.promise;
      await slot.promise;
    }
    const buffered: Buffered[] = [];
    const promise = this.load(docName);
    this.slots.set(docName, { state: 'loading', promise, buffered });
    try {
      const room = await promise;
      this.slots.set(docName, { state: 'ready', room, unloadTimer: null });
      for (const message of buffered.splice(0)) this.deliver(room, message);
      return room;
    } catch (error) {
      this.slots.delete(docName);
      this.noticeIdle();
      throw error;
    }
  }

  private async load(docName: string): Promise<Room> {
    // Subscribe before loading, so no update committed elsewhere falls in the gap.
    await this.fanout.subscribeDoc(docName);
    const updates = await this.options.store.load(docName);
    return new Room(docName, updates, {
      store: this.options.store,
      logger: this.options.logger,
      compactAfterUpdates: this.options.compactAfterUpdates,
      onCommittedChange: this.options.onCommittedChange,
      onBroken: (room) => this.drop(room),
      fanout: this.fanout,
      ...this.options.limits,
      storeRetry: this.options.storeRetry,
    });
  }

  private cancelUnload(docName: string): void {
    const slot = this.slots.get(docName);
    if (slot?.state === 'ready' && slot.unloadTimer) {
      clearTimeout(slot.unloadTimer);
      slot.unloadTimer = null;
    }
  }

  private scheduleUnloadIfEmpty(room: Room): void {
    const slot = this.slots.get(room.name);
    if (slot?.state !== 'ready' || slot.room !== room || room.connections.size > 0) return;
    if (slot.unloadTimer || this.shuttingDown) return;
    slot.unloadTimer = setTimeout(() => {
      slot.unloadTimer = null;
      if (room.connections.size === 0 && this.slots.get(room.name) === slot) {
        void this.unload(room.name, room);
      }
    }, this.options.idleUnloadMs);
    slot.unloadTimer.unref();
  }

  private unload(docName: string, room: Room): Promise<void> {
    const promise = (async () => {
      await room.settled();
      room.presence.flush();
      try {
        await this.options.beforeUnload?.(room);
        await room.compact();
      } catch (error) {
        this.options.logger.error('error while unloading a document', { doc: docName, error });
      } finally {
        room.destroy();
        this.slots.delete(docName);
        await this.fanout.unsubscribeDoc(docName);
        this.options.onUnloaded?.(docName);
        this.noticeIdle();
      }
    })();
    this.slots.set(docName, { state: 'unloading', promise });
    return promise;
  }

  private fromOtherInstance(docName: string, message: Buffered): void {
    const slot = this.slots.get(docName);
    if (slot?.state === 'loading') slot.buffered.push(message);
    else if (slot?.state === 'ready') this.deliver(slot.room, message);
  }

  private deliver(room: Room, message: Buffered): void {
    try {
      if (message.kind === 'update') room.applyRemoteUpdate(message.payload);
      else room.presence.applyRemote(message.payload);
    } catch (error) {
      this.options.logger.warn('ignored a malformed message from another instance', {
        doc: room.name,
        error,
      });
    }
  }

  /** After fan-out messages may have been lost: bring every open document up to the store. */
  private async resyncAll(): Promise<void> {
    for (const slot of [...this.slots.values()]) {
      if (slot.state !== 'ready') continue;
      try {
        slot.room.resyncFrom(await this.options.store.load(slot.room.name));
      } catch (error) {
        this.options.logger.error('resync failed', { doc: slot.room.name, error });
      }
    }
  }

  private noticeIdle(): void {
    if (this.slots.size > 0) return;
    try {
      this.options.onIdle?.();
    } catch (error) {
      this.options.logger.error('idle maintenance failed', { error });
    }
    for (const resolve of this.idleWaiters.splice(0)) resolve();
  }

  /** Forgets a broken room at once; the next connection loads it again from the store. */
  private drop(room: Room): void {
    const slot = this.slots.get(room.name);
    if (slot?.state === 'ready' && slot.room === room) {
      if (slot.unloadTimer) clearTimeout(slot.unloadTimer);
      this.slots.delete(room.name);
      this.noticeIdle();
    }
    void room.settled().then(() => room.destroy());
  }
}
