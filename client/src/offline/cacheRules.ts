/**
 * What the service worker keeps, decided in one place (the worker and the page
 * both import it; see docs/decisions/0009-offline-drafts.md). Nothing here
 * touches the network or a cache, so the rules are unit-tested directly.
 */

/** Metadata an offline visit needs (the session, an installment); emptied on sign-out. */
export const API_CACHE = 'baton-api-v1';

/** The built app; one cache per build, named by a hash of its file list. */
export const SHELL_CACHE_PREFIX = 'baton-shell-';

/** The page every app route serves (the client routes itself). */
export const APP_PAGE = '/index.html';

/**
 * - `asset`: hashed build files, never changed once built: cache first.
 * - `page`: navigation to an app route: network first, the cached app page offline.
 * - `api`: the few reads an offline visit needs: network first, the cached answer offline.
 * - `none`: everything else goes to the network untouched (writes, the websocket,
 *   public reader pages, other API calls).
 */
export type CacheRule = 'asset' | 'page' | 'api' | 'none';

export interface RequestFacts {
  method: string;
  url: string;
  /** `Request.mode`: 'navigate' for page loads. */
  mode: string;
}

/** Paths the server answers itself, never with the app page. */
const serverPaths = /^\/(api|collab|read|healthz)(\/|$)/;

/** An installment's metadata (not its threads, versions or events). */
const installmentRead = /^\/api\/installments\/[^/]+$/;

const sessionRead = '/api/auth/get-session';

/** Which rule applies to a request from a page of `origin`. */
export function cacheRuleFor(request: RequestFacts, origin: string): CacheRule {
  if (request.method !== 'GET') return 'none';
  const url = new URL(request.url);
  if (url.origin !== origin) return 'none';
  const path = url.pathname;
  if (path.startsWith('/assets/')) return 'asset';
  if (path === sessionRead || installmentRead.test(path)) return 'api';
  if (request.mode === 'navigate' && !serverPaths.test(path)) return 'page';
  return 'none';
}

/** A short stable hash (FNV-1a, hex) naming a build's shell cache. */
export function shellVersion(files: readonly string[]): string {
  let hash = 0x811c9dc5;
  for (const char of [...files].sort().join('\n')) {
    hash ^= char.charCodeAt(0);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}
