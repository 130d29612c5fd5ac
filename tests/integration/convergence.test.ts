/**
 * HARD-15: stock y-websocket clients making random Tiptap-shaped edits, going
 * offline and back at random, end with one document: the same Yjs state (state
 * vector and deletions) and the same content on every client, on a client that
 * connects afterwards, in the server's live room and in the store's log (what
 * a restart would load).
 *
 * Seeded (tests/support/seededRandom.ts): `BATON_SEED=7` runs only seed 7,
 * `BATON_SEEDS=200` runs seeds 1..200, `BATON_OPS=2000` makes each seed longer.
 * Every random choice takes a fixed number of draws whatever the document
 * holds, so a seed always makes the same choices; only the interleaving of
 * the sockets varies between runs.
 *
 * The server unloads an empty room at once and compacts every few updates, so
 * the moments when every client is offline (unload, then reload from the store)
 * and compactions in the middle of the edits are part of what is tested.
 */
import { openSqlite } from '@baton/server/db/sqlite.ts';
import { DOC_FRAGMENT } from '@baton/shared/protocol.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  type CollabClient,
  connectClient,
  hasPendingUpdates,
  roundTrip,
  untilSynced,
} from '../support/collabClient.ts';
import { seedInstallment, signUp, type TestUser } from '../support/http.ts';
import {
  countFromEnv,
  mulberry32,
  type Random,
  seedsToRun,
  withSeed,
} from '../support/seededRandom.ts';
import { startTestServer, type TestServer } from '../support/testServer.ts';

const testFile = 'tests/integration/convergence.test.ts';
const seeds = seedsToRun(24);
const defaultOps = 400;
const opsPerSeed = countFromEnv('BATON_OPS', defaultOps);
const rerunEnv = opsPerSeed === defaultOps ? '' : `BATON_OPS=${opsPerSeed}`;
const clientCount = 4;

/** Marks the way y-prosemirror stores Tiptap's marks on XmlText: name → attributes. */
const marks = [
  { bold: {} },
  { italic: {} },
  { strike: {} },
  { link: { href: 'https://example.com/baton' } },
] as const;

let server: TestServer;
let ann: TestUser;

beforeAll(async () => {
  server = await startTestServer({
    idleUnloadMs: 0,
    compactAfterUpdates: 40,
    // These clients type faster, and reconnect more often from one address,
    // than people do; the limits have tests of their own (HARD-4, HARD-5).
    env: { MESSAGES_PER_SECOND: '100000', CONNECTIONS_PER_IP_PER_MINUTE: '0' },
  });
  ann = await signUp(server.url, 'Ann');
});
afterAll(() => server.dispose());

/** One turn of the event loop: lets sockets (and the in-process server) make progress. */
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** The random draws of one edit, taken before looking at the document. */
interface EditDraws {
  kind: number;
  u: [number, number, number, number];
  text: string;
  mark: (typeof marks)[number];
}

function drawEdit(rng: Random): EditDraws {
  return {
    kind: rng.next(),
    u: [rng.next(), rng.next(), rng.next(), rng.next()],
    text: rng.string(rng.between(1, 8)),
    mark: rng.pick(marks),
  };
}

/** floor(u * n), for a draw u in [0, 1). */
const scale = (u: number, n: number) => Math.floor(u * n);

function newBlock(draws: EditDraws): Y.XmlElement {
  const [, u1, u2] = draws.u;
  const heading = u1 < 0.2;
  const block = new Y.XmlElement(heading ? 'heading' : 'paragraph');
  if (heading) block.setAttribute('level', String(1 + scale(u2, 3)));
  block.insert(0, [new Y.XmlText(draws.text)]);
  return block;
}

function textOf(block: Y.XmlElement): Y.XmlText {
  const first = block.get(0);
  if (first instanceof Y.XmlText) return first;
  const text = new Y.XmlText();
  block.insert(0, [text]);
  return text;
}

type Delta = { insert: string; attributes?: Record<string, unknown> }[];

/** The part of a text delta from `offset` on (what moves to a new block on Enter). */
function deltaFrom(text: Y.XmlText, offset: number): Delta {
  const out: Delta = [];
  let position = 0;
  for (const op of text.toDelta() as Delta) {
    const end = position + op.insert.length;
    if (end > offset) {
      const insert = op.insert.slice(Math.max(0, offset - position));
      out.push(op.attributes ? { insert, attributes: op.attributes } : { insert });
    }
    position = end;
  }
  return out;
}

/**
 * One edit as Tiptap would write it: a new block, typing (sometimes with a
 * mark), deleting a range, toggling a mark, deleting blocks, Enter (split) and
 * Backspace at a block start (merge), a heading level change or code over a
 * whole paragraph.
 */
