import { limits } from '@baton/shared/limits.ts';
import type { CreateWebhookInput, WebhookWithSecret } from '@baton/shared/webhooks.ts';
import { AppError, validationFailed } from '../../errors/appError.ts';
import { newWebhookSecret } from '../../webhooks/signature.ts';
import { type Actor, requireSeriesCapability } from '../access.ts';
import { newId, nowIso } from '../../ids.ts';
import { presentWebhook } from './presentWebhook.ts';
import type { WebhookDeps } from './webhookAccess.ts';

/** Adds a hook; the answer carries its secret, which is never shown again. */
export async function createWebhook(
  deps: Pick<WebhookDeps, 'db' | 'pointsAtThisServer'>,
  actor: Actor,
  seriesId: string,
  input: CreateWebhookInput,
): Promise<WebhookWithSecret> {
  await requireSeriesCapability(deps.db, actor, seriesId, 'manageWebhooks');
  if (deps.pointsAtThisServer(input.url)) {
    throw validationFailed({ url: 'must not point at this Baton server' });
  }
  const count = await deps.db
    .selectFrom('webhook')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('series_id', '=', seriesId)
    .executeTakeFirstOrThrow();
  if (Number(count.n) >= limits.webhooksPerSeries) {
    throw new AppError(
      'conflict',
      409,
      `A series can have at most ${limits.webhooksPerSeries} webhooks. Delete one first.`,
    );
  }
  const row = {
    id: newId(),
    series_id: seriesId,
    url: input.url,
    events: JSON.stringify(input.events),
    description: input.description ?? '',
    secret: newWebhookSecret(),
    enabled: 1,
    created_by: actor.userId,
    created_at: nowIso(),
  };
  await deps.db.insertInto('webhook').values(row).execute();
  return { ...presentWebhook(row), secret: row.secret };
}
