import type { WebhookWithSecret } from '@baton/shared/webhooks.ts';
import { newWebhookSecret } from '../../webhooks/signature.ts';
import type { Actor } from '../access.ts';
import { presentWebhook } from './presentWebhook.ts';
import { requireWebhook, type WebhookDeps } from './webhookAccess.ts';

/**
 * Replaces the hook's secret, shown in this answer only. Every attempt from
 * now on is signed with the new one, retries of earlier deliveries included.
 */
export async function rotateWebhookSecret(
  deps: Pick<WebhookDeps, 'db'>,
  actor: Actor,
  webhookId: string,
): Promise<WebhookWithSecret> {
  const hook = await requireWebhook(deps.db, actor, webhookId);
  const secret = newWebhookSecret();
  await deps.db.updateTable('webhook').set({ secret }).where('id', '=', webhookId).execute();
  return { ...presentWebhook({ ...hook, secret }), secret };
}
