import type { Webhook, WebhookDelivery, WebhookEventType } from '@baton/shared/webhooks.ts';
import type { Selectable } from 'kysely';
import type { WebhookDeliveryTable, WebhookTable } from '../../db/schema.ts';

export function presentWebhook(row: Selectable<WebhookTable>): Webhook {
  return {
    id: row.id,
    seriesId: row.series_id,
    url: row.url,
    events: JSON.parse(row.events) as WebhookEventType[],
    description: row.description,
    enabled: Number(row.enabled) === 1,
    secretStart: row.secret.slice(0, 10),
    createdAt: row.created_at,
  };
}

export function presentDelivery(
  row: Omit<Selectable<WebhookDeliveryTable>, 'payload' | 'webhook_id'>,
): WebhookDelivery {
  // A claim clears the last outcome, and every attempt that ends records one.
  const sending =
    row.status === 'pending' &&
    Number(row.attempts) > 0 &&
    row.last_status === null &&
    row.last_error === null;
  return {
    id: row.id,
    type: row.type,
    status: sending ? 'sending' : row.status,
    attempts: Number(row.attempts),
    lastStatus: row.last_status === null ? null : Number(row.last_status),
    lastError: row.last_error,
    createdAt: row.created_at,
    lastAttemptAt: row.last_attempt_at,
    deliveredAt: row.delivered_at,
    // While sending, next_attempt_at holds the attempt's lease, not a planned retry.
    nextAttemptAt: row.status === 'pending' && !sending ? row.next_attempt_at : null,
  };
}
