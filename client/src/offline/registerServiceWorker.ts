/**
 * Registers the service worker (sw/serviceWorker.ts) in production builds, so a
 * visited installment opens with the server out of reach. Never in `vite dev`:
 * a worker caching dev modules would serve stale code.
 */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  navigator.serviceWorker.register('/sw.js', { scope: '/', type: 'module' }).catch(() => {
    // Without it the app works as before, online only; nothing to tell the writer.
  });
}
