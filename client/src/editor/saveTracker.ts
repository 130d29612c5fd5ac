/**
 * Knows whether this tab's edits are durably stored, although the server never
 * acknowledges updates.
 *
 * It relies on one server guarantee: messages of a connection are processed in
 * order, and a client's sync step 1 is answered with a sync step 2 only after
 * every update received before that step 1 (on the same socket) is committed to
 * the store. So after local edits we send our own step 1 and remember how many
 * local edits it covers (`localSeq` at that moment) in a FIFO; the matching
 * step 2 proves they are saved. The provider's own step 1 on connect is answered
 * too, so its step 2 is matched with a sentinel and ignored.
 *
 * A read-only connection (the server's auth `permission denied` with
 * READ_ONLY_REASON, sent before it answers our step 1) drops our updates but
 * still answers step 1: there a step 2 proves nothing, and unconfirmed edits
 * show as unsaved until a writable connection stores them.
 *
 * Changes kept on this device from an earlier visit (the local draft, see
 * docs/decisions/0009-offline-drafts.md) come in through `restore()` and count
 * like edits made here. As a backstop, when the server's own step 1 shows it
 * lacks content this tab holds although nothing is counted as pending, one
 * change is counted, so "saved" waits for a check that covers it.
 */
import * as Y from 'yjs';
import type { WebsocketProvider } from 'y-websocket';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import { MessageType, SyncMessageType } from '@baton/shared/protocol.ts';
import type { AccessStore } from './accessStore.ts';
import { shallowEqual, snapshotStore } from '../lib/snapshotStore.ts';

export type SaveState = 'saved' | 'saving' | 'unsaved';

export interface SaveSnapshot {
  state: SaveState;
  /** Local edits made in this tab. */
  localSeq: number;
  /** Local edits the server has confirmed as stored. */
  savedSeq: number;
  /** The current connection is read-only: edits not yet saved will not be saved over it. */
  readOnly: boolean;
}

export interface SaveTracker {
  getSnapshot(): SaveSnapshot;
  /** Counts `changes` kept on this device that no server has confirmed yet (a restored draft). */
  restore(changes: number): void;
  subscribe(listener: () => void): () => void;
  /** Stops tracking and restores the provider's own sync handler. */
  destroy(): void;
}

export interface SaveTrackerOptions {
  /** Quiet time after the last local edit before asking the server. */
  debounceMs?: number;
  /** Longest a run of continuous typing waits for a check. */
  maxWaitMs?: number;
  /** The server's verdict on the current connection; without it, connections count as writable. */
  access?: Pick<AccessStore, 'getSnapshot' | 'subscribe'>;
  /** Origins of transactions that are not edits (the local draft store replaying its copy). */
  isReplay?: (origin: unknown) => boolean;
}

/** Marks the provider's own step 1 on connect: its step 2 confirms nothing of ours. */
const PROVIDER_STEP1 = -1;

type SyncHandler = WebsocketProvider['messageHandlers'][number];

