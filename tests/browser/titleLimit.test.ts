import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { hasChromium } from '../support/browser.ts';
import { browserSuite } from '../support/browserSuite.ts';

const suite = browserSuite();
const { shot, signUp } = suite;

/** Pastes `text` into the focused field through the real clipboard (Control+V). */
async function paste(page: Page, text: string): Promise<void> {
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await page.keyboard.press('Control+V');
}

const longTitle = (n: number) => 'Letters from the night shift, '.repeat(20).slice(0, n);

describe.skipIf(!hasChromium)('titles over the limit', () => {
  it('API-9 a pasted title over the limit is kept whole, flagged with its length, and not saved until it fits', async () => {
    const context = await suite.newContext();
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: suite.server.url,
    });
    const page = await context.newPage();
    await signUp(page, 'Tess Title', 'tess@example.com');

    const input = page.getByRole('textbox', { name: 'New series' });
    await input.click();
    await paste(page, longTitle(250));
    // Nothing was cut: the whole paste is in the field, and the field says why it cannot be saved.
    expect(await input.inputValue()).toBe(longTitle(250));
    const error = page.getByText('Title is 250 characters; the limit is 200.');
    await error.waitFor();
    expect(await input.getAttribute('aria-invalid')).toBe('true');
    await shot(page, 'title-limit-01-pasted');
    await page.getByRole('button', { name: 'Create series' }).click();
    expect(await input.inputValue()).toBe(longTitle(250));
    await error.waitFor();

    // Shortened to the limit, the message goes and the series is created with the whole title.
    await input.fill(longTitle(200).trim());
    await error.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Create series' }).click();
    await page.waitForURL(/\/series\//);
    const list = (await (await page.request.get(`${suite.server.url}/api/series`)).json()) as {
      title: string;
    }[];
    expect(list.map((s) => s.title)).toEqual([longTitle(200).trim()]);

    // Renaming works the same way: the pasted title stays whole and Save does not send it.
    await page
      .getByRole('button', { name: /^Rename/ })
      .first()
      .click();
    const rename = page.getByRole('textbox', { name: 'Series title' });
    await rename.press('Control+A');
    await paste(page, longTitle(201));
    expect(await rename.inputValue()).toBe(longTitle(201));
    await page.getByText('Title is 201 characters; the limit is 200.').waitFor();
    await page.getByRole('button', { name: 'Save' }).click();
    expect(await rename.inputValue()).toBe(longTitle(201));
    await shot(page, 'title-limit-02-rename');
  });
});
