/**
 * Offline drafting against a server that is really gone: the test stops it
 * (same port, same data directory on restart), so every request, page loads
 * included, fails the way it does when the network is cut.
 */
import path from 'node:path';
import { rmSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifactsDir, hasChromium, launchBrowser } from '../support/browser.ts';
import { untilSaved } from '../support/browserSuite.ts';
import { browserApi } from '../support/browserApi.ts';
import { makeDataDir, startTestServer, type TestServer } from '../support/testServer.ts';

const online = 'The night shift handed me the baton at three in the morning.';
const offline = 'I wrote this while the server was gone, and closed the tab.';

const dataDir = makeDataDir();
let server: TestServer;
let port: number;
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  if (!hasChromium) return;
  server = await startTestServer({ dataDir });
  port = Number(new URL(server.url).port);
  browser = await launchBrowser();
});

afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await server?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const url = (p: string) => `${server.url}${p}`;
const shot = (page: Page, name: string) =>
  page.screenshot({ path: path.join(artifactsDir, `${name}.png`), fullPage: true });
const paragraphs = (page: Page) =>
  page.locator('.ProseMirror p').evaluateAll((ps) => ps.map((p) => p.textContent ?? ''));
const status = (page: Page) => page.locator('[data-testid="status"]');

async function newContext(): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  contexts.push(context);
  return context;
}

/** The API as the account signed in to `context` (through its cookies). */
const apiOf = (context: BrowserContext) => browserApi(context.request, server.url);

/** Signs `name` up in `context`, at an address made of the name ("Bea Editor": beaeditor@…). */
const signUp = (context: BrowserContext, name: string) =>
  apiOf(context).signUp(name, `${name.toLowerCase().replace(/\W+/g, '')}@example.com`);

/** Waits until the service worker controls `page` (installed and activated). */
async function untilServiceWorkerControls(page: Page): Promise<void> {
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

/** The draft databases of this origin (`indexedDB.databases()` in the page). */
const draftDatabases = (page: Page) =>
  page.evaluate(async () =>
    (await indexedDB.databases()).map((db) => db.name ?? '').filter((n) => n.startsWith('baton:')),
  );

/**
 * Whether the database `name` exists, asked by opening it: unlike the list of
 * databases, an open waits for any deletion in progress. A database the open
 * had to create is deleted again.
 */
const databaseExists = (page: Page, name: string) =>
  page.evaluate(
    (name) =>
      new Promise<boolean>((resolve, reject) => {
        let created = false;
        const open = indexedDB.open(name);
        open.onupgradeneeded = (event) => {
          created = event.oldVersion === 0;
        };
        open.onerror = () => reject(open.error ?? new Error(`Could not open ${name}`));
        open.onsuccess = () => {
          open.result.close();
          if (!created) return resolve(true);
          const removal = indexedDB.deleteDatabase(name);
          removal.onsuccess = () => resolve(false);
          removal.onerror = () => reject(removal.error ?? new Error(`Could not delete ${name}`));
        };
      }),
    name,
  );

/** Every answer in the service worker's API cache, as "url body". */
const cachedAnswers = (page: Page) =>
  page.evaluate(async () => {
    if (!(await caches.has('baton-api-v1'))) return [];
    const cache = await caches.open('baton-api-v1');
    const answers: string[] = [];
    for (const request of await cache.keys()) {
      answers.push(`${request.url} ${await (await cache.match(request))?.text()}`);
    }
    return answers;
  });

/**
 * The unconfirmed-changes count the device copy holds, read in a transaction
 * that also covers the stored updates: IndexedDB runs it after every write
 * already queued on them, so the typed text is on disk once it answers.
 */
const keptUnsavedCount = (page: Page, name: string) =>
  page.evaluate(
    (dbName) =>
      new Promise<unknown>((resolve, reject) => {
        const open = indexedDB.open(dbName);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const read = db.transaction(['custom', 'updates'], 'readonly');
          const request = read.objectStore('custom').get('unsavedChanges');
          read.oncomplete = () => {
            db.close();
            resolve(request.result);
          };
        };
      }),
    name,
  );

