/**
 * How many messages a connection may still send: two token buckets (all
 * messages, and awareness), each `perSecond` sustained and twice that in a burst.
 */
export interface RateLimits {
  messagesPerSecond: number;
  awarenessPerSecond: number;
}

export class RateBudget {
  private messages: number;
  private awareness: number;
  private refilledAt: number;

  constructor(
    private readonly limits: RateLimits,
    now: number,
  ) {
    this.messages = limits.messagesPerSecond * 2;
    this.awareness = limits.awarenessPerSecond * 2;
    this.refilledAt = now;
  }

  /** Takes one message (and one awareness token if it is awareness); false when a budget is spent. */
  take(isAwareness: boolean, now: number): boolean {
    const elapsed = now - this.refilledAt;
    if (elapsed > 0) {
      const { messagesPerSecond, awarenessPerSecond } = this.limits;
      this.messages = Math.min(
        messagesPerSecond * 2,
        this.messages + (elapsed * messagesPerSecond) / 1000,
      );
      this.awareness = Math.min(
        awarenessPerSecond * 2,
        this.awareness + (elapsed * awarenessPerSecond) / 1000,
      );
      this.refilledAt = now;
    }
    if (this.messages < 1 || (isAwareness && this.awareness < 1)) return false;
    this.messages -= 1;
    if (isAwareness) this.awareness -= 1;
    return true;
  }
}
