import type { Webhook } from '@baton/shared/webhooks.ts';
import { type Actor, requireSeriesCapability } from '../access.ts';
import type { WebhookDeps } from './webhookAccess.ts';
import { presentWebhook } from './presentWebhook.ts';

/** The series' hooks, oldest first, without their secrets. */
export async function listWebhooks(
  deps: Pick<WebhookDeps, 'db'>,
  actor: Actor,
  seriesId: string,
): Promise<Webhook[]> {
  await requireSeriesCapability(deps.db, actor, seriesId, 'manageWebhooks');
  const rows = await deps.db
    .selectFrom('webhook')
    .selectAll()
    .where('series_id', '=', seriesId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map(presentWebhook);
}
