import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { hasChromium } from '../support/browser.ts';
import { browserSuite } from '../support/browserSuite.ts';
import { dragSelect } from '../support/dragSelect.ts';

const suite = browserSuite();
const { shot, signUp, startSeries, invite } = suite;

/** The thread card about `quote`. */
const threadOn = (page: Page, quote: string): Locator =>
  page.getByTestId('thread').filter({ has: page.locator('.thread__quote', { hasText: quote }) });

const filterButton = (page: Page, name: 'Open' | 'Resolved' | 'All') =>
  page
    .getByRole('group', { name: 'Show comments' })
    .getByRole('button', { name: new RegExp(`^${name}`) });

describe.skipIf(!hasChromium)('review comments in the browser', () => {
  it('CMT-7 an owner comments on a selection; a commenter (CMT-4) sees it live and replies; the owner resolves (CMT-5); both see it resolved', async () => {
    // The owner: a series with one installment.
    const owner = await suite.newPage();
    const { seriesId, installmentUrl } = await startSeries(
      owner,
      'Olive Owner',
      'olive@example.com',
    );

    // The commenter has an account of their own; the owner adds them through the API.
    const commenter = await suite.newPage();
    await signUp(commenter, 'Cora Commenter', 'cora@example.com');
    expect(await invite(owner, seriesId, 'cora@example.com', 'commenter')).toBe(201);

    // The owner writes a paragraph.
    await owner.goto(installmentUrl);
    await owner.locator('[data-testid="status"][data-connection="live"]').waitFor();
    await owner.locator('.ProseMirror').click();
    await owner.keyboard.type('The night shift handed me the baton at three in the morning.');
    await owner.locator('[data-testid="status"][data-save="saved"]').waitFor();
    await owner.getByTestId('comments').getByText('No comments yet.').waitFor();

    // The commenter opens it: they may comment, and suggest changes (SUG-5).
    await commenter.goto(installmentUrl);
    await commenter
      .locator('[data-testid="access-banner"]', { hasText: 'You can comment and suggest changes' })
      .waitFor();
    await commenter.locator('.ProseMirror', { hasText: 'three in the morning' }).waitFor();
    await commenter.getByTestId('comments').getByText('No comments yet.').waitFor();

    // The owner selects a few words and comments from the bubble menu.
    await dragSelect(owner, 'handed me the baton');
    const menu = owner.getByTestId('comment-menu');
    await menu.getByRole('button', { name: 'Comment' }).click();
    const composer = owner.getByRole('region', { name: 'New comment' });
    await composer.getByText('handed me the baton', { exact: true }).waitFor();
    await owner.locator('.comment-mark--draft', { hasText: 'handed me the baton' }).waitFor();
    await composer
      .getByRole('textbox', { name: 'Your comment' })
      .fill('Is “handed” the right verb? See https://example.com/style-guide.');
    await owner.keyboard.press('Control+Enter');
    await composer.waitFor({ state: 'detached' });
    const ownerThread = threadOn(owner, 'handed me the baton');
    await ownerThread.waitFor();
    await owner.locator('.comment-mark', { hasText: 'handed me the baton' }).waitFor();

    // The commenter sees the highlight and the thread without reloading; the link is a link.
    const commenterThread = threadOn(commenter, 'handed me the baton');
    await commenterThread.waitFor();
    const highlight = commenter.locator('.comment-mark', { hasText: 'handed me the baton' });
    await highlight.waitFor();
    expect(await highlight.textContent()).toBe('handed me the baton');
    const link = commenterThread.getByRole('link', { name: 'https://example.com/style-guide' });
    expect(await link.getAttribute('href')).toBe('https://example.com/style-guide');
    expect(await link.getAttribute('rel')).toContain('noopener');
    expect(await filterButton(commenter, 'Open').textContent()).toBe('Open 1');

    // Clicking the highlight focuses its thread; the commenter replies there.
    await highlight.click();
    await commenter.locator('[data-testid="thread"][aria-current="true"]').waitFor();
    await commenter.locator('.comment-mark--focused').waitFor();
    await commenterThread.getByRole('textbox', { name: 'Reply' }).fill('“Passed” reads better.');
    await commenterThread.getByRole('button', { name: 'Reply', exact: true }).click();
    // The posted message, not the reply box (it may still hold the text for a moment).
    await commenterThread
      .locator('.message__body', { hasText: '“Passed” reads better.' })
      .waitFor();
    // A commenter may not resolve someone else's thread.
    expect(await commenterThread.getByRole('button', { name: 'Resolve' }).count()).toBe(0);
    await shot(commenter, 'comments-01-commenter-replied');

    // A selection in the commenter's editor offers "Comment", and Mod-Alt-M
    // opens the comment box too; Escape closes it.
    await dragSelect(commenter, 'three in the morning');
    const commenterMenu = commenter.getByTestId('comment-menu').getByRole('button', {
      name: 'Comment',
    });
    await commenterMenu.waitFor();
    expect(await commenterMenu.getAttribute('data-tooltip')).toBe('Comment (Ctrl+Alt+M)');
    await commenter.keyboard.press('Control+Alt+M');
    const commenterComposer = commenter.getByRole('region', { name: 'New comment' });
    await commenterComposer.getByText('three in the morning', { exact: true }).waitFor();
    await commenter.keyboard.press('Escape');
    await commenterComposer.waitFor({ state: 'detached' });
    // A selection made with keys, and the shortcut at once: the box quotes that selection.
    await dragSelect(commenter, 'three in the morning');
    await commenter.keyboard.press('ArrowRight');
    await commenter.keyboard.down('Shift');
    for (let i = 0; i < 'morning'.length; i++) await commenter.keyboard.press('ArrowLeft');
    await commenter.keyboard.up('Shift');
    await commenter.keyboard.press('Control+Alt+M');
    await commenterComposer.getByText('morning', { exact: true }).waitFor();
    await commenter.keyboard.press('Escape');
    await commenterComposer.waitFor({ state: 'detached' });

    // The owner sees the reply live, and resolves the thread.
    await ownerThread.locator('.message__body', { hasText: '“Passed” reads better.' }).waitFor();
    await ownerThread.getByText('Cora Commenter').waitFor();
    await shot(owner, 'comments-02-owner-sees-reply');
    await ownerThread.getByRole('button', { name: 'Resolve' }).click();

    // Both see it resolved: gone from Open (and from the text), listed under Resolved.
    for (const page of [owner, commenter]) {
      const panel = page.getByTestId('comments');
      await panel.getByText('No open comments.').waitFor();
      await page.locator('.comment-mark').first().waitFor({ state: 'detached' });
      expect(await filterButton(page, 'Resolved').textContent()).toBe('Resolved 1');
      await filterButton(page, 'Resolved').click();
      const resolved = threadOn(page, 'handed me the baton');
      await resolved.locator('.thread__status', { hasText: 'Resolved by Olive Owner' }).waitFor();
      expect(await resolved.getAttribute('data-resolved')).toBe('true');
      // Shown again in the text while the filter shows it.
      await page.locator('.comment-mark', { hasText: 'handed me the baton' }).waitFor();
    }
    await shot(owner, 'comments-03-owner-resolved');
    await shot(commenter, 'comments-04-commenter-sees-resolved');

    // The series page counts open threads: none left.
    await owner.goto(`${suite.server.url}/series/${encodeURIComponent(seriesId)}`);
    await owner.getByRole('link', { name: /Taking the baton/ }).waitFor();
    expect(await owner.getByTestId('open-thread-count').count()).toBe(0);
  });
});
