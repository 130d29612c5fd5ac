/**
 * Boots Baton: store, migrations, auth, the HTTP app and the collaboration
 * websocket on one port. `startBaton` is what main.ts and the tests call.
 */
import { serve } from '@hono/node-server';
import { limits } from '@baton/shared/limits.ts';
import { CloseCode } from '@baton/shared/protocol.ts';
import { AccessCache, createReadAccessLookup } from './domain/accessCache.ts';
import { AccessChanges } from './domain/accessChanges.ts';
import { DraftDocs } from './content/draftDocs.ts';
import { InstallmentEvents } from './events/installmentEvents.ts';
import { LocalFanout } from './fanout/fanout.ts';
import { applyInvitations } from './domain/members/applyInvitations.ts';
import { discardDraft } from './domain/installments/discardDraft.ts';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { WebSocketServer } from 'ws';
import { EndedSessions } from './auth/endedSessions.ts';
import { lazyAuth } from './auth/lazyAuth.ts';
import { resolveAuthSecret } from './auth/authSecret.ts';
import { SessionCache } from './auth/sessionCache.ts';
import { createSessionCookieLookup } from './auth/sessionCookie.ts';
import { createUpgradeHandler } from './collab/upgradeHandler.ts';
import { type RegistryStats, RoomRegistry } from './collab/roomRegistry.ts';
import type { Config } from './config/env.ts';
import { createLogger, type Logger } from './config/logger.ts';
import { ContentSnapshots } from './content/contentSnapshots.ts';
import { createApp } from './http/app.ts';
import { openDatabase } from './db/database.ts';
import { mkdirSync } from 'node:fs';
import type { RetryPolicy } from './store/withRetry.ts';
import { createOwnAddressCheck } from './webhooks/ownAddress.ts';
import { defaultRetryPolicy } from './webhooks/retrySchedule.ts';
import { WebhookDispatcher } from './webhooks/webhookDispatcher.ts';
import { WebhookOutbox } from './webhooks/webhookOutbox.ts';

const defaultClientDist = fileURLToPath(new URL('../../client/dist', import.meta.url));

export interface BatonServer {
  /** Where the server listens, e.g. http://localhost:8787. */
  url: string;
  port: number;
  registry: RoomRegistry;
  /** Sends webhook deliveries; tests wait on its attempts. */
  webhooks: WebhookDispatcher;
  logger: Logger;
  /** What the server holds in memory: documents, connections, presence, pending work. */
  stats(): ServerStats;
  /** Graceful stop: refuse new work, close sockets, flush writes, compact, close the store. */
  close(): Promise<void>;
}

export interface ServerStats extends RegistryStats {
  /** Content snapshots waiting for their debounce timer. */
  pendingSnapshots: number;
}

export interface StartOptions {
  /** Overrides for tests; production reads everything from Config. */
  idleUnloadMs?: number;
  compactAfterUpdates?: number;
  storeRetry?: RetryPolicy;
  keepaliveIntervalMs?: number;
}

