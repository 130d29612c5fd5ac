import { useEffect, useMemo, useSyncExternalStore } from 'react';
import { can, type Role } from '@baton/shared/roles.ts';
import { createThreadStore, type ThreadStore, type ThreadsSnapshot } from './threadStore.ts';

/**
 * The installment's threads, live while `role` may read them. A new role
 * reconnects (the server closes the stream on access changes anyway) and reloads.
 */
export function useThreads(
  installmentId: string,
  role: Role | null,
): { store: ThreadStore; snapshot: ThreadsSnapshot } {
  const store = useMemo(() => createThreadStore(installmentId), [installmentId]);
  useEffect(() => (can(role, 'read') ? store.connect() : undefined), [store, role]);
  const snapshot = useSyncExternalStore(store.subscribe, store.getSnapshot);
  return { store, snapshot };
}
