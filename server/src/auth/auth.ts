/**
 * better-auth: email + password accounts, cookie sessions, and personal API
 * keys (hashed, revocable) that act as their owner on REST and the websocket.
 */
import { apiKey } from '@better-auth/api-key';
import { limits } from '@baton/shared/limits.ts';
import { betterAuth } from 'better-auth';
import { createAuthMiddleware } from 'better-auth/api';
import { getMigrations } from 'better-auth/db/migration';
import type { Pool } from 'pg';
import type { SqliteDatabase } from '../db/sqlite.ts';

export interface AuthOptions {
  database: SqliteDatabase | Pool;
  baseURL: string;
  secret: string;
  trustedOrigins: string[];
  /** Runs after an account is created (to apply pending invitations). */
  onUserCreated: (user: { id: string; email: string }) => Promise<void>;
  /**
   * Runs for every session that ends, however it ends: signing out, revoking
   * sessions, a password change (which ends all of them), expiry clean-up.
   */
  onSessionEnded: (token: string) => void;
  /**
   * better-auth's rate limits (sign-in and sign-up: 3 per 10 s per address).
   * Kept in the database when several instances share it, in memory otherwise.
   */
  rateLimit: { enabled: boolean; storage: 'memory' | 'database' };
}

/**
 * The header that carries the client address to better-auth. The HTTP layer
 * sets it from the connection (see `authRequest`); a client cannot choose it.
 */
export const clientAddressHeader = 'x-baton-client-address';

/** The header better-auth's API key plugin reads; Bearer tokens are mapped onto it. */
const apiKeyHeader = 'x-api-key';

/** Whether a request (or a websocket upgrade's `?token=`) offers an API key, in any of its forms. */
export function carriesApiKey(
  header: (name: string) => string | null | undefined,
  queryToken?: string | null,
): boolean {
  return queryToken != null || header('authorization') != null || header(apiKeyHeader) != null;
}

function authConfig(options: AuthOptions) {
  return {
    database: options.database,
    baseURL: options.baseURL,
    basePath: '/api/auth',
    secret: options.secret,
    trustedOrigins: options.trustedOrigins,
    emailAndPassword: {
      enabled: true,
      minPasswordLength: limits.passwordMin,
      maxPasswordLength: limits.passwordMax,
      autoSignIn: true,
      revokeSessionsOnPasswordReset: true,
    },
    rateLimit: options.rateLimit,
    advanced: { ipAddress: { ipAddressHeaders: [clientAddressHeader] } },
    hooks: {
      // A new password signs out every other session, whatever the client asked for.
      before: createAuthMiddleware(async (ctx) => {
        if (ctx.path !== '/change-password') return;
        return { context: { body: { ...ctx.body, revokeOtherSessions: true } } };
      }),
    },
    databaseHooks: {
      user: {
        create: { after: (user: { id: string; email: string }) => options.onUserCreated(user) },
      },
      session: {
        delete: {
          after: async (session: { token: string }) => options.onSessionEnded(session.token),
        },
      },
    },
    plugins: [
      apiKey({
        apiKeyHeaders: apiKeyHeader,
        enableSessionForAPIKeys: true,
        maximumNameLength: limits.apiKeyNameMax,
        // Keys are for scripts and bots; the plugin's default (10 requests a day) would stop them.
        rateLimit: { enabled: false },
      }),
    ],
    telemetry: { enabled: false },
  };
}

export type Auth = ReturnType<typeof betterAuth<ReturnType<typeof authConfig>>>;

/** Creates the auth instance and brings its tables up to date (idempotent). */
export async function createAuth(options: AuthOptions): Promise<Auth> {
  const config = authConfig(options);
  const { runMigrations } = await getMigrations(config);
  await runMigrations();
  return betterAuth(config);
}

export interface SessionUser {
  id: string;
  name: string;
  email: string;
  /** The session's token; sockets opened with it close when it is signed out. */
  sessionToken: string | null;
}

/**
 * The user behind a request: a session cookie, or an API key given as
 * `Authorization: Bearer <key>`, `x-api-key: <key>` or (websocket) `?token=<key>`.
 * Null when there is none or the key is invalid, expired or revoked.
 */
export async function sessionUser(
  auth: Auth,
  headers: Headers,
  queryToken?: string | null,
): Promise<SessionUser | null> {
  const bearer = /^Bearer\s+(\S+)$/i.exec(headers.get('authorization') ?? '')?.[1];
  const key = bearer ?? queryToken ?? headers.get(apiKeyHeader);
  const lookup = new Headers(headers);
  lookup.delete('authorization');
  if (key) lookup.set(apiKeyHeader, key);
  try {
    const session = await auth.api.getSession({ headers: lookup });
    if (!session) return null;
    // With an API key the session is made up for the request; no sign-out ends it.
    const sessionToken = key ? null : session.session.token;
    return {
      id: session.user.id,
      name: session.user.name,
      email: session.user.email,
      sessionToken,
    };
  } catch {
    // The API key plugin throws for unknown, expired or disabled keys.
    return null;
  }
}

/**
 * A request for better-auth's own routes: without API key headers (a key acts
 * as its owner on the content API, but must not manage the account, for
 * example create more keys), and with the client address its rate limits count.
 */
export function authRequest(request: Request, address: string): Request {
  const headers = new Headers(request.headers);
  headers.delete(apiKeyHeader);
  headers.delete('authorization');
  headers.set(clientAddressHeader, address);
  return new Request(request, { headers });
}
