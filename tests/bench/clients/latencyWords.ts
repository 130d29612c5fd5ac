/**
 * The timestamp travels inside the edit: each timed edit inserts one word
 * `§<microseconds since the epoch, base 36>`, which readers decode on arrival.
 * Client processes share the wall clock, so the difference is end-to-end latency.
 */

const marker = '§';
const pattern = /§([0-9a-z]+)/g;

/** Wall-clock milliseconds with sub-millisecond resolution, comparable across processes. */
export function wallClockMs(): number {
  return performance.timeOrigin + performance.now();
}

export function stampWord(atMs: number): string {
  return marker + Math.round(atMs * 1000).toString(36);
}

/** Calls `onStamp` with the send time (ms) of every stamped word in `text`. */
export function readStamps(text: string, onStamp: (sentAtMs: number) => void): void {
  if (!text.includes(marker)) return;
  for (const match of text.matchAll(pattern)) {
    if (match[1]) onStamp(parseInt(match[1], 36) / 1000);
  }
}
