import type { UpdateWebhookInput, Webhook } from '@baton/shared/webhooks.ts';
import type { Actor } from '../access.ts';
import { presentWebhook } from './presentWebhook.ts';
import { requireWebhook, type WebhookDeps } from './webhookAccess.ts';

/**
 * Changes what a hook receives, or turns it off and on. Turning it off ends
 * its pending deliveries (failed, "disabled"): turning it on later does not
 * send a backlog of stale events.
 */
export async function updateWebhook(
  deps: Pick<WebhookDeps, 'db'>,
  actor: Actor,
  webhookId: string,
  input: UpdateWebhookInput,
): Promise<Webhook> {
  const hook = await requireWebhook(deps.db, actor, webhookId);
  const changes = {
    ...(input.enabled === undefined ? {} : { enabled: input.enabled ? 1 : 0 }),
    ...(input.events === undefined ? {} : { events: JSON.stringify(input.events) }),
    ...(input.description === undefined ? {} : { description: input.description }),
  };
  await deps.db.transaction().execute(async (trx) => {
    await trx.updateTable('webhook').set(changes).where('id', '=', webhookId).execute();
    if (input.enabled === false) {
      await trx
        .updateTable('webhook_delivery')
        .set({ status: 'failed', next_attempt_at: null, last_error: 'the webhook was disabled' })
        .where('webhook_id', '=', webhookId)
        .where('status', '=', 'pending')
        .execute();
    }
  });
  return presentWebhook({ ...hook, ...changes });
}
