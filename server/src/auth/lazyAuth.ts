/**
 * Authentication, loaded when the first request needs it. Every surface that
 * authenticates — better-auth's own routes, `/api/*` (REST and the event
 * streams) and websocket upgrades — awaits the same holder, so there is one
 * instance and one place that decides who a request is.
 *
 * Why: better-auth and its plugins are ~16 MB of a resting server's memory
 * (docs/performance.md § 6), and a server that no one has used since it
 * started does not need them. Its tables are brought up to date on that first
 * load, before any session is looked up; nothing else reads them earlier
 * (a fresh database has no accounts, and every way to data needs one).
 */
import type { Auth, AuthOptions } from './auth.ts';

/** Resolves to the one auth instance; loads and migrates it on the first call. */
export type AuthLoader = () => Promise<Auth>;

export function lazyAuth(options: AuthOptions): AuthLoader {
  let loading: Promise<Auth> | null = null;
  return () => {
    loading ??= import('./auth.ts')
      .then(({ createAuth }) => createAuth(options))
      .catch((error: unknown) => {
        // A failed load (the database away during migrations) is tried again by the next request.
        loading = null;
        throw error;
      });
    return loading;
  };
}
