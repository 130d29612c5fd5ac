/** Node's garbage collector in a test process started without --expose-gc. */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** Exposes gc() at runtime; throws (a ReferenceError from the new context) if it cannot. */
export function requireGc(): () => void {
  const existing = (globalThis as { gc?: () => void }).gc;
  if (typeof existing === 'function') return existing;
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

/** Exposes gc() at runtime, or null if it cannot be. */
export function exposeGc(): (() => void) | null {
  try {
    return requireGc();
  } catch {
    return null;
  }
}