function applyEdit(doc: Y.Doc, draws: EditDraws): void {
  const fragment = doc.getXmlFragment(DOC_FRAGMENT);
  const [u0, u1, u2, u3] = draws.u;
  doc.transact(() => {
    const blocks = fragment.toArray().filter((n): n is Y.XmlElement => n instanceof Y.XmlElement);
    const k = draws.kind;
    if (k < 0.16 || blocks.length === 0) {
      fragment.insert(scale(u0, fragment.length + 1), [newBlock(draws)]);
      return;
    }
    const index = scale(u0, blocks.length);
    const block = blocks[index]!;
    const text = textOf(block);
    const length = text.length;
    if (k < 0.45) {
      const at = scale(u1, length + 1);
      if (u2 < 0.3) text.insert(at, draws.text, { ...draws.mark });
      else text.insert(at, draws.text);
    } else if (k < 0.62) {
      if (length === 0) return;
      const from = scale(u1, length);
      text.delete(from, 1 + scale(u2, Math.min(6, length - from)));
    } else if (k < 0.74) {
      if (length === 0) return;
      const from = scale(u1, length);
      const [name] = Object.keys(draws.mark);
      const attributes = u3 < 0.3 ? { [name!]: null } : { ...draws.mark };
      text.format(from, 1 + scale(u2, length - from), attributes);
    } else if (k < 0.84) {
      const position = fragment.toArray().indexOf(block);
      fragment.delete(position, Math.min(1 + (u1 < 0.2 ? 1 : 0), fragment.length - position));
    } else if (k < 0.92) {
      // Enter: the text after the caret moves, with its marks, into a new paragraph below.
      const at = scale(u1, length + 1);
      const moved = deltaFrom(text, at);
      if (at < length) text.delete(at, length - at);
      const paragraph = new Y.XmlElement('paragraph');
      const movedText = new Y.XmlText();
      paragraph.insert(0, [movedText]);
      fragment.insert(fragment.toArray().indexOf(block) + 1, [paragraph]);
      movedText.applyDelta(moved);
    } else if (k < 0.97) {
      // Backspace at the start of the next block: it joins this one.
      const next = blocks[index + 1];
      if (!next) return;
      const nextText = textOf(next);
      const moved = nextText.toDelta() as Delta;
      fragment.delete(fragment.toArray().indexOf(next), 1);
      text.applyDelta([{ retain: length }, ...moved]);
    } else if (block.nodeName === 'heading') {
      block.setAttribute('level', String(1 + scale(u1, 3)));
    } else if (length > 0) {
      // Select the whole paragraph and toggle code.
      text.format(0, length, { code: u1 < 0.5 ? {} : null });
    }
  });
}

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

/** Deleted ranges per client, "client: clock+length …", in a stable order. */
function deletions(doc: Y.Doc): string {
  const ds = Y.createDeleteSetFromStructStore(doc.store);
  return [...ds.clients]
    .sort(([a], [b]) => a - b)
    .map(([client, items]) => `${client}: ${items.map((i) => `${i.clock}+${i.len}`).join(' ')}`)
    .join('; ');
}

/**
 * What must be equal everywhere: the Yjs state (state vector and deletions),
 * the document (marks and attributes included), and no update left waiting
 * for a missing earlier one.
 */
function snapshot(doc: Y.Doc) {
  return {
    stateVector: hex(Y.encodeStateVector(doc)),
    deletions: deletions(doc),
    xml: doc.getXmlFragment(DOC_FRAGMENT).toString(),
    waitingForMissingUpdates: hasPendingUpdates(doc),
  };
}

/** The document as the store's log holds it right now (SQLite; the log is read in one statement). */
function storedDoc(installmentId: string): Y.Doc | null {
  if (server.databaseUrl) return null;
  const db = openSqlite(server.dataDir);
  try {
    const rows = db
      .prepare<[string], { data: Buffer }>(
        'SELECT data FROM doc_update WHERE doc_name = ? ORDER BY id',
      )
      .all(installmentId);
    const doc = new Y.Doc();
    doc.transact(() => {
      for (const row of rows) Y.applyUpdate(doc, new Uint8Array(row.data));
    });
    return doc;
  } finally {
    db.close();
  }
}

/**
 * How `doc` falls short of `reference`: clients whose updates it has only up
 * to an earlier clock (Yjs integrates a client's updates in clock order, so
 * after a gap every later update of that client waits), and deletions it lacks.
 */
