import { useEffect } from 'react';

/** The first wait before asking whether a session that ended is back. */
export const FIRST_RECHECK_MS = 2_000;
/** The longest wait between two such checks. */
export const MAX_RECHECK_MS = 60_000;

/** Wait before check number `attempt` (0-based): 2 s, 4 s, 8 s … then once a minute. */
export function recheckDelay(attempt: number): number {
  return Math.min(FIRST_RECHECK_MS * 2 ** attempt, MAX_RECHECK_MS);
}

/**
 * While `ended`, asks the server now and then whether the session is back (a
 * sign-in that no other tab of this app announced), backing off so a tab left
 * signed out costs a request a minute. Sign-ins in this app's tabs and coming
 * back to the tab are noticed at once anyway (`markSignedIn`, better-auth's
 * focus check).
 */
export function useSessionRecheck(ended: boolean, recheck: () => void): void {
  useEffect(() => {
    if (!ended) return;
    let attempt = 0;
    let timer: ReturnType<typeof setTimeout>;
    const schedule = () => {
      timer = setTimeout(() => {
        recheck();
        attempt += 1;
        schedule();
      }, recheckDelay(attempt));
    };
    schedule();
    return () => clearTimeout(timer);
  }, [ended, recheck]);
}
