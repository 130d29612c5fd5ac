import { createWebhookInput, updateWebhookInput } from '@baton/shared/webhooks.ts';
import { Hono } from 'hono';
import { createWebhook } from '../../domain/webhooks/createWebhook.ts';
import { deleteWebhook } from '../../domain/webhooks/deleteWebhook.ts';
import { listDeliveries } from '../../domain/webhooks/listDeliveries.ts';
import { listWebhooks } from '../../domain/webhooks/listWebhooks.ts';
import { rotateWebhookSecret } from '../../domain/webhooks/rotateWebhookSecret.ts';
import { sendTestDelivery } from '../../domain/webhooks/sendTestDelivery.ts';
import { updateWebhook } from '../../domain/webhooks/updateWebhook.ts';
import type { WebhookDeps } from '../../domain/webhooks/webhookAccess.ts';
import { pathId } from '../pathId.ts';
import { readJson } from '../readJson.ts';
import type { ActorEnv } from '../requireActor.ts';

/** A series' hooks, mounted at `/api/series`. */
export function seriesWebhookRoutes(deps: WebhookDeps) {
  return new Hono<ActorEnv>()
    .get('/:id/webhooks', async (c) =>
      c.json(await listWebhooks(deps, c.var.actor, pathId(c.req.param('id'), 'Series'))),
    )
    .post('/:id/webhooks', async (c) => {
      const seriesId = pathId(c.req.param('id'), 'Series');
      const input = await readJson(c, createWebhookInput);
      return c.json(await createWebhook(deps, c.var.actor, seriesId, input), 201);
    });
}

/** One hook, mounted at `/api/webhooks`. */
export function webhookRoutes(deps: WebhookDeps) {
  const id = (raw: string) => pathId(raw, 'Webhook');
  return new Hono<ActorEnv>()
    .patch('/:id', async (c) => {
      const input = await readJson(c, updateWebhookInput);
      return c.json(await updateWebhook(deps, c.var.actor, id(c.req.param('id')), input));
    })
    .delete('/:id', async (c) => {
      await deleteWebhook(deps, c.var.actor, id(c.req.param('id')));
      return c.body(null, 204);
    })
    .get('/:id/deliveries', async (c) =>
      c.json(await listDeliveries(deps, c.var.actor, id(c.req.param('id')))),
    )
    .post('/:id/test', async (c) =>
      c.json(await sendTestDelivery(deps, c.var.actor, id(c.req.param('id'))), 202),
    )
    .post('/:id/secret', async (c) =>
      c.json(await rotateWebhookSecret(deps, c.var.actor, id(c.req.param('id')))),
    );
}
