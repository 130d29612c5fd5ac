import { changeRoleInput, createShareLinkInput, inviteMemberInput } from '@baton/shared/members.ts';
import { Hono } from 'hono';
import { pathId } from '../pathId.ts';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { AccessChanges } from '../../domain/accessChanges.ts';
import { changeMemberRole } from '../../domain/members/changeMemberRole.ts';
import { inviteMember } from '../../domain/members/inviteMember.ts';
import { listMembers } from '../../domain/members/listMembers.ts';
import { removeMember } from '../../domain/members/removeMember.ts';
import { createShareLink, revokeShareLink } from '../../domain/members/shareLinks.ts';
import { withdrawInvitation } from '../../domain/members/withdrawInvitation.ts';
import { readJson } from '../readJson.ts';
import type { ActorEnv } from '../requireActor.ts';

export interface MemberRouteDeps {
  db: Kysely<Database>;
  accessChanges: AccessChanges;
  publicUrl: string;
}

/** Membership of one series, mounted at `/api/series/:id`. */
export function memberRoutes({ db, accessChanges, publicUrl }: MemberRouteDeps) {
  return new Hono<ActorEnv>()
    .get('/:id/members', async (c) =>
      c.json(await listMembers(db, c.var.actor, pathId(c.req.param('id'), 'Series'), publicUrl)),
    )
    .post('/:id/members', async (c) => {
      const seriesId = pathId(c.req.param('id'), 'Series');
      const input = await readJson(c, inviteMemberInput);
      return c.json(await inviteMember(db, c.var.actor, seriesId, input), 201);
    })
    .patch('/:id/members/:userId', async (c) => {
      const seriesId = pathId(c.req.param('id'), 'Series');
      const input = await readJson(c, changeRoleInput);
      const userId = pathId(c.req.param('userId'), 'Member');
      return c.json(
        await changeMemberRole(db, accessChanges, c.var.actor, seriesId, userId, input),
      );
    })
    .delete('/:id/members/:userId', async (c) => {
      const seriesId = pathId(c.req.param('id'), 'Series');
      await removeMember(
        db,
        accessChanges,
        c.var.actor,
        seriesId,
        pathId(c.req.param('userId'), 'Member'),
      );
      return c.body(null, 204);
    })
    .delete('/:id/invitations/:invitationId', async (c) => {
      const seriesId = pathId(c.req.param('id'), 'Series');
      await withdrawInvitation(
        db,
        c.var.actor,
        seriesId,
        pathId(c.req.param('invitationId'), 'Invitation'),
      );
      return c.body(null, 204);
    })
    .post('/:id/links', async (c) => {
      const seriesId = pathId(c.req.param('id'), 'Series');
      const input = await readJson(c, createShareLinkInput);
      return c.json(await createShareLink(db, c.var.actor, seriesId, input, publicUrl), 201);
    })
    .delete('/:id/links/:linkId', async (c) => {
      const seriesId = pathId(c.req.param('id'), 'Series');
      await revokeShareLink(
        db,
        accessChanges,
        c.var.actor,
        seriesId,
        pathId(c.req.param('linkId'), 'Share link'),
      );
      return c.body(null, 204);
    });
}
