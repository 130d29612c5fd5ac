/**
 * Announces that some users' rights in a series changed (role change, removal,
 * revoked link, deleted series or installment). Open websocket connections
 * listen and close, so the next upgrade is authorized with the new rights.
 */
export interface AccessChange {
  seriesId: string;
  /** Users whose rights changed; null means every user of the series. */
  userIds: string[] | null;
  /** Set when one installment was deleted: only its connections and streams close. */
  deletedInstallmentId?: string;
}

export type AccessChangeListener = (change: AccessChange) => void;

/** Where access changes go besides this instance's listeners (other instances). */
export interface AccessChangeRelay {
  publishAccessChange(change: AccessChange): void;
  onAccessChange(listener: (change: AccessChange) => void): void;
}

export class AccessChanges {
  private readonly listeners = new Set<AccessChangeListener>();

  constructor(private readonly relay?: AccessChangeRelay) {
    relay?.onAccessChange((change) => this.deliver(change));
  }

  subscribe(listener: AccessChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Announces a change here and on every other instance. */
  publish(change: AccessChange): void {
    this.deliver(change);
    this.relay?.publishAccessChange(change);
  }

  private deliver(change: AccessChange): void {
    for (const listener of this.listeners) listener(change);
  }
}
