/**
 * Authorizes a websocket upgrade on `/collab/:installmentId` before any socket
 * exists: trusted Origin, a session, and the right to read the installment.
 * Refusals are plain HTTP responses; nothing of the protocol is sent.
 */
import { COLLAB_PATH_PREFIX } from '@baton/shared/protocol.ts';
import { can } from '@baton/shared/roles.ts';
import { colorForUser } from '@baton/shared/userColor.ts';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { WebSocketServer } from 'ws';
import type { Logger } from '../config/logger.ts';
import { carriesApiKey, sessionUser } from '../auth/authRequests.ts';
import type { AuthLoader } from '../auth/lazyAuth.ts';
import type { SessionCookieLookup } from '../auth/sessionCookie.ts';
import type { ReadAccessLookup } from '../domain/accessCache.ts';
import { AppError } from '../errors/appError.ts';
import type { RoomRegistry } from './roomRegistry.ts';
import { bindWebSocket, Keepalive, WsCollabSocket } from './wsTransport.ts';
import { idParam } from '@baton/shared/api.ts';
import { AddressLimiter } from './addressLimiter.ts';
import { clientAddress } from '../http/clientAddress.ts';

export interface UpgradeDeps {
  /** better-auth, loaded by the first request that needs it; its tables exist once it resolves. */
  auth: AuthLoader;
  /** `requireInstallmentCapability(…, 'read')`, through the access cache (domain/accessCache.ts). */
  readAccess: ReadAccessLookup;
  wss: WebSocketServer;
  registry: RoomRegistry;
  isTrustedOrigin: (origin: string) => boolean;
  keepaliveIntervalMs: number;
  /** Reads a session cookie without better-auth when it can (see auth/sessionCookie.ts). */
  sessionFromCookie: SessionCookieLookup;
  /** 0: no limit. */
  connectionsPerIpPerMinute: number;
  /** The session and access checks must finish within this, or the request is refused (503). */
  handshakeTimeoutMs: number;
  /** Take the client's address from the last X-Forwarded-For hop (behind a reverse proxy). */
  trustProxy: boolean;
  logger: Logger;
}

export function createUpgradeHandler(deps: UpgradeDeps) {
  const limiter = new AddressLimiter(deps.connectionsPerIpPerMinute, Date.now());
  const keepalive = new Keepalive(deps.keepaliveIntervalMs);
  // One listener for every socket being upgraded, removed once ws owns the socket: a
  // closure made in handleUpgrade would keep the whole request alive with the socket.
  const logUpgradeError = (error: unknown) => deps.logger.debug('upgrade socket error', { error });
  return function handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
    socket.on('error', logUpgradeError);
    const now = Date.now();
    const forwardedFor = request.headers['x-forwarded-for'];
    const address = clientAddress(
      request.socket.remoteAddress,
      typeof forwardedFor === 'string' ? forwardedFor : undefined,
      deps.trustProxy,
    );
    if (!limiter.allow(address, now)) {
      refuse(socket, 429, 'Too many connections; try again later.', {
        'Retry-After': String(limiter.retryAfterSeconds(now)),
      });
      return;
    }
    let timedOut = false;
    const deadline = setTimeout(() => {
      timedOut = true;
      refuse(socket, 503, 'The server took too long to check this connection.');
    }, deps.handshakeTimeoutMs);
    authorize(deps, request).then(
      (identity) => {
        clearTimeout(deadline);
        if (timedOut || socket.destroyed) return;
        socket.off('error', logUpgradeError);
        deps.wss.handleUpgrade(request, socket, head, (ws) => {
          const connection = deps.registry.connect(
            identity.docName,
            new WsCollabSocket(ws),
            identity,
          );
          bindWebSocket(ws, connection, keepalive, deps.logger);
        });
      },
      (error: unknown) => {
        clearTimeout(deadline);
        if (timedOut) return;
        if (error instanceof AppError) refuse(socket, error.status, error.message);
        else {
          deps.logger.error('websocket authorization failed', { error });
          refuse(socket, 500, 'Internal error');
        }
      },
    );
  };
}

