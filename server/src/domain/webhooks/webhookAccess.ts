/** What every webhook command needs, and the owner check on one hook. */
import { can } from '@baton/shared/roles.ts';
import type { Kysely, Selectable } from 'kysely';
import type { Database, WebhookTable } from '../../db/schema.ts';
import { forbidden, notFound } from '../../errors/appError.ts';
import { type Actor, roleInSeries } from '../access.ts';

export interface WebhookDeps {
  db: Kysely<Database>;
  /** True for URLs that lead back to this server (refused). */
  pointsAtThisServer: (url: string) => boolean;
  /** Tells the dispatcher a delivery was queued. */
  wakeDispatcher: () => void;
}

/** The hook, when the actor may manage the webhooks of its series; 404 when they cannot read it. */
export async function requireWebhook(
  db: Kysely<Database>,
  actor: Actor,
  webhookId: string,
): Promise<Selectable<WebhookTable>> {
  const hook = await db
    .selectFrom('webhook')
    .selectAll()
    .where('id', '=', webhookId)
    .executeTakeFirst();
  const role = hook ? await roleInSeries(db, actor.userId, hook.series_id) : null;
  if (!hook || !can(role, 'read')) throw notFound('Webhook');
  if (!can(role, 'manageWebhooks')) throw forbidden('Only owners manage webhooks.');
  return hook;
}
