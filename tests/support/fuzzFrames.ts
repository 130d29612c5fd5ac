/**
 * Seeded hostile websocket frames for the fuzz suite (HARD-8): random bytes,
 * truncated varints, real y-websocket frames (from a Y.Doc with Tiptap-shaped
 * content) mutated at random, valid envelopes around broken Yjs updates, huge
 * and deeply nested awareness JSON, awareness with thousands of client ids,
 * text frames and frames over the size limit.
 *
 * Everything derives from one seed: case `i` of seed `s` is the same frame on
 * every run and every machine, so a failure reproduces from `BATON_SEED`.
 */
import { limits } from '@baton/shared/limits.ts';
import { CloseCode, DOC_FRAGMENT, MessageType, SyncMessageType } from '@baton/shared/protocol.ts';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { awarenessFrame, syncFrame } from './frames.ts';
import { mulberry32, type Random } from './seededRandom.ts';

/** A seed for sub-stream `index` of `seed` (independent of every other index). */
export function deriveSeed(seed: number, index: number): number {
  let h = (seed ^ Math.imul(index + 1, 0x9e3779b9)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** The shared seeded PRNG, plus what frame generation needs. */
export interface FuzzRandom extends Random {
  uint32(): number;
  bytes(length: number): Uint8Array;
  /** Mostly short lengths, now and then long ones up to `max`. */
  length(max: number): number;
  words(count: number): string;
}

const vocabulary = ['relay', 'baton', 'the', 'runner', 'lap', 'ä', 'ß', '→', '😀', 'line'];

export function fuzzRandom(seed: number): FuzzRandom {
  const random = mulberry32(seed);
  const uint32 = () => Math.floor(random.next() * 4294967296) >>> 0;
  return {
    ...random,
    uint32,
    bytes(length) {
      const out = new Uint8Array(length);
      for (let i = 0; i < length; i += 4) {
        const word = uint32();
        for (let j = 0; j < 4 && i + j < length; j++) out[i + j] = (word >>> (8 * j)) & 0xff;
      }
      return out;
    },
    length(max) {
      const r = random.next();
      if (r < 0.5) return random.between(0, 16);
      if (r < 0.8) return random.between(0, 256);
      if (r < 0.95) return random.between(0, 4096);
      return random.between(0, max);
    },
    words(count) {
      return Array.from({ length: count }, () => random.pick(vocabulary)).join(' ');
    },
  };
}

export type FuzzFamily =
  | 'random-bytes'
  | 'truncated-varint'
  | 'mutated-frame'
  | 'envelope-update'
  | 'huge-awareness'
  | 'deep-awareness'
  | 'many-clients-awareness'
  | 'text-frame'
  | 'oversized';

/** How the server must answer a case, beyond "stay up and leave everyone else alone". */
export type Expectation =
  /** Close with exactly this code. */
  | { kind: 'code'; code: number }
  /** Close with one of the defined codes. */
  | { kind: 'close' }
  /** Close with a defined code, or stay open if the frame is a well-formed message. */
  | { kind: 'closeUnlessWellFormed' };

export interface FuzzCase {
  index: number;
  family: FuzzFamily;
  /** What was generated, for the failure message. */
  description: string;
  frame: Uint8Array;
  /** Sent as a text frame (the bytes as they are, valid UTF-8 or not). */
  text: boolean;
  expect: Expectation;
}

/** What the server knows about the hostile sockets' account and the healthy clients. */
export interface FuzzContext {
  identity: { name: string; color: string };
  /** Client ids of the healthy clients on the target document (the fuzz tries to spoof them). */
  healthyClientIds: number[];
}

/** Real frames of a stock client, captured once per seed. */
export interface Corpus {
  /** Yjs updates (v1) in the order the document emitted them. */
  updates: Uint8Array[];
  /** Whole y-websocket messages: sync step 1, step 2, updates, awareness. */
  frames: Array<{ kind: string; frame: Uint8Array }>;
}

/**
 * Edits a Y.Doc the way Tiptap (y-prosemirror) stores its content, and keeps
 * every frame a stock client would send for it.
 */
export function buildCorpus(random: FuzzRandom): Corpus {
  const doc = new Y.Doc();
  doc.clientID = random.uint32();
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  const fragment = doc.getXmlFragment(DOC_FRAGMENT);
  const texts: Y.XmlText[] = [];

  const block = (name: string, attrs: Record<string, string | number | null>, text: string) => {
    const element = new Y.XmlElement(name);
    for (const [key, value] of Object.entries(attrs)) {
      element.setAttribute(key, value as unknown as string);
    }
    const xmlText = new Y.XmlText();
    element.insert(0, [xmlText]);
    xmlText.insert(0, text);
    texts.push(xmlText);
    return element;
  };

  doc.transact(() => {
    fragment.insert(0, [
      block('heading', { level: 1 }, 'Taking the baton'),
      block('paragraph', {}, random.words(8)),
    ]);
  });
  const list = new Y.XmlElement('bulletList');
  const item = new Y.XmlElement('listItem');
  item.insert(0, [block('paragraph', {}, random.words(4))]);
  list.insert(0, [item]);
  fragment.insert(fragment.length, [list]);
  fragment.insert(fragment.length, [block('codeBlock', { language: 'ts' }, 'const lap = 1;')]);
  const midState = Y.encodeStateVector(doc);

  for (let i = 0; i < 24; i++) {
    const text = random.pick(texts);
    const op = random.between(0, 5);
    if (op === 0) {
      fragment.insert(random.between(0, fragment.length), [
        block('paragraph', {}, random.words(5)),
      ]);
    } else if (op === 1 && text.length > 0) {
      text.insert(random.between(0, text.length), random.words(2), { bold: {} });
    } else if (op === 2 && text.length > 2) {
      const at = random.between(0, text.length - 2);
      text.format(at, random.between(1, text.length - at), {
        link: { href: 'https://example.com/' + random.between(0, 99) },
      });
    } else if (op === 3 && text.length > 2) {
      const at = random.between(0, text.length - 2);
      text.delete(at, random.between(1, Math.min(5, text.length - at)));
    } else if (op === 4 && fragment.length > 3) {
      fragment.delete(random.between(2, fragment.length - 1), 1);
    } else {
      text.insert(text.length, ' ' + random.words(3));
    }
  }

  const frames: Corpus['frames'] = [];
  const message = (kind: string, write: (encoder: encoding.Encoder) => void) => {
    const encoder = encoding.createEncoder();
    write(encoder);
    frames.push({ kind, frame: encoding.toUint8Array(encoder) });
  };
  message('sync step 1', (e) => {
    encoding.writeVarUint(e, MessageType.sync);
    syncProtocol.writeSyncStep1(e, doc);
  });
  message('sync step 2 (all)', (e) => {
    encoding.writeVarUint(e, MessageType.sync);
    syncProtocol.writeSyncStep2(e, doc);
  });
  message('sync step 2 (diff)', (e) => {
    encoding.writeVarUint(e, MessageType.sync);
    syncProtocol.writeSyncStep2(e, doc, midState);
  });
  for (const update of updates) {
    message('sync update', (e) => {
      encoding.writeVarUint(e, MessageType.sync);
      syncProtocol.writeUpdate(e, update);
    });
  }

  const awareness = new awarenessProtocol.Awareness(doc);
  try {
    const anchorText = random.pick(texts);
    const position = (index: number) =>
      Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(anchorText, index)) as unknown;
    awareness.setLocalState({
      user: { name: 'Runner', color: '#1d4ed8' },
      cursor: { anchor: position(0), head: position(anchorText.length) },
    });
    message('awareness', (e) => {
      encoding.writeVarUint(e, MessageType.awareness);
      encoding.writeVarUint8Array(
        e,
        awarenessProtocol.encodeAwarenessUpdate(awareness, [doc.clientID]),
      );
    });
    awareness.setLocalState(null);
    message('awareness (left)', (e) => {
      encoding.writeVarUint(e, MessageType.awareness);
      encoding.writeVarUint8Array(
        e,
        awarenessProtocol.encodeAwarenessUpdate(awareness, [doc.clientID]),
      );
    });
  } finally {
    awareness.destroy();
    doc.destroy();
  }
  message('query awareness', (e) => encoding.writeVarUint(e, MessageType.queryAwareness));
  return { updates, frames };
}

/** Flips, overwrites, inserts, deletes, duplicates or cuts bytes, 1 to 8 times. */
function mutate(random: FuzzRandom, input: Uint8Array): { bytes: Uint8Array; how: string[] } {
  let bytes: number[] = Array.from(input);
  const how: string[] = [];
  const rounds = random.between(1, 8);
  const interesting = [0x00, 0x01, 0x7f, 0x80, 0xff, 0xfe, 0x40, 0x08, 0x77];
  for (let i = 0; i < rounds; i++) {
    const at = random.between(0, Math.max(0, bytes.length - 1));
    switch (random.between(0, 6)) {
      case 0:
        if (bytes.length === 0) break;
        bytes[at] = (bytes[at] ?? 0) ^ (1 << random.between(0, 7));
        how.push(`flip@${at}`);
        break;
      case 1:
        if (bytes.length === 0) break;
        bytes[at] = random.chance(0.5) ? random.pick(interesting) : random.between(0, 255);
        how.push(`set@${at}`);
        break;
      case 2: {
        const inserted = Array.from(random.bytes(random.between(1, 8)));
        bytes.splice(at, 0, ...inserted);
        how.push(`insert${inserted.length}@${at}`);
        break;
      }
      case 3: {
        const count = random.between(1, 8);
        bytes.splice(at, count);
        how.push(`delete${count}@${at}`);
        break;
      }
      case 4: {
        const count = random.between(1, 16);
        bytes.splice(at, 0, ...bytes.slice(at, at + count));
        how.push(`dup${count}@${at}`);
        break;
      }
      case 5:
        bytes = bytes.slice(0, at);
        how.push(`cut@${at}`);
        break;
      default: {
        // A varint that claims a huge value.
        bytes.splice(at, 0, 0xff, 0xff, 0xff, 0xff, random.between(0x01, 0x7f));
        how.push(`bigvarint@${at}`);
      }
    }
  }
  return { bytes: Uint8Array.from(bytes), how };
}

/**
 * Which family each case index belongs to: a fixed rotation, so every run of
 * 40 or more cases covers every family, and the rare expensive ones stay rare.
 */
const rotation: FuzzFamily[] = [
  ...Array<FuzzFamily>(9).fill('mutated-frame'),
  ...Array<FuzzFamily>(9).fill('envelope-update'),
  ...Array<FuzzFamily>(6).fill('random-bytes'),
  ...Array<FuzzFamily>(6).fill('truncated-varint'),
  ...Array<FuzzFamily>(4).fill('text-frame'),
  ...Array<FuzzFamily>(2).fill('deep-awareness'),
  ...Array<FuzzFamily>(2).fill('many-clients-awareness'),
  'huge-awareness',
  'oversized',
];

/** The family of case `index`; the rotation is interleaved so families alternate within a batch. */
export function familyOf(index: number): FuzzFamily {
  const stride = 17; // coprime with the rotation length (40)
  const family = rotation[(index * stride) % rotation.length];
  if (!family) throw new Error('rotation index out of range');
  return family;
}

const closeUnlessWellFormed: Expectation = { kind: 'closeUnlessWellFormed' };

export function generateCase(
  seed: number,
  index: number,
  corpus: Corpus,
  context: FuzzContext,
): FuzzCase {
  const random = fuzzRandom(deriveSeed(seed, index));
  const family = familyOf(index);
  const make = (description: string, frame: Uint8Array, expect = closeUnlessWellFormed) => ({
    index,
    family,
    description,
    frame,
    text: false,
    expect,
  });
  switch (family) {
    case 'random-bytes': {
      const length = random.length(64 * 1024);
      return make(`${length} random bytes`, random.bytes(length));
    }
    case 'truncated-varint':
      return truncatedVarint(random, corpus, make);
    case 'mutated-frame': {
      const source = random.pick(corpus.frames);
      const { bytes, how } = mutate(random, source.frame);
      return make(`${source.kind} mutated (${how.join(' ')})`, bytes);
    }
    case 'envelope-update':
      return envelopeUpdate(random, corpus, make);
    case 'huge-awareness':
      return hugeAwareness(random, context, make);
    case 'deep-awareness':
      return deepAwareness(random, context, make);
    case 'many-clients-awareness':
      return manyClientsAwareness(random, context, make);
    case 'text-frame':
      return { ...textFrame(random), index, family };
    case 'oversized': {
      const length = limits.maxMessageBytes + random.between(1, 4096);
      const frame = new Uint8Array(length);
      frame.set(random.bytes(64));
      frame[0] = MessageType.sync;
      return make(`${length} bytes (over the ${limits.maxMessageBytes} limit)`, frame, {
        kind: 'code',
        code: CloseCode.messageTooBig,
      });
    }
  }
}

type Make = (description: string, frame: Uint8Array, expect?: Expectation) => FuzzCase;

function truncatedVarint(random: FuzzRandom, corpus: Corpus, make: Make): FuzzCase {
  const continuation = (n: number) => Array.from({ length: n }, () => random.between(0x80, 0xff));
  switch (random.between(0, 5)) {
    case 0:
      return make('a varint that never ends', Uint8Array.from(continuation(random.between(1, 16))));
    case 1: {
      const type = random.between(0, 3);
      return make(
        `message type ${type}, then an unterminated varint`,
        Uint8Array.from([type, ...continuation(random.between(1, 12))]),
      );
    }
    case 2: {
      const sub = random.between(0, 2);
      return make(
        `sync ${sub}, then an unterminated length`,
        Uint8Array.from([MessageType.sync, sub, ...continuation(random.between(1, 12))]),
      );
    }
    case 3: {
      // A length prefix that claims far more than the frame holds.
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, MessageType.sync);
      encoding.writeVarUint(encoder, random.pick([0, 1, 2]));
      encoding.writeVarUint(encoder, random.between(64, 2 ** 31));
      encoding.writeUint8Array(encoder, random.bytes(random.between(0, 32)));
      return make('a length prefix longer than the frame', encoding.toUint8Array(encoder));
    }
    case 4: {
      // More than 53 bits: lib0 cannot represent it.
      return make(
        'an overlong varint',
        Uint8Array.from([
          random.between(0, 1),
          ...Array<number>(random.between(8, 12)).fill(0xff),
          0x01,
        ]),
      );
    }
    default: {
      const source = random.pick(corpus.frames);
      const cut = random.between(0, Math.max(0, source.frame.length - 1));
      return make(
        `${source.kind} (${source.frame.length} bytes) cut to ${cut}`,
        source.frame.slice(0, cut),
      );
    }
  }
}

