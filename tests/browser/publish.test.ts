import { limits } from '@baton/shared/limits.ts';
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

const first = 'The night shift handed me the baton at three in the morning, without a word.';
const second = 'I carried it down the empty corridor and set it on the desk by the window.';

describe.skipIf(!hasChromium)('publishing in the browser', () => {
  it('PUB-UI-1 an owner publishes from the editor, a signed-out reader sees it, and the versions panel diffs two versions', async () => {
    const page = await (await suite.newContext()).newPage();
    await signUp(page, 'Olive Owner', 'olive@example.com');
    await createSeries(page, 'The Relay');
    await page.locator('input[name="title"]').last().fill('Taking the baton');
    await page.getByRole('button', { name: 'Add installment' }).click();
    await page
      .getByRole('link', { name: /Taking the baton/ })
      .first()
      .click();
    await page.waitForURL(/\/installments\//);
    const editor = page.locator('.ProseMirror');
    await page.locator('[data-testid="status"][data-connection="live"]').waitFor();
    await page
      .locator('.publish-bar [data-testid="draft-state"]', { hasText: 'Never published' })
      .waitFor();

    // Two paragraphs, the first one written twice: the checks report exactly that repeat.
    await editor.click();
    await page.keyboard.type(first);
    await page.keyboard.press('Enter');
    await page.keyboard.type(second);
    await page.keyboard.press('Enter');
    await page.keyboard.type(first);
    await untilSaved(page);

    // Mod-Shift-P opens the dialog (Control on Linux).
    await page.keyboard.press('Control+Shift+P');
    const dialog = page.getByRole('dialog', { name: 'Publish Part 1' });
    await dialog.getByText('repeats paragraph').waitFor();
    expect(await dialog.getByRole('button', { name: 'Go to paragraph 1' }).count()).toBe(1);
    // A finding points into the text: the dialog closes and paragraph 3 is selected.
    await dialog.getByRole('button', { name: 'Go to paragraph 3' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.waitForFunction((text) => window.getSelection()?.toString() === text, first);
    expect(
      await editor
        .locator('p')
        .nth(2)
        .evaluate((p) => p.contains(window.getSelection()?.anchorNode ?? null)),
    ).toBe(true);
    await page.keyboard.press('Control+Shift+P');
    await dialog.getByText('repeats paragraph').waitFor();
    await dialog.getByRole('textbox', { name: /What changed/ }).fill('First version.');
    await shot(page, 'publish-01-dialog');
    await dialog.getByRole('button', { name: 'Publish version 1' }).click();
    await dialog.getByText('Published version 1').waitFor();
    await dialog.getByRole('button', { name: 'Done' }).click();
    await dialog.waitFor({ state: 'detached' });

    // The public page of the installment, read in a browser that never signed in.
    const publicLink = page.locator('.publish-bar').getByRole('link', { name: /Public page/ });
    const publicPath = (await publicLink.getAttribute('href')) ?? '';
    expect(publicPath).toMatch(/^\/read\/[a-z0-9-]+\/1$/);
    const reader = await (await suite.newContext()).newPage();
    await reader.goto(`${suite.server.url}${publicPath}`);
    await reader.getByText(second).waitFor();
    expect(await reader.getByText(first).count()).toBe(2);
    await shot(reader, 'publish-02-reader-page');

    // Back in the editor: one more sentence and a new paragraph, published as version 2.
    await editor.click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type(' Nobody asked why.');
    await page.keyboard.press('Enter');
    await page.keyboard.type('By dawn the baton was somebody else’s problem.');
    await untilSaved(page);
    await page
      .locator('.publish-bar')
      .getByRole('button', { name: 'Publish', exact: true })
      .click();
    await dialog.locator('.publish-checks').waitFor();
    await dialog.getByRole('textbox', { name: /What changed/ }).fill('A new ending.');
    await dialog.getByRole('button', { name: 'Publish version 2' }).click();
    await dialog.getByText('Published version 2').waitFor();
    await dialog.getByRole('button', { name: 'Done' }).click();

    // The versions panel lists both; the default comparison is 1 → 2.
    await page.getByRole('button', { name: 'Versions (2)' }).click();
    const panel = page.getByRole('dialog', { name: 'Versions of Part 1' });
    await panel.getByText('A new ending.').waitFor();
    await panel.getByRole('button', { name: 'Compare versions' }).click();
    await panel.locator('.diff-block--added', { hasText: 'somebody else’s problem' }).waitFor();
    await panel.locator('.diff-block--changed ins', { hasText: 'Nobody asked why.' }).waitFor();
    expect(await panel.getByRole('combobox', { name: 'From' }).inputValue()).toBe('1');
    expect(await panel.getByRole('combobox', { name: 'To' }).inputValue()).toBe('2');
    await shot(page, 'publish-03-diff');

    // Restoring version 1 puts its text back into the live draft.
    await panel.getByRole('button', { name: '← All versions' }).click();
    await panel.getByRole('button', { name: 'Restore version 1' }).click();
    await panel.getByRole('button', { name: 'Yes, restore' }).click();
    await panel.getByText('Version 1 was restored into the draft.').waitFor();
    await page.keyboard.press('Escape');
    await panel.waitFor({ state: 'detached' });
    await page.waitForFunction(
      () => !document.querySelector('.ProseMirror')?.textContent?.includes('Nobody asked why.'),
    );
    expect(await editor.locator('p').count()).toBe(3);
  });

  it('PUB-UI-2 a Markdown file imported on the series page becomes an installment, titled by its first line', async () => {
    const page = await (await suite.newContext()).newPage();
    await signUp(page, 'Ivy Importer', 'ivy@example.com');
    await createSeries(page, 'Imported Essays');
    await page.getByRole('button', { name: 'Import a file…' }).waitFor();
    await page.locator('input[type="file"]').setInputFiles({
      name: 'first-part.md',
      mimeType: 'text/markdown',
      buffer: Buffer.from('# Arrivals\n\nThe train was *late*, as always.\n\n- tea\n- toast\n'),
    });
    await page.getByText('Markdown ·').waitFor();
    await page.getByRole('button', { name: 'Import as Part 1' }).click();
    await page.waitForURL(/\/installments\//);
    await page.getByRole('heading', { name: 'Arrivals' }).waitFor();
    await page.locator('.ProseMirror em', { hasText: 'late' }).waitFor();
    await page.locator('.ProseMirror li', { hasText: 'toast' }).waitFor();
  });

  it('PUB-UI-4 a file larger than an ordinary request body imports: the form checks the import limit the server applies', async () => {
    const page = await (await suite.newContext()).newPage();
    await signUp(page, 'Lars Longform', 'lars@example.com');
    await createSeries(page, 'Long Essays');
    await page.getByRole('button', { name: 'Import a file…' }).waitFor();
    const paragraph = (i: number) =>
      `Paragraph ${i}: ${'the relay goes on through the night '.repeat(12)}`;
    let text = '# The long haul\n\n';
    for (let i = 1; text.length <= limits.maxJsonBodyBytes + 4_096; i++)
      text += `${paragraph(i)}\n\n`;
    const last = text.trimEnd().split('\n\n').pop()!.split(':')[0]!;
    await page.locator('input[type="file"]').setInputFiles({
      name: 'long-haul.md',
      mimeType: 'text/markdown',
      buffer: Buffer.from(text),
    });
    await page.getByText('Markdown ·').waitFor();
    await page.getByRole('button', { name: 'Import as Part 1' }).click();
    await page.waitForURL(/\/installments\//);
    await page.getByRole('heading', { name: 'The long haul' }).waitFor();
    await page.locator('.ProseMirror p', { hasText: `${last}:` }).waitFor();
  });
});
