import { z } from 'zod';
import { Hono } from 'hono';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { AccessChanges } from '../../domain/accessChanges.ts';
import { acceptShareLink, previewShareLink } from '../../domain/members/shareLinks.ts';
import { notFound } from '../../errors/appError.ts';
import type { ActorEnv } from '../requireActor.ts';

const tokenParam = z.string().regex(/^[A-Za-z0-9_-]{16,64}$/);

const token = (raw: string) => {
  const parsed = tokenParam.safeParse(raw);
  if (!parsed.success) throw notFound('Share link');
  return parsed.data;
};

/** `GET /api/links/:token`: public, so a signed-out visitor sees what the link is for. */
export function publicLinkRoutes(db: Kysely<Database>) {
  return new Hono().get('/:token', async (c) =>
    c.json(await previewShareLink(db, token(c.req.param('token')))),
  );
}

/** `POST /api/links/:token/accept`: joins the series (needs a session). */
export function linkRoutes(db: Kysely<Database>, accessChanges: AccessChanges) {
  return new Hono<ActorEnv>().post('/:token/accept', async (c) =>
    c.json(await acceptShareLink(db, accessChanges, c.var.actor, token(c.req.param('token')))),
  );
}
