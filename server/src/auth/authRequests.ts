/**
 * How requests carry authentication (session cookie, API key) and what they
 * resolve to. Free of better-auth itself, which `lazyAuth.ts` loads on first
 * use; `Auth` is only a type here.
 */
import type { Auth } from './auth.ts';

/**
 * The header that carries the client address to better-auth. The HTTP layer
 * sets it from the connection (see `authRequest`); a client cannot choose it.
 */
export const clientAddressHeader = 'x-baton-client-address';

/** The header better-auth's API key plugin reads; Bearer tokens are mapped onto it. */
export const apiKeyHeader = 'x-api-key';

/** Whether a request (or a websocket upgrade's `?token=`) offers an API key, in any of its forms. */
export function carriesApiKey(
  header: (name: string) => string | null | undefined,
  queryToken?: string | null,
): boolean {
  return queryToken != null || header('authorization') != null || header(apiKeyHeader) != null;
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