function envelopeUpdate(random: FuzzRandom, corpus: Corpus, make: Make): FuzzCase {
  const syncType = random.chance(0.7) ? SyncMessageType.update : SyncMessageType.step2;
  const name = syncType === SyncMessageType.update ? 'update' : 'step 2';
  const real = random.pick(corpus.updates);
  switch (random.between(0, 5)) {
    case 0: {
      const payload = random.bytes(random.length(16 * 1024));
      return make(`${name} of ${payload.length} random bytes`, syncFrame(syncType, payload));
    }
    case 1:
    case 2: {
      const { bytes, how } = mutate(random, real);
      return make(`${name} of a mutated update (${how.join(' ')})`, syncFrame(syncType, bytes));
    }
    case 3: {
      const cut = random.between(0, Math.max(0, real.length - 1));
      return make(
        `${name} of an update cut from ${real.length} to ${cut}`,
        syncFrame(syncType, real.slice(0, cut)),
      );
    }
    case 4: {
      // An update with extreme client ids, clocks and lengths (v1 encoding, hand written).
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, 1); // one client
      encoding.writeVarUint(encoder, random.between(1, 3)); // structs
      encoding.writeVarUint(encoder, random.pick([0, 1, 2 ** 32 - 1, 2 ** 53 - 1]));
      encoding.writeVarUint(encoder, random.pick([0, 2 ** 31, 2 ** 53 - 1]));
      for (let i = 0; i < 3; i++) {
        encoding.writeUint8(encoder, random.between(0, 255)); // info byte
        encoding.writeVarUint(encoder, random.pick([0, 1, 2 ** 30, 2 ** 53 - 1]));
      }
      encoding.writeUint8Array(encoder, random.bytes(random.between(0, 32)));
      return make(
        `${name} with extreme numbers`,
        syncFrame(syncType, encoding.toUint8Array(encoder)),
      );
    }
    default: {
      // Two real updates merged, or one with trailing garbage.
      const other = random.pick(corpus.updates);
      const payload = random.chance(0.5)
        ? Y.mergeUpdates([real, other])
        : Uint8Array.from([...real, ...random.bytes(random.between(1, 16))]);
      return make(`${name} of a real update, recombined`, syncFrame(syncType, payload));
    }
  }
}

