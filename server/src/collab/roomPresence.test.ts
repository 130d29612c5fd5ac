import * as decoding from 'lib0/decoding';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { encodeAwarenessUpdate } from './messages.ts';
import { RoomPresence } from './roomPresence.ts';

const identity = { name: 'Ada', color: '#112233' };

/** The client ids and clocks in one broadcast awareness message. */
function entriesOf(message: Uint8Array): Array<[number, number]> {
  const decoder = decoding.createDecoder(message);
  decoding.readVarUint(decoder); // message type
  const update = decoding.createDecoder(decoding.readVarUint8Array(decoder));
  const count = decoding.readVarUint(update);
  const entries: Array<[number, number]> = [];
  for (let i = 0; i < count; i++) {
    entries.push([decoding.readVarUint(update), decoding.readVarUint(update)]);
    decoding.readVarString(update);
  }
  return entries;
}

function caret(clientId: number, clock: number): Uint8Array {
  const state = JSON.stringify({ user: identity, cursor: { anchor: clock } });
  return encodeAwarenessUpdate([{ clientId, clock, state }], 1);
}

function presenceWithInterval(intervalMs: number) {
  const broadcasts: Uint8Array[] = [];
  /** Whom each broadcast left out (null: nobody). */
  const leftOut: Array<object | null> = [];
  const published: Uint8Array[] = [];
  const presence = new RoomPresence(
    {
      broadcast: (m, except) => {
        broadcasts.push(m);
        leftOut.push(except);
      },
      publish: (u) => published.push(u),
    },
    16_384,
    intervalMs,
  );
  return { presence, broadcasts, leftOut, published };
}

describe('presence pacing', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('sends every change of one interval in one message, once the interval is over', () => {
    const { presence, broadcasts, published } = presenceWithInterval(50);
    const ada = {};
    const bob = {};
    presence.apply(caret(1, 1), ada, identity);
    vi.advanceTimersByTime(20);
    presence.apply(caret(2, 1), bob, identity);
    presence.apply(caret(1, 2), ada, identity);
    vi.advanceTimersByTime(29);
    expect(broadcasts).toHaveLength(0);

    vi.advanceTimersByTime(1);
    expect(broadcasts.map(entriesOf)).toEqual([
      [
        [1, 2],
        [2, 1],
      ],
    ]);
    expect(published).toHaveLength(1);

    // The next change starts a new interval.
    presence.apply(caret(2, 2), bob, identity);
    vi.advanceTimersByTime(49);
    expect(broadcasts).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(broadcasts.map(entriesOf)[1]).toEqual([[2, 2]]);
  });

  it('sends at once when flushed (a room about to unload)', () => {
    const { presence, broadcasts } = presenceWithInterval(50);
    presence.apply(caret(1, 1), {}, identity);
    presence.flush();
    expect(broadcasts.map(entriesOf)).toEqual([[[1, 1]]]);
    vi.advanceTimersByTime(100);
    expect(broadcasts).toHaveLength(1);
  });

  it('with an interval of 0, sends at the end of the event-loop turn', () => {
    const { presence, broadcasts } = presenceWithInterval(0);
    const ada = {};
    presence.apply(caret(1, 1), ada, identity);
    presence.apply(caret(1, 2), ada, identity);
    expect(broadcasts).toHaveLength(0);
    vi.runOnlyPendingTimers();
    expect(broadcasts.map(entriesOf)).toEqual([[[1, 2]]]);
  });

  it('PRES-4 hands the writer’s own queued caret to their update once the interval has passed, never sooner', () => {
    const { presence, broadcasts, published } = presenceWithInterval(50);
    const ada = {};
    const bob = {};
    presence.apply(caret(1, 1), ada, identity);
    const due = presence.takeDue(ada, Date.now());
    expect(due && entriesOf(due)).toEqual([[1, 1]]);
    expect(published).toHaveLength(1); // other instances still hear of it
    vi.advanceTimersByTime(100);
    expect(broadcasts).toHaveLength(0); // sent with the update, not again by the timer

    // 100 ms after the last presence message, but someone else's caret is queued too: it keeps its pace.
    presence.apply(caret(1, 2), ada, identity);
    presence.apply(caret(2, 1), bob, identity);
    expect(presence.takeDue(ada, Date.now())).toBeNull();
    vi.advanceTimersByTime(50);
    expect(broadcasts.map(entriesOf)).toEqual([
      [
        [1, 2],
        [2, 1],
      ],
    ]);

    presence.apply(caret(1, 3), ada, identity);
    vi.advanceTimersByTime(30);
    // 30 ms after the last one: too soon; it waits for its timer.
    expect(presence.takeDue(ada, Date.now())).toBeNull();
    vi.advanceTimersByTime(20);
    expect(broadcasts.map(entriesOf)[1]).toEqual([[1, 3]]);
    expect(presence.takeDue(ada, Date.now())).toBeNull(); // nothing queued
  });

  it('PRES-5 does not send a connection its own changes back, unless others’ go in the same message', () => {
    const { presence, broadcasts, leftOut } = presenceWithInterval(50);
    const ada = {};
    const bob = {};
    presence.apply(caret(1, 1), ada, identity);
    vi.advanceTimersByTime(50);
    presence.apply(caret(1, 2), ada, identity);
    presence.apply(caret(2, 1), bob, identity);
    vi.advanceTimersByTime(50);
    presence.applyRemote(caret(3, 1));
    vi.advanceTimersByTime(50);
    presence.removeOwnedBy(bob); // bob left: everyone still here hears of it
    vi.advanceTimersByTime(50);
    expect(broadcasts).toHaveLength(4);
    expect(leftOut).toEqual([ada, null, null, null]);
  });

  it('answers a joining client with what it holds, sent or not', () => {
    const { presence } = presenceWithInterval(50);
    presence.apply(caret(1, 1), {}, identity);
    const all = presence.encodeAll();
    expect(all && entriesOf(all)).toEqual([[1, 1]]);
  });
});
