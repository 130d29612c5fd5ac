import { describe, expect, it } from 'vitest';
import { hasChromium } from '../support/browser.ts';
import { browserSuite, untilSaved } from '../support/browserSuite.ts';

const suite = browserSuite();
const { shot, signUp } = suite;

const selectedText = () => window.getSelection()?.toString() ?? '';

describe.skipIf(!hasChromium)('the link dialog', () => {
  it('UI-4 Ctrl+K and the Link button open a dialog: Enter links the selection, a javascript: address gets an inline error, Escape returns to the same selection, Remove link unlinks', async () => {
    const page = await suite.newPage();
    await signUp(page, 'Lou Linker', 'lou@example.com');
    await page.locator('input[name="title"]').fill('Linked Essays');
    await page.getByRole('button', { name: 'Create series' }).click();
    await page.waitForURL(/\/series\//);
    await page.locator('input[name="title"]').last().fill('Links');
    await page.getByRole('button', { name: 'Add installment' }).click();
    await page.getByRole('link', { name: /Links/ }).first().click();
    await page.waitForURL(/\/installments\//);
    await page.locator('[data-testid="status"][data-connection="live"]').waitFor();
    const editor = page.locator('.ProseMirror');
    await editor.click();
    await page.keyboard.type('Read the manual before the shift.');
    // Select "the manual".
    await page.keyboard.press('Home');
    for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
    await page.keyboard.down('Shift');
    for (let i = 0; i < 10; i++) await page.keyboard.press('ArrowRight');
    await page.keyboard.up('Shift');
    expect(await page.evaluate(selectedText)).toBe('the manual');

    // A javascript: address is refused in the dialog, which stays open.
    await page.keyboard.press('Control+K');
    const dialog = page.getByRole('dialog', { name: 'Add link' });
    const address = dialog.getByRole('textbox', { name: 'Link to' });
    await address.waitFor();
    expect(await address.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.type('javascript:alert(1)');
    await page.keyboard.press('Enter');
    await dialog.getByText('Links must start with http://, https:// or mailto:.').waitFor();
    expect(await address.getAttribute('aria-invalid')).toBe('true');
    await shot(page, 'link-01-refused');

    // Escape: no link, and the editor has the focus with the same selection.
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await editor.locator('a').count()).toBe(0);
    // Polled: the browser reports the restored selection after its own event turn.
    await expect
      .poll(() =>
        page.evaluate(() => {
          const selection = window.getSelection();
          const where = selection?.anchorNode?.parentElement?.closest('[contenteditable], input');
          return `${selection?.toString() ?? ''} @${where?.tagName ?? 'none'}`;
        }),
      )
      .toBe('the manual @DIV');
    expect(await editor.evaluate((el) => el.contains(document.activeElement))).toBe(true);

    // Ctrl+K again, an address, Enter: the selection is a link in the document.
    await page.keyboard.press('Control+K');
    await address.fill('example.com/manual');
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    const link = editor.locator('a[href="https://example.com/manual"]');
    await link.waitFor();
    expect(await link.textContent()).toBe('the manual');
    await untilSaved(page);

    // The toolbar button opens the same dialog, filled with the link, which it can remove.
    await link.click();
    await page.getByRole('toolbar').getByRole('button', { name: 'Link' }).click();
    const edit = page.getByRole('dialog', { name: 'Edit link' });
    expect(await edit.getByRole('textbox', { name: 'Link to' }).inputValue()).toBe(
      'https://example.com/manual',
    );
    await shot(page, 'link-02-edit');
    await edit.getByRole('button', { name: 'Remove link' }).click();
    await edit.waitFor({ state: 'detached' });
    await page.waitForFunction(() => document.querySelector('.ProseMirror a') === null);
    expect(await editor.textContent()).toContain('Read the manual before the shift.');
  });
});