describe.skipIf(!hasChromium)('offline drafts in the browser', () => {
  it('OFF-1 OFF-2 a writer keeps writing with the server down, closes the tab, reopens it offline, and every word reaches a co-writer when the server returns', async () => {
    const ann = await newContext();
    const annUser = await signUp(ann, 'Ann Writer');
    const { seriesId, installmentId } = await apiOf(ann).seriesWithInstallment();
    const bea = await newContext();
    await signUp(bea, 'Bea Editor');
    await apiOf(ann).addMember(seriesId, 'beaeditor@example.com', 'editor');
    const installmentPath = `/installments/${installmentId}`;
    const draftName = `baton:${annUser.id}:${installmentId}`;

    // A first visit installs the service worker; the visit it controls keeps what an offline visit needs.
    let page = await ann.newPage();
    await page.goto(url('/'));
    await untilServiceWorkerControls(page);
    await page.goto(url(installmentPath));
    await status(page).and(page.locator('[data-connection="live"]')).waitFor();
    await page.locator('.ProseMirror').click();
    await page.keyboard.type(online);
    await untilSaved(page);

    const other = await bea.newPage();
    await other.goto(url(installmentPath));
    await other.locator('.ProseMirror', { hasText: online }).waitFor();

    // The server goes away. Ann keeps writing.
    await server.close();
    await status(page).and(page.locator('[data-connection="offline"]')).waitFor();
    await page.locator('.ProseMirror').click();
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Enter');
    await page.keyboard.type(offline);
    const offlineStatus = status(page).and(page.locator('[data-save="unsaved"]'));
    await offlineStatus.waitFor();
    const unsaved = Number(await offlineStatus.getAttribute('data-unsaved'));
    // One change per keystroke (Enter and each character), none confirmed.
    expect(unsaved).toBeGreaterThanOrEqual(offline.length);
    expect(await status(page).locator('.status__connection').textContent()).toBe('Offline');
    expect(await status(page).locator('.status__sep').textContent()).toBe('—');
    expect(await status(page).locator('.status__save').textContent()).toBe(
      `${unsaved} changes not yet saved`,
    );
    await shot(page, 'offline-01-server-down');
    // Written in the same turn as the status changed (localDraft.ts), so already on disk here.
    expect(await keptUnsavedCount(page, draftName)).toBe(unsaved);

    // Leaving warns: those changes are not on the server.
    const warned = new Promise<string>((resolve) =>
      page.once('dialog', (dialog) => {
        resolve(dialog.type());
        void dialog.dismiss();
      }),
    );
    await page.close({ runBeforeUnload: true });
    expect(await warned).toBe('beforeunload');
    expect(page.isClosed()).toBe(false);
    await page.close();

    // Reopened with the server still down: the app, the installment and the draft come from this device.
    page = await ann.newPage();
    await page.goto(url(installmentPath));
    await page.locator('.ProseMirror', { hasText: offline }).waitFor();
    expect(await paragraphs(page)).toEqual([online, offline]);
    await page.getByRole('heading', { name: 'Taking the baton' }).waitFor();
    const reopened = status(page).and(page.locator('[data-save="unsaved"]'));
    await reopened.and(page.locator('[data-connection="offline"]')).waitFor();
    expect(Number(await reopened.getAttribute('data-unsaved'))).toBe(unsaved);
    expect(await keptUnsavedCount(page, draftName)).toBe(unsaved);
    await shot(page, 'offline-02-reopened-offline');

    // The server returns on the same port: the draft is saved and reaches Bea.
    server = await startTestServer({ dataDir, port });
    await status(page).and(page.locator('[data-connection="live"]')).waitFor();
    await untilSaved(page);
    expect(await status(page).getAttribute('data-unsaved')).toBe('0');
    expect(await keptUnsavedCount(page, draftName)).toBe(0);
    await other.locator('.ProseMirror', { hasText: offline }).waitFor();
    expect(await paragraphs(other)).toEqual([online, offline]);
    await shot(page, 'offline-03-saved-after-restart');
  });

  it('OFF-3 signing out deletes the account’s drafts and cached answers on this device, and no other account’s', async () => {
    const cal = await newContext();
    const calUser = await signUp(cal, 'Cal Writer');
    const { installmentId } = await apiOf(cal).seriesWithInstallment({
      title: 'Night Notes',
      installment: { title: 'First watch' },
    });
    const page = await cal.newPage();
    await page.goto(url('/'));
    await untilServiceWorkerControls(page);
    await page.goto(url(`/installments/${installmentId}`));
    await status(page).and(page.locator('[data-connection="live"]')).waitFor();
    await page.locator('.ProseMirror').click();
    await page.keyboard.type('Kept on this device until I sign out.');
    await untilSaved(page);
    // Another account's draft in the same browser must survive Cal's sign-out.
    const othersDraft = 'baton:someone-else:some-installment';
    await page.evaluate(
      (name) =>
        new Promise<void>((resolve) => {
          const open = indexedDB.open(name);
          open.onsuccess = () => {
            open.result.close();
            resolve();
          };
        }),
      othersDraft,
    );
    expect(await draftDatabases(page)).toEqual(
      expect.arrayContaining([`baton:${calUser.id}:${installmentId}`, othersDraft]),
    );
    expect(await cachedAnswers(page)).toEqual(
      expect.arrayContaining([expect.stringContaining(installmentId)]),
    );

    await page.getByRole('button', { name: /account menu/ }).click();
    await page.getByRole('button', { name: 'Sign out' }).click();
    // Cleared before the app leaves the page (UserMenu).
    await page.waitForURL(/\/sign-in$/);
    expect(await databaseExists(page, `baton:${calUser.id}:${installmentId}`)).toBe(false);
    // Chromium's list of databases can still name a deleted one for a moment.
    await expect.poll(() => draftDatabases(page)).toEqual([othersDraft]);
    // The cache was emptied before the drafts went (forgetAccount.ts); the session re-read after
    // signing out may be back in it, but nothing of Cal's.
    for (const answer of await cachedAnswers(page)) {
      expect(answer).not.toContain(calUser.id);
      expect(answer).not.toContain(installmentId);
    }
    expect(await page.evaluate(() => localStorage.getItem('baton:lastUser'))).toBeNull();
    expect(
      await page.evaluate((id) => localStorage.getItem(`baton:drafts:${id}`), calUser.id),
    ).toBeNull();
  });

  it('OFF-4 the service worker script is served fresh, with the build’s files to keep', async () => {
    const response = await (await newContext()).request.get(url('/sw.js'));
    expect(response.status()).toBe(200);
    expect(response.headers()['cache-control']).toBe('no-cache');
    expect(response.headers()['content-type']).toMatch(/javascript/);
    expect(await response.text()).toMatch(/\/assets\/EditorPage-[\w-]+\.js/);
  });

  it('OFF-5 a session check that cannot reach the server keeps the last account seen, not a sign-out', async () => {
    // Without the service worker, so the page itself meets the network error.
    const context = await browser.newContext({
      viewport: { width: 1280, height: 800 },
      serviceWorkers: 'block',
    });
    contexts.push(context);
    await signUp(context, 'Dee Writer');
    const { installmentId } = await apiOf(context).seriesWithInstallment({
      title: 'Day Notes',
      installment: { title: 'Morning' },
    });
    const page = await context.newPage();
    await page.goto(url(`/installments/${installmentId}`));
    await status(page).and(page.locator('[data-connection="live"]')).waitFor();

    await context.route('**/api/auth/get-session**', (route) =>
      route.abort('internetdisconnected'),
    );
    await page.reload();
    await page.getByRole('heading', { name: 'Morning' }).waitFor();
    await status(page).and(page.locator('[data-connection="live"]')).waitFor();
    expect(page.url()).toBe(url(`/installments/${installmentId}`));
    expect(await page.getByRole('button', { name: /account menu/ }).textContent()).toContain(
      'Dee Writer',
    );
  });
});
