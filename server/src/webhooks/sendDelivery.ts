/** One attempt at delivering a webhook: a signed POST, judged by its status alone. */
import { webhookHeaders, type WebhookDeliveryType } from '@baton/shared/webhooks.ts';
import { signatureHeader } from './signature.ts';

export interface Attempt {
  id: string;
  type: WebhookDeliveryType;
  url: string;
  secret: string;
  payload: string;
}

export type AttemptResult =
  { ok: true; httpStatus: number } | { ok: false; httpStatus: number | null; error: string };

/**
 * POSTs the payload. A 2xx is success; anything else, a redirect (never
 * followed: it could lead anywhere, this server included), a network error or
 * no answer within `timeoutMs` is a failure. The response body is never read:
 * the delivery log must not become a way to read what an internal address serves.
 * Rejects only when `stop` aborts it (the server is shutting down).
 */
export async function sendDelivery(
  attempt: Attempt,
  timeoutMs: number,
  stop: AbortSignal,
): Promise<AttemptResult> {
  const timeout = AbortSignal.timeout(timeoutMs);
  let response: Response;
  try {
    response = await fetch(attempt.url, {
      method: 'POST',
      redirect: 'manual',
      signal: AbortSignal.any([timeout, stop]),
      headers: {
        'content-type': 'application/json',
        'user-agent': 'Baton-Webhooks/1',
        [webhookHeaders.signature]: signatureHeader(
          attempt.secret,
          attempt.payload,
          Math.floor(Date.now() / 1000),
        ),
        [webhookHeaders.event]: attempt.type,
        [webhookHeaders.delivery]: attempt.id,
      },
      body: attempt.payload,
    });
  } catch (error) {
    if (stop.aborted) throw error;
    if (timeout.aborted) {
      return { ok: false, httpStatus: null, error: `no answer within ${timeoutMs / 1000} s` };
    }
    return { ok: false, httpStatus: null, error: networkError(error) };
  }
  // Free the connection without reading what the receiver answered.
  await response.body?.cancel().catch(() => undefined);
  if (response.status >= 200 && response.status < 300) {
    return { ok: true, httpStatus: response.status };
  }
  const redirect = response.status >= 300 && response.status < 400;
  return {
    ok: false,
    httpStatus: response.status,
    error: redirect
      ? `HTTP ${response.status}: redirects are not followed`
      : `HTTP ${response.status}`,
  };
}

/** "could not connect (ECONNREFUSED)" from undici's "fetch failed" and its cause. */
function networkError(error: unknown): string {
  const cause =
    error instanceof Error ? (error.cause as { code?: unknown } | undefined) : undefined;
  const code = typeof cause?.code === 'string' ? cause.code : null;
  switch (code) {
    case 'ECONNREFUSED':
      return 'connection refused (ECONNREFUSED)';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `the host name does not resolve (${code})`;
    case 'ECONNRESET':
      return 'the connection was reset (ECONNRESET)';
    default:
      return code ? `could not connect (${code})` : 'could not connect';
  }
}
