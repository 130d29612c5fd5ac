import { describe, expect, it } from 'vitest';
import { hasChromium } from '../support/browser.ts';
import { browserSuite, textWithoutCarets } from '../support/browserSuite.ts';

const suite = browserSuite();
const { shot, signUp, startSeries } = suite;

describe.skipIf(!hasChromium)('roles in the browser', () => {
  it('ROLE-UI-1 an owner invites a viewer who sees live edits but cannot type, then promotes them to editor without a reload', async () => {
    // The owner: a series with one installment.
    const ownerSeries = await suite.newPage();
    const { installmentUrl } = await startSeries(ownerSeries, 'Olive Owner', 'olive@example.com');

    // The second person has an account of their own.
    const reader = await suite.newPage();
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
    expect(await textWithoutCarets(readerEditor)).not.toContain('The viewer wrote this.');
    expect(await textWithoutCarets(ownerEditor)).toBe(
      'The night shift handed me the baton. Marker.',
    );
    expect(await textWithoutCarets(readerEditor)).toBe(await textWithoutCarets(ownerEditor));
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
    expect(await textWithoutCarets(ownerEditor)).toBe(
      'The night shift handed me the baton. Marker. Rita picked it up.',
    );
    await shot(reader, 'roles-03-promoted-editor');
    await shot(ownerEditorPage, 'roles-04-owner-sees-edit');
  });
});
