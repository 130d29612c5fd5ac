import { describe, expect, it } from 'vitest';
import { hasChromium } from '../support/browser.ts';
import { browserSuite, textWithoutCarets } from '../support/browserSuite.ts';
import { password } from '../support/http.ts';

const suite = browserSuite();
const { shot } = suite;

describe.skipIf(!hasChromium)('in the browser', () => {
  it('UI-1 a writer signs up, creates a series and an installment, and two windows co-edit live', async () => {
    const first = await suite.browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await first.newPage();
    await page.goto(`${suite.server.url}/sign-up`);
    await page.locator('input[name="name"]').fill('Ann Writer');
    await page.locator('input[name="email"]').fill('ann@example.com');
    await page.locator('input[name="password"]').fill(password);
    await shot(page, '01-sign-up');
    await page.getByRole('button', { name: 'Sign up' }).click();

    await page.getByRole('button', { name: 'Create series' }).waitFor();
    await shot(page, '02-series-list-empty');
    await page.locator('input[name="title"]').fill('The Relay');
    await page.getByRole('button', { name: 'Create series' }).click();
    await page.waitForURL(/\/series\//);
    await page.locator('input[name="title"]').last().fill('Taking the baton');
    await page.getByRole('button', { name: 'Add installment' }).click();
    await page
      .getByRole('link', { name: /Taking the baton/ })
      .first()
      .click();
    await page.waitForURL(/\/installments\//);
    const editor = page.locator('.ProseMirror');
    await editor.waitFor();

    // The same user in a second window (a second browser context sharing the session).
    const second = await suite.browser.newContext({
      viewport: { width: 1280, height: 800 },
      storageState: await first.storageState(),
    });
    const other = await second.newPage();
    await other.goto(page.url());
    const otherEditor = other.locator('.ProseMirror');
    await otherEditor.waitFor();
    await other.locator('[data-testid="status"][data-connection="live"]').waitFor();

    await editor.click();
    await page.keyboard.type('The night shift handed me the baton at 3 a.m.');
    await other.locator('.ProseMirror', { hasText: 'handed me the baton at 3 a.m.' }).waitFor();
    // The other window shows this writer's caret with their name.
    await other.locator('.collaboration-carets__label', { hasText: 'Ann Writer' }).waitFor();
    await page.locator('[data-testid="status"][data-save="saved"]').waitFor();

    await otherEditor.click();
    await other.keyboard.press('End');
    await other.keyboard.type(' I did not drop it.');
    await page.locator('.ProseMirror', { hasText: 'I did not drop it.' }).waitFor();
    // Compared without the caret labels, which sit in different places in each window.
    expect(await textWithoutCarets(editor)).toBe(await textWithoutCarets(otherEditor));
    await shot(page, '03-editor-writer');
    await shot(other, '04-editor-second-window');
    await first.close();
    await second.close();
  });
});
