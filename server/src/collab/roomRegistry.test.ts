import { CloseCode, MessageType, SyncMessageType } from '@baton/shared/protocol.ts';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { afterEach, describe, expect, it } from 'vitest';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { parseConfig } from '../config/env.ts';
import { createLogger } from '../config/logger.ts';
import { MemoryDocStore } from '../store/memoryDocStore.ts';
import { encodeAwarenessMessage, encodeAwarenessUpdate } from './messages.ts';
import { MemorySocket } from './memorySocket.ts';
import { RoomRegistry } from './roomRegistry.ts';

const logger = createLogger('silent');
const writer = { userId: 'u1', name: 'Ann', color: '#1d4ed8', seriesId: 's1', readOnly: false };
const registries: RoomRegistry[] = [];

function setup(
  options: { idleUnloadMs?: number; compactAfterUpdates?: number; onUnloaded?: () => void } = {},
) {
  const store = new MemoryDocStore();
  const registry = new RoomRegistry({
    store,
    logger,
    compactAfterUpdates: options.compactAfterUpdates ?? 1000,
    idleUnloadMs: options.idleUnloadMs ?? 0,
    onUnloaded: options.onUnloaded,
    limits: parseConfig({}).collabLimits,
    storeRetry: { attempts: 3, baseMs: 1, maxMs: 4 },
  });
  registries.push(registry);
  return { store, registry };
}

afterEach(async () => {
  for (const r of registries.splice(0)) await r.shutdown();
});

function updateMessage(update: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MessageType.sync);
  encoding.writeVarUint(e, SyncMessageType.update);
  encoding.writeVarUint8Array(e, update);
  return encoding.toUint8Array(e);
}

function step2Message(update: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MessageType.sync);
  encoding.writeVarUint(e, SyncMessageType.step2);
  encoding.writeVarUint8Array(e, update);
  return encoding.toUint8Array(e);
}

function step1Message(doc: Y.Doc): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MessageType.sync);
  syncProtocol.writeSyncStep1(e, doc);
  return encoding.toUint8Array(e);
}

function edit(doc: Y.Doc, text: string): Uint8Array {
  let update: Uint8Array | null = null;
  doc.once('update', (u: Uint8Array) => (update = u));
  doc.getText('t').insert(0, text);
  return update!;
}

/** Lets pending promise callbacks and setImmediate work run (store flushes, presence). */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

/** A writer's socket on 'doc', once the room has loaded and it joined. */
async function joined(registry: RoomRegistry) {
  const socket = new MemorySocket();
  const connection = registry.connect('doc', socket, writer);
  await settle();
  return { socket, connection };
}

/** What a client with an empty document answers the server's step 1 with. */
const emptyStep2 = () => step2Message(Y.encodeStateAsUpdate(new Y.Doc()));

