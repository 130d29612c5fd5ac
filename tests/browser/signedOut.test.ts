import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { hasChromium } from '../support/browser.ts';
import { browserSuite, textWithoutCarets, untilSaved } from '../support/browserSuite.ts';
import { connectClient, paragraphs, untilSynced } from '../support/collabClient.ts';
import { relayCollabSockets } from '../support/collabRelay.ts';
import { browserApi } from '../support/browserApi.ts';
import { password, signIn } from '../support/http.ts';

const suite = browserSuite();
const { shot } = suite;

/** Signs an account up in `context` (its pages share the cookie) and gives it an installment. */
async function writerWithInstallment(context: BrowserContext, name: string, email: string) {
  const as = browserApi(context.request, suite.server.url);
  await as.signUp(name, email);
  const { installmentId } = await as.seriesWithInstallment();
  return { url: `${suite.server.url}/installments/${installmentId}`, installmentId };
}

/**
 * Records, from now on, whether the editor ever left the page or the session
 * check ("Checking your session…") replaced it, however briefly.
 */
async function watchForFlicker(page: Page): Promise<() => Promise<string[]>> {
  await page.evaluate(() => {
    const seen = new Set<string>();
    const editor = document.querySelector('.ProseMirror');
    const check = () => {
      if (!editor?.isConnected) seen.add('the editor was unmounted');
      if (document.body.textContent?.includes('Checking your session')) seen.add('checking');
    };
    new MutationObserver(check).observe(document.body, {
      childList: true,
      subtree: true,
      characterData: true,
    });
    (window as unknown as { flicker: Set<string> }).flicker = seen;
  });
  return () => page.evaluate(() => [...(window as unknown as { flicker: Set<string> }).flicker]);
}

/** The text a fresh stock client receives from the server, as the account signed in anew. */
async function storedText(installmentId: string, email: string): Promise<string> {
  const client = connectClient(
    suite.server.url,
    installmentId,
    await signIn(suite.server.url, email),
  );
  try {
    await untilSynced(client);
    return paragraphs(client.doc).join('\n');
  } finally {
    client.destroy();
  }
}

/** The HTTP requests `page` makes from now on. */
function countRequests(page: Page): { readonly count: number; stop(): void } {
  let count = 0;
  const onRequest = () => (count += 1);
  page.on('request', onRequest);
  return {
    get count() {
      return count;
    },
    stop: () => page.off('request', onRequest),
  };
}

const isSessionCheck = (url: string) => new URL(url).pathname === '/api/auth/get-session';

