import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import { MessageType, SyncMessageType } from '@baton/shared/protocol.ts';
import { createAccessStore, type AccessStore } from './accessStore.ts';
import { FakeServer, FakeSocket } from './fakeSyncServer.ts';
import { createSaveTracker, type SaveTracker } from './saveTracker.ts';

let doc: Y.Doc;
let provider: WebsocketProvider;
let tracker: SaveTracker;
let access: AccessStore;
let server: FakeServer;

function socket(): FakeSocket {
  const s = FakeSocket.all.at(-1);
  if (!s) throw new Error('no socket');
  return s;
}

function connectAndSync() {
  socket().open();
  server.sendStep1(socket());
  server.process(socket());
}

const type = (text: string) => doc.getText('t').insert(doc.getText('t').length, text);

beforeEach(() => {
  vi.useFakeTimers();
  FakeSocket.all = [];
  server = new FakeServer();
  doc = new Y.Doc();
  provider = new WebsocketProvider('ws://test/collab', 'room', doc, {
    connect: false,
    disableBc: true,
    WebSocketPolyfill: FakeSocket as unknown as typeof WebSocket,
  });
  access = createAccessStore(provider);
  tracker = createSaveTracker(provider, { debounceMs: 300, maxWaitMs: 3_000, access });
  provider.connect();
});

afterEach(() => {
  tracker.destroy();
  access.destroy();
  provider.destroy();
  doc.destroy();
  vi.useRealTimers();
});

describe('saveTracker', () => {
  it('ignores the step 2 that answers the provider’s own step 1', () => {
    type('offline draft');
    expect(tracker.getSnapshot().state).toBe('unsaved');
    socket().open();
    server.sendStep1(socket()); // the client answers with its offline edit
    expect(tracker.getSnapshot().state).toBe('saving');
    server.process(socket()); // provider's step 1 answered first: proves nothing
    expect(provider.synced).toBe(true);
    expect(tracker.getSnapshot().savedSeq).toBe(0);
    expect(socket().outbox).toHaveLength(0);
    vi.advanceTimersByTime(300);
    server.process(socket()); // our check, sent after the sync
    expect(tracker.getSnapshot()).toEqual({
      state: 'saved',
      localSeq: 1,
      savedSeq: 1,
      readOnly: false,
    });
  });

  it('confirms local edits with a debounced step 1', () => {
    connectAndSync();
    expect(tracker.getSnapshot().state).toBe('saved');
    type('Hello');
    expect(tracker.getSnapshot().state).toBe('saving');
    vi.advanceTimersByTime(299);
    expect(socket().outbox).toHaveLength(1); // the update only
    vi.advanceTimersByTime(1);
    expect(socket().outbox).toHaveLength(2); // update, then our step 1
    server.process(socket());
    expect(server.doc.getText('t').toString()).toBe('Hello');
    expect(tracker.getSnapshot()).toEqual({
      state: 'saved',
      localSeq: 1,
      savedSeq: 1,
      readOnly: false,
    });
  });

  it('keeps at most one check in flight and re-checks edits made meanwhile', () => {
    connectAndSync();
    type('a');
    vi.advanceTimersByTime(300);
    type('b');
    vi.advanceTimersByTime(300);
    const step1s = socket().outbox.filter(
      (f) => f[0] === MessageType.sync && f[1] === SyncMessageType.step1,
    );
    expect(step1s).toHaveLength(1);
    server.process(socket());
    expect(tracker.getSnapshot()).toMatchObject({ state: 'saving', localSeq: 2, savedSeq: 1 });
    vi.advanceTimersByTime(300);
    server.process(socket());
    expect(tracker.getSnapshot()).toEqual({
      state: 'saved',
      localSeq: 2,
      savedSeq: 2,
      readOnly: false,
    });
  });

  it('checks during long continuous typing (max wait)', () => {
    connectAndSync();
    for (let i = 0; i < 20; i++) {
      type('x');
      vi.advanceTimersByTime(200);
    }
    server.process(socket());
    expect(tracker.getSnapshot().savedSeq).toBeGreaterThan(0);
  });

  it('does not count updates from the server as local edits', () => {
    connectAndSync();
    const other = new Y.Doc();
    other.getText('t').insert(0, 'from someone else');
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MessageType.sync);
    syncProtocol.writeUpdate(encoder, Y.encodeStateAsUpdate(other));
    socket().receive(encoding.toUint8Array(encoder));
    expect(doc.getText('t').toString()).toBe('from someone else');
    expect(tracker.getSnapshot()).toEqual({
      state: 'saved',
      localSeq: 0,
      savedSeq: 0,
      readOnly: false,
    });
  });

  it('forgets checks of a dropped connection and confirms after reconnecting', () => {
    connectAndSync();
    type('lost?');
    vi.advanceTimersByTime(300);
    socket().outbox = []; // the server never got the update nor the check
    socket().drop();
    expect(tracker.getSnapshot().state).toBe('unsaved');
    vi.advanceTimersByTime(5_000); // provider backoff → a new socket
    expect(FakeSocket.all).toHaveLength(2);
    connectAndSync(); // step 1 answered (sentinel), server's step 1 gets our edit
    expect(tracker.getSnapshot().state).toBe('saving');
    vi.advanceTimersByTime(300);
    server.process(socket());
    expect(server.doc.getText('t').toString()).toBe('lost?');
    expect(tracker.getSnapshot()).toEqual({
      state: 'saved',
      localSeq: 1,
      savedSeq: 1,
      readOnly: false,
    });
  });
});

