import type { WebhookDelivery } from '@baton/shared/webhooks.ts';
import { AppError, notFound } from '../../errors/appError.ts';
import { pingBody } from '../../webhooks/deliveryBodies.ts';
import { insertDelivery } from '../../webhooks/deliveryQueries.ts';
import type { Actor } from '../access.ts';
import { newId, nowIso } from '../../ids.ts';
import { presentDelivery } from './presentWebhook.ts';
import { requireWebhook, type WebhookDeps } from './webhookAccess.ts';

/**
 * Queues a `ping` to the hook, whatever events it receives. It goes through
 * the queue like any delivery (signed, retried, logged), so a test shows
 * exactly what a real event would meet.
 */
export async function sendTestDelivery(
  deps: WebhookDeps,
  actor: Actor,
  webhookId: string,
): Promise<WebhookDelivery> {
  const hook = await requireWebhook(deps.db, actor, webhookId);
  if (Number(hook.enabled) !== 1) {
    throw new AppError('conflict', 409, 'This webhook is disabled. Enable it to send a test.');
  }
  const series = await deps.db
    .selectFrom('series')
    .select(['id', 'slug', 'title'])
    .where('id', '=', hook.series_id)
    .executeTakeFirst();
  if (!series) throw notFound('Series');
  const body = pingBody(series, hook.id, newId(), nowIso());
  await insertDelivery(deps.db, hook.id, body);
  deps.wakeDispatcher();
  return presentDelivery({
    id: body.id,
    type: body.type,
    status: 'pending',
    attempts: 0,
    next_attempt_at: body.createdAt,
    last_attempt_at: null,
    last_status: null,
    last_error: null,
    delivered_at: null,
    created_at: body.createdAt,
  });
}