describe('room lifecycle and ordering (in-memory sockets)', () => {
  it('SYNC-4 loads a document once for concurrent connections and sends nothing before', async () => {
    const { store, registry } = setup();
    let finishLoad!: () => void;
    store.loadGate = new Promise((resolve) => (finishLoad = resolve));
    const a = new MemorySocket();
    const b = new MemorySocket();
    const ca = registry.connect('doc', a, writer);
    registry.connect('doc', b, writer);
    // A client may send before the load finishes; it is buffered, not lost.
    ca.receive(updateMessage(edit(new Y.Doc(), 'early')));
    await settle();
    expect(a.sent).toEqual([]);
    expect(b.sent).toEqual([]);
    finishLoad();
    await settle();
    expect(store.loadCount).toBe(1);
    expect(a.kinds()[0]).toBe('sync:step1');
    expect(b.kinds()).toEqual(['sync:step1', 'sync:update']);
  });

  it('SYNC-5 broadcasts an update only after the store committed it', async () => {
    const { store, registry } = setup();
    const a = new MemorySocket();
    const b = new MemorySocket();
    const ca = registry.connect('doc', a, writer);
    registry.connect('doc', b, writer);
    await settle();
    b.sent.length = 0;
    store.holdWrites();
    ca.receive(updateMessage(edit(new Y.Doc(), 'held')));
    await settle();
    expect(b.sent).toEqual([]);
    store.releaseWrites();
    await settle();
    expect(b.kinds()).toEqual(['sync:update']);
    expect(store.logLength('doc')).toBe(1);
  });

  it('PRES-4 a caret sent with an edit goes out in the same write as the edit', async () => {
    const { registry } = setup();
    const a = new MemorySocket();
    const b = new MemorySocket();
    const ca = registry.connect('doc', a, writer);
    registry.connect('doc', b, writer);
    await settle();
    a.sent.length = 0;
    b.sent.length = 0;
    const doc = new Y.Doc();
    const state = JSON.stringify({ user: { name: 'Ann', color: '#1d4ed8' }, cursor: null });
    ca.receive(
      encodeAwarenessMessage(
        encodeAwarenessUpdate([{ clientId: doc.clientID, clock: 1, state }], 1),
      ),
    );
    ca.receive(updateMessage(edit(doc, 'hello')));
    await settle();
    // Well inside the 50 ms presence interval: the caret did not wait for it.
    expect(b.kinds()).toEqual(['sync:update', 'awareness']);
    expect(a.kinds()).toEqual([]); // its own caret is not sent back (PRES-5)
  });

  it('SYNC-6 answers a sync step 1 only after the updates sent before it are committed', async () => {
    const { store, registry } = setup();
    const a = new MemorySocket();
    const ca = registry.connect('doc', a, writer);
    await settle();
    a.sent.length = 0;
    const clientDoc = new Y.Doc();
    store.holdWrites();
    ca.receive(updateMessage(edit(clientDoc, 'typed')));
    ca.receive(step1Message(clientDoc));
    await settle();
    expect(a.sent).toEqual([]);
    store.releaseWrites();
    await settle();
    expect(a.kinds()).toEqual(['sync:step2']);
  });

  it('SYNC-8 a read-only connection never gets an update applied, stored or forwarded', async () => {
    const { store, registry } = setup();
    const a = new MemorySocket();
    const b = new MemorySocket();
    const reader = registry.connect('doc', a, { ...writer, readOnly: true });
    registry.connect('doc', b, writer);
    await settle();
    b.sent.length = 0;
    reader.receive(updateMessage(edit(new Y.Doc(), 'sneaky')));
    await settle();
    expect(b.sent).toEqual([]);
    expect(store.logLength('doc')).toBe(0);
    expect(registry.peek('doc')?.doc.getText('t').toString()).toBe('');
  });

  it('SYNC-9 unloads an empty room only once its writes are committed, and reloads it intact', async () => {
    let writesHeld = false;
    let unloadedWhileHeld: boolean | null = null;
    let unloaded!: () => void;
    const unloadedPromise = new Promise<void>((resolve) => (unloaded = resolve));
    const { store, registry } = setup({
      idleUnloadMs: 0,
      onUnloaded: () => {
        unloadedWhileHeld = writesHeld;
        unloaded();
      },
    });
    const a = new MemorySocket();
    const ca = registry.connect('doc', a, writer);
    await settle();
    store.holdWrites();
    writesHeld = true;
    ca.receive(updateMessage(edit(new Y.Doc(), 'last words')));
    ca.handleClosed();
    for (let i = 0; i < 5; i++) await settle();
    expect(unloadedWhileHeld).toBeNull();
    writesHeld = false;
    store.releaseWrites();
    await unloadedPromise;
    expect(unloadedWhileHeld).toBe(false);
    const b = new MemorySocket();
    registry.connect('doc', b, writer);
    await settle();
    expect(registry.peek('doc')?.doc.getText('t').toString()).toBe('last words');
  });

  it('HARD-13 a client that connects while its document unloads gets the stored state, last write included', async () => {
    let unloads = 0;
    const { store, registry } = setup({ idleUnloadMs: 0, onUnloaded: () => unloads++ });
    const a = new MemorySocket();
    const ca = registry.connect('doc', a, writer);
    await settle();
    const unloading = registry.peek('doc');
    store.holdWrites();
    ca.receive(updateMessage(edit(new Y.Doc(), 'pending')));
    ca.handleClosed();
    // Event-loop turns until the idle timer has started the unload (bounded).
    for (let i = 0; i < 10_000 && registry.stats().unloading === 0; i++) await settle();
    // The unload waits for the write; the room is no longer handed out.
    expect(registry.stats()).toMatchObject({ documents: 0, unloading: 1 });
    expect(unloads).toBe(0);
    const b = new MemorySocket();
    registry.connect('doc', b, writer);
    for (let i = 0; i < 5; i++) await settle();
    expect(b.sent).toHaveLength(0);
    store.releaseWrites();
    for (let i = 0; i < 10 && !registry.peek('doc'); i++) await settle();
    const reloaded = registry.peek('doc');
    expect(unloads).toBe(1);
    expect(reloaded).not.toBe(unloading);
    expect(reloaded?.doc.getText('t').toString()).toBe('pending');
    expect(b.sent.length).toBeGreaterThan(0);
  });

  it('SYNC-12 after a reload from a compacted log, a fresh client is answered from the stored bytes, then gets the server step 1', async () => {
    const { store, registry } = setup();
    const source = new Y.Doc();
    await store.append('doc', edit(source, 'stored long ago'));
    await store.append('doc', edit(source, 'and compacted: '));
    await store.compact('doc');
    const socket = new MemorySocket();
    const connection = registry.connect('doc', socket, writer);
    // The client's step 1 arrives with the upgrade, before the load finished.
    connection.receive(step1Message(new Y.Doc()));
    await settle();
    expect(socket.kinds()).toEqual(['sync:step2']);
    // Anything that needs the document builds it, and the owed step 1 goes out.
    expect(registry.peek('doc')?.doc.getText('t').toString()).toBe(
      'and compacted: stored long ago',
    );
    expect(socket.kinds()).toEqual(['sync:step2', 'sync:step1']);
    const received = new Y.Doc();
    for (const message of socket.sent.filter((m) => m[1] === SyncMessageType.step2)) {
      const decoder = decoding.createDecoder(message);
      decoding.readVarUint(decoder);
      syncProtocol.readSyncMessage(decoder, encoding.createEncoder(), received, null);
    }
    expect(received.getText('t').toString()).toBe('and compacted: stored long ago');
    expect(registry.peek('doc')?.doc.getText('t').toString()).toBe(
      'and compacted: stored long ago',
    );
  });

  it('SYNC-13 an update that moves the state on without a visible change (typing into a deleted paragraph) is stored', async () => {
    const { store, registry } = setup();
    const a = new MemorySocket();
    const connection = registry.connect('doc', a, writer);
    await settle();
    const ann = new Y.Doc();
    const bob = new Y.Doc();
    const send = (doc: Y.Doc, change: () => void) => {
      let update: Uint8Array | null = null;
      doc.once('update', (u: Uint8Array) => (update = u));
      change();
      connection.receive(updateMessage(update!));
      return update!;
    };
    const paragraph = new Y.XmlElement('paragraph');
    Y.applyUpdate(
      bob,
      send(ann, () => ann.getXmlFragment('default').insert(0, [paragraph])),
    );
    // Ann deletes the paragraph; Bob, who has not seen that, types into it.
    send(ann, () => ann.getXmlFragment('default').delete(0, 1));
    await settle();
    const before = store.logLength('doc');
    const bobsParagraph = bob.getXmlFragment('default').get(0) as Y.XmlElement;
    send(bob, () => bobsParagraph.insert(0, [new Y.XmlText('lost words')]));
    await settle();
    expect(store.logLength('doc')).toBe(before + 1);
  });

  it('SYNC-14 a connection may not write new content under a client id another person is writing with', async () => {
    const { registry } = setup();
    const annSocket = new MemorySocket();
    const bobSocket = new MemorySocket();
    const ann = registry.connect('doc', annSocket, writer);
    const bob = registry.connect('doc', bobSocket, { ...writer, userId: 'u2', name: 'Bob' });
    await settle();
    const annDoc = new Y.Doc();
    ann.receive(updateMessage(edit(annDoc, 'mine ')));
    await settle();
    // Bob forges Ann's next edit: same client id, the clocks Ann is about to use.
    const forgery = new Y.Doc();
    Y.applyUpdate(forgery, Y.encodeStateAsUpdate(annDoc));
    forgery.clientID = annDoc.clientID;
    bob.receive(updateMessage(edit(forgery, 'forged ')));
    await settle();
    expect(bobSocket.closeCode).toBe(CloseCode.malformedMessage);
    // Ann's real edit still lands; relaying content the server has is harmless.
    ann.receive(updateMessage(edit(annDoc, 'real ')));
    await settle();
    expect(registry.peek('doc')?.doc.getText('t').toString()).toBe('real mine ');
    // Another connection of Ann herself may (a reconnect before the old socket is known dead).
    const again = new MemorySocket();
    const annAgain = registry.connect('doc', again, writer);
    await settle();
    annAgain.receive(updateMessage(edit(annDoc, 'again ')));
    await settle();
    expect(again.closeCode).toBeNull();
    expect(registry.peek('doc')?.doc.getText('t').toString()).toBe('again real mine ');
  });

  it('SYNC-15 an update that builds on changes the server does not have is refused whole (4400) once the client’s step 2 did not bring them', async () => {
    const { store, registry } = setup();
    const { socket, connection } = await joined(registry);
    const doc = new Y.Doc();
    edit(doc, 'first ');
    const second = edit(doc, 'second ');
    connection.receive(updateMessage(second));
    await settle();
    // Before the step 2 it waits: the step 2 may bring what it builds on.
    expect(socket.closeCode).toBeNull();
    connection.receive(emptyStep2());
    await settle();
    expect(socket.closeCode).toBe(CloseCode.malformedMessage);
    expect(store.logLength('doc')).toBe(0);
    expect(registry.peek('doc')?.doc.getText('t').toString() ?? '').toBe('');
    // After the step 2 nothing waits: refused at once.
    const { connection: other } = await joined(registry);
    other.receive(emptyStep2());
    other.receive(updateMessage(second));
    await settle();
    expect(other.isClosed).toBe(true);
  });

  it('SYNC-17 an edit that arrives before the step 2 carrying the offline changes it builds on is applied after it', async () => {
    const { store, registry } = setup();
    const socket = new MemorySocket();
    const connection = registry.connect('doc', socket, writer);
    const reader = new MemorySocket();
    registry.connect('doc', reader, writer);
    await settle();
    // Typed offline, then a deletion of part of it made as the socket opened.
    const doc = new Y.Doc();
    edit(doc, 'typed offline');
    let deletion: Uint8Array | null = null;
    doc.once('update', (u: Uint8Array) => (deletion = u));
    doc.getText('t').delete(0, 'typed '.length);
    connection.receive(updateMessage(deletion!));
    // A save check after it is answered only once the deletion is stored (decision 0001).
    connection.receive(step1Message(doc));
    await settle();
    expect(socket.closeCode).toBeNull();
    const answers = () => socket.kinds().filter((kind) => kind === 'sync:step2').length;
    expect(answers()).toBe(0);
    // The step 2, answering the server's step 1, brings the offline text.
    connection.receive(step2Message(Y.encodeStateAsUpdate(doc)));
    await settle();
    expect(socket.closeCode).toBeNull();
    expect(answers()).toBe(1);
    expect(registry.peek('doc')?.doc.getText('t').toString()).toBe('offline');
    const stored = new Y.Doc();
    for (const update of await store.load('doc')) Y.applyUpdate(stored, update);
    expect(stored.getText('t').toString()).toBe('offline');
    expect(reader.kinds()).toContain('sync:update');
  });

  it('SYNC-17 updates waiting for a step 2 that never comes are bounded (1009 past 8 MiB)', async () => {
    const { store, registry } = setup();
    const { socket, connection } = await joined(registry);
    const doc = new Y.Doc();
    edit(doc, 'never sent ');
    for (let i = 0; i < 9 && socket.closeCode === null; i++) {
      connection.receive(updateMessage(edit(doc, 'x'.repeat(1024 * 1024))));
    }
    await settle();
    expect(socket.closeCode).toBe(CloseCode.messageTooBig);
    expect(store.logLength('doc')).toBe(0);
  });

  it('SYNC-10 fresh clients share one encoded full state until the document changes, deletions included', async () => {
    const { registry } = setup();
    const writerSocket = new MemorySocket();
    const writerConnection = registry.connect('doc', writerSocket, writer);
    await settle();
    const writerDoc = new Y.Doc();
    writerConnection.receive(updateMessage(edit(writerDoc, 'keep this, cut this')));
    await settle();
    const freshState = async () => {
      const socket = new MemorySocket();
      const connection = registry.connect('doc', socket, writer);
      await settle();
      connection.receive(step1Message(new Y.Doc()));
      await settle();
      const reply = socket.sent.find(
        (m) => m[0] === MessageType.sync && m[1] === SyncMessageType.step2,
      )!;
      const doc = new Y.Doc();
      const decoder = decoding.createDecoder(reply);
      decoding.readVarUint(decoder);
      syncProtocol.readSyncMessage(decoder, encoding.createEncoder(), doc, null);
      return { reply, text: doc.getText('t').toString() };
    };
    const first = await freshState();
    const second = await freshState();
    expect(second.reply).toBe(first.reply);
    expect(first.text).toBe('keep this, cut this');
    let deletion: Uint8Array | null = null;
    writerDoc.once('update', (u: Uint8Array) => (deletion = u));
    writerDoc.getText('t').delete('keep this'.length, ', cut this'.length);
    writerConnection.receive(updateMessage(deletion!));
    await settle();
    expect((await freshState()).text).toBe('keep this');
  });

  it('DUR-3 compacts the log past the threshold without changing the document', async () => {
    const { store, registry } = setup({ compactAfterUpdates: 10 });
    const a = new MemorySocket();
    const ca = registry.connect('doc', a, writer);
    await settle();
    const clientDoc = new Y.Doc();
    for (let i = 0; i < 25; i++) ca.receive(updateMessage(edit(clientDoc, `${i} `)));
    await settle();
    await settle();
    expect(store.logLength('doc')).toBeLessThan(10);
    const replayed = new Y.Doc();
    for (const u of await store.load('doc')) Y.applyUpdate(replayed, u);
    expect(replayed.getText('t').toString()).toBe(clientDoc.getText('t').toString());
  });

  it('INST-1 discarding a deleted document closes its sockets, lets pending writes settle and compacts nothing', async () => {
    const { store, registry } = setup();
    const { socket, connection } = await joined(registry);
    const clientDoc = new Y.Doc();
    connection.receive(updateMessage(edit(clientDoc, 'one ')));
    connection.receive(updateMessage(edit(clientDoc, 'two ')));
    await settle();
    store.holdWrites();
    connection.receive(updateMessage(edit(clientDoc, 'three ')));
    await settle();
    const discarded = registry.discard('doc', CloseCode.accessChanged, 'deleted');
    expect(socket.closeCode).toBe(CloseCode.accessChanged);
    store.releaseWrites();
    await discarded;
    // Three appends, no merged state: an unload would have compacted them into one.
    expect(store.logLength('doc')).toBe(3);
    expect(registry.stats()).toMatchObject({ documents: 0, unloading: 0, connections: 0 });
    await registry.discard('doc', CloseCode.accessChanged, 'deleted');
  });
});
