import { appendContentInput, contentQuery, putContentInput } from '@baton/shared/content.ts';
import { limits } from '@baton/shared/limits.ts';
import { Hono } from 'hono';
import {
  appendDraftContent,
  type DraftContentDeps,
  getDraftContent,
  replaceDraftContent,
} from '../../domain/drafts/draftContentCommands.ts';
import { actorRateLimit } from '../actorRateLimit.ts';
import { validationFailed } from '../../errors/appError.ts';
import { pathId } from '../pathId.ts';
import { readJson } from '../readJson.ts';
import type { ActorEnv } from '../requireActor.ts';

const id = (raw: string) => pathId(raw, 'Installment');

/** The content API of an installment's draft, mounted at `/api/installments`. */
export function contentRoutes(deps: DraftContentDeps) {
  const limitWrites = actorRateLimit(limits.contentWritesPerMinute);
  return new Hono<ActorEnv>()
    .get('/:id/content', async (c) => {
      const query = contentQuery.safeParse(c.req.query());
      if (!query.success)
        throw validationFailed({ format: 'must be "markdown", "json" or "text"' });
      return c.json(
        await getDraftContent(deps, c.var.actor, id(c.req.param('id')), query.data.format),
      );
    })
    .put('/:id/content', limitWrites, async (c) => {
      const installmentId = id(c.req.param('id'));
      const input = await readJson(c, putContentInput);
      return c.json(await replaceDraftContent(deps, c.var.actor, installmentId, input));
    })
    .post('/:id/content/append', limitWrites, async (c) => {
      const installmentId = id(c.req.param('id'));
      const input = await readJson(c, appendContentInput);
      return c.json(await appendDraftContent(deps, c.var.actor, installmentId, input));
    });
}
