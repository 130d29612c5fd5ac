import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { hasChromium } from '../support/browser.ts';
import { browserSuite, untilSaved } from '../support/browserSuite.ts';

const suite = browserSuite();
const { shot, signUp } = suite;

async function createSeries(page: Page, title: string): Promise<void> {
  await page.locator('input[name="title"]').fill(title);
  await page.getByRole('button', { name: 'Create series' }).click();
  await page.waitForURL(/\/series\//);
}

async function addInstallment(page: Page, title: string): Promise<void> {
  await page.locator('input[name="title"]').last().fill(title);
  await page.getByRole('button', { name: 'Add installment' }).click();
  await page.getByRole('link', { name: new RegExp(title) }).waitFor();
}

/** The part numbers of the series page's list, top to bottom. */
const listedParts = (page: Page) =>
  page
    .locator('.installments .installment__number')
    .evaluateAll((spans) => spans.map((s) => Number(s.textContent)));

const draftState = (page: Page, scope = '.publish-bar') =>
  page.locator(`${scope} [data-testid="draft-state"]`);

describe.skipIf(!hasChromium)('installment actions in the browser', () => {
  it('INST-UI-1 an owner reorders parts with buttons and Alt+↑, and deletes one while it is open elsewhere', async () => {
    const page = await suite.newPage();
    await signUp(page, 'Olive Owner', 'olive-actions@example.com');
    await createSeries(page, 'Three Shifts');
    for (const title of ['Dawn', 'Noon', 'Dusk']) await addInstallment(page, title);
    expect(await listedParts(page)).toEqual([1, 2, 3]);
    expect(
      await page.locator('.installments [data-testid="draft-state"]').allTextContents(),
    ).toEqual(['Never published', 'Never published', 'Never published']);

    // A button, then the keyboard on the focused row.
    await page.getByRole('button', { name: 'Move Part 3 up' }).click();
    await page.waitForFunction(
      () => document.querySelectorAll('.installment__number')[1]?.textContent === '3',
    );
    expect(await listedParts(page)).toEqual([1, 3, 2]);
    await page.getByRole('link', { name: /Dusk/ }).focus();
    await page.keyboard.press('Alt+ArrowUp');
    await page.waitForFunction(
      () => document.querySelectorAll('.installment__number')[0]?.textContent === '3',
    );
    // The focus stays with the part that moved, so it can move again.
    expect(
      await page.evaluate(() => document.activeElement?.closest('li')?.textContent ?? ''),
    ).toContain('Dusk');
    await shot(page, 'actions-01-reordered');
    await page.reload();
    await page.getByRole('link', { name: /Dusk/ }).waitFor();
    expect(await listedParts(page)).toEqual([3, 1, 2]);

    // Part 2 is open in another tab while the owner deletes it.
    const noonHref = (await page.getByRole('link', { name: /Noon/ }).getAttribute('href'))!;
    const editorTab = await page.context().newPage();
    await editorTab.goto(`${suite.server.url}${noonHref}`);
    await editorTab.locator('[data-testid="status"][data-connection="live"]').waitFor();

    await page.getByRole('button', { name: 'Delete Part 2' }).click();
    await page.getByText('Delete Part 2 for everyone?').waitFor();
    await shot(page, 'actions-02-delete-confirm');
    await page.getByRole('button', { name: 'Yes, delete' }).click();
    await page.getByRole('link', { name: /Noon/ }).waitFor({ state: 'detached' });
    expect(await listedParts(page)).toEqual([3, 1]);
    await editorTab
      .locator('[data-testid="access-banner"]', { hasText: 'This installment was deleted.' })
      .waitFor();
    await editorTab.locator('.ProseMirror[contenteditable="false"]').waitFor();
    await shot(editorTab, 'actions-03-deleted-while-open');

    // Its number is not given out again.
    await page.getByRole('textbox', { name: 'New installment (Part 4)' }).waitFor();
  });

  it('PUB-UI-3 the draft marker follows typing and publishing; a withdrawn version is marked and gone for readers', async () => {
    const page = await suite.newPage();
    await signUp(page, 'Wren Writer', 'wren-actions@example.com');
    await createSeries(page, 'The Harbour');
    await addInstallment(page, 'Low Tide');
    await page.getByRole('link', { name: /Low Tide/ }).click();
    await page.waitForURL(/\/installments\//);
    await page.locator('[data-testid="status"][data-connection="live"]').waitFor();
    await draftState(page).filter({ hasText: 'Never published' }).waitFor();

    const editor = page.locator('.ProseMirror');
    const publish = async (k: number) => {
      await page.keyboard.press('Control+Shift+P');
      const dialog = page.getByRole('dialog', { name: 'Publish Part 1' });
      await dialog.locator('.publish-checks').waitFor();
      await dialog.getByRole('button', { name: `Publish version ${k}` }).click();
      await dialog.getByText(`Published version ${k}`).waitFor();
      await dialog.getByRole('button', { name: 'Done' }).click();
      await dialog.waitFor({ state: 'detached' });
    };

    await editor.click();
    await page.keyboard.type('The boats sat on the mud, **waiting** for the water.');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Nobody hurried.');
    await untilSaved(page);
    await publish(1);
    // Hashed in the browser, equal to the server's hash of the same text.
    await draftState(page)
      .filter({ hasText: /^Published$/ })
      .waitFor();

    await editor.click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type(' Then the tide came in.');
    await draftState(page).filter({ hasText: 'Unpublished changes' }).waitFor();
    await shot(page, 'actions-04-unpublished-changes');
    await untilSaved(page);
    await publish(2);
    await draftState(page)
      .filter({ hasText: /^Published$/ })
      .waitFor();

    // Withdraw version 2 from the versions panel.
    await page.getByRole('button', { name: 'Versions (2)' }).click();
    const panel = page.getByRole('dialog', { name: 'Versions of Part 1' });
    await panel.getByRole('button', { name: 'Withdraw version 2' }).click();
    await panel.getByText('Withdraw version 2 from readers?').waitFor();
    await panel.getByRole('button', { name: 'Yes, withdraw' }).click();
    await panel.getByText('Version 2 was withdrawn').waitFor();
    const rows = panel.locator('.version-row');
    await rows.first().getByText('Withdrawn', { exact: true }).waitFor();
    expect(await rows.nth(1).getByText('Latest').count()).toBe(1);
    expect(await panel.getByRole('button', { name: 'Withdraw version 2' }).count()).toBe(0);
    await shot(page, 'actions-05-withdrawn-in-panel');
    await page.keyboard.press('Escape');
    await panel.waitFor({ state: 'detached' });
    // The draft still holds version 2's text, which readers no longer see.
    await draftState(page).filter({ hasText: 'Unpublished changes' }).waitFor();
    await page.locator('.publish-bar').getByText('Version 1 published').waitFor();

    // Readers get version 1, and a 410 page with a way back for version 2.
    const publicPath = await page
      .locator('.publish-bar')
      .getByRole('link', { name: /Public page/ })
      .getAttribute('href');
    const reader = await suite.newPage();
    await reader.goto(`${suite.server.url}${publicPath}`);
    await reader.getByText('Nobody hurried.').waitFor();
    expect(await reader.getByText('Then the tide came in.').count()).toBe(0);
    const gone = await reader.goto(`${suite.server.url}${publicPath}/v/2`);
    expect(gone?.status()).toBe(410);
    await reader.getByRole('heading', { name: 'Version 2 of part 1 was withdrawn' }).waitFor();
    await shot(reader, 'actions-06-reader-410');
    await reader.getByRole('link', { name: 'Back to The Harbour' }).click();
    await reader.getByRole('heading', { name: 'The Harbour' }).waitFor();

    // The series page says the same.
    await page.getByRole('link', { name: '← The Harbour' }).click();
    await draftState(page, '.installments').filter({ hasText: 'Unpublished changes' }).waitFor();
    await shot(page, 'actions-07-series-draft-state');
  });
});
