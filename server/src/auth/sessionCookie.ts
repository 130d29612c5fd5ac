/**
 * The user behind a better-auth session cookie, the quick way, for websocket
 * upgrades (thousands of them when a server restarts): the same checks
 * better-auth makes — the cookie's HMAC signature, then an unexpired session
 * row — with node:crypto and one query instead of WebCrypto and its adapter.
 *
 * It answers only what it is sure of. A cookie it does not recognise, or any
 * other credential (API keys), is left to better-auth (`undefined`).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { SessionUser } from './authRequests.ts';
import type { SessionCache } from './sessionCache.ts';

/** better-auth's cookie, and its name on https sites. */
const cookieNames = ['better-auth.session_token', '__Secure-better-auth.session_token'];

export type SessionCookieLookup = (
  cookieHeader: string | undefined,
) => Promise<SessionUser | null | undefined>;

export function createSessionCookieLookup(
  db: Kysely<Database>,
  secret: string,
  cache: SessionCache,
): SessionCookieLookup {
  return async (cookieHeader) => {
    const token = signedToken(cookieHeader, secret);
    if (!token) return undefined;
    const cached = cache.get(token);
    if (cached) return cached;
    const generation = cache.generation;
    const { rows } = await sql<{ id: string; name: string; email: string; expiresAt: unknown }>`
      select u.id, u.name, u.email, s."expiresAt"
      from session s join "user" u on u.id = s."userId"
      where s.token = ${token}`.execute(db);
    const row = rows[0];
    if (!row) return null;
    const expiresAt = new Date(row.expiresAt as string | Date).getTime();
    if (!(expiresAt > Date.now())) return null;
    const user = { id: row.id, name: row.name, email: row.email, sessionToken: token };
    cache.set(token, user, expiresAt, generation);
    return user;
  };
}

/** The session token of a correctly signed cookie, or null. */
export function signedToken(cookieHeader: string | undefined, secret: string): string | null {
  if (!cookieHeader) return null;
  for (const part of cookieHeader.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0 || !cookieNames.includes(part.slice(0, eq).trim())) continue;
    let value: string;
    try {
      value = decodeURIComponent(part.slice(eq + 1).trim());
    } catch {
      return null;
    }
    const dot = value.lastIndexOf('.');
    if (dot <= 0) return null;
    const token = value.slice(0, dot);
    const given = Buffer.from(value.slice(dot + 1), 'base64');
    const expected = createHmac('sha256', secret).update(token).digest();
    return given.length === expected.length && timingSafeEqual(given, expected) ? token : null;
  }
  return null;
}
