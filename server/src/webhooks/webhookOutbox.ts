/**
 * Queues webhook deliveries for installment events, inside the transaction
 * that records the event: a committed change always has its deliveries, and a
 * rolled-back one has none. Sending is the dispatcher's job; the outbox only
 * wakes it once the transaction committed.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { newId, nowIso } from '../ids.ts';
import type { EventOutbox, InstallmentEvent } from '../events/installmentEvents.ts';
import { eventBody, subscribes, toWebhookEvent } from './deliveryBodies.ts';
import { insertDelivery } from './deliveryQueries.ts';

export class WebhookOutbox implements EventOutbox {
  constructor(
    private readonly publicUrl: string,
    /** Called after a commit that may have queued deliveries. */
    private readonly wake: () => void,
  ) {}

  async enqueue(trx: Kysely<Database>, event: InstallmentEvent, data: unknown): Promise<void> {
    const webhookEvent = toWebhookEvent(event.type, data);
    if (!webhookEvent) return;
    const hooks = await trx
      .selectFrom('webhook')
      .innerJoin('installment', 'installment.series_id', 'webhook.series_id')
      .innerJoin('series', 'series.id', 'webhook.series_id')
      .select([
        'webhook.id',
        'webhook.events',
        'series.id as series_id',
        'series.slug',
        'series.title as series_title',
        'installment.number',
        'installment.title as installment_title',
      ])
      .where('installment.id', '=', event.installmentId)
      .where('webhook.enabled', '=', 1)
      .execute();
    for (const hook of hooks) {
      if (!subscribes(hook.events, webhookEvent.type)) continue;
      const context = {
        series: { id: hook.series_id, slug: hook.slug, title: hook.series_title },
        installment: {
          id: event.installmentId,
          number: Number(hook.number),
          title: hook.installment_title,
        },
        publicUrl: this.publicUrl,
      };
      await insertDelivery(trx, hook.id, eventBody(webhookEvent, context, newId(), nowIso()));
    }
  }

  committed(): void {
    this.wake();
  }
}
