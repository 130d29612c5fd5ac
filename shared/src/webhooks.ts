/**
 * The webhook contract: what an owner sends to manage a series' hooks, what
 * the API answers, and the body of every delivery (versioned: receivers can
 * rely on `schemaVersion: 1` keeping these fields; docs/api.md, decision 0011).
 */
import { z } from 'zod';
import { limits } from './limits.ts';

/** Events a hook can subscribe to. `ping` is only ever sent by "Send test". */
export const webhookEventTypes = [
  'version.published',
  'thread.created',
  'thread.resolved',
] as const;
export type WebhookEventType = (typeof webhookEventTypes)[number];
export type WebhookDeliveryType = WebhookEventType | 'ping';

/** The version of the delivery body; fields may be added, never renamed or removed, within one. */
export const webhookSchemaVersion = 1;

/** Request headers of a delivery. */
export const webhookHeaders = {
  /** `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>" with the hook's secret>`. */
  signature: 'Baton-Signature',
  event: 'Baton-Event',
  /** The delivery id, the same on every retry of one delivery. */
  delivery: 'Baton-Delivery',
} as const;

/** Secrets look like `whsec_` followed by 43 base64url characters (256 bits). */
export const webhookSecretPrefix = 'whsec_';

/**
 * An http(s) URL without credentials. Whether it points at this server is
 * checked by the server, which knows its own addresses.
 */
export const webhookUrl = z
  .string({ error: 'must be a string' })
  .trim()
  .min(1, { error: 'must not be empty' })
  .max(limits.webhookUrlMax, { error: `must be at most ${limits.webhookUrlMax} characters` })
  .pipe(
    z.url({
      protocol: /^https?$/,
      normalize: true,
      error: 'must be an http:// or https:// URL, like https://example.com/hook',
    }),
  )
  .refine((url) => !/^https?:\/\/[^/?#]*@/i.test(url), {
    error: 'must not contain a user name or password',
  });

const events = z
  .array(z.enum(webhookEventTypes, { error: `must be among ${webhookEventTypes.join(', ')}` }), {
    error: 'must be a list of events',
  })
  .min(1, { error: 'choose at least one event' })
  .transform((list) => webhookEventTypes.filter((type) => list.includes(type)));

const description = z
  .string({ error: 'must be a string' })
  .trim()
  .max(limits.webhookDescriptionMax, {
    error: `must be at most ${limits.webhookDescriptionMax} characters`,
  });

export const createWebhookInput = z.strictObject({
  url: webhookUrl,
  events,
  description: description.optional(),
});
export type CreateWebhookInput = z.infer<typeof createWebhookInput>;

export const updateWebhookInput = z
  .strictObject({
    enabled: z.boolean({ error: 'must be true or false' }).optional(),
    events: events.optional(),
    description: description.optional(),
  })
  .refine((v) => Object.keys(v).length > 0, { error: 'nothing to update' });
export type UpdateWebhookInput = z.infer<typeof updateWebhookInput>;

/** A hook as the owner sees it; the secret is never listed. */
export interface Webhook {
  id: string;
  seriesId: string;
  url: string;
  events: WebhookEventType[];
  description: string;
  enabled: boolean;
  /** The first characters of the secret, to tell secrets apart. */
  secretStart: string;
  createdAt: string;
}

/** `POST /api/series/:id/webhooks` and `POST /api/webhooks/:id/secret`: the only time the secret is shown. */
export interface WebhookWithSecret extends Webhook {
  secret: string;
}

/** `pending`: waiting for its first attempt or a retry; `sending`: an attempt is in flight. */
export type WebhookDeliveryStatus = 'pending' | 'sending' | 'delivered' | 'failed';

/** One row of `GET /api/webhooks/:id/deliveries` (newest first). */
export interface WebhookDelivery {
  id: string;
  type: WebhookDeliveryType;
  status: WebhookDeliveryStatus;
  /** Attempts made so far (one that is in flight counts). */
  attempts: number;
  /** HTTP status of the last answer; null when there was none (network error, timeout). */
  lastStatus: number | null;
  /** Why the last attempt failed; never the receiver's response body. */
  lastError: string | null;
  createdAt: string;
  lastAttemptAt: string | null;
  deliveredAt: string | null;
  /** When the next attempt is due, while pending (null while sending). */
  nextAttemptAt: string | null;
}

// The delivery body. Strict, so the server cannot send a field the contract does not name.

const person = z.strictObject({ id: z.string(), name: z.string() });

const envelope = {
  schemaVersion: z.literal(webhookSchemaVersion),
  /** The delivery id (also `Baton-Delivery`), stable across retries: deduplicate on it. */
  id: z.string(),
  createdAt: z.string(),
  series: z.strictObject({ id: z.string(), slug: z.string(), title: z.string() }),
};

const installment = z.strictObject({ id: z.string(), number: z.number(), title: z.string() });

const thread = z.strictObject({
  id: z.string(),
  /** The text the thread was opened on. */
  quote: z.string(),
  /** The thread's first message ("" once deleted). */
  body: z.string(),
  author: person,
  createdAt: z.string(),
  resolved: z.boolean(),
  resolvedAt: z.string().nullable(),
  resolvedBy: person.nullable(),
  /** The installment in the app, where the thread is. */
  url: z.string(),
});

export const webhookDeliveryBody = z.discriminatedUnion('type', [
  z.strictObject({
    ...envelope,
    type: z.literal('version.published'),
    installment,
    data: z.strictObject({
      version: z.strictObject({
        id: z.string(),
        number: z.number(),
        title: z.string(),
        wordCount: z.number(),
        contentHash: z.string(),
        note: z.string(),
        publishedAt: z.string(),
        publishedBy: person,
        /** The public reader page of this version. */
        url: z.string(),
        /** The version as Markdown. */
        markdownUrl: z.string(),
      }),
    }),
  }),
  z.strictObject({
    ...envelope,
    type: z.literal('thread.created'),
    installment,
    data: z.strictObject({ thread }),
  }),
  z.strictObject({
    ...envelope,
    type: z.literal('thread.resolved'),
    installment,
    data: z.strictObject({ thread }),
  }),
  z.strictObject({
    ...envelope,
    type: z.literal('ping'),
    installment: z.null(),
    data: z.strictObject({ webhookId: z.string(), message: z.string() }),
  }),
]);
export type WebhookDeliveryBody = z.infer<typeof webhookDeliveryBody>;
export type WebhookThread = z.infer<typeof thread>;
