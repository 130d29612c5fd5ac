/** Resolves the signed-in user for `/api/*` routes; 401 when there is none. */
import { createMiddleware } from 'hono/factory';
import { sessionUser } from '../auth/authRequests.ts';
import type { AuthLoader } from '../auth/lazyAuth.ts';
import type { Actor } from '../domain/access.ts';
import { unauthenticated } from '../errors/appError.ts';

export type ActorEnv = {
  Variables: {
    actor: Actor;
    /** The session the request was made with; null with an API key (no sign-out ends it). */
    sessionToken: string | null;
  };
};

export function requireActor(auth: AuthLoader) {
  return createMiddleware<ActorEnv>(async function requireActorMiddleware(c, next) {
    const user = await sessionUser(await auth(), c.req.raw.headers);
    if (!user) throw unauthenticated();
    c.set('actor', { userId: user.id, name: user.name });
    c.set('sessionToken', user.sessionToken);
    await next();
  });
}
