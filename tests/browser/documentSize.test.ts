import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  artifactsDir,
  hasChromium,
  launchBrowser,
  requireChromiumUnderCi,
} from '../support/browser.ts';
import { password, untilSaved } from '../support/browserSuite.ts';
import { startTestServer, type TestServer } from '../support/testServer.ts';

// Tiny limits, so that a few paragraphs pass the warning and a paste nears the maximum.
const warningBytes = 1_000;
const maxBytes = 100_000;

const story = readFileSync(new URL('../fixtures/night-shift-clean.txt', import.meta.url), 'utf8')
  .trim()
  .split('\n');

requireChromiumUnderCi();
let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  if (!hasChromium) return;
  server = await startTestServer({
    env: { DOCUMENT_WARNING_BYTES: String(warningBytes), MAX_DOCUMENT_BYTES: String(maxBytes) },
  });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

const shot = (page: Page, name: string) =>
  page.screenshot({ path: path.join(artifactsDir, `${name}.png`) });

/** Signs up, creates a series with one installment and opens its editor. */
async function openNewInstallment(page: Page): Promise<void> {
  await page.goto(`${server.url}/sign-up`);
  await page.locator('input[name="name"]').fill('Olive Owner');
  await page.locator('input[name="email"]').fill('olive@example.com');
  await page.locator('input[name="password"]').fill(password);
  await page.getByRole('button', { name: 'Sign up' }).click();
  await page.getByRole('heading', { name: 'Your series' }).waitFor();
  await page.locator('input[name="title"]').fill('The Relay');
  await page.getByRole('button', { name: 'Create series' }).click();
  await page.waitForURL(/\/series\//);
  await page.locator('input[name="title"]').last().fill('The morning shift');
  await page.getByRole('button', { name: 'Add installment' }).click();
  await page
    .getByRole('link', { name: /The morning shift/ })
    .first()
    .click();
  await page.waitForURL(/\/installments\//);
  await page.locator('[data-testid="status"][data-connection="live"]').waitFor();
}

/** The size notice above the editor. */
const banner = (page: Page) => page.locator('[data-testid="size-banner"]');

describe.skipIf(!hasChromium)('document size in the browser', () => {
  it('HARD-2 the editor warns when an installment nears its size limit', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await openNewInstallment(page);
    expect(await banner(page).count()).toBe(0);

    // A few paragraphs: past the warning threshold, far from the limit.
    await page.locator('.ProseMirror').click();
    for (const [i, paragraph] of story.entries()) {
      if (i > 0) await page.keyboard.press('Enter');
      await page.keyboard.insertText(paragraph);
    }
    await untilSaved(page);
    // Measured once after the initial sync: a reload shows the warning at once.
    await page.reload();
    await page.locator('[data-testid="status"][data-connection="live"]').waitFor();
    await banner(page).and(page.locator('[data-level="warning"]')).waitFor({ timeout: 5_000 });
    expect(await banner(page).textContent()).toMatch(
      /^This installment is large: \d+ KB of its 98 KB limit\. Consider continuing in a new installment\.$/,
    );
    expect(await banner(page).getAttribute('role')).toBe('status');
    await page.locator('[data-testid="counts"]', { hasText: /^[1-9]/ }).waitFor();
    await shot(page, 'document-size-01-warning');

    // A long paste takes it past 95 % of the limit: measured within the throttle
    // interval (12 s, then at the next idle moment), the notice turns urgent.
    await page.locator('.ProseMirror').click();
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Enter');
    await page.keyboard.insertText('x'.repeat(95_000));
    await banner(page).and(page.locator('[data-level="urgent"]')).waitFor({ timeout: 20_000 });
    expect(await banner(page).textContent()).toMatch(
      /^This installment is almost full: \d+ KB of its 98 KB limit\. Changes past the limit will not be saved, so continue in a new installment\.$/,
    );
    expect(await banner(page).getAttribute('role')).toBe('alert');
    // The paste itself was accepted: the limit is not reached yet.
    await untilSaved(page);
    await page.evaluate(() => window.scrollTo(0, 0));
    await shot(page, 'document-size-02-urgent');
    await context.close();
  });
});