describe('saveTracker on a read-only connection', () => {
  const stepOnes = () =>
    socket().outbox.filter((f) => f[0] === MessageType.sync && f[1] === SyncMessageType.step1);

  it('does not take the answer to a step 1 as proof that edits made before connecting were saved', () => {
    server.readOnly = true;
    type('typed offline');
    socket().open();
    server.sendStep1(socket()); // step 1, then the read-only verdict
    expect(access.getSnapshot().readOnly).toBe(true);
    server.process(socket()); // drops our edit, answers the provider's step 1
    vi.advanceTimersByTime(3_000);
    server.process(socket());
    expect(server.doc.getText('t').toString()).toBe('');
    expect(tracker.getSnapshot()).toEqual({
      state: 'unsaved',
      localSeq: 1,
      savedSeq: 0,
      readOnly: true,
    });
  });

  it('shows edits made while read-only as unsaved, and does not ask the server about them', () => {
    server.readOnly = true;
    connectAndSync();
    expect(tracker.getSnapshot()).toMatchObject({ state: 'saved', readOnly: true });
    type('not mine to write');
    expect(tracker.getSnapshot()).toMatchObject({ state: 'unsaved', readOnly: true });
    vi.advanceTimersByTime(3_000);
    expect(stepOnes()).toHaveLength(0);
    // Even a step 2 (here: answering a step 1 sent by hand) confirms nothing.
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MessageType.sync);
    syncProtocol.writeSyncStep1(encoder, doc);
    socket().send(encoding.toUint8Array(encoder));
    server.process(socket());
    expect(server.doc.getText('t').toString()).toBe('');
    expect(tracker.getSnapshot()).toMatchObject({ state: 'unsaved', savedSeq: 0 });
  });

  it('saves them once a writable connection stores them', () => {
    server.readOnly = true;
    connectAndSync();
    type('held back');
    vi.advanceTimersByTime(300);
    socket().drop();
    expect(access.getSnapshot().readOnly).toBe(false); // a verdict holds for one connection
    server.readOnly = false; // e.g. promoted to editor
    vi.advanceTimersByTime(5_000);
    connectAndSync(); // the server's step 1 gets our edit this time
    vi.advanceTimersByTime(300);
    server.process(socket());
    expect(server.doc.getText('t').toString()).toBe('held back');
    expect(tracker.getSnapshot()).toEqual({
      state: 'saved',
      localSeq: 1,
      savedSeq: 1,
      readOnly: false,
    });
  });
});
