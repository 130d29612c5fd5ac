/**
 * Bounded retries with exponential backoff and jitter, for store writes that
 * may fail for a moment (a busy SQLite file, a PostgreSQL failover).
 */
export interface RetryPolicy {
  /** Attempts in all, the first included. */
  attempts: number;
  /** Wait before the second attempt; doubled for each later one. */
  baseMs: number;
  maxMs: number;
}

export async function withRetry<T>(
  operation: () => Promise<T>,
  policy: RetryPolicy,
  onRetry: (error: unknown, attempt: number, delayMs: number) => void,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await operation();
    } catch (error) {
      if (attempt >= policy.attempts) throw error;
      const ceiling = Math.min(policy.maxMs, policy.baseMs * 2 ** (attempt - 1));
      // Half fixed, half random: instances retrying after one outage do not retry in step.
      const delayMs = Math.round(ceiling / 2 + (Math.random() * ceiling) / 2);
      onRetry(error, attempt, delayMs);
      await new Promise((resolve) => setTimeout(resolve, delayMs));
    }
  }
}
