/**
 * The user behind a better-auth session cookie, the quick way, for websocket
 * upgrades (thousands of them when a server restarts): the same checks
 * better-auth makes — the cookie's HMAC signature, then an unexpired session
 * row — with node:crypto and one query instead of WebCrypto and its adapter.
 *
 * It answers only what it is sure of. A cookie it does not recognise, or any
 * other credential (API keys), is left to better-auth (`undefined`). Sessions
 * it confirmed are kept a few seconds (`SessionCache`), keyed by the signed
 * cookie, so a burst of upgrades checks neither signature nor database twice.
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
    const value = sessionCookieValue(cookieHeader);
    if (value === null) return undefined;
    // The cache is keyed by the cookie as sent, signature included: a hit is
    // the very string whose signature an earlier lookup checked, so the HMAC
    // is computed once per session and cache period, not once per upgrade.
    const cached = cache.get(value);
    if (cached) return cached;
    const token = verifiedToken(value, secret);
    if (!token) return undefined;
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
    cache.set(value, user, expiresAt, generation);
    return user;
  };
}

/** The session token of a correctly signed cookie, or null. */
export function signedToken(cookieHeader: string | undefined, secret: string): string | null {
  const value = sessionCookieValue(cookieHeader);
  return value === null ? null : verifiedToken(value, secret);
}

/** The value of better-auth's session cookie as sent (URL-encoded), or null without one. */
function sessionCookieValue(cookieHeader: string | undefined): string | null {
  if (!cookieHeader) return null;
  for (const part of cookieHeader.split(';')) {
    const eq = part.indexOf('=');
    if (eq >= 0 && cookieNames.includes(part.slice(0, eq).trim())) {
      return part.slice(eq + 1).trim();
    }
  }
  return null;
}

/** The token of a session cookie value (`token.signature`, URL-encoded) whose signature holds, or null. */
function verifiedToken(cookieValue: string, secret: string): string | null {
  let value: string;
  try {
    value = decodeURIComponent(cookieValue);
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