function shortfall(doc: Y.Doc, reference: Y.Doc): string {
  const have = Y.decodeStateVector(Y.encodeStateVector(doc));
  const gaps = [...Y.decodeStateVector(Y.encodeStateVector(reference))]
    .filter(([client, clock]) => (have.get(client) ?? 0) < clock)
    .map(
      ([client, clock]) => `client ${client} stops at clock ${have.get(client) ?? 0} of ${clock}`,
    );
  // Items both hold, deleted in `reference` only.
  const deleted = Y.createDeleteSetFromStructStore(doc.store);
  const notDeleted: string[] = [];
  for (const [client, items] of Y.createDeleteSetFromStructStore(reference.store).clients) {
    for (const { clock, len } of items) {
      const end = Math.min(clock + len, have.get(client) ?? 0);
      for (let c = clock; c < end; c++) {
        if (!Y.isDeleted(deleted, Y.createID(client, c))) notDeleted.push(`${client}:${c}`);
      }
    }
  }
  if (notDeleted.length > 0) {
    const more = notDeleted.length > 12 ? ` and ${notDeleted.length - 12} more` : '';
    gaps.push(`the deletion of ${notDeleted.slice(0, 12).join(' ')}${more}`);
  }
  return gaps.length === 0 ? 'nothing missing' : gaps.join('; ');
}

/**
 * Waits until nothing is in flight: repeats two passes of round trips (the
 * first: the server has committed everything each client sent; the second:
 * every broadcast of those commits reached every client) until no client's
 * document changed during both, so no client sent anything new either.
 */
async function settle(clients: CollabClient[]): Promise<void> {
  for (let attempt = 0; attempt < 10; attempt++) {
    let changes = 0;
    const count = () => changes++;
    for (const c of clients) c.doc.on('update', count);
    try {
      await Promise.all(clients.map((c) => roundTrip(c)));
      await Promise.all(clients.map((c) => roundTrip(c)));
    } finally {
      for (const c of clients) c.doc.off('update', count);
    }
    if (changes === 0) return;
  }
  throw new Error('the clients kept changing their documents after every round trip');
}

async function runSeed(seed: number): Promise<void> {
  const rng = mulberry32(seed);
  const { installmentId } = await seedInstallment(server.url, ann);
  const connect = () => connectClient(server.url, installmentId, ann.cookie);
  const clients: CollabClient[] = [];
  const extra: CollabClient[] = [];
  try {
    for (let i = 0; i < clientCount; i++) clients.push(connect());
    await Promise.all(clients.map((c) => untilSynced(c)));

    let toggles = 0;
    for (let step = 0; step < opsPerSeed; step++) {
      const client = clients[rng.int(clientCount)]!;
      const toggle = rng.next();
      const draws = drawEdit(rng);
      const pause = rng.next();
      const witness = clients[rng.int(clientCount)]!;
      // Offline now and then, back online sooner; edits go on either way.
      if (client.provider.shouldConnect && toggle < 0.03) {
        toggles++;
        client.provider.disconnect();
      } else if (!client.provider.shouldConnect && toggle < 0.08) {
        toggles++;
        client.provider.connect();
      } else {
        applyEdit(client.doc, draws);
      }
      if (pause < 0.5) await nextTurn();
      else if (pause < 0.56 && witness.provider.wsconnected) await roundTrip(witness);
    }

    // Everyone back online; wait for the handshakes (each client sends what the server lacks).
    for (const c of clients) if (!c.provider.shouldConnect) c.provider.connect();
    await Promise.all(clients.map((c) => untilSynced(c)));
    await settle(clients);

    const expected = snapshot(clients[0]!.doc);
    expect(expected.waitingForMissingUpdates, 'a client holds updates it cannot apply').toBe(false);
    expect(
      clients.map((c) => snapshot(c.doc)),
      `every client holds the same document (${toggles} connection changes)`,
    ).toEqual(clients.map(() => expected));

    const room = server.registry.peek(installmentId);
    expect(room, 'the room is loaded while clients are connected').toBeDefined();
    expect(snapshot(room!.doc), 'the server room holds the same document').toEqual(expected);

    const stored = storedDoc(installmentId);
    if (stored) {
      expect(
        snapshot(stored),
        `the stored log holds the same document (the store lacks: ${shortfall(stored, clients[0]!.doc)})`,
      ).toEqual(expected);
      stored.destroy();
    }

    const fresh = connect();
    extra.push(fresh);
    await untilSynced(fresh);
    expect(snapshot(fresh.doc), 'a client connecting afterwards gets the same document').toEqual(
      expected,
    );
  } finally {
    for (const c of [...clients, ...extra]) c.destroy();
  }
}

describe('convergence under random edits and disconnects', () => {
  it(
    'HARD-15 random edits with random disconnects converge (seeded)',
    async () => {
      for (const seed of seeds) await withSeed(seed, testFile, () => runSeed(seed), rerunEnv);
    },
    30_000 + seeds.length * 10_000,
  );
});
