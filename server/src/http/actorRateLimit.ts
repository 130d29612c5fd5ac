/**
 * A per-account limit on costly writes (the content API): a token bucket of
 * `perMinute` sustained and as many again in a burst, kept in this process's
 * memory. Past it: 429 `rate_limited` with `Retry-After` in seconds.
 */
import { createMiddleware } from 'hono/factory';
import { AppError } from '../errors/appError.ts';
import type { ActorEnv } from './requireActor.ts';

interface Bucket {
  tokens: number;
  at: number;
}

/** Buckets kept before full ones (idle accounts) are forgotten. */
const MAX_BUCKETS = 10_000;

export function actorRateLimit(perMinute: number, now: () => number = Date.now) {
  const capacity = perMinute * 2;
  const perMs = perMinute / 60_000;
  const buckets = new Map<string, Bucket>();

  function refill(bucket: Bucket, t: number) {
    bucket.tokens = Math.min(capacity, bucket.tokens + (t - bucket.at) * perMs);
    bucket.at = t;
  }

  function forgetIdle(t: number) {
    for (const [key, bucket] of buckets) {
      refill(bucket, t);
      if (bucket.tokens >= capacity) buckets.delete(key);
    }
  }

  return createMiddleware<ActorEnv>(async function rateLimitWrites(c, next) {
    const t = now();
    const key = c.var.actor.userId;
    let bucket = buckets.get(key);
    if (!bucket) {
      if (buckets.size >= MAX_BUCKETS) forgetIdle(t);
      bucket = { tokens: capacity, at: t };
      buckets.set(key, bucket);
    }
    refill(bucket, t);
    if (bucket.tokens < 1) {
      const waitSeconds = Math.ceil((1 - bucket.tokens) / perMs / 1000);
      c.header('Retry-After', String(waitSeconds));
      throw new AppError(
        'rate_limited',
        429,
        `Too many writes: at most ${perMinute} a minute. Try again in ${waitSeconds} s.`,
      );
    }
    bucket.tokens -= 1;
    await next();
  });
}
