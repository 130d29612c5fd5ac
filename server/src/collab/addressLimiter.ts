/**
 * Counts new websocket connections per client address in fixed one-minute
 * windows. Per instance: with several instances behind a balancer, an address
 * may open up to this many on each.
 */
export class AddressLimiter {
  private readonly counts = new Map<string, number>();
  private windowStartedAt: number;

  /** @param perMinute connections allowed per address per window; 0 allows everything. */
  constructor(
    private readonly perMinute: number,
    now: number,
    private readonly windowMs = 60_000,
  ) {
    this.windowStartedAt = now;
  }

  /** Counts one connection; false when the address has used up this window. */
  allow(address: string, now: number): boolean {
    if (this.perMinute === 0) return true;
    if (now - this.windowStartedAt >= this.windowMs) {
      // A new window forgets every address, so the map never outgrows one minute of traffic.
      this.counts.clear();
      this.windowStartedAt = now;
    }
    const used = this.counts.get(address) ?? 0;
    if (used >= this.perMinute) return false;
    this.counts.set(address, used + 1);
    return true;
  }

  /** Seconds until the current window ends (for Retry-After). */
  retryAfterSeconds(now: number): number {
    return Math.max(1, Math.ceil((this.windowStartedAt + this.windowMs - now) / 1000));
  }
}
