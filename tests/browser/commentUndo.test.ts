import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { hasChromium } from '../support/browser.ts';
import { browserSuite, untilSaved } from '../support/browserSuite.ts';
import { dragSelect } from '../support/dragSelect.ts';

const suite = browserSuite();
const { shot, signUp, startSeries, invite } = suite;

const passage = 'handed me the baton';

/** The thread card about `quote`. */
const threadOn = (page: Page, quote: string): Locator =>
  page.getByTestId('thread').filter({ has: page.locator('.thread__quote', { hasText: quote }) });

/** The passage is highlighted again and its card no longer says "On deleted text". */
async function untilAnchored(page: Page): Promise<void> {
  await page.locator('.comment-mark', { hasText: passage }).waitFor();
  await threadOn(page, passage).and(page.locator('[data-detached="false"]')).waitFor();
  expect(await page.locator('.comment-mark').first().textContent()).toBe(passage);
}

async function untilDetached(page: Page): Promise<void> {
  await threadOn(page, passage).and(page.locator('[data-detached="true"]')).waitFor();
  await page.locator('.comment-mark').first().waitFor({ state: 'detached' });
}

describe.skipIf(!hasChromium)('comment anchors through undo and redo', () => {
  it('CMT-8 text deleted and brought back by undo takes its thread with it, for co-writers and after a reload; redo and undo again too', async () => {
    const alice = await suite.newPage();
    const { seriesId, installmentUrl } = await startSeries(
      alice,
      'Alice Author',
      'alice@example.com',
    );

    // Bob writes too: an editor of the series.
    const bob = await suite.newPage();
    await signUp(bob, 'Bob Writer', 'bob@example.com');
    expect(await invite(alice, seriesId, 'bob@example.com', 'editor')).toBe(201);

    await alice.goto(installmentUrl);
    await alice.locator('[data-testid="status"][data-connection="live"]').waitFor();
    await alice.locator('.ProseMirror').click();
    await alice.keyboard.type('The night shift handed me the baton at three in the morning.');
    await untilSaved(alice);
    await bob.goto(installmentUrl);
    await bob.locator('.ProseMirror', { hasText: 'three in the morning' }).waitFor();

    // Alice comments on a passage; both see it anchored.
    await dragSelect(alice, passage);
    await alice.getByTestId('comment-menu').getByRole('button', { name: 'Comment' }).click();
    const composer = alice.getByRole('region', { name: 'New comment' });
    await composer.getByRole('textbox', { name: 'Your comment' }).fill('Passed, not handed?');
    await alice.keyboard.press('Control+Enter');
    await composer.waitFor({ state: 'detached' });
    for (const page of [alice, bob]) await untilAnchored(page);

    // She deletes the passage: the thread is on deleted text for both.
    await dragSelect(alice, passage);
    await alice.keyboard.press('Backspace');
    for (const page of [alice, bob]) await untilDetached(page);
    await untilSaved(alice);

    // Undo brings the text back, and the thread with it, for Bob too.
    await alice.keyboard.press('Control+z');
    await alice.locator('.ProseMirror', { hasText: passage }).waitFor();
    for (const page of [alice, bob]) await untilAnchored(page);
    await shot(bob, 'comment-undo-01-cowriter-sees-anchor-back');

    // Redo deletes it again; undo once more brings it back again.
    await alice.keyboard.press('Control+Shift+z');
    for (const page of [alice, bob]) await untilDetached(page);
    await alice.keyboard.press('Control+z');
    for (const page of [alice, bob]) await untilAnchored(page);
    await untilSaved(alice);

    // After a reload (the tab that undid no longer remembers it), the thread stays anchored.
    for (const page of [alice, bob]) {
      await page.reload();
      await page.locator('[data-testid="status"][data-connection="live"]').waitFor();
      await untilAnchored(page);
    }
    await shot(alice, 'comment-undo-02-anchored-after-reload');
  });
});
