/**
 * Cross-site request forgery guard for the JSON API: a state-changing request
 * that carries an `Origin` must come from a trusted one. Requests without an
 * Origin (scripts with API keys, curl) are not browser cross-site requests.
 */
import { createMiddleware } from 'hono/factory';
import { forbidden } from '../errors/appError.ts';

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

export function requireTrustedOrigin(isTrusted: (origin: string) => boolean) {
  return createMiddleware(async function requireTrustedOriginMiddleware(c, next) {
    const origin = c.req.header('origin');
    if (!safeMethods.has(c.req.method) && origin !== undefined && !isTrusted(origin)) {
      throw forbidden('This request came from a site that is not allowed to change Baton.');
    }
    await next();
  });
}
