/**
 * Baton's service worker: lets a visited installment open with the server out
 * of reach. Built by the `serviceWorker` plugin in vite.config.ts, which fills
 * in the build's file list; registered in production builds only
 * (src/offline/registerServiceWorker.ts). The rules are in src/offline/cacheRules.ts.
 */
import {
  API_CACHE,
  APP_PAGE,
  cacheRuleFor,
  SHELL_CACHE_PREFIX,
} from '../src/offline/cacheRules.ts';

declare const self: ServiceWorkerGlobalScope;
/** Every file of the build (hashed assets), filled in at build time. */
declare const __BATON_SHELL_FILES__: string[];
declare const __BATON_SHELL_VERSION__: string;

const shellCache = `${SHELL_CACHE_PREFIX}${__BATON_SHELL_VERSION__}`;

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(shellCache);
      // All of it, lazy chunks included: the editor's code must be here before the first offline visit.
      await cache.addAll([APP_PAGE, ...__BATON_SHELL_FILES__]);
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name.startsWith(SHELL_CACHE_PREFIX) && name !== shellCache) await caches.delete(name);
      }
      // Take over pages opened before this worker, so their next requests are kept too.
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('fetch', (event) => {
  const { request } = event;
  switch (cacheRuleFor(request, self.location.origin)) {
    case 'asset':
      event.respondWith(cacheFirst(request));
      break;
    case 'page':
      event.respondWith(networkFirst(request, null, APP_PAGE));
      break;
    case 'api':
      event.respondWith(networkFirst(request, API_CACHE, request));
      break;
    case 'none':
      break;
  }
});

async function cacheFirst(request: Request): Promise<Response> {
  const cached = await caches.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) {
    const cache = await caches.open(shellCache);
    await cache.put(request, response.clone());
  }
  return response;
}

/**
 * The network's answer when there is one (kept in `cacheName` when it is a
 * success, forgotten when access is refused); the cached `fallback` when the
 * network fails.
 */
async function networkFirst(
  request: Request,
  cacheName: string | null,
  fallback: Request | string,
): Promise<Response> {
  try {
    const response = await fetch(request);
    if (cacheName) {
      const cache = await caches.open(cacheName);
      if (response.ok) await cache.put(request, response.clone());
      else if (response.status >= 400 && response.status < 500) await cache.delete(request);
    }
    return response;
  } catch (error) {
    const cached = await caches.match(fallback);
    if (cached) return cached;
    throw error;
  }
}
