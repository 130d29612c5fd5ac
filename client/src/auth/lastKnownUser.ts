/**
 * The last account seen signed in on this device, so a page opened while the
 * server is out of reach can still show that account's drafts instead of
 * sending the writer to a sign-in form that cannot work offline. Forgotten on
 * sign-out (offline/forgetAccount.ts).
 */
import { useEffect } from 'react';
import { clearApiCache } from '../offline/apiCache.ts';
import { signedOutInThisTab, type CurrentUser } from './authClient.ts';

const STORAGE_KEY = 'baton:lastUser';

export function lastKnownUser(): CurrentUser | null {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null');
    if (typeof parsed !== 'object' || parsed === null) return null;
    const { id, name, email } = parsed as Record<string, unknown>;
    if (typeof id !== 'string' || typeof name !== 'string' || typeof email !== 'string')
      return null;
    return { id, name, email };
  } catch {
    return null;
  }
}

export function forgetLastKnownUser(): void {
  localStorage.removeItem(STORAGE_KEY);
}

function rememberUser(user: CurrentUser): void {
  // Another account signed in without signing out first: what was kept for offline visits was not theirs.
  if (lastKnownUser()?.id !== user.id) void clearApiCache();
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(user));
  } catch {
    // Storage refused: offline visits then need the service worker's copy of the session.
  }
}

/** True when the session check failed because the server could not be reached (not a refusal). */
export function isUnreachable(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const status = 'status' in error ? error.status : undefined;
  return typeof status !== 'number' || status === 0 || status >= 500;
}

interface SessionLike {
  data?: { user?: { id: string; name?: string | null; email?: string | null } } | null;
  error?: unknown;
}

/**
 * Remembers the signed-in account, and returns the last known one when the
 * session check could not reach the server (a network error is not a sign-out).
 */
export function useLastKnownUser(session: SessionLike): CurrentUser | undefined {
  const user = session.data?.user;
  const id = user?.id;
  const name = user?.name ?? '';
  const email = user?.email ?? '';
  useEffect(() => {
    // Signing out: the session may still show the account until it is re-read; do not note it again.
    if (id !== undefined && !signedOutInThisTab()) rememberUser({ id, name, email });
  }, [id, name, email]);
  if (user || !isUnreachable(session.error)) return undefined;
  return lastKnownUser() ?? undefined;
}
