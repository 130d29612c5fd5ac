/** better-auth: email + password accounts and cookie sessions, on Baton's database. */
import { limits } from '@baton/shared/limits.ts';
import { betterAuth } from 'better-auth';
import { getMigrations } from 'better-auth/db/migration';
import type { SqliteDatabase } from '../db/sqlite.ts';

export interface AuthOptions {
  database: SqliteDatabase;
  baseURL: string;
  secret: string;
  trustedOrigins: string[];
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
    },
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
}

/** The signed-in user for a request's headers, or null. */
export async function sessionUser(auth: Auth, headers: Headers): Promise<SessionUser | null> {
  const session = await auth.api.getSession({ headers });
  if (!session) return null;
  return { id: session.user.id, name: session.user.name, email: session.user.email };
}
