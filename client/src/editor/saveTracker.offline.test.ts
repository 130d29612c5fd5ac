import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { FakeServer, FakeSocket } from './fakeSyncServer.ts';
import { createSaveTracker, type SaveTracker } from './saveTracker.ts';
import { unsavedChanges } from './StatusIndicator.tsx';

/** Stands in for y-indexeddb's persistence, the origin of a restored copy. */
const replayOrigin = { name: 'device copy' };

let doc: Y.Doc;
let provider: WebsocketProvider;
let tracker: SaveTracker;
let server: FakeServer;

const socket = () => FakeSocket.all.at(-1)!;
const type = (text: string) => doc.getText('t').insert(doc.getText('t').length, text);

/** Connects the way Baton's server does: its step 1, then the answers to ours. */
function connectAndSync() {
  socket().open();
  server.sendStep1(socket());
  server.process(socket());
}

/** A copy kept on the device: `text` written earlier, replayed into the fresh doc. */
function replayKeptCopy(text: string) {
  const earlier = new Y.Doc();
  earlier.getText('t').insert(0, text);
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(earlier), replayOrigin);
}

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
  tracker = createSaveTracker(provider, { isReplay: (origin) => origin === replayOrigin });
});

afterEach(() => {
  tracker.destroy();
  provider.destroy();
  doc.destroy();
  vi.useRealTimers();
});

describe('saveTracker with a draft kept on the device (OFF-2)', () => {
  it('OFF-2 counts each offline edit as one change not yet saved', () => {
    provider.connect();
    type('a');
    type('b');
    type('c');
    expect(tracker.getSnapshot()).toMatchObject({ state: 'unsaved', localSeq: 3, savedSeq: 0 });
    expect(unsavedChanges(tracker.getSnapshot())).toBe(3);
  });

  it('OFF-2 does not count the replayed copy as edits, but counts the restored changes until the server confirms them', () => {
    replayKeptCopy('written offline yesterday');
    expect(tracker.getSnapshot().localSeq).toBe(0);
    tracker.restore(4);
    expect(tracker.getSnapshot()).toMatchObject({ state: 'unsaved', localSeq: 4, savedSeq: 0 });
    type('!');
    expect(unsavedChanges(tracker.getSnapshot())).toBe(5);

    provider.connect();
    connectAndSync(); // the provider's step 2 carries the copy; its own step 1 proves nothing
    expect(tracker.getSnapshot().state).toBe('saving');
    vi.advanceTimersByTime(300);
    server.process(socket()); // our check, after the step 2
    expect(server.doc.getText('t').toString()).toBe('written offline yesterday!');
    expect(tracker.getSnapshot()).toMatchObject({ state: 'saved', localSeq: 5, savedSeq: 5 });
    expect(unsavedChanges(tracker.getSnapshot())).toBe(0);
  });

  it('OFF-2 a restored copy with nothing pending is saved at once when the server has it all', () => {
    const stored = new Y.Doc();
    stored.getText('t').insert(0, 'already on the server');
    Y.applyUpdate(server.doc, Y.encodeStateAsUpdate(stored));
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(stored), replayOrigin);
    tracker.restore(0);
    provider.connect();
    connectAndSync();
    expect(tracker.getSnapshot()).toMatchObject({ state: 'saved', localSeq: 0, savedSeq: 0 });
  });

  it('OFF-2 a copy holding text the server lacks is not "saved" before a check covers it, even when its count says 0', () => {
    replayKeptCopy('counted nowhere');
    tracker.restore(0);
    provider.connect();
    connectAndSync(); // the server's step 1 shows it lacks the copy's text
    expect(tracker.getSnapshot()).toMatchObject({ state: 'saving', localSeq: 1, savedSeq: 0 });
    vi.advanceTimersByTime(300);
    server.process(socket());
    expect(server.doc.getText('t').toString()).toBe('counted nowhere');
    expect(tracker.getSnapshot()).toMatchObject({ state: 'saved', localSeq: 1, savedSeq: 1 });
  });

  it('OFF-2 changes stay counted across a dropped connection until a later check confirms them', () => {
    provider.connect();
    connectAndSync();
    type('one');
    type('two');
    socket().outbox = []; // never reached the server
    socket().drop();
    expect(unsavedChanges(tracker.getSnapshot())).toBe(2);
    vi.advanceTimersByTime(5_000);
    connectAndSync();
    vi.advanceTimersByTime(300);
    server.process(socket());
    expect(server.doc.getText('t').toString()).toBe('onetwo');
    expect(unsavedChanges(tracker.getSnapshot())).toBe(0);
  });
});