/** A fresh client id (never a healthy client's). */
function freshClientId(random: FuzzRandom, context: FuzzContext): number {
  for (;;) {
    const id = random.uint32();
    if (!context.healthyClientIds.includes(id)) return id;
  }
}

function hugeAwareness(random: FuzzRandom, context: FuzzContext, make: Make): FuzzCase {
  const megabytes = 1 + random.next() * 2;
  const size = Math.floor(megabytes * 1024 * 1024);
  const user = random.chance(0.5) ? context.identity : { name: 'Mallory', color: '#000000' };
  const shape = random.between(0, 2);
  let state: string;
  if (shape === 0) {
    state = JSON.stringify({ user, blob: 'x'.repeat(size) });
  } else if (shape === 1) {
    const keys = Math.floor(size / 24);
    const parts: string[] = [];
    for (let i = 0; i < keys; i++) parts.push(`"k${i}":${i}`);
    state = `{"user":${JSON.stringify(user)},${parts.join(',')}}`;
  } else {
    const items = Math.floor(size / 2);
    state = `{"user":${JSON.stringify(user)},"list":[${'0,'.repeat(items)}0]}`;
  }
  const frame = awarenessFrame([{ clientId: freshClientId(random, context), clock: 1, state }]);
  return make(
    `awareness state of ${(state.length / 1048576).toFixed(2)} MiB (shape ${shape})`,
    frame,
  );
}

