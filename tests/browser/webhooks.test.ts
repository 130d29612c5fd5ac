import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { artifactsDir, hasChromium } from '../support/browser.ts';
import { browserSuite } from '../support/browserSuite.ts';
import {
  signatureIsValid,
  startWebhookReceiver,
  type WebhookReceiver,
} from '../support/webhookReceiver.ts';

const suite = browserSuite();
const { shot, signUp } = suite;

describe.skipIf(!hasChromium)('webhooks in the series settings', () => {
  it('HOOK-7 an owner adds a hook, sees its secret once, sends a test and sees it delivered in the log', async () => {
    const receiver: WebhookReceiver = await startWebhookReceiver();
    try {
      const page = await suite.newPage();
      await signUp(page, 'Olive Owner', 'olive-hooks@example.com');
      await page.locator('input[name="title"]').fill('The Relay');
      await page.getByRole('button', { name: 'Create series' }).click();
      await page.waitForURL(/\/series\//);
      await page.getByRole('button', { name: 'Settings' }).click();
      const section = page.getByRole('region', { name: 'Webhooks' });
      await section.getByRole('button', { name: 'Add webhook' }).waitFor();

      // Refused addresses are explained at the field.
      const url = section.getByRole('textbox', { name: 'Payload URL' });
      await url.fill('ftp://127.0.0.1/hooks');
      await section.getByRole('button', { name: 'Add webhook' }).click();
      await section.getByText('Must be an http:// or https:// URL').waitFor();
      await url.fill(`${suite.server.url}/api/series`);
      await section.getByRole('button', { name: 'Add webhook' }).click();
      await section.getByText('Must not point at this Baton server.').waitFor();
      await shot(page, 'webhooks-01-refused-url');

      // Added: the secret is shown once.
      await url.fill(receiver.url);
      await section.getByRole('checkbox', { name: /A comment thread is resolved/ }).uncheck();
      await section.getByRole('button', { name: 'Add webhook' }).click();
      const reveal = section.getByTestId('webhook-secret');
      await reveal.waitFor();
      const secret = await reveal
        .getByRole('textbox', { name: 'Webhook signing secret' })
        .inputValue();
      expect(secret).toMatch(/^whsec_/);
      const hook = section.getByTestId('webhook');
      expect(await hook.getByRole('list', { name: 'Events' }).innerText()).not.toContain(
        'thread.resolved',
      );
      await shot(page, 'webhooks-02-secret-shown-once');
      await reveal.getByRole('button', { name: 'I have copied it' }).click();
      await reveal.waitFor({ state: 'detached' });

      // Send test: the ping reaches the receiver, signed with that secret, and the log says so.
      await hook.getByRole('button', { name: 'Send test' }).click();
      await section.locator('[data-testid="webhook-delivery"][data-status="delivered"]').waitFor();
      const [ping] = await receiver.untilReceived(1);
      expect(ping!.headers['baton-event']).toBe('ping');
      expect(signatureIsValid(ping!, secret)).toBe(true);
      const row = section.getByTestId('webhook-delivery');
      expect(await row.innerText()).toMatch(/ping\s+Delivered\s+1\s+HTTP 204/);
      await shot(page, 'webhooks-03-test-delivered');

      await section.screenshot({ path: path.join(artifactsDir, 'webhooks-03b-section.png') });

      // A receiver that fails: the log shows the answer and that a retry is coming.
      receiver.answer((request) => (request.path === '/down' ? 500 : 204));
      await url.fill(`${new URL(receiver.url).origin}/down`);
      await section.getByRole('button', { name: 'Add webhook' }).click();
      const failing = section.getByTestId('webhook').nth(1);
      await failing.getByRole('button', { name: 'Send test' }).click();
      const retrying = failing.locator('[data-testid="webhook-delivery"][data-status="pending"]', {
        hasText: 'HTTP 500',
      });
      await retrying.waitFor();
      expect(await retrying.innerText()).toMatch(/Retrying\s+next try/);
      await section.screenshot({ path: path.join(artifactsDir, 'webhooks-04-retrying.png') });
      await failing.getByRole('button', { name: /Delete the webhook/ }).click();
      await failing.getByRole('button', { name: 'Delete', exact: true }).click();
      await section.getByTestId('webhook').nth(1).waitFor({ state: 'detached' });

      // After a reload the secret is nowhere on the page, only its first characters.
      await page.reload();
      await page.getByRole('button', { name: 'Settings' }).click();
      await section.getByTestId('webhook').waitFor();
      expect(await page.content()).not.toContain(secret);
      expect(await section.getByTestId('webhook').innerText()).toContain(secret.slice(0, 10));

      // Disable, then delete after confirming.
      await section.getByRole('button', { name: 'Disable' }).click();
      await section.getByText('Disabled', { exact: true }).waitFor();
      expect(await section.getByRole('button', { name: 'Send test' }).isDisabled()).toBe(true);
      await section.getByRole('button', { name: /Delete the webhook/ }).click();
      await section.getByRole('button', { name: 'Delete', exact: true }).click();
      await section.getByTestId('webhook').waitFor({ state: 'detached' });
    } finally {
      await receiver.close();
    }
  });
});
