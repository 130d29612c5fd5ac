import { API_CACHE } from './cacheRules.ts';

/** Empties the service worker's copies of API answers (the session, installments). */
export async function clearApiCache(): Promise<void> {
  if (typeof caches === 'undefined') return;
  await caches.delete(API_CACHE);
}
