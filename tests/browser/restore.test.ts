import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { hasChromium } from '../support/browser.ts';
import { browserApi } from '../support/browserApi.ts';
import { browserSuite, untilSaved } from '../support/browserSuite.ts';

const suite = browserSuite();
const { shot, signUp } = suite;

const opening = 'The night shift handed me the baton at three in the morning.';
const middle = 'I carried it down the empty corridor to the desk by the window.';
const closing = 'Nobody asked me why, and I did not say.';
const draftOnly = 'By dawn the baton was somebody else’s problem.';

/** The API as the account signed in to `page` (through its cookies). */
const apiOf = (page: Page) => browserApi(page.request, suite.server.url);

const paragraphs = (page: Page) =>
  page.locator('.ProseMirror p').evaluateAll((ps) => ps.map((p) => p.textContent ?? ''));

/** Olive's series with one installment, open in her editor, three paragraphs published as version 1. */
async function publishedInstallment(page: Page, email: string) {
  await signUp(page, 'Olive Owner', email);
  const { seriesId, installmentId } = await apiOf(page).seriesWithInstallment();
  await page.goto(`${suite.server.url}/installments/${installmentId}`);
  await page.locator('[data-testid="status"][data-connection="live"]').waitFor();
  await page.locator('.ProseMirror').click();
  for (const [i, text] of [opening, middle, closing].entries()) {
    if (i > 0) await page.keyboard.press('Enter');
    await page.keyboard.type(text);
  }
  await untilSaved(page);
  await apiOf(page).post(`/api/installments/${installmentId}/publish`, { note: 'First.' });
  return { seriesId, installmentId };
}

/** Restores version 1 from the versions panel and closes it. */
async function restoreVersionOne(page: Page) {
  await page.getByRole('button', { name: /^Versions/ }).click();
  const panel = page.getByRole('dialog', { name: 'Versions of Part 1' });
  await panel.getByRole('button', { name: 'Restore version 1' }).click();
  await panel.getByRole('button', { name: 'Yes, restore' }).click();
  await panel.getByText('Version 1 was restored into the draft.').waitFor();
  await page.keyboard.press('Escape');
  await panel.waitFor({ state: 'detached' });
}

describe.skipIf(!hasChromium)('restoring a version in the browser', () => {
  it('RESTORE-1 undo right after a restore takes back the restore and nothing else; redo puts it back', async () => {
    const page = await suite.newPage();
    await publishedInstallment(page, 'olive-undo@example.com');
    // The draft moves on: the middle paragraph goes, a new one arrives.
    const editor = page.locator('.ProseMirror');
    await editor.locator('p', { hasText: closing }).click();
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await page.keyboard.type(draftOnly);
    await editor.locator('p', { hasText: middle }).click();
    await page.keyboard.press('End');
    await page.keyboard.press('Shift+Home');
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Backspace');
    await untilSaved(page);
    const before = [opening, closing, draftOnly];
    expect(await paragraphs(page)).toEqual(before);

    await restoreVersionOne(page);
    await page.waitForFunction((n) => document.querySelectorAll('.ProseMirror p').length === n, 3);
    expect(await paragraphs(page)).toEqual([opening, middle, closing]);

    await editor.locator('p').first().click();
    await page.keyboard.press('Control+z');
    await page.waitForFunction(
      (last) => document.querySelector('.ProseMirror p:last-child')?.textContent === last,
      draftOnly,
    );
    expect(await paragraphs(page)).toEqual(before);
    await untilSaved(page);

    await page.keyboard.press('Control+Shift+z');
    await page.waitForFunction((n) => document.querySelectorAll('.ProseMirror p').length === n, 3);
    expect(await paragraphs(page)).toEqual([opening, middle, closing]);
    await untilSaved(page);
    // What the server stored is what the tab shows.
    await page.reload();
    await page.locator('[data-testid="status"][data-connection="live"]').waitFor();
    await page.locator('.ProseMirror p', { hasText: middle }).waitFor();
    expect(await paragraphs(page)).toEqual([opening, middle, closing]);
  });

  it('RESTORE-2 a co-writer is told which of their words a restore removed, and their undo cannot replay old edits', async () => {
    const olive = await suite.newPage();
    const { seriesId, installmentId } = await publishedInstallment(
      olive,
      'olive-cowriter@example.com',
    );
    const bea = await suite.newPage();
    await signUp(bea, 'Bea Editor', 'bea-cowriter@example.com');
    await apiOf(olive).addMember(seriesId, 'bea-cowriter@example.com', 'editor');
    await bea.goto(`${suite.server.url}/installments/${installmentId}`);
    await bea.locator('[data-testid="status"][data-connection="live"]').waitFor();
    await bea.locator('.ProseMirror p', { hasText: closing }).click();
    await bea.keyboard.press('End');
    await bea.keyboard.press('Enter');
    await bea.keyboard.type(draftOnly);
    await untilSaved(bea);
    await olive.locator('.ProseMirror p', { hasText: draftOnly }).waitFor();

    await restoreVersionOne(olive);
    const notice = bea.getByRole('alert', { name: 'Your words removed by a restore' });
    await notice.waitFor();
    expect(await notice.getByTestId('removed-words').textContent()).toBe(draftOnly);
    await notice.getByText('Olive Owner restored version 1').waitFor();
    await shot(bea, 'restore-01-removed-words');
    expect(await paragraphs(bea)).toEqual([opening, middle, closing]);

    // Bea's undo history ended at the restore: Mod-Z does not bring her paragraph back on top.
    await bea.locator('.ProseMirror p').first().click();
    await bea.keyboard.press('Control+z');
    await untilSaved(bea);
    expect(await paragraphs(bea)).toEqual([opening, middle, closing]);

    await notice.getByRole('button', { name: 'Dismiss' }).click();
    await notice.waitFor({ state: 'detached' });
  });
});
