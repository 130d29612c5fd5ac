/**
 * better-auth: email + password accounts, cookie sessions, and personal API
 * keys (hashed, revocable) that act as their owner on REST and the websocket.
 *
 * Only `lazyAuth.ts` imports this module, and only when a request first needs
 * authentication: better-auth is most of what a resting server would
 * otherwise hold (docs/performance.md § 6). Everything a request needs before
 * that lives in `authRequests.ts`.
 */
import { apiKey } from '@better-auth/api-key';
import { accountNameSchema } from '@baton/shared/accountName.ts';
import { limits } from '@baton/shared/limits.ts';
import { betterAuth } from 'better-auth';
import { APIError, createAuthMiddleware } from 'better-auth/api';
import { getMigrations } from 'better-auth/db/migration';
import type { Pool } from 'pg';
import type { SqliteDatabase } from '../db/sqlite.ts';
import { apiKeyHeader, clientAddressHeader } from './authRequests.ts';

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
      before: createAuthMiddleware(async (ctx) => {
        // A new password signs out every other session, whatever the client asked for.
        if (ctx.path === '/change-password')
          return { context: { body: { ...ctx.body, revokeOtherSessions: true } } };
        // The display name everyone in a series sees: checked as the sign-up form checks it.
        if (ctx.path === '/sign-up/email' || ctx.path === '/update-user') {
          const body = ctx.body as { name?: unknown } | undefined;
          if (ctx.path === '/update-user' && body?.name === undefined) return;
          const name = accountNameSchema.safeParse(body?.name);
          if (!name.success) {
            throw new APIError('BAD_REQUEST', {
              code: 'INVALID_NAME',
              message: `Check the name: ${name.error.issues[0]?.message ?? 'Enter your name.'}`,
            });
          }
          return { context: { body: { ...body, name: name.data } } };
        }
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