async function authorize(deps: UpgradeDeps, request: IncomingMessage) {
  const { pathname, query } = requestTarget(request.url ?? '/');
  if (!pathname.startsWith(COLLAB_PATH_PREFIX)) throw new AppError('not_found', 404, 'Not found');
  const parsedId = idParam.safeParse(decodeURIComponent(pathname.slice(COLLAB_PATH_PREFIX.length)));
  if (!parsedId.success) throw new AppError('not_found', 404, 'Not found');
  // Browsers always send Origin on websocket upgrades; a foreign one is cross-site hijacking.
  const origin = request.headers.origin;
  if (origin !== undefined && !deps.isTrustedOrigin(origin)) {
    throw new AppError('forbidden', 403, 'Origin not allowed');
  }
  const queryToken = query?.get('token') ?? null;
  const hasApiKey = carriesApiKey(
    (name) => request.headers[name] as string | undefined,
    queryToken,
  );
  // Awaited first even by the quick lookup: the first load creates the tables it reads.
  const auth = await deps.auth();
  // Cookies the quick lookup is sure about skip better-auth; everything else goes through it.
  const quick = hasApiKey ? undefined : await deps.sessionFromCookie(request.headers.cookie);
  const user =
    quick === undefined ? await sessionUser(auth, toHeaders(request), queryToken) : quick;
  if (!user) throw new AppError('unauthenticated', 401, 'Sign in to continue.');
  const access = await deps
    .readAccess({ userId: user.id, name: user.name }, parsedId.data)
    .catch((error: unknown) => {
      // Do not tell a non-member whether the installment exists.
      if (error instanceof AppError) throw new AppError('forbidden', 403, 'Forbidden');
      throw error;
    });
  return {
    docName: access.installmentId,
    userId: user.id,
    name: user.name,
    color: colorForUser(user.id),
    seriesId: access.seriesId,
    readOnly: !can(access.role, 'edit') && !can(access.role, 'suggest'),
    suggestionsOnly: !can(access.role, 'edit') && can(access.role, 'suggest'),
    sessionToken: user.sessionToken,
  };
}

/**
 * The path and query of an upgrade's request target. Clients send the origin
 * form (`/collab/id?token=…`), read here without `new URL`, which was a third
 * of the CPU this check took; the absolute form still goes through it.
 */
function requestTarget(target: string): { pathname: string; query: URLSearchParams | null } {
  if (!target.startsWith('/')) {
    const url = new URL(target, 'http://localhost');
    return { pathname: url.pathname, query: url.searchParams };
  }
  const queryAt = target.indexOf('?');
  return queryAt < 0
    ? { pathname: target, query: null }
    : {
        pathname: target.slice(0, queryAt),
        query: new URLSearchParams(target.slice(queryAt + 1)),
      };
}

function toHeaders(request: IncomingMessage): Headers {
  const headers = new Headers();
  for (const [key, value] of Object.entries(request.headers)) {
    if (typeof value === 'string') headers.set(key, value);
    else if (Array.isArray(value)) for (const v of value) headers.append(key, v);
  }
  return headers;
}

const reasons: Record<number, string> = {
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

function refuse(
  socket: Duplex,
  status: number,
  message: string,
  headers: Record<string, string> = {},
): void {
  if (socket.destroyed || !socket.writable) return;
  const body = JSON.stringify({ error: { message } });
  const extra = Object.entries(headers)
    .map(([name, value]) => `${name}: ${value}\r\n`)
    .join('');
  socket.end(
    `HTTP/1.1 ${status} ${reasons[status] ?? 'Error'}\r\n` +
      'Connection: close\r\nContent-Type: application/json\r\n' +
      extra +
      `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
  // A peer that does not read the answer must not keep the socket.
  socket.once('finish', () => socket.destroy());
}
