/**
 * The HTTP application: health, better-auth, the JSON API and the built client.
 * (The collaboration websocket is attached to the Node server in server.ts.)
 */
import type { HealthResponse } from '@baton/shared/api.ts';
import { limits } from '@baton/shared/limits.ts';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { secureHeaders } from 'hono/secure-headers';
import { getConnInfo } from '@hono/node-server/conninfo';
import { clientAddress } from './clientAddress.ts';
import { findUnsafeCallbackUrl } from '../auth/callbackUrls.ts';
import type { Kysely } from 'kysely';
import { authRequest } from '../auth/authRequests.ts';
import type { EndedSessions } from '../auth/endedSessions.ts';
import type { AuthLoader } from '../auth/lazyAuth.ts';
import type { AccessChanges } from '../domain/accessChanges.ts';
import { linkRoutes, publicLinkRoutes } from './routes/linkRoutes.ts';
import { memberRoutes } from './routes/memberRoutes.ts';
import { installmentThreadRoutes, threadRoutes } from './routes/commentRoutes.ts';
import { eventRoutes } from './routes/eventRoutes.ts';
import type { DraftDocs } from '../content/draftDocs.ts';
import type { InstallmentEvents } from '../events/installmentEvents.ts';
import type { DocStore } from '../store/docStore.ts';
import type { RoomRegistry } from '../collab/roomRegistry.ts';
import { versionRoutes } from './routes/versionRoutes.ts';
import { contentRoutes } from './routes/contentRoutes.ts';
import { openApiDocument } from './openApiDocument.ts';
import { seriesWebhookRoutes, webhookRoutes } from './routes/webhookRoutes.ts';
import { readerCsp, readRoutes } from '../read/readRoutes.ts';
import type { Logger } from '../config/logger.ts';
import type { Database } from '../db/schema.ts';
import type { DocumentLimits } from '@baton/shared/api.ts';
import { createErrorHandler } from './errorHandler.ts';
import { AppError, notFound } from '../errors/appError.ts';
import { requireActor } from './requireActor.ts';
import { requireTrustedOrigin } from './requireTrustedOrigin.ts';
import { installmentRoutes } from './routes/installmentRoutes.ts';
import { seriesRoutes } from './routes/seriesRoutes.ts';
import { mountStaticClient } from './staticClient.ts';

export interface AppDeps {
  /** better-auth, loaded by the first request that needs it. */
  auth: AuthLoader;
  db: Kysely<Database>;
  logger: Logger;
  clientDist: string;
  accessChanges: AccessChanges;
  /** Told when a session ends, so event streams opened with it close. */
  endedSessions: EndedSessions;
  publicUrl: string;
  drafts: DraftDocs;
  events: InstallmentEvents;
  store: DocStore;
  registry: RoomRegistry;
  /** Origins allowed to make state-changing requests (and open websockets). */
  isTrustedOrigin: (origin: string) => boolean;
  /** Behind a reverse proxy: the client address is the last X-Forwarded-For hop. */
  trustProxy: boolean;
  /** Size limits of live documents, told to the editor. */
  documentLimits: DocumentLimits;
  /** Refusing hooks that point at this server, and waking the dispatcher for a test delivery. */
  webhooks: { pointsAtThisServer: (url: string) => boolean; wakeDispatcher: () => void };
  /** Extra facts for the health output (store kind, fan-out state). */
  health: () => Record<string, string>;
}

export function createApp(deps: AppDeps) {
  const app = new Hono();
  app.onError(createErrorHandler(deps.logger));
  // Reader pages get their own, stricter policy (no scripts at all), set below.
  const readerHeaders = secureHeaders({ referrerPolicy: 'strict-origin-when-cross-origin' });
  const appHeaders = secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      connectSrc: ["'self'", 'ws:', 'wss:'],
      imgSrc: ["'self'", 'data:', 'https:'],
      // ProseMirror and the caret extension set style attributes.
      styleSrc: ["'self'", "'unsafe-inline'"],
      frameAncestors: ["'none'"],
      objectSrc: ["'none'"],
      baseUri: ["'self'"],
    },
    referrerPolicy: 'strict-origin-when-cross-origin',
  });
  app.use('*', async function securityHeaders(c, next) {
    if (!c.req.path.startsWith('/read/')) return appHeaders(c, next);
    await readerHeaders(c, next);
    c.header('Content-Security-Policy', readerCsp);
  });

  app.get('/healthz', (c) => c.json({ ok: true, ...deps.health() } satisfies HealthResponse));

  const tooLarge = () => {
    throw new AppError('payload_too_large', 413, 'The request body is too large.');
  };
  const jsonLimit = bodyLimit({ maxSize: limits.maxJsonBodyBytes, onError: tooLarge });
  // Creating an installment may carry a whole imported file; the content API a whole draft.
  const importLimit = bodyLimit({ maxSize: limits.maxImportBodyBytes, onError: tooLarge });
  app.use('/api/*', function limitBody(c, next) {
    const { method, path } = c.req;
    const isImport =
      (method === 'POST' && /^\/api\/series\/[^/]+\/installments$/.test(path)) ||
      (method === 'PUT' && /^\/api\/installments\/[^/]+\/content$/.test(path)) ||
      (method === 'POST' && /^\/api\/installments\/[^/]+\/content\/append$/.test(path));
    return (isImport ? importLimit : jsonLimit)(c, next);
  });

  app.on(['GET', 'POST'], '/api/auth/*', async (c) => {
    if (await findUnsafeCallbackUrl(c.req.raw, deps.isTrustedOrigin)) {
      throw new AppError('forbidden', 403, 'Redirects may only lead back to this site.');
    }
    const address = clientAddress(
      getConnInfo(c).remote.address,
      c.req.header('x-forwarded-for'),
      deps.trustProxy,
    );
    const auth = await deps.auth();
    return auth.handler(authRequest(c.req.raw, address));
  });
  app.route('/api/links', publicLinkRoutes(deps.db));

  // Public, like any API description; built once, from the routes really mounted.
  let apiDescription: ReturnType<typeof openApiDocument> | null = null;
  app.get('/api/openapi.json', (c) =>
    c.json((apiDescription ??= openApiDocument(app.routes, deps.publicUrl))),
  );

  const api = new Hono();
  api.use('*', requireTrustedOrigin(deps.isTrustedOrigin));
  api.use('*', requireActor(deps.auth));
  api.route('/series', seriesRoutes(deps));
  api.route('/series', memberRoutes(deps));
  api.route('/installments', installmentRoutes(deps));
  api.route('/installments', installmentThreadRoutes(deps));
  api.route('/installments', eventRoutes(deps));
  api.route('/installments', versionRoutes(deps));
  api.route('/installments', contentRoutes(deps));
  api.route('/series', seriesWebhookRoutes({ db: deps.db, ...deps.webhooks }));
  api.route('/webhooks', webhookRoutes({ db: deps.db, ...deps.webhooks }));
  api.route('/', threadRoutes(deps));
  api.route('/links', linkRoutes(deps.db, deps.accessChanges));
  app.route('/api', api);
  app.all('/api/*', () => {
    throw notFound('API route');
  });

  app.route('/read', readRoutes(deps));

  if (!mountStaticClient(app, deps.clientDist)) {
    deps.logger.warn('client build not found; serving the API only', { dir: deps.clientDist });
    app.get('/', (c) =>
      c.text('Baton is running, but the client is not built. Run `pnpm build` (or `npm start`).'),
    );
  }
  return app;
}
