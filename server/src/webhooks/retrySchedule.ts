/** When a failed delivery is tried again, and when it is given up. */
import { limits } from '@baton/shared/limits.ts';

export interface RetryPolicy {
  /** The wait after the first failed attempt; it doubles after each further one. */
  baseMs: number;
  maxMs: number;
  /** Measured from when the delivery was queued. */
  windowMs: number;
}

export const defaultRetryPolicy = (baseMs: number = limits.webhookRetryBaseMs): RetryPolicy => ({
  baseMs,
  maxMs: limits.webhookRetryMaxMs,
  windowMs: limits.webhookRetryWindowMs,
});

/**
 * The time of the next attempt after `attempts` failed ones, or null when the
 * delivery has failed for good. The last attempt falls exactly at the end of
 * the window, so a receiver that comes back within it gets the delivery.
 */
export function nextAttemptAt(
  policy: RetryPolicy,
  createdAt: Date,
  attempts: number,
  now: Date,
): Date | null {
  const deadline = createdAt.getTime() + policy.windowMs;
  if (now.getTime() >= deadline) return null;
  // 2 ** 40 is far past any cap; bounding the exponent keeps the number finite.
  const wait = Math.min(policy.baseMs * 2 ** Math.min(Math.max(attempts - 1, 0), 40), policy.maxMs);
  return new Date(Math.min(now.getTime() + wait, deadline));
}
