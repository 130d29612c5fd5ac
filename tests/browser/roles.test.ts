import path from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  artifactsDir,
  hasChromium,
  launchBrowser,
  requireChromiumUnderCi,
} from '../support/browser.ts';
import { startTestServer, type TestServer } from '../support/testServer.ts';

requireChromiumUnderCi();

let server: TestServer;
let browser: Browser;
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

const shot = (page: Page, name: string) =>
  page.screenshot({ path: path.join(artifactsDir, `${name}.png`), fullPage: true });

async function newPage(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  contexts.push(context);
  return context.newPage();
}

async function signUp(page: Page, name: string, email: string): Promise<void> {
  await page.goto(`${server.url}/sign-up`);
  await page.locator('input[name="name"]').fill(name);
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="password"]').fill('correct horse battery');
  await page.getByRole('button', { name: 'Sign up' }).click();
  await page.getByRole('heading', { name: 'Your series' }).waitFor();
}

/** The editor's text without the collaboration carets (their labels are DOM text too). */
const textOf = (editor: Locator) =>
  editor.evaluate((el) => {
    const copy = el.cloneNode(true) as HTMLElement;
    copy.querySelectorAll('.collaboration-carets__caret').forEach((caret) => caret.remove());
    return copy.innerText.trim();
  });

describe.skipIf(!hasChromium)('roles in the browser', () => {
  it('ROLE-UI-1 an owner invites a viewer who sees live edits but cannot type, then promotes them to editor without a reload', async () => {
    // The owner: a series with one installment.
    const ownerSeries = await newPage();
    await signUp(ownerSeries, 'Olive Owner', 'olive@example.com');
    await ownerSeries.locator('input[name="title"]').fill('The Relay');
    await ownerSeries.getByRole('button', { name: 'Create series' }).click();
    await ownerSeries.waitForURL(/\/series\//);
    await ownerSeries.locator('input[name="title"]').last().fill('Taking the baton');
    await ownerSeries.getByRole('button', { name: 'Add installment' }).click();
    const installmentLink = ownerSeries.getByRole('link', { name: /Taking the baton/ }).first();
    const installmentUrl = new URL(
      (await installmentLink.getAttribute('href')) ?? '',
      server.url,
    ).toString();

    // The second person has an account of their own.
    const reader = await newPage();
    await signUp(reader, 'Rita Reader', 'rita@example.com');

    // The owner invites them as a viewer from the Share dialog.
    await ownerSeries.getByRole('button', { name: 'Share' }).click();
    const dialog = ownerSeries.getByRole('dialog', { name: /Share/ });
    await dialog.waitFor();
    await dialog.getByRole('textbox', { name: 'Email' }).fill('rita@example.com');
    await dialog.getByRole('combobox', { name: 'Role', exact: true }).selectOption('viewer');
    await dialog.getByRole('button', { name: 'Invite' }).click();
    const ritaRole = dialog.getByRole('combobox', { name: 'Role of Rita Reader' });
    await ritaRole.waitFor();
    expect(await ritaRole.inputValue()).toBe('viewer');
    await shot(ownerSeries, 'roles-01-share-dialog-viewer-invited');

    // The owner writes in a second tab; the viewer opens the installment.
    const ownerEditorPage = await ownerSeries.context().newPage();
    await ownerEditorPage.goto(installmentUrl);
    const ownerEditor = ownerEditorPage.locator('.ProseMirror');
    await ownerEditorPage.locator('[data-testid="status"][data-connection="live"]').waitFor();

    await reader.goto(installmentUrl);
    const readerEditor = reader.locator('.ProseMirror');
    await reader
      .locator('[data-testid="access-banner"]', { hasText: 'You can read this installment.' })
      .waitFor();
    await reader.locator('.ProseMirror[contenteditable="false"]').waitFor();
    await reader.locator('[data-testid="status"][data-connection="live"]').waitFor();
    expect(await reader.locator('.toolbar').count()).toBe(0);
    // Presence still shows the viewer, to themselves and to the owner.
    await ownerEditorPage.locator('.presence__person[data-name="Rita Reader"]').waitFor();

    await ownerEditor.click();
    await ownerEditorPage.keyboard.type('The night shift handed me the baton.');
    await reader.locator('.ProseMirror', { hasText: 'handed me the baton.' }).waitFor();

    // The viewer types: nothing happens in their editor, and nothing reaches the owner.
    await readerEditor.click();
    await reader.keyboard.press('End');
    await reader.keyboard.type(' The viewer wrote this.');
    // A marker from the owner that the viewer then receives: anything the viewer had sent
    // before it would have been processed by now.
    await ownerEditor.click();
    await ownerEditorPage.keyboard.press('End');
    await ownerEditorPage.keyboard.type(' Marker.');
    await reader.locator('.ProseMirror', { hasText: 'Marker.' }).waitFor();
    expect(await textOf(readerEditor)).not.toContain('The viewer wrote this.');
    expect(await textOf(ownerEditor)).toBe('The night shift handed me the baton. Marker.');
    expect(await textOf(readerEditor)).toBe(await textOf(ownerEditor));
    await shot(reader, 'roles-02-viewer-read-only');

    // Promotion to editor in the Share dialog takes effect on the open page, without a reload.
    await ritaRole.selectOption('editor');
    await reader.locator('.ProseMirror[contenteditable="true"]').waitFor();
    await reader.locator('[data-testid="access-banner"]').waitFor({ state: 'detached' });
    await reader.locator('[data-testid="my-role"][data-role="editor"]').waitFor();
    await reader.locator('[data-testid="status"][data-connection="live"]').waitFor();
    expect(await ritaRole.inputValue()).toBe('editor');

    await readerEditor.click();
    await reader.keyboard.press('End');
    await reader.keyboard.type(' Rita picked it up.');
    await ownerEditorPage.locator('.ProseMirror', { hasText: 'Rita picked it up.' }).waitFor();
    await reader.locator('[data-testid="status"][data-save="saved"]').waitFor();
    expect(await textOf(ownerEditor)).toBe(
      'The night shift handed me the baton. Marker. Rita picked it up.',
    );
    await shot(reader, 'roles-03-promoted-editor');
    await shot(ownerEditorPage, 'roles-04-owner-sees-edit');
  });
});
