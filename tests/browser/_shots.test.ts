// TEMPORARY: screenshots for review; deleted after use.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, it } from 'vitest';
import { launchBrowser } from '../support/browser.ts';
import { startTestServer, type TestServer } from '../support/testServer.ts';

let server: TestServer;
let browser: Browser;
beforeAll(async () => {
  server = await startTestServer();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

const dir = '/tmp/baton-shots';
const sizes = { desktop: { width: 1280, height: 800 }, mobile: { width: 390, height: 844 } };

async function setContent(page: Page, html: string) {
  await page.evaluate((h) => {
    const dom = document.querySelector('.ProseMirror') as HTMLElement & { editor: { commands: { setContent: (h: string) => void } } };
    dom.editor.commands.setContent(h);
  }, html);
  await page.locator('[data-testid="status"][data-save="saved"]').waitFor();
}

async function publish(page: Page, note: string) {
  await page.locator('.publish-bar').getByRole('button', { name: 'Publish', exact: true }).click();
  const dialog = page.getByRole('dialog');
  await dialog.locator('.publish-checks').waitFor();
  await dialog.getByRole('textbox').fill(note);
  await dialog.getByRole('button', { name: /Publish version/ }).click();
  await dialog.getByText(/Published version/).waitFor();
  await dialog.getByRole('button', { name: 'Done' }).click();
}

const p = (s: string) => `<p>${s}</p>`;
const A = 'The night shift handed me the baton at three in the morning, without a word.';
const B = 'I carried it down the empty corridor and set it on the desk by the window.';
const C = 'Outside, the city was rehearsing its own relay: buses handing passengers to trains, trains to the dark.';
const D = 'Nobody had told me what the baton was for, and I had the sense not to ask.';
const E = 'By dawn it was somebody else’s problem, and I walked home through the rain.';
const F = 'There is a kind of trust that only exists between strangers on the same shift.';

it('shots', async () => {
  const ctx: BrowserContext = await browser.newContext({ viewport: sizes.desktop });
  const page = await ctx.newPage();
  await page.goto(`${server.url}/sign-up`);
  await page.locator('input[name="name"]').fill('Olive Owner');
  await page.locator('input[name="email"]').fill('olive@example.com');
  await page.locator('input[name="password"]').fill('correct horse battery');
  await page.getByRole('button', { name: 'Sign up' }).click();
  await page.getByRole('heading', { name: 'Your series' }).waitFor();
  await page.locator('input[name="title"]').fill('The Relay');
  await page.getByRole('button', { name: 'Create series' }).click();
  await page.waitForURL(/\/series\//);
  const seriesUrl = page.url();
  await page.locator('input[name="title"]').last().fill('Taking the baton');
  await page.getByRole('button', { name: 'Add installment' }).click();
  await page.getByRole('link', { name: /Taking the baton/ }).first().click();
  await page.waitForURL(/\/installments\//);
  const url = page.url();
  await page.locator('[data-testid="status"][data-connection="live"]').waitFor();
  await page.screenshot({ path: `${dir}/publish-editor-empty-desktop.png` });
  await setContent(page, [A, B, C, D, E, F].map(p).join(''));
  await publish(page, 'First version.');
  await setContent(page, [A, B, D, C, F, A].map(p).join('').replace('without a word', 'without a single word'));
  await publish(page, 'Moved the city paragraph; a new ending.');
  await setContent(page, [A, C, p('Short.')].map((x) => (x.startsWith('<') ? x : p(x))).join('') + p(A) + p(A.replace('three', 'four')));
  await publish(page, '');

  for (const [name, viewport] of Object.entries(sizes)) {
    const c = await browser.newContext({ viewport, storageState: await ctx.storageState(), ...(name === 'mobile' && { isMobile: true, hasTouch: true }) });
    const pg = await c.newPage();
    await pg.goto(url);
    await pg.locator('[data-testid="status"][data-connection="live"]').waitFor();
    await pg.getByText('Version 3 published').waitFor();
    await pg.screenshot({ path: `${dir}/publish-editor-bar-${name}.png` });
    await pg.locator('.publish-bar').getByRole('button', { name: 'Publish', exact: true }).click();
    const dialog = pg.getByRole('dialog');
    await dialog.locator('.publish-checks').waitFor();
    await pg.screenshot({ path: `${dir}/publish-dialog-${name}.png` });
    await pg.keyboard.press('Escape');
    await pg.getByRole('button', { name: /^Versions/ }).click();
    await dialog.locator('.version-row').first().waitFor();
    await pg.screenshot({ path: `${dir}/publish-versions-${name}.png` });
    await dialog.getByRole('button', { name: 'Restore version 1' }).click();
    await pg.screenshot({ path: `${dir}/publish-versions-confirm-${name}.png` });
    await pg.keyboard.press('Escape');
    await dialog.getByRole('button', { name: 'Version 1', exact: true }).click();
    await dialog.locator('.version-html').waitFor();
    await pg.screenshot({ path: `${dir}/publish-version-view-${name}.png` });
    await dialog.getByRole('button', { name: '← All versions' }).click();
    await dialog.getByRole('button', { name: 'Changes in version 2' }).click();
    await dialog.locator('.diff').waitFor();
    await pg.screenshot({ path: `${dir}/publish-diff-${name}.png` });
    await dialog.getByRole('combobox', { name: 'From' }).selectOption('1');
    await dialog.getByRole('combobox', { name: 'To' }).selectOption('3');
    await dialog.locator('.version-diff__summary', { hasText: 'removed' }).waitFor();
    await pg.screenshot({ path: `${dir}/publish-diff-1-3-${name}.png`, fullPage: true });
    await pg.keyboard.press('Escape');
    await pg.goto(seriesUrl);
    await pg.getByRole('button', { name: 'Import a file…' }).waitFor();
    await pg.locator('input[type="file"]').setInputFiles({ name: 'part-two.md', mimeType: 'text/markdown', buffer: Buffer.from('# Part two\n\nHello.') });
    await pg.getByText('Markdown ·').waitFor();
    await pg.screenshot({ path: `${dir}/publish-import-${name}.png`, fullPage: true });
    await c.close();
  }
  // The publish dialog right after publishing, and the unchanged case.
  await page.goto(url);
  await page.locator('.publish-bar').getByRole('button', { name: 'Publish', exact: true }).click();
  await page.getByRole('dialog').locator('.publish-checks').waitFor();
  await page.screenshot({ path: `${dir}/publish-dialog-unchanged-desktop.png` });
  await page.getByRole('dialog').getByRole('button', { name: 'Publish' , exact: true}).click();
  await page.getByRole('dialog').getByText('Nothing changed').first().waitFor();
  await page.screenshot({ path: `${dir}/publish-dialog-done-unchanged-desktop.png` });
  await ctx.close();
});