function deepAwareness(random: FuzzRandom, context: FuzzContext, make: Make): FuzzCase {
  // Half of them deeper than 10,000 levels; half just deep enough to fit the state size limit,
  // so the JSON itself (parse, and the server's stringify) is what gets tested.
  const fits = random.chance(0.5);
  const depth = fits
    ? random.between(2_000, Math.floor((limits.maxAwarenessStateBytes - 200) / 2))
    : random.between(10_000, 200_000);
  const arrays = fits || random.chance(0.5);
  const userMatches = random.chance(0.5);
  const user = JSON.stringify(userMatches ? context.identity : { name: 'Mallory' });
  const nested = arrays
    ? '['.repeat(depth) + ']'.repeat(depth)
    : '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);
  const state = `{"user":${user},"deep":${nested}}`;
  const frame = awarenessFrame([{ clientId: freshClientId(random, context), clock: 1, state }]);
  return make(
    `awareness state nested ${depth} deep (${arrays ? 'arrays' : 'objects'}, ` +
      `user ${userMatches ? 'matches' : 'differs'})`,
    frame,
  );
}

function manyClientsAwareness(random: FuzzRandom, context: FuzzContext, make: Make): FuzzCase {
  const count = random.between(1_000, 20_000);
  const entries: Array<{ clientId: number; clock: number; state: string }> = [];
  const states = ['null', '{}', '{"cursor":null}', '{"user":{"name":"Mallory"}}', '{not json', '7'];
  for (let i = 0; i < count; i++) {
    const spoof = context.healthyClientIds.length > 0 && random.chance(0.05);
    entries.push({
      clientId: spoof ? random.pick(context.healthyClientIds) : random.uint32(),
      clock: random.chance(0.1) ? 2 ** 31 : random.between(0, 1_000),
      state: random.pick(states),
    });
  }
  // Remove the healthy clients: the highest clock, a null state, up front.
  for (const clientId of context.healthyClientIds) {
    entries.unshift({ clientId, clock: 2 ** 40, state: 'null' });
  }
  return make(`awareness with ${entries.length} client ids`, awarenessFrame(entries));
}

