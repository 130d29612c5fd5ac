/**
 * Sessions ending, for what outlives the request that a session opened: an
 * event stream subscribes with its session's token and is told when that
 * session is signed out, revoked or replaced (better-auth's delete hook). Per
 * instance, like the websocket closing it sits beside.
 */
export class EndedSessions {
  private readonly listeners = new Map<string, Set<() => void>>();

  /** Calls `onEnded` once when the session with `token` ends; returns the unsubscribe. */
  subscribe(token: string, onEnded: () => void): () => void {
    let set = this.listeners.get(token);
    if (!set) {
      set = new Set();
      this.listeners.set(token, set);
    }
    set.add(onEnded);
    return () => {
      set.delete(onEnded);
      if (set.size === 0 && this.listeners.get(token) === set) this.listeners.delete(token);
    };
  }

  end(token: string): void {
    const set = this.listeners.get(token);
    this.listeners.delete(token);
    for (const onEnded of set ?? []) onEnded();
  }
}
