/**
 * Event-driven waiting: re-check a condition each time something relevant
 * happens, and fail with a clear message if it never holds. Never a sleep.
 */
export function until(
  label: string,
  check: () => boolean,
  subscribe: (notify: () => void) => () => void,
  timeoutMs = 15_000,
): Promise<void> {
  if (check()) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const unsubscribe = subscribe(() => {
      if (!check()) return;
      clearTimeout(timer);
      unsubscribe();
      resolve();
    });
    const timer = setTimeout(() => {
      unsubscribe();
      reject(new Error(`timed out waiting until ${label}`));
    }, timeoutMs);
  });
}

/** Resolves with the first emission of `event` on a Node-style or lib0-style emitter. */
export function once<T extends unknown[]>(
  emitter: {
    on(event: string, fn: (...args: T) => void): unknown;
    off(event: string, fn: (...args: T) => void): unknown;
  },
  event: string,
  timeoutMs = 15_000,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const handler = (...args: T) => {
      clearTimeout(timer);
      emitter.off(event, handler);
      resolve(args);
    };
    const timer = setTimeout(() => {
      emitter.off(event, handler);
      reject(new Error(`timed out waiting for "${event}"`));
    }, timeoutMs);
    emitter.on(event, handler);
  });
}
