import type { Page } from 'playwright-core';

/** Selects `phrase` in the editor with the mouse, as a person would: press, drag, release. */
export async function dragSelect(page: Page, phrase: string): Promise<void> {
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
