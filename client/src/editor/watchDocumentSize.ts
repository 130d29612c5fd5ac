/**
 * Measures a Y.Doc's encoded size now and then, never per keystroke.
 *
 * The only exact measure is what the server counts, `Y.encodeStateAsUpdate(doc)`,
 * and it encodes the whole document: tens of milliseconds on a 100,000-word
 * essay. So a change only marks the size as stale; it is measured at most once
 * per `intervalMs`, and then in an idle callback, between keystrokes rather than
 * during one.
 */
import * as Y from 'yjs';

export interface DocumentSizeWatchOptions {
  /** Least time between two measurements while the document keeps changing. */
  intervalMs?: number;
  /** An idle callback runs by then even if the page never goes idle. */
  idleTimeoutMs?: number;
}

export interface DocumentSizeWatch {
  /** Measures at the next idle moment, whatever the interval says (e.g. after the initial sync). */
  measureSoon(): void;
  stop(): void;
}

/** Calls `onSize` with the encoded size of `doc` after it changes, throttled as described above. */
export function watchDocumentSize(
  doc: Y.Doc,
  onSize: (bytes: number) => void,
  { intervalMs = 12_000, idleTimeoutMs = 2_000 }: DocumentSizeWatchOptions = {},
): DocumentSizeWatch {
  let lastMeasuredAt = -Infinity;
  /** Waiting out the interval before asking for an idle moment. */
  let intervalTimer: ReturnType<typeof setTimeout> | null = null;
  /** Waiting for an idle moment; cancels it. */
  let cancelIdle: (() => void) | null = null;

  function measure() {
    cancelIdle = null;
    lastMeasuredAt = Date.now();
    onSize(Y.encodeStateAsUpdate(doc).byteLength);
  }

  function measureWhenIdle() {
    intervalTimer = null;
    cancelIdle ??= whenIdle(measure, idleTimeoutMs);
  }

  const onUpdate = () => {
    // Already scheduled: that measurement will include this change too.
    if (intervalTimer !== null || cancelIdle !== null) return;
    const wait = lastMeasuredAt + intervalMs - Date.now();
    if (wait <= 0) measureWhenIdle();
    else intervalTimer = setTimeout(measureWhenIdle, wait);
  };

  doc.on('update', onUpdate);

  return {
    measureSoon() {
      if (intervalTimer !== null) clearTimeout(intervalTimer);
      measureWhenIdle();
    },
    stop() {
      doc.off('update', onUpdate);
      if (intervalTimer !== null) clearTimeout(intervalTimer);
      intervalTimer = null;
      cancelIdle?.();
      cancelIdle = null;
    },
  };
}

/**
 * Runs `callback` when the browser is idle (or after `timeoutMs` at the latest);
 * where there is no `requestIdleCallback` (Safari), on a plain timer. Returns a cancel function.
 */
function whenIdle(callback: () => void, timeoutMs: number): () => void {
  if (typeof requestIdleCallback === 'function') {
    const handle = requestIdleCallback(callback, { timeout: timeoutMs });
    return () => cancelIdleCallback(handle);
  }
  // Not idle detection, but still outside the keystroke's own task.
  const timer = setTimeout(callback, 0);
  return () => clearTimeout(timer);
}
