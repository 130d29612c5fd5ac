/**
 * Turns what happened (an installment event, or "Send test") into the body of
 * a delivery, in the shape `webhookDeliveryBody` (shared/webhooks.ts) fixes.
 */
import type { CommentThread, InstallmentEventType } from '@baton/shared/comments.ts';
import type { VersionSummary } from '@baton/shared/publish.ts';
import {
  webhookSchemaVersion,
  type WebhookDeliveryBody,
  type WebhookEventType,
  type WebhookThread,
} from '@baton/shared/webhooks.ts';

export interface SeriesRef {
  id: string;
  slug: string;
  title: string;
}

export interface InstallmentRef {
  id: string;
  number: number;
  title: string;
}

export interface EventContext {
  series: SeriesRef;
  installment: InstallmentRef;
  /** Where people reach Baton, for the links in a body. */
  publicUrl: string;
}

/** One installment event's webhook form, or null when hooks are not told about it. */
export type WebhookEvent =
  | { type: 'version.published'; version: VersionSummary }
  | { type: 'thread.created' | 'thread.resolved'; thread: CommentThread };

/** The webhook event an installment event stands for (data as the event recorded it). */
export function toWebhookEvent(type: InstallmentEventType, data: unknown): WebhookEvent | null {
  if (type === 'version.published') {
    return { type, version: (data as { version: VersionSummary }).version };
  }
  if (type === 'thread.created')
    return { type, thread: (data as { thread: CommentThread }).thread };
  if (type === 'thread.updated') {
    const { thread } = data as { thread: CommentThread };
    // Resolving sets resolvedAt and updatedAt to the same moment; any other change
    // to a resolved thread (a reply, an edit) moves updatedAt past it.
    if (thread.resolved && thread.resolvedAt === thread.updatedAt) {
      return { type: 'thread.resolved', thread };
    }
  }
  return null;
}

const seg = encodeURIComponent;

function threadData(thread: CommentThread, url: string): WebhookThread {
  return {
    id: thread.id,
    quote: thread.quote,
    body: thread.messages[0]?.body ?? '',
    author: thread.author,
    createdAt: thread.createdAt,
    resolved: thread.resolved,
    resolvedAt: thread.resolvedAt,
    resolvedBy: thread.resolvedBy,
    url,
  };
}

/** The body delivered for `event`; `id` is the delivery's, kept on every retry. */
export function eventBody(
  event: WebhookEvent,
  context: EventContext,
  id: string,
  createdAt: string,
): WebhookDeliveryBody {
  const { series, installment, publicUrl } = context;
  const envelope = {
    schemaVersion: webhookSchemaVersion,
    id,
    createdAt,
    series: { id: series.id, slug: series.slug, title: series.title },
    installment: { id: installment.id, number: installment.number, title: installment.title },
  } as const;
  if (event.type === 'version.published') {
    const { version } = event;
    const page = `${publicUrl}/read/${seg(series.slug)}/${installment.number}/v/${version.number}`;
    return {
      ...envelope,
      type: event.type,
      data: {
        version: {
          id: version.id,
          number: version.number,
          title: version.title,
          wordCount: version.wordCount,
          contentHash: version.contentHash,
          note: version.note,
          publishedAt: version.publishedAt,
          publishedBy: version.publishedBy,
          url: page,
          markdownUrl: `${page}.md`,
        },
      },
    };
  }
  const url = `${publicUrl}/installments/${seg(installment.id)}`;
  return { ...envelope, type: event.type, data: { thread: threadData(event.thread, url) } };
}

/** The body of a test delivery. */
export function pingBody(
  series: SeriesRef,
  webhookId: string,
  id: string,
  createdAt: string,
): WebhookDeliveryBody {
  return {
    schemaVersion: webhookSchemaVersion,
    id,
    type: 'ping',
    createdAt,
    series: { id: series.id, slug: series.slug, title: series.title },
    installment: null,
    data: { webhookId, message: 'A test delivery from Baton: this hook is reachable.' },
  };
}

/** Whether a hook subscribed to `type` (its events column, as stored). */
export function subscribes(eventsJson: string, type: WebhookEventType): boolean {
  const events = JSON.parse(eventsJson) as unknown;
  return Array.isArray(events) && events.includes(type);
}