/** Starts tracking local edits of `provider.doc`; create it before `provider.connect()`. */
export function createSaveTracker(
  provider: WebsocketProvider,
  { debounceMs = 300, maxWaitMs = 3_000, access, isReplay }: SaveTrackerOptions = {},
): SaveTracker {
  const doc: Y.Doc = provider.doc;
  let localSeq = 0;
  let savedSeq = 0;
  /** `localSeq` covered by each step 1 still waiting for its step 2, oldest first. */
  let pending: number[] = [];
  let checkInFlight = false;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let firstUnsavedAt: number | null = null;
  const isReadOnly = () => access?.getSnapshot().readOnly ?? false;
  const store = snapshotStore(computeSnapshot(), shallowEqual);

  function computeSnapshot(): SaveSnapshot {
    const readOnly = isReadOnly();
    const state: SaveState =
      localSeq === savedSeq ? 'saved' : provider.wsconnected && !readOnly ? 'saving' : 'unsaved';
    return { state, localSeq, savedSeq, readOnly };
  }

  const emit = () => store.set(computeSnapshot());

  function cancelTimer() {
    if (timer !== null) clearTimeout(timer);
    timer = null;
  }

  function scheduleCheck() {
    cancelTimer();
    firstUnsavedAt ??= Date.now();
    const wait = Math.max(0, Math.min(debounceMs, firstUnsavedAt + maxWaitMs - Date.now()));
    timer = setTimeout(runCheck, wait);
  }

  function runCheck() {
    timer = null;
    // A read-only connection answers checks without storing anything: no point asking.
    if (checkInFlight || localSeq <= savedSeq || isReadOnly()) return;
    const ws = provider.ws;
    // Not connected or not synced yet: the 'sync' handler schedules a new check.
    if (!provider.wsconnected || !provider.synced || !ws || ws.readyState !== ws.OPEN) return;
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MessageType.sync);
    syncProtocol.writeSyncStep1(encoder, doc);
    ws.send(encoding.toUint8Array(encoder));
    pending.push(localSeq);
    checkInFlight = true;
  }

  function onStep2() {
    const covered = pending.shift();
    if (covered === undefined || covered === PROVIDER_STEP1) return;
    checkInFlight = false;
    // The verdict came before this answer (the server sends it first), so it is known here.
    if (isReadOnly()) {
      emit();
      return;
    }
    savedSeq = Math.max(savedSeq, covered);
    if (localSeq > savedSeq) scheduleCheck();
    else firstUnsavedAt = null;
    emit();
  }

  const onUpdate = (_update: Uint8Array, origin: unknown) => {
    // Updates applied by the provider came from the server or another tab.
    if (origin === provider || isReplay?.(origin)) return;
    localSeq += 1;
    scheduleCheck();
    emit();
  };

  function restore(changes: number) {
    if (changes <= 0) return;
    localSeq += changes;
    if (provider.synced) scheduleCheck();
    emit();
  }

  /** The server's step 1: if it lacks content we hold and nothing is pending, count one change. */
  function onServerStateVector(stateVector: Uint8Array) {
    if (localSeq > savedSeq || !holdsMoreThan(doc, stateVector)) return;
    restore(1);
  }

  const onStatus = ({ status }: { status: 'connected' | 'disconnected' | 'connecting' }) => {
    if (status === 'connected') {
      cancelTimer();
      pending = [PROVIDER_STEP1];
      checkInFlight = false;
    } else if (status === 'disconnected') {
      cancelTimer();
      pending = [];
      checkInFlight = false;
    }
    emit();
  };

  const onSync = (synced: boolean) => {
    if (synced && localSeq > savedSeq) scheduleCheck();
    emit();
  };

  const original: SyncHandler | undefined = provider.messageHandlers[MessageType.sync];
  if (!original) throw new Error('The provider has no sync message handler');
  const wrapped: SyncHandler = (encoder, decoder, p, emitSynced, messageType) => {
    // emitSynced is false for messages from other tabs (BroadcastChannel): only the
    // server's answers prove anything about the store.
    if (emitSynced) {
      const peek = decoding.createDecoder(decoder.arr);
      peek.pos = decoder.pos;
      const type = decoding.readVarUint(peek);
      if (type === SyncMessageType.step2) onStep2();
      else if (type === SyncMessageType.step1)
        onServerStateVector(decoding.readVarUint8Array(peek));
    }
    original(encoder, decoder, p, emitSynced, messageType);
  };
  provider.messageHandlers[MessageType.sync] = wrapped;

  doc.on('update', onUpdate);
  provider.on('status', onStatus);
  provider.on('sync', onSync);
  const stopWatchingAccess = access?.subscribe(emit);

  return {
    getSnapshot: store.getSnapshot,
    restore,
    subscribe: store.subscribe,
    destroy() {
      cancelTimer();
      store.clear();
      doc.off('update', onUpdate);
      provider.off('status', onStatus);
      provider.off('sync', onSync);
      stopWatchingAccess?.();
      if (provider.messageHandlers[MessageType.sync] === wrapped)
        provider.messageHandlers[MessageType.sync] = original;
    },
  };
}

/** Whether `doc` holds content (insertions) that a peer with `stateVector` lacks. */
function holdsMoreThan(doc: Y.Doc, stateVector: Uint8Array): boolean {
  const theirs = Y.decodeStateVector(stateVector);
  for (const [client, clock] of Y.decodeStateVector(Y.encodeStateVector(doc))) {
    if (clock > (theirs.get(client) ?? 0)) return true;
  }
  return false;
}
