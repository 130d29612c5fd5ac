/**
 * Signing deliveries, Stripe style: the receiver recomputes an HMAC-SHA256 of
 * "<timestamp>.<raw body>" with the hook's secret and compares, and refuses
 * old timestamps, so a captured delivery cannot be replayed later.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { webhookSecretPrefix } from '@baton/shared/webhooks.ts';

/** A new secret: `whsec_` and 256 random bits. */
export function newWebhookSecret(): string {
  return webhookSecretPrefix + randomBytes(32).toString('base64url');
}

/** The `Baton-Signature` header value for one attempt. */
export function signatureHeader(secret: string, body: string, unixSeconds: number): string {
  const digest = createHmac('sha256', secret).update(`${unixSeconds}.${body}`).digest('hex');
  return `t=${unixSeconds},v1=${digest}`;
}
