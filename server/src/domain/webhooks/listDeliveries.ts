import { limits } from '@baton/shared/limits.ts';
import type { WebhookDelivery } from '@baton/shared/webhooks.ts';
import type { Actor } from '../access.ts';
import { presentDelivery } from './presentWebhook.ts';
import { requireWebhook, type WebhookDeps } from './webhookAccess.ts';

/** The hook's newest deliveries, newest first: what was sent, how often, and how it went. */
export async function listDeliveries(
  deps: Pick<WebhookDeps, 'db'>,
  actor: Actor,
  webhookId: string,
): Promise<WebhookDelivery[]> {
  await requireWebhook(deps.db, actor, webhookId);
  const rows = await deps.db
    .selectFrom('webhook_delivery')
    .select([
      'id',
      'type',
      'status',
      'attempts',
      'next_attempt_at',
      'last_attempt_at',
      'last_status',
      'last_error',
      'delivered_at',
      'created_at',
    ])
    .where('webhook_id', '=', webhookId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limits.webhookLogSize)
    .execute();
  return rows.map(presentDelivery);
}