function textFrame(random: FuzzRandom): Omit<FuzzCase, 'index' | 'family'> {
  const encoder = new TextEncoder();
  const variant = random.between(0, 4);
  if (variant === 4) {
    // Bytes that are not UTF-8, sent as a text frame.
    const bytes = random.bytes(random.between(1, 64));
    bytes[0] = 0xff;
    return {
      description: `text frame of ${bytes.length} bytes that are not UTF-8`,
      frame: bytes,
      text: true,
      expect: { kind: 'close' },
    };
  }
  const strings = [
    () => 'hello',
    () => JSON.stringify({ type: 'sync', update: random.words(4) }),
    () => String.fromCharCode(0, 0, 1, 0), // a sync step 1, as text
    () => random.words(random.between(1, 2000)),
  ];
  const text = strings[variant]?.() ?? '';
  return {
    description: `text frame of ${text.length} characters`,
    frame: encoder.encode(text),
    text: true,
    expect: { kind: 'code', code: CloseCode.unsupportedData },
  };
}

/** Reads a length-prefixed byte array, refusing a length that runs past the frame. */
function readBoundedVarUint8Array(decoder: decoding.Decoder): Uint8Array {
  const length = decoding.readVarUint(decoder);
  if (decoder.pos + length > decoder.arr.length) throw new Error('length past the frame');
  return decoding.readUint8Array(decoder, length).slice();
}

