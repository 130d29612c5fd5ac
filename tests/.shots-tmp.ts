import type { Page } from 'playwright-core';
import { launchBrowser } from './support/browser.ts';
import { startTestServer } from './support/testServer.ts';

const out = (name: string) => `/tmp/baton-shots/comments-${name}.png`;
const server = await startTestServer();
const browser = await launchBrowser();
try {
  const ctx = (w: number, h: number, mobile = false) =>
    browser.newContext({
      viewport: { width: w, height: h },
      isMobile: mobile,
      hasTouch: mobile,
      deviceScaleFactor: 1,
    });
  async function signUp(page: Page, name: string, email: string) {
    await page.goto(`${server.url}/sign-up`);
    await page.locator('input[name="name"]').fill(name);
    await page.locator('input[name="email"]').fill(email);
    await page.locator('input[name="password"]').fill('correct horse battery');
    await page.getByRole('button', { name: 'Sign up' }).click();
    await page.getByRole('heading', { name: 'Your series' }).waitFor();
  }
  /** Selects `phrase` in the editor with the mouse, as a person would: press, drag, release. */
  async function dragSelect(page: Page, phrase: string): Promise<void> {
    const box = await page.locator('.ProseMirror').evaluate((root, phrase) => {
      const texts: Text[] = [];
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode())
        if (!node.parentElement?.closest('.collaboration-carets__caret')) texts.push(node as Text);
      // Highlights split the text into several nodes: search their concatenation.
      const whole = texts.map((t) => t.data).join('');
      const at = whole.indexOf(phrase);
      if (at < 0) throw new Error(`"${phrase}" is not in the editor`);
      // Inline (no helper functions): this runs in the page, where the test's transpiler helpers are not.
      const boxes: DOMRect[] = [];
      for (let offset of [at, at + phrase.length - 1]) {
        for (const node of texts) {
          if (offset >= node.data.length) {
            offset -= node.data.length;
            continue;
          }
          const range = document.createRange();
          range.setStart(node, offset);
          range.setEnd(node, offset + 1);
          boxes.push(range.getBoundingClientRect());
          break;
        }
      }
      const [first, last] = boxes;
      if (!first || !last) throw new Error('past the end');
      return {
        from: { x: first.left + 1, y: first.top + first.height / 2 },
        to: { x: last.right - 1, y: last.top + last.height / 2 },
      };
    }, phrase);
    await page.mouse.move(box.from.x, box.from.y);
    await page.mouse.down();
    await page.mouse.move(box.to.x, box.to.y, { steps: 8 });
    await page.mouse.up();
  }

  async function comment(page: Page, phrase: string, body: string) {
    await dragSelect(page, phrase);
    await page.getByTestId('comment-menu').getByRole('button', { name: 'Comment' }).click();
    const box = page.getByRole('region', { name: 'New comment' }).getByRole('textbox');
    await box.fill(body);
    await page.keyboard.press('Control+Enter');
    await page.getByRole('region', { name: 'New comment' }).waitFor({ state: 'detached' });
  }

  const owner = await (await ctx(1280, 800)).newPage();
  await signUp(owner, 'Olive Owner', 'olive@example.com');
  await owner.locator('input[name="title"]').fill('The Relay');
  await owner.getByRole('button', { name: 'Create series' }).click();
  await owner.waitForURL(/\/series\//);
  const seriesUrl = owner.url();
  const seriesId = decodeURIComponent(new URL(owner.url()).pathname.split('/').at(-1) ?? '');
  await owner.locator('input[name="title"]').last().fill('Taking the baton');
  await owner.getByRole('button', { name: 'Add installment' }).click();
  const href = await owner
    .getByRole('link', { name: /Taking the baton/ })
    .first()
    .getAttribute('href');
  const url = new URL(href ?? '', server.url).toString();
  const cc = await ctx(1280, 800);
  const commenter = await cc.newPage();
  await signUp(commenter, 'Cora Commenter', 'cora@example.com');
  await owner.context().request.post(`${server.url}/api/series/${seriesId}/members`, {
    headers: { origin: server.url },
    data: { email: 'cora@example.com', role: 'commenter' },
  });
  await owner.goto(url);
  await owner.locator('[data-testid="status"][data-connection="live"]').waitFor();
  await owner.locator('.ProseMirror').click();
  await owner.keyboard.type(
    'The night shift handed me the baton at three in the morning. Nobody tells you how heavy it is, a thing that weighs nothing.',
  );
  await owner.keyboard.press('Enter');
  await owner.keyboard.type(
    'I carried it down four flights of stairs and out into the rain, past the bakery that was just opening its shutters.',
  );
  await owner.keyboard.press('Enter');
  await owner.keyboard.type(
    'By the river I stopped to breathe. Somewhere a tram bell rang, twice, like a question.',
  );
  await owner.locator('[data-testid="status"][data-save="saved"]').waitFor();

  await commenter.goto(url);
  await commenter.locator('.ProseMirror', { hasText: 'tram bell' }).waitFor();
  await comment(
    owner,
    'handed me the baton',
    'Is “handed” the right verb? See https://example.com/style-guide for our usage notes.',
  );
  await comment(
    commenter,
    'the baton at three in the morning',
    'Lovely opening. Maybe “3 a.m.” reads faster?',
  );
  await comment(
    commenter,
    'four flights of stairs',
    'How many flights was it in Part 1? I remember five.',
  );
  await comment(owner, 'like a question', 'Too cute? Happy to cut it.');
  await comment(owner, 'past the bakery', 'Cut this clause?');
  // Owner deletes "past the bakery that was just opening its shutters" → detached.
  await dragSelect(owner, ', past the bakery that was just opening its shutters');
  await owner.keyboard.press('Backspace');
  // Resolve "like a question".
  const q = owner.getByTestId('thread').filter({ hasText: 'like a question' });
  await q.getByRole('button', { name: 'Resolve' }).click();
  await owner
    .getByRole('group', { name: 'Show comments' })
    .getByRole('button', { name: /^Open/ })
    .waitFor();
  // Reply on the stairs thread by owner.
  const stairs = owner.getByTestId('thread').filter({ hasText: 'four flights of stairs' });
  await stairs.locator('.thread__quote').click();
  await stairs.getByRole('textbox', { name: 'Reply' }).fill('Five! Fixing it.');
  await stairs.getByRole('button', { name: 'Reply', exact: true }).click();
  await commenter.getByText('Five! Fixing it.').waitFor();
  await owner.locator('.comment-mark').first().waitFor();
  await owner.waitForTimeout(400);
  await owner.screenshot({ path: out('desktop-owner') });
  await owner
    .getByRole('group', { name: 'Show comments' })
    .getByRole('button', { name: /^All/ })
    .click();
  await owner.waitForTimeout(300);
  await owner.screenshot({ path: out('desktop-owner-all') });
  // Commenter composing, bubble menu visible.
  await dragSelect(commenter, 'tram bell rang');
  await commenter.getByTestId('comment-menu').waitFor();
  await commenter.waitForTimeout(400);
  await commenter.screenshot({ path: out('desktop-commenter-bubble') });
  await commenter.getByTestId('comment-menu').getByRole('button', { name: 'Comment' }).click();
  await commenter
    .getByRole('region', { name: 'New comment' })
    .getByRole('textbox')
    .fill('Two rings or one?');
  await commenter.waitForTimeout(300);
  await commenter.screenshot({ path: out('desktop-commenter-composing') });

  // Phone.
  const pc = await browser.newContext({
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
    storageState: await cc.storageState(),
  });
  const phone = await pc.newPage();
  await phone.goto(url);
  await phone.locator('.ProseMirror', { hasText: 'tram bell' }).waitFor();
  await phone.locator('.comment-mark').first().waitFor();
  await phone.waitForTimeout(300);
  await phone.screenshot({ path: out('phone-closed') });
  await phone.getByRole('button', { name: /^Comments/ }).click();
  await phone.waitForTimeout(300);
  await phone.screenshot({ path: out('phone-open') });
  await phone
    .locator('.comment-mark')
    .nth(1)
    .click()
    .catch(() => undefined);
  await phone.waitForTimeout(400);
  await phone.screenshot({ path: out('phone-focused') });

  // Series page with counts.
  await owner.goto(seriesUrl);
  await owner.getByTestId('open-thread-count').waitFor();
  await owner.screenshot({ path: out('series-count') });
} finally {
  await browser.close();
  await server.dispose();
}
