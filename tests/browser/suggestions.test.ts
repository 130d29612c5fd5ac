import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { hasChromium } from '../support/browser.ts';
import { browserSuite, textWithoutCarets, untilSaved } from '../support/browserSuite.ts';

const suite = browserSuite();
const { shot, signUp, startSeries, invite } = suite;

/** Selects `phrase` in the editor (through the DOM selection, as a drag would). */
async function select(page: Page, phrase: string): Promise<void> {
  await page.locator('.ProseMirror').evaluate((root, phrase) => {
    const texts: Text[] = [];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode())
      if (!node.parentElement?.closest('.collaboration-carets__caret')) texts.push(node as Text);
    const whole = texts.map((t) => t.data).join('');
    const at = whole.indexOf(phrase);
    if (at < 0) throw new Error(`"${phrase}" is not in the editor`);
    const points: Array<[Text, number]> = [];
    for (let offset of [at, at + phrase.length]) {
      for (const node of texts) {
        if (offset > node.data.length) {
          offset -= node.data.length;
          continue;
        }
        points.push([node, offset]);
        break;
      }
    }
    const [start, end] = points;
    if (!start || !end) throw new Error('past the end');
    const range = document.createRange();
    range.setStart(start[0], start[1]);
    range.setEnd(end[0], end[1]);
    const selection = document.getSelection()!;
    selection.removeAllRanges();
    selection.addRange(range);
  }, phrase);
}

/**
 * Waits until the editor's own selection (not only the page's) is a caret at
 * `offset` in the block whose text starts with `blockStart`: ProseMirror
 * learns of a caret moved by a key from an event that may come after the
 * next key, which would then act where the caret was.
 */
async function untilEditorCaretAt(page: Page, blockStart: string, offset: number) {
  await page.waitForFunction(
    ([start, at]) => {
      type Caret = { empty: boolean; $head: { parent: Node; parentOffset: number } };
      type WithEditor = HTMLElement & { editor?: { state: { selection: Caret } } };
      const editor = document.querySelector<WithEditor>('.ProseMirror')?.editor;
      const selection = editor?.state.selection;
      return (
        selection?.empty === true &&
        (selection.$head.parent.textContent ?? '').startsWith(start) &&
        selection.$head.parentOffset === at
      );
    },
    [blockStart, offset] as const,
  );
}

/** Opens the installment as the commenter, once it shows `text` and Suggesting mode. */
async function openSuggesting(page: Page, installmentUrl: string, text: string) {
  await page.goto(installmentUrl);
  await page.locator('.ProseMirror', { hasText: text }).waitFor();
  await page.getByTestId('mode').getByText('Suggesting').waitFor();
}

const card = (page: Page, text: string) => page.getByTestId('suggestion').filter({ hasText: text });

/**
 * An owner (`who`@example.com) with a series and an installment holding
 * `text`, and a commenter (`who`-c@example.com) invited to it; both open it.
 */
async function ownerAndCommenter(who: string, text: string) {
  const owner = await suite.newPage();
  const { seriesId, installmentUrl } = await startSeries(
    owner,
    'Olive Owner',
    `${who}@example.com`,
  );
  const commenter = await suite.newPage();
  await signUp(commenter, 'Cora Commenter', `${who}-c@example.com`);
  expect(await invite(owner, seriesId, `${who}-c@example.com`, 'commenter')).toBe(201);

  await owner.goto(installmentUrl);
  await owner.locator('[data-testid="status"][data-connection="live"]').waitFor();
  await owner.locator('.ProseMirror').click();
  await owner.keyboard.type(text);
  await untilSaved(owner);
  return { owner, commenter, installmentUrl };
}