describe.skipIf(!hasChromium)('a session that ends while the editor is open', () => {
  it('AUTH-7 AUTH-8 signing out in another tab leaves the editor readable with its unsent text, backs off, and signing in there resumes without loss', async () => {
    const context = await suite.newContext();
    const { url, installmentId } = await writerWithInstallment(
      context,
      'Sam Writer',
      'sam@example.com',
    );
    const page = await context.newPage();
    const relay = await relayCollabSockets(page);
    await page.goto(url);
    const editor = page.locator('.ProseMirror');
    await page.locator('[data-testid="status"][data-connection="live"]').waitFor();
    await editor.click();
    await page.keyboard.type('Saved before the sign-out.');
    await untilSaved(page);

    // These words never reach the server before the session ends.
    relay.dropOutgoing = true;
    await page.keyboard.type(' Typed as it ended.');
    await page.locator('[data-testid="status"]:not([data-save="saved"])').waitFor();
    const flicker = await watchForFlicker(page);

    // The other tab signs out through the user menu.
    const other = await context.newPage();
    await other.goto(`${suite.server.url}/`);
    const requests = countRequests(page);
    const socketsBefore = relay.attempts;
    await other.getByRole('button', { name: /account menu/ }).click();
    await other.getByRole('button', { name: 'Sign out' }).click();
    await other.waitForURL(/\/sign-in/);

    // One signed-out state; the editor stays, read-only, with every word, and can be copied.
    const banner = page.getByTestId('session-banner');
    await banner.filter({ hasText: 'You were signed out.' }).waitFor();
    expect(await banner.innerText()).toContain('Your text is safe on this page');
    await page.locator('.ProseMirror[contenteditable="false"]').waitFor();
    await page.locator('[data-testid="status"][data-connection="signed-out"]').waitFor();
    expect(await textWithoutCarets(editor)).toBe('Saved before the sign-out. Typed as it ended.');
    await editor.selectText();
    expect(await page.evaluate(() => window.getSelection()?.toString())).toContain(
      'Typed as it ended.',
    );
    expect(await page.locator('.toolbar').count()).toBe(0);
    await shot(page, 'auth-01-signed-out-editor');

    // Backing off: the tab asks about its session now and then, and nothing else. The window
    // ends after two of those checks following the banner (two backoff periods).
    await page.waitForRequest((request) => isSessionCheck(request.url()));
    await page.waitForRequest((request) => isSessionCheck(request.url()));
    requests.stop();
    expect(requests.count).toBeLessThanOrEqual(8);
    expect(relay.attempts - socketsBefore).toBeLessThanOrEqual(3);
    expect(await flicker()).toEqual([]);

    // Signing in again in the other tab brings this one back: live, writable, and the words
    // that were dropped on the way reach the server with the new connection.
    relay.dropOutgoing = false;
    await other.locator('input[name="email"]').fill('sam@example.com');
    await other.locator('input[name="password"]').fill(password);
    await other.getByRole('button', { name: 'Sign in' }).click();
    await banner.waitFor({ state: 'detached' });
    await page.locator('.ProseMirror[contenteditable="true"]').waitFor();
    await page
      .locator('[data-testid="status"][data-connection="live"][data-save="saved"]')
      .waitFor();
    await editor.click();
    await page.keyboard.press('End');
    await page.keyboard.type(' Back again.');
    await untilSaved(page);
    expect(await flicker()).toEqual([]);
    expect(page.url()).toBe(url);
    expect(await storedText(installmentId, 'sam@example.com')).toBe(
      'Saved before the sign-out. Typed as it ended. Back again.',
    );
    await shot(page, 'auth-02-resumed');
  });

  it('AUTH-7 AUTH-8 sessions revoked from another device: the banner signs in again on the same page, and the text is kept', async () => {
    const context = await suite.newContext();
    const { url, installmentId } = await writerWithInstallment(
      context,
      'Rae Writer',
      'rae@example.com',
    );
    const page = await context.newPage();
    const relay = await relayCollabSockets(page);
    await page.goto(url);
    const editor = page.locator('.ProseMirror');
    await page.locator('[data-testid="status"][data-connection="live"]').waitFor();
    await editor.click();
    await page.keyboard.type('First line.');
    await untilSaved(page);
    relay.dropOutgoing = true;
    await page.keyboard.type(' Not yet sent.');
    await page.locator('[data-testid="status"]:not([data-save="saved"])').waitFor();
    const flicker = await watchForFlicker(page);

    // Another device revokes every session of the account: no tab of this browser says so.
    const elsewhere = await signIn(suite.server.url, 'rae@example.com');
    const revoked = await fetch(`${suite.server.url}/api/auth/revoke-sessions`, {
      method: 'POST',
      headers: { origin: suite.server.url, cookie: elsewhere, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(revoked.status).toBe(200);

    const banner = page.getByTestId('session-banner');
    await banner.filter({ hasText: 'You were signed out.' }).waitFor();
    await page.locator('.ProseMirror[contenteditable="false"]').waitFor();
    expect(await textWithoutCarets(editor)).toBe('First line. Not yet sent.');

    // Sign in from the banner: a dialog on this page, the account already filled in.
    relay.dropOutgoing = false;
    await banner.getByRole('button', { name: 'Sign in' }).click();
    const dialog = page.getByRole('dialog', { name: 'Sign in again' });
    expect(await dialog.getByRole('textbox', { name: 'Email' }).inputValue()).toBe(
      'rae@example.com',
    );
    await dialog.getByLabel('Password').fill('not the password');
    await dialog.getByRole('button', { name: 'Sign in' }).click();
    await dialog.getByRole('alert').filter({ hasText: 'do not match' }).waitFor();
    await shot(page, 'auth-03-sign-in-dialog');
    await dialog.getByLabel('Password').fill(password);
    await dialog.getByRole('button', { name: 'Sign in' }).click();
    await dialog.waitFor({ state: 'detached' });
    await banner.waitFor({ state: 'detached' });
    await page
      .locator('[data-testid="status"][data-connection="live"][data-save="saved"]')
      .waitFor();
    await page.locator('.ProseMirror[contenteditable="true"]').waitFor();
    expect(page.url()).toBe(url);
    expect(await flicker()).toEqual([]);
    expect(await storedText(installmentId, 'rae@example.com')).toBe('First line. Not yet sent.');
  });
});
