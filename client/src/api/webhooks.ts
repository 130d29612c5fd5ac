/** The webhook routes of the API (shapes in shared/webhooks.ts). */
import type {
  CreateWebhookInput,
  UpdateWebhookInput,
  Webhook,
  WebhookDelivery,
  WebhookWithSecret,
} from '@baton/shared/webhooks.ts';
import { request } from './http.ts';

const seg = encodeURIComponent;
const hook = (id: string) => `/api/webhooks/${seg(id)}`;

export const webhooksApi = {
  list: (seriesId: string, signal?: AbortSignal) =>
    request<Webhook[]>('GET', `/api/series/${seg(seriesId)}/webhooks`, { signal }),
  create: (seriesId: string, body: CreateWebhookInput) =>
    request<WebhookWithSecret>('POST', `/api/series/${seg(seriesId)}/webhooks`, { body }),
  update: (id: string, body: UpdateWebhookInput) => request<Webhook>('PATCH', hook(id), { body }),
  remove: (id: string) => request<void>('DELETE', hook(id)),
  deliveries: (id: string, signal?: AbortSignal) =>
    request<WebhookDelivery[]>('GET', `${hook(id)}/deliveries`, { signal }),
  /** Queues a `ping`; the answer is the queued delivery. */
  sendTest: (id: string) => request<WebhookDelivery>('POST', `${hook(id)}/test`),
  /** A new secret, shown in this answer only. */
  rotateSecret: (id: string) => request<WebhookWithSecret>('POST', `${hook(id)}/secret`),
};
