/**
 * Sockets outlive the request that opened them, so when a session ends the
 * sockets opened with it are closed (4001: the client reconnects, and a
 * reconnect without a valid session is refused). Signing out ends one
 * session; changing the password ends all of the account's other sessions.
 * Per instance: sockets on other instances close when they next reconnect.
 */
import { CloseCode } from '@baton/shared/protocol.ts';
import type { CollabIdentity } from '../collab/collabSocket.ts';
import { signedToken } from './sessionCookie.ts';

type CloseMatching = (
  matches: (connection: { identity: CollabIdentity }) => boolean,
  code: number,
  reason: string,
) => number;

/** Called with every successful better-auth response, by path. */
export function createSessionEnds(secret: string, closeConnections: CloseMatching) {
  return async (path: string, request: Request, response: Response): Promise<void> => {
    if (!response.ok) return;
    if (path.endsWith('/sign-out')) {
      const token = signedToken(request.headers.get('cookie') ?? undefined, secret);
      if (!token) return;
      closeConnections(
        ({ identity }) => identity.sessionToken === token,
        CloseCode.accessChanged,
        'signed out',
      );
    } else if (path.endsWith('/change-password')) {
      const body = (await response
        .clone()
        .json()
        .catch(() => null)) as { user?: { id?: unknown } } | null;
      const userId = body?.user?.id;
      if (typeof userId !== 'string') return;
      // The current tab reconnects with its renewed cookie; the other sessions are gone.
      closeConnections(
        ({ identity }) => identity.userId === userId,
        CloseCode.accessChanged,
        'password changed',
      );
    }
  };
}
