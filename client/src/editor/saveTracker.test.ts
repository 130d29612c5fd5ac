import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import { MessageType, SyncMessageType } from '@baton/shared/protocol.ts';
import { createSaveTracker, type SaveTracker } from './saveTracker.ts';

/** A socket the test drives by hand: nothing happens until the test says so. */
class FakeSocket {
  static readonly CONNECTING = 0;
  static readonly OPEN = 1;
  static readonly CLOSING = 2;
  static readonly CLOSED = 3;
  static all: FakeSocket[] = [];
  readonly OPEN = 1;
  readyState = 0;
  binaryType = 'blob';
  /** Client → server frames not yet processed by the fake server. */
  outbox: Uint8Array[] = [];
  onopen: (() => void) | null = null;
  onmessage: ((event: { data: ArrayBuffer }) => void) | null = null;
  onclose: ((event: { code: number; reason: string }) => void) | null = null;
  onerror: (() => void) | null = null;
  constructor(readonly url: string) {
    FakeSocket.all.push(this);
  }
  send(data: Uint8Array) {
    this.outbox.push(data);
  }
  close() {
    this.readyState = 3;
  }
  open() {
    this.readyState = 1;
    this.onopen?.();
  }
  receive(data: Uint8Array) {
    this.onmessage?.({ data: data.slice().buffer });
  }
  drop(code = 1006) {
    this.readyState = 3;
    this.onclose?.({ code, reason: '' });
  }
}

/**
 * The server's side of the contract: processes one socket's frames in order and
 * answers a step 1 with a step 2 (everything before it is "committed" by then).
 */
class FakeServer {
  doc = new Y.Doc();
  committed = 0;
  process(socket: FakeSocket) {
    const frames = socket.outbox.splice(0);
    for (const frame of frames) {
      const decoder = decoding.createDecoder(frame);
      if (decoding.readVarUint(decoder) !== MessageType.sync) continue;
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, MessageType.sync);
      const type = syncProtocol.readSyncMessage(decoder, encoder, this.doc, 'client');
      if (type !== SyncMessageType.step1) this.committed += 1;
      if (encoding.length(encoder) > 1) socket.receive(encoding.toUint8Array(encoder));
    }
  }
  sendStep1(socket: FakeSocket) {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MessageType.sync);
    syncProtocol.writeSyncStep1(encoder, this.doc);
    socket.receive(encoding.toUint8Array(encoder));
  }
}

let doc: Y.Doc;
let provider: WebsocketProvider;
let tracker: SaveTracker;
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
  tracker = createSaveTracker(provider, { debounceMs: 300, maxWaitMs: 3_000 });
  provider.connect();
});

afterEach(() => {
  tracker.destroy();
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
    expect(tracker.getSnapshot()).toEqual({ state: 'saved', localSeq: 1, savedSeq: 1 });
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
    expect(tracker.getSnapshot()).toEqual({ state: 'saved', localSeq: 1, savedSeq: 1 });
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
    expect(tracker.getSnapshot()).toEqual({ state: 'saved', localSeq: 2, savedSeq: 2 });
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
    expect(tracker.getSnapshot()).toEqual({ state: 'saved', localSeq: 0, savedSeq: 0 });
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
    expect(tracker.getSnapshot()).toEqual({ state: 'saved', localSeq: 1, savedSeq: 1 });
  });
});
