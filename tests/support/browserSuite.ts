/**
 * What every browser test file needs: a real server and Chromium for the file,
 * fresh contexts (one per person), screenshots, and the flows every test
 * starts with. Call `browserSuite()` at the top level of a test file.
 */
import type { Role } from '@baton/shared/roles.ts';
import path from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { artifactsDir, hasChromium, launchBrowser, requireChromiumUnderCi } from './browser.ts';
import { password } from './http.ts';
import { startTestServer, type TestServer } from './testServer.ts';

export { password };

export interface BrowserSuite {
  readonly server: TestServer;
  readonly browser: Browser;
  /** A new browser context (a person, or a signed-out visitor) at 1280×800. */
  newContext(): Promise<BrowserContext>;
  newPage(): Promise<Page>;
  shot(page: Page, name: string): Promise<Buffer>;
  /** Signs up through the UI and waits for the series list. */
  signUp(page: Page, name: string, email: string): Promise<void>;
  /**
   * Signs up, creates the series "The Relay" and adds the installment "Taking
   * the baton", all through the UI; the page stays on the series.
   */
  startSeries(
    page: Page,
    name: string,
    email: string,
  ): Promise<{ seriesId: string; installmentUrl: string }>;
  /** The account signed in to `page` adds `email` as `role` through the API; returns the status. */
  invite(page: Page, seriesId: string, email: string, role: Role): Promise<number>;
}

export function browserSuite(): BrowserSuite {
  requireChromiumUnderCi();
  let server: TestServer | undefined;
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];
  beforeAll(async () => {
    if (!hasChromium) return;
    server = await startTestServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await server?.dispose();
  });
  const suite: BrowserSuite = {
    get server() {
      return server!;
    },
    get browser() {
      return browser!;
    },
    async newContext() {
      const context = await browser!.newContext({ viewport: { width: 1280, height: 800 } });
      contexts.push(context);
      return context;
    },
    async newPage() {
      return (await suite.newContext()).newPage();
    },
    shot: (page, name) =>
      page.screenshot({ path: path.join(artifactsDir, `${name}.png`), fullPage: true }),
    async signUp(page, name, email) {
      await page.goto(`${server!.url}/sign-up`);
      await page.locator('input[name="name"]').fill(name);
      await page.locator('input[name="email"]').fill(email);
      await page.locator('input[name="password"]').fill(password);
      await page.getByRole('button', { name: 'Sign up' }).click();
      await page.getByRole('heading', { name: 'Your series' }).waitFor();
    },
    async startSeries(page, name, email) {
      await suite.signUp(page, name, email);
      await page.locator('input[name="title"]').fill('The Relay');
      await page.getByRole('button', { name: 'Create series' }).click();
      await page.waitForURL(/\/series\//);
      const seriesId = decodeURIComponent(new URL(page.url()).pathname.split('/').at(-1) ?? '');
      await page.locator('input[name="title"]').last().fill('Taking the baton');
      await page.getByRole('button', { name: 'Add installment' }).click();
      const link = page.getByRole('link', { name: /Taking the baton/ }).first();
      const installmentUrl = new URL((await link.getAttribute('href')) ?? '', server!.url).href;
      return { seriesId, installmentUrl };
    },
    async invite(page, seriesId, email, role) {
      const response = await page
        .context()
        .request.post(`${server!.url}/api/series/${seriesId}/members`, {
          headers: { origin: server!.url },
          data: { email, role },
        });
      return response.status();
    },
  };
  return suite;
}

/** The editor's text without the collaboration carets (their labels are DOM text too). */
export const textWithoutCarets = (editor: Locator) =>
  editor.evaluate((el) => {
    const copy = el.cloneNode(true) as HTMLElement;
    copy.querySelectorAll('.collaboration-carets__caret').forEach((caret) => caret.remove());
    return copy.innerText;
  });

/** Waits until this tab's edits are stored on the server (the status line says so). */
export const untilSaved = (page: Page) =>
  page.locator('[data-testid="status"][data-save="saved"]').waitFor();
