import type { Actor } from '../access.ts';
import { requireWebhook, type WebhookDeps } from './webhookAccess.ts';

/** Deletes a hook and its delivery log; nothing more is sent to it. */
export async function deleteWebhook(
  deps: Pick<WebhookDeps, 'db'>,
  actor: Actor,
  webhookId: string,
): Promise<void> {
  await requireWebhook(deps.db, actor, webhookId);
  await deps.db.deleteFrom('webhook').where('id', '=', webhookId).execute();
}
