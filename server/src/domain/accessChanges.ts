/**
 * Announces that some users' rights in a series changed (role change, removal,
 * revoked link, deleted series). Open websocket connections listen and close,
 * so the next upgrade is authorized with the new rights.
 */
export interface AccessChange {
  seriesId: string;
  /** Users whose rights changed; null means every user of the series. */
  userIds: string[] | null;
}

export type AccessChangeListener = (change: AccessChange) => void;

export class AccessChanges {
  private readonly listeners = new Set<AccessChangeListener>();

  subscribe(listener: AccessChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  publish(change: AccessChange): void {
    for (const listener of this.listeners) listener(change);
  }
}
