import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Connection, ConnectionSnapshot } from './connectionStatus.ts';
import type { SaveSnapshot, SaveState } from './saveTracker.ts';
import { createSlowSaveStore, type SlowSaveStore } from './slowSave.ts';

/** A store the test sets by hand. */
function manualStore<T>(initial: T) {
  let value = initial;
  const listeners = new Set<() => void>();
  return {
    getSnapshot: () => value,
    subscribe(listener: () => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    set(next: T) {
      value = next;
      for (const listener of listeners) listener();
    },
  };
}

const saveSnapshot = (state: SaveState, savedSeq = 0): SaveSnapshot => ({
  state,
  localSeq: state === 'saved' ? savedSeq : savedSeq + 1,
  savedSeq,
  readOnly: false,
});
const connectionSnapshot = (connection: Connection): ConnectionSnapshot => ({
  connection,
  message: null,
  terminal: false,
  failures: 0,
});

let saves: ReturnType<typeof manualStore<SaveSnapshot>>;
let connection: ReturnType<typeof manualStore<ConnectionSnapshot>>;
let slow: SlowSaveStore;
let notifications: number;

beforeEach(() => {
  vi.useFakeTimers();
  saves = manualStore(saveSnapshot('saved'));
  connection = manualStore(connectionSnapshot('live'));
  slow = createSlowSaveStore(saves, connection, { afterMs: 5_000 });
  notifications = 0;
  slow.subscribe(() => (notifications += 1));
});

afterEach(() => {
  slow.destroy();
  vi.useRealTimers();
});

describe('createSlowSaveStore', () => {
  it('is slow after 5 s of saving on a live connection, and not once saved', () => {
    saves.set(saveSnapshot('saving'));
    vi.advanceTimersByTime(4_999);
    expect(slow.getSnapshot()).toBe(false);
    vi.advanceTimersByTime(1);
    expect(slow.getSnapshot()).toBe(true);
    expect(notifications).toBe(1);
    saves.set(saveSnapshot('saved', 1));
    expect(slow.getSnapshot()).toBe(false);
    expect(notifications).toBe(2);
  });

  it('is not slow during long typing while confirmations keep arriving', () => {
    for (let seq = 0; seq < 20; seq++) {
      saves.set(saveSnapshot('saving', seq));
      vi.advanceTimersByTime(3_000);
    }
    expect(slow.getSnapshot()).toBe(false);
    expect(notifications).toBe(0);
  });

  it('is slow when typing goes on but nothing is confirmed', () => {
    saves.set(saveSnapshot('saving', 3));
    for (let i = 0; i < 6; i++) {
      saves.set({ ...saveSnapshot('saving', 3), localSeq: 10 + i });
      vi.advanceTimersByTime(1_000);
    }
    expect(slow.getSnapshot()).toBe(true);
  });

  it('does not count time off the live connection', () => {
    connection.set(connectionSnapshot('connecting'));
    saves.set(saveSnapshot('saving'));
    vi.advanceTimersByTime(10_000);
    expect(slow.getSnapshot()).toBe(false);
    // Live again: the clock starts now.
    connection.set(connectionSnapshot('live'));
    vi.advanceTimersByTime(4_999);
    expect(slow.getSnapshot()).toBe(false);
    vi.advanceTimersByTime(1);
    expect(slow.getSnapshot()).toBe(true);
  });

  it('resets when the connection drops, and restarts the clock on return', () => {
    saves.set(saveSnapshot('saving'));
    vi.advanceTimersByTime(5_000);
    expect(slow.getSnapshot()).toBe(true);
    connection.set(connectionSnapshot('offline'));
    saves.set(saveSnapshot('unsaved'));
    expect(slow.getSnapshot()).toBe(false);
    connection.set(connectionSnapshot('live'));
    saves.set(saveSnapshot('saving'));
    vi.advanceTimersByTime(4_999);
    expect(slow.getSnapshot()).toBe(false);
  });

  it('stops its clock and listeners on destroy', () => {
    saves.set(saveSnapshot('saving'));
    slow.destroy();
    vi.advanceTimersByTime(10_000);
    expect(slow.getSnapshot()).toBe(false);
    expect(notifications).toBe(0);
  });
});
