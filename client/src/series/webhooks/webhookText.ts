/** Webhook events and delivery states in words. */
import type { WebhookDelivery, WebhookEventType } from '@baton/shared/webhooks.ts';
import { formatUpdated } from '../../lib/format.ts';

export const eventLabel: Record<WebhookEventType, string> = {
  'version.published': 'A version is published',
  'thread.created': 'A comment thread is opened',
  'thread.resolved': 'A comment thread is resolved',
};

export type DeliveryTone = 'ok' | 'waiting' | 'failed';

/** "Delivered", "Retrying", "Failed"…, and how it should look. */
export function deliveryState(delivery: WebhookDelivery): { label: string; tone: DeliveryTone } {
  if (delivery.status === 'delivered') return { label: 'Delivered', tone: 'ok' };
  if (delivery.status === 'failed') return { label: 'Failed', tone: 'failed' };
  if (delivery.status === 'sending') return { label: 'Sending', tone: 'waiting' };
  if (delivery.attempts === 0) return { label: 'Queued', tone: 'waiting' };
  return { label: 'Retrying', tone: 'waiting' };
}

/** What the receiver answered last, or why there was no answer. */
export function lastAnswer(delivery: WebhookDelivery): string {
  if (delivery.status === 'delivered') return `HTTP ${delivery.lastStatus ?? ''}`.trim();
  if (delivery.status === 'sending') return 'Waiting for an answer';
  if (delivery.lastError) return delivery.lastError;
  return delivery.attempts === 0 ? 'Not sent yet' : 'Sending…';
}

/** "next try in 2 minutes" while a failed delivery waits for its retry. */
export function nextTry(delivery: WebhookDelivery, now = Date.now()): string | null {
  if (delivery.status !== 'pending' || delivery.attempts === 0 || !delivery.nextAttemptAt) {
    return null;
  }
  const when = formatUpdated(delivery.nextAttemptAt, now);
  return when === 'just now' ? 'next try in a moment' : `next try ${when}`;
}