/**
 * Whether a frame is one well-formed y-websocket message, by the protocol's
 * grammar (y-protocols sync, awareness, auth and query-awareness), decoded
 * independently of the server: a known type, complete varints, length
 * prefixes that fit, a decodable state vector or Yjs update, decodable
 * awareness entries, and nothing after the message.
 */
export function isWellFormedMessage(input: Uint8Array): boolean {
  if (input.length > limits.maxMessageBytes) return false;
  const frame = input.slice();
  try {
    const decoder = decoding.createDecoder(frame);
    const type = decoding.readVarUint(decoder);
    switch (type) {
      case MessageType.sync: {
        const syncType = decoding.readVarUint(decoder);
        const payload = readBoundedVarUint8Array(decoder);
        if (syncType === SyncMessageType.step1) Y.decodeStateVector(payload);
        else if (syncType === SyncMessageType.step2 || syncType === SyncMessageType.update) {
          Y.decodeUpdate(payload);
        } else return false;
        break;
      }
      case MessageType.awareness: {
        const inner = decoding.createDecoder(readBoundedVarUint8Array(decoder));
        const count = decoding.readVarUint(inner);
        for (let i = 0; i < count; i++) {
          decoding.readVarUint(inner);
          decoding.readVarUint(inner);
          decoding.readVarString(inner);
        }
        if (decoding.hasContent(inner)) return false;
        break;
      }
      case MessageType.auth:
        decoding.readVarUint(decoder);
        if (decoding.hasContent(decoder)) decoding.readVarString(decoder);
        break;
      case MessageType.queryAwareness:
        break;
      default:
        return false;
    }
    return !decoding.hasContent(decoder);
  } catch {
    return false;
  }
}

/** The first bytes of a frame in hex, for failure messages. */
export function hexPrefix(frame: Uint8Array, max = 48): string {
  const hex = Array.from(frame.subarray(0, max), (b) => b.toString(16).padStart(2, '0')).join(' ');
  return frame.length > max ? `${hex} … (${frame.length} bytes)` : hex;
}