/** The editor's HTML without other writers' carets and selections. */
const editorHtml = (page: Page) =>
  page.locator('.ProseMirror').evaluate((el) => {
    const copy = el.cloneNode(true) as HTMLElement;
    copy.querySelectorAll('.collaboration-carets__caret').forEach((c) => c.remove());
    copy.querySelectorAll('.collaboration-carets__selection').forEach((c) => c.remove());
    // What ProseMirror adds after a caret at the end of a block, so the line keeps its height.
    copy
      .querySelectorAll('img.ProseMirror-separator, br.ProseMirror-trailingBreak')
      .forEach((c) => c.remove());
    // Another writer's selection is a highlight around the text: keep the text.
    copy
      .querySelectorAll('.ProseMirror-yjs-selection')
      .forEach((c) => c.replaceWith(...Array.from(c.childNodes)));
    // Which blocks this window keeps laid out, and where it shows the placeholder,
    // depend on where its own selection is.
    copy.querySelectorAll('.near-selection, .is-empty').forEach((c) => {
      c.classList.remove('near-selection', 'is-empty');
      c.removeAttribute('data-placeholder');
      if (!c.classList.length) c.removeAttribute('class');
    });
    return copy.innerHTML;
  });

describe.skipIf(!hasChromium)('suggestions in the browser', () => {
  it('SUG-5 a commenter suggests, the owner sees it live, accepts one and rejects one (SUG-2), and both documents are equal; publish checks list them (SUG-3)', async () => {
    const { owner, commenter, installmentUrl } = await ownerAndCommenter(
      'olive',
      'The night shift handed me the baton at three in the morning.',
    );
    // Owners and editors choose their mode; they start in Editing.
    await owner
      .getByTestId('mode')
      .getByRole('button', { name: 'Editing' })
      .and(owner.locator('[aria-pressed="true"]'))
      .waitFor();

    // The commenter may only suggest: the mode is fixed, and the toolbar has no lists or quotes.
    await openSuggesting(commenter, installmentUrl, 'three in the morning');
    const toolbar = commenter.getByRole('toolbar', { name: 'Formatting' });
    await toolbar.getByRole('button', { name: 'Bold' }).waitFor();
    await toolbar.getByRole('button', { name: 'Heading 1' }).waitFor();
    expect(await toolbar.getByRole('button', { name: 'Bulleted list' }).count()).toBe(0);
    await commenter.locator('.ProseMirror').click();
    await commenter.keyboard.press('End');
    await commenter.keyboard.type(' It was raining.');
    await select(commenter, 'at three in the morning');
    await commenter.keyboard.press('Backspace');
    await untilSaved(commenter);
    await commenter
      .locator('del.suggestion-delete', { hasText: 'at three in the morning' })
      .waitFor();
    await shot(commenter, 'suggestions-01-commenter-suggests');

    // The owner sees both live, in the text and in the list.
    await owner.locator('ins.suggestion-insert', { hasText: 'It was raining.' }).waitFor();
    await owner.locator('del.suggestion-delete', { hasText: 'at three in the morning' }).waitFor();
    const insertion = card(owner, 'It was raining.');
    const deletion = card(owner, 'at three in the morning');
    await insertion.getByText('Cora Commenter').waitFor();
    await deletion.getByText('Delete').waitFor();
    await owner.getByTestId('suggestions').getByText('Cora Commenter · 2 suggestions').waitFor();
    await shot(owner, 'suggestions-02-owner-sees-them');

    // Publishing would leave them out (SUG-3), and the checks say so.
    await owner
      .locator('.publish-bar')
      .getByRole('button', { name: 'Publish', exact: true })
      .click();
    const dialog = owner.getByRole('dialog', { name: 'Publish Part 1' });
    await dialog.getByText('2 pending suggestions.').waitFor();
    await dialog.getByText(/^3 findings: 2 pending suggestions/).waitFor();
    await shot(owner, 'suggestions-05-publish-checks');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });

    await insertion.getByRole('button', { name: 'Accept' }).click();
    await owner.locator('ins.suggestion-insert').waitFor({ state: 'detached' });
    // One undo step: Mod-Z brings the suggestion back, for everyone; Mod-Shift-Z accepts it again.
    await owner.locator('.ProseMirror').click();
    await owner.keyboard.press('Control+z');
    await commenter.locator('ins.suggestion-insert', { hasText: 'It was raining.' }).waitFor();
    await owner.keyboard.press('Control+Shift+z');
    await commenter.locator('ins.suggestion-insert').waitFor({ state: 'detached' });
    await deletion.getByRole('button', { name: 'Reject' }).click();
    const settled = 'The night shift handed me the baton at three in the morning. It was raining.';
    for (const page of [owner, commenter]) {
      await page.locator('.ProseMirror .suggestion').first().waitFor({ state: 'detached' });
      // Carets are DOM text too: compare the text without them.
      await page.waitForFunction((expected) => {
        const copy = document.querySelector('.ProseMirror')!.cloneNode(true) as HTMLElement;
        copy.querySelectorAll('.collaboration-carets__caret').forEach((c) => c.remove());
        return copy.innerText === expected;
      }, settled);
      await untilSaved(page);
    }
    const [ownerHtml, commenterHtml] = await Promise.all([owner, commenter].map(editorHtml));
    expect(ownerHtml).toBe(commenterHtml);
    expect(await textWithoutCarets(owner.locator('.ProseMirror'))).toBe(settled);
    expect(await owner.getByTestId('suggestions').count()).toBe(0);
    await shot(owner, 'suggestions-03-owner-settled');

    // The owner can suggest too (Mod-Alt-S or the switch), and withdraw them all at once.
    await owner.getByTestId('mode').getByRole('button', { name: 'Suggesting' }).click();
    await owner.keyboard.press('End');
    await owner.keyboard.type(' Then it stopped.');
    await commenter.locator('ins.suggestion-insert', { hasText: 'Then it stopped.' }).waitFor();
    await owner.getByTestId('suggestions').getByText('Olive Owner · 1 suggestion').waitFor();
    await shot(owner, 'suggestions-04-owner-suggesting');
    await owner.getByTestId('suggestions').getByRole('button', { name: 'Reject all' }).click();
    await commenter.locator('ins.suggestion-insert').waitFor({ state: 'detached' });
  });

  it('SUG-6 a commenter suggests bold and italic from the toolbar and a shortcut (undo withdraws, redo restores); the owner sees them live, accepts one and rejects the other, and both documents are equal', async () => {
    const text = 'The harbour was quiet at dawn and loud at noon.';
    const { owner, commenter, installmentUrl } = await ownerAndCommenter('fran', text);
    await openSuggesting(commenter, installmentUrl, 'loud at noon');

    await select(commenter, 'quiet');
    await commenter
      .getByRole('toolbar', { name: 'Formatting' })
      .getByRole('button', { name: 'Bold' })
      .click();
    // Undo withdraws it (the server takes that from a commenter too); redo makes it again.
    await owner.locator('strong .suggestion-format', { hasText: 'quiet' }).waitFor();
    await commenter.keyboard.press('Control+z');
    await owner.locator('.ProseMirror .suggestion-format').waitFor({ state: 'detached' });
    await commenter.keyboard.press('Control+Shift+z');
    await select(commenter, 'loud');
    await commenter.keyboard.press('Control+i');
    await commenter.locator('em .suggestion-format', { hasText: 'loud' }).waitFor();
    await untilSaved(commenter);

    // The owner sees both live: the new formatting shown, marked, and listed with who and what.
    await owner.locator('strong .suggestion-format', { hasText: 'quiet' }).waitFor();
    await owner.locator('em .suggestion-format', { hasText: 'loud' }).waitFor();
    const bold = card(owner, 'quiet');
    await bold.getByText('Cora Commenter').waitFor();
    await bold.getByText('bold', { exact: true }).waitFor();
    await card(owner, 'loud').getByText('italic', { exact: true }).waitFor();
    await shot(owner, 'suggestions-06-format-suggestions');

    await bold.getByRole('button', { name: 'Accept' }).click();
    await card(owner, 'loud').getByRole('button', { name: 'Reject' }).click();
    for (const page of [owner, commenter]) {
      await page.locator('.ProseMirror .suggestion-format').first().waitFor({ state: 'detached' });
      await page.locator('.ProseMirror strong', { hasText: 'quiet' }).waitFor();
      await untilSaved(page);
    }
    expect(await owner.locator('.ProseMirror em').count()).toBe(0);
    const [ownerHtml, commenterHtml] = await Promise.all([owner, commenter].map(editorHtml));
    expect(ownerHtml).toBe(commenterHtml);
    expect(ownerHtml).toBe(
      `<p>The harbour was <strong>quiet</strong> at dawn and loud at noon.</p>`,
    );
    expect(await textWithoutCarets(owner.locator('.ProseMirror'))).toBe(text);
    expect(await owner.getByTestId('suggestions').count()).toBe(0);
  });

  it('SUG-7 a commenter starts a thread from a suggestion’s card; the owner sees it on the card live, opens it from there, replies, and accepting keeps the thread on the text', async () => {
    const text = 'The relay ended where the river bends.';
    const { owner, commenter, installmentUrl } = await ownerAndCommenter('gus', text);
    await openSuggesting(commenter, installmentUrl, 'river bends');
    await commenter.locator('.ProseMirror').click();
    await commenter.keyboard.press('End');
    await commenter.keyboard.type(' Nobody was waiting.');
    await untilSaved(commenter);

    // "Comment" on the card opens the comment box on the suggestion's text.
    const mine = card(commenter, 'Nobody was waiting.');
    await mine.getByRole('button', { name: 'Comment on this suggestion' }).click();
    const composer = commenter.getByRole('region', { name: 'New comment' });
    await composer.getByText('Nobody was waiting.').waitFor();
    await commenter.keyboard.type('Too bleak? I can soften it.');
    await composer.getByRole('button', { name: 'Comment', exact: true }).click();
    await mine.getByRole('button', { name: /Cora Commenter’s thread: 1 comment$/ }).waitFor();

    // The owner sees the thread on the card live, and opens it from there.
    const theirs = card(owner, 'Nobody was waiting.');
    const link = theirs.getByRole('button', { name: /Cora Commenter’s thread: 1 comment$/ });
    await link.click();
    const thread = owner.locator('.thread--focused', { hasText: 'Too bleak?' });
    await thread.waitFor();
    await shot(owner, 'suggestions-07-thread-on-suggestion');
    await thread.getByRole('textbox', { name: 'Reply' }).fill('Keep it.');
    await thread.getByRole('button', { name: 'Reply', exact: true }).click();
    await card(commenter, 'Nobody was waiting.')
      .getByRole('button', { name: /Cora Commenter’s thread: 2 comments$/ })
      .waitFor();

    // Accepted, the suggestion's card goes; its thread stays on the text it was about.
    await theirs.getByRole('button', { name: 'Accept' }).click();
    await commenter.locator('ins.suggestion-insert').waitFor({ state: 'detached' });
    for (const page of [owner, commenter]) {
      await page.locator('.comment-mark', { hasText: 'Nobody was waiting.' }).waitFor();
      await page.getByTestId('suggestions').waitFor({ state: 'detached' });
    }
    expect(await owner.locator('.thread', { hasText: 'On deleted text' }).count()).toBe(0);
  });

  it('SUG-8 a commenter suggests a paragraph break with new text and a heading; the owner sees them live, rejects the break and accepts the heading, and both documents are equal', async () => {
    const { owner, commenter, installmentUrl } = await ownerAndCommenter('hal', 'Night shift');
    await owner.keyboard.press('Enter');
    await owner.keyboard.type('The relay ended where the river bends.');
    await untilSaved(owner);
    await openSuggesting(commenter, installmentUrl, 'river bends');

    // A break after "ended", with a new sentence typed at the start of the new paragraph.
    await commenter.locator('.ProseMirror p', { hasText: 'river bends' }).click();
    await commenter.keyboard.press('Home');
    for (let i = 0; i < 'The relay ended'.length; i++) await commenter.keyboard.press('ArrowRight');
    await untilEditorCaretAt(commenter, 'The relay', 'The relay ended'.length);
    await commenter.keyboard.press('Enter');
    await commenter.keyboard.type('Later:');
    // The first line made a heading from the toolbar (a click puts the caret in it at once).
    await commenter.locator('.ProseMirror p', { hasText: 'Night shift' }).click();
    await commenter
      .getByRole('toolbar', { name: 'Formatting' })
      .getByRole('button', { name: 'Heading 2' })
      .click();
    await untilSaved(commenter);

    const split = owner.locator('.ProseMirror p.suggestion-block--split', { hasText: 'Later:' });
    await split.waitFor();
    // Cora's caret (with her name) may sit inside "Night shift": match a word of it.
    await owner.locator('.ProseMirror h2.suggestion-block--type', { hasText: 'shift' }).waitFor();
    const breakCard = card(owner, 'New paragraph');
    await breakCard.getByText('Later:').waitFor();
    const headingCard = card(owner, 'Heading 2 (was paragraph)');
    await headingCard.getByText('Night shift').waitFor();
    await shot(owner, 'suggestions-08-block-suggestions');

    await breakCard.getByRole('button', { name: 'Reject' }).click();
    await headingCard.getByRole('button', { name: 'Accept' }).click();
    for (const page of [owner, commenter]) {
      await page.locator('.ProseMirror .suggestion-block').first().waitFor({ state: 'detached' });
      await page.locator('.ProseMirror h2', { hasText: 'shift' }).waitFor();
      await untilSaved(page);
    }
    const [ownerHtml, commenterHtml] = await Promise.all([owner, commenter].map(editorHtml));
    expect(ownerHtml).toBe(commenterHtml);
    expect(ownerHtml).toBe('<h2>Night shift</h2><p>The relay ended where the river bends.</p>');
  });
  it('SUG-9 a commenter suggests joining two paragraphs with Backspace; the owner sees it live and accepts it, and both documents are equal', async () => {
    const { owner, commenter, installmentUrl } = await ownerAndCommenter('jo', 'The relay ended');
    await owner.keyboard.press('Enter');
    await owner.keyboard.type('where the river bends.');
    await untilSaved(owner);
    await openSuggesting(commenter, installmentUrl, 'river bends');

    await commenter.locator('.ProseMirror p', { hasText: 'river bends' }).click();
    await commenter.keyboard.press('Home');
    await untilEditorCaretAt(commenter, 'where', 0);
    await commenter.keyboard.press('Backspace');
    // The caret stepped over the break: what is typed next goes at the end of the first paragraph.
    await commenter.keyboard.type(',');
    await untilSaved(commenter);

    await owner.locator('.ProseMirror p.suggestion-block--join', { hasText: 'river' }).waitFor();
    const joinCard = card(owner, 'Join to the paragraph before');
    await joinCard.getByText('where the river bends.').waitFor();
    await shot(owner, 'suggestions-09-join');
    await joinCard.getByRole('button', { name: 'Accept' }).click();
    await card(owner, 'Add').getByRole('button', { name: 'Accept' }).click();
    for (const page of [owner, commenter]) {
      await page.locator('.ProseMirror p', { hasText: 'ended,where' }).waitFor();
      await page.getByTestId('suggestion').first().waitFor({ state: 'detached' });
      await untilSaved(page);
    }
    const [ownerHtml, commenterHtml] = await Promise.all([owner, commenter].map(editorHtml));
    expect(ownerHtml).toBe(commenterHtml);
    expect(ownerHtml).toBe('<p>The relay ended,where the river bends.</p>');
  });
  it('SUG-8 a commenter presses Enter in a list item: the owner sees a new item suggested live and rejects it, and both documents are equal', async () => {
    // "- " starts a bulleted list.
    const { owner, commenter, installmentUrl } = await ownerAndCommenter(
      'li',
      '- Night shift ends',
    );
    await openSuggesting(commenter, installmentUrl, 'shift ends');

    await commenter.locator('.ProseMirror li p', { hasText: 'shift ends' }).click();
    await commenter.keyboard.press('End');
    await untilEditorCaretAt(commenter, 'Night shift ends', 'Night shift ends'.length);
    await commenter.keyboard.press('Enter');
    await commenter.keyboard.type('Day shift begins');
    await untilSaved(commenter);

    await owner.locator('.ProseMirror li p.suggestion-block--split', { hasText: 'Day' }).waitFor();
    const itemCard = card(owner, 'New list item');
    await itemCard.getByText('Day shift begins').waitFor();
    await shot(owner, 'suggestions-10-list-item');
    await itemCard.getByRole('button', { name: 'Reject' }).click();
    for (const page of [owner, commenter]) {
      await page.getByTestId('suggestion').first().waitFor({ state: 'detached' });
      await untilSaved(page);
    }
    const [ownerHtml, commenterHtml] = await Promise.all([owner, commenter].map(editorHtml));
    expect(ownerHtml).toBe(commenterHtml);
    expect(ownerHtml).toBe('<ul><li><p>Night shift ends</p></li></ul><p></p>');
  });
});