export async function startBaton(config: Config, options: StartOptions = {}): Promise<BatonServer> {
  const logger = createLogger(config.logLevel);
  mkdirSync(config.dataDir, { recursive: true });
  const database = await openDatabase(config, logger);
  const { db, docStore: store } = database;

  // Listen first: with PORT=0 the public URL (and so the trusted origin) is known only now.
  // `env` carries the Node request (the client address comes from its socket).
  let handle: (request: Request, env: unknown) => Response | Promise<Response> = () =>
    new Response('starting', { status: 503 });
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: config.collabLimits.maxMessageBytes,
    // The registry knows every connection; a second set of them would only cost memory.
    clientTracking: false,
    // Text frames are refused anyway (1003), valid UTF-8 or not: one defined answer.
    skipUTF8Validation: true,
    // Broadcasts write one prebuilt, uncompressed frame to every socket (wsTransport.ts).
    perMessageDeflate: false,
  });
  const server = await listen(config, (request, env) => handle(request, env));
  const port = (server.address() as AddressInfo).port;
  const localUrl = `http://localhost:${port}`;
  const publicUrl = config.publicUrl ?? localUrl;
  const trustedOrigins = new Set([
    new URL(publicUrl).origin,
    localUrl,
    `http://127.0.0.1:${port}`,
    ...config.trustedOrigins,
    ...(config.nodeEnv === 'development' ? ['http://localhost:5173'] : []),
  ]);

  const isTrustedOrigin = (origin: string) => trustedOrigins.has(origin);
  const authSecret = resolveAuthSecret(config.authSecret, config.dataDir);
  // Sessions confirmed for websocket upgrades (auth/sessionCache.ts). Only on a
  // single instance: with Redis, another instance deleting a session would not
  // evict it here, so every upgrade asks the database.
  const sessionCache = new SessionCache(
    config.redisUrl ? 0 : limits.sessionCacheTtlMs,
    limits.sessionCacheMaxEntries,
  );
  const endedSessions = new EndedSessions();
  // Loaded by the first request that needs it (auth/lazyAuth.ts).
  const auth = lazyAuth({
    database: database.authDatabase,
    baseURL: publicUrl,
    secret: authSecret,
    trustedOrigins: [...trustedOrigins],
    onUserCreated: (user) => applyInvitations(db, user),
    // Sockets and event streams outlive the request that opened them: those opened
    // with a session that ended are closed (4001; a reconnect without a valid
    // session is refused). Per instance: those on other instances close when they
    // next reconnect.
    onSessionEnded: (token) => {
      sessionCache.evict(token);
      endedSessions.end(token);
      registry.closeConnections(
        ({ identity }) => identity.sessionToken === token,
        CloseCode.accessChanged,
        'the session ended',
      );
    },
    rateLimit: {
      enabled: config.authRateLimit,
      // Instances sharing one database must share the counts too.
      storage: config.databaseUrl ? 'database' : 'memory',
    },
  });
  // ioredis is loaded only when Redis is configured (resting memory, see docs/performance.md).
  const fanout = config.redisUrl
    ? new (await import('./fanout/redisFanout.ts')).RedisFanout(
        config.redisUrl,
        config.redisPrefix,
        logger,
      )
    : new LocalFanout();
  const accessChanges = new AccessChanges(fanout);
  // Read access confirmed for websocket upgrades (domain/accessCache.ts); every access
  // change evicts what it concerns, first of all listeners. Only on a single instance,
  // like the session cache: with Redis the relay delivers other instances' changes,
  // but pub/sub drops messages while disconnected, and a missed eviction would let
  // a removed member reconnect.
  const accessCache = new AccessCache(
    config.redisUrl ? 0 : limits.accessCacheTtlMs,
    limits.accessCacheMaxEntries,
  );
  accessChanges.subscribe((change) => accessCache.evict(change));
  const snapshots = new ContentSnapshots(
    db,
    logger,
    limits.contentSnapshotDebounceMs,
    limits.contentSnapshotMaxWaitMs,
  );
  const registry = new RoomRegistry({
    store,
    logger,
    compactAfterUpdates: options.compactAfterUpdates ?? limits.compactAfterUpdates,
    idleUnloadMs: options.idleUnloadMs ?? limits.roomIdleUnloadMs,
    onCommittedChange: (room) => snapshots.changed(room.name, room.doc),
    beforeUnload: (room) => snapshots.flush(room.name),
    onIdle: () => database.checkpoint(),
    fanout,
    limits: config.collabLimits,
    storeRetry: options.storeRetry ?? {
      attempts: limits.storeWriteAttempts,
      baseMs: limits.storeRetryBaseMs,
      maxMs: limits.storeRetryMaxMs,
    },
  });
  accessChanges.subscribe(({ seriesId, userIds, deletedInstallmentId }) => {
    if (deletedInstallmentId !== undefined) {
      // Deleted, here or on another instance: its room must not write its log back.
      discardDraft(db, registry, deletedInstallmentId).catch((error: unknown) =>
        logger.error('could not discard a deleted draft', { doc: deletedInstallmentId, error }),
      );
      return;
    }
    registry.closeConnections(
      ({ identity }) =>
        identity.seriesId === seriesId && (userIds === null || userIds.includes(identity.userId)),
      CloseCode.accessChanged,
      'access changed',
    );
  });
  const pointsAtThisServer = createOwnAddressCheck({ publicUrl, port });
  const webhookDispatcher = new WebhookDispatcher({
    db,
    logger,
    retry: defaultRetryPolicy(config.webhookRetryBaseMs),
    pointsAtThisServer,
  });
  const wakeDispatcher = () => webhookDispatcher.wake();
  const app = createApp({
    auth,
    db,
    logger,
    accessChanges,
    endedSessions,
    publicUrl,
    drafts: new DraftDocs(registry, store),
    store,
    registry,
    events: new InstallmentEvents(db, fanout, new WebhookOutbox(publicUrl, wakeDispatcher)),
    webhooks: { pointsAtThisServer, wakeDispatcher },
    health: () => ({ store: database.dialect, fanout: fanout.status() }),
    isTrustedOrigin,
    trustProxy: config.trustProxy,
    documentLimits: {
      warningBytes: config.collabLimits.documentWarningBytes,
      maxBytes: config.collabLimits.maxDocumentBytes,
    },
    clientDist: config.clientDist ? path.resolve(config.clientDist) : defaultClientDist,
  });
  handle = (request, env) => app.fetch(request, env);
  server.on(
    'upgrade',
    createUpgradeHandler({
      auth,
      readAccess: createReadAccessLookup(db, accessCache),
      wss,
      registry,
      isTrustedOrigin,
      keepaliveIntervalMs: options.keepaliveIntervalMs ?? limits.keepaliveIntervalMs,
      sessionFromCookie: createSessionCookieLookup(db, authSecret, sessionCache),
      connectionsPerIpPerMinute: config.collabLimits.connectionsPerIpPerMinute,
      handshakeTimeoutMs: config.collabLimits.handshakeTimeoutMs,
      trustProxy: config.trustProxy,
      logger,
    }),
  );
  webhookDispatcher.start();
  logger.info('Baton is listening', { url: localUrl, publicUrl, dataDir: config.dataDir });

  let closing: Promise<void> | null = null;
  return {
    url: localUrl,
    port,
    registry,
    webhooks: webhookDispatcher,
    logger,
    stats: () => ({ ...registry.stats(), pendingSnapshots: snapshots.pendingCount }),
    close() {
      closing ??= (async () => {
        const httpClosed = new Promise<void>((resolve) => server.close(() => resolve()));
        await registry.shutdown();
        await webhookDispatcher.stop();
        wss.close();
        server.closeAllConnections();
        await httpClosed;
        await fanout.close();
        await database.close();
        logger.info('Baton stopped');
      })();
      return closing;
    },
  };
}

function listen(
  config: Config,
  fetch: (request: Request, env: unknown) => Response | Promise<Response>,
): Promise<Server> {
  return new Promise((resolve, reject) => {
    const handshakeMs = config.collabLimits.handshakeTimeoutMs;
    const server = serve(
      {
        fetch,
        port: config.port,
        hostname: config.host,
        serverOptions: {
          // Request headers (websocket upgrades included) must arrive within the deadline,
          // counted from the first byte: trickling bytes does not extend it.
          headersTimeout: handshakeMs,
          connectionsCheckingInterval: Math.max(100, Math.min(1_000, handshakeMs / 5)),
        },
      },
      () => resolve(server as Server),
    ) as Server;
    server.once('error', reject);
  });
}
