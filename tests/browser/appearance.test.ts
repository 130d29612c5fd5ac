import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { hasChromium } from '../support/browser.ts';
import { browserApi } from '../support/browserApi.ts';
import { browserSuite } from '../support/browserSuite.ts';

const suite = browserSuite();
const { shot } = suite;

/** A person in a browser that prefers `scheme`, signed up, with one installment. */
async function writerIn(
  scheme: 'light' | 'dark',
  name: string,
  paragraphs: readonly string[],
): Promise<{ context: BrowserContext; page: Page; installmentId: string }> {
  const context = await suite.browser.newContext({
    viewport: { width: 1280, height: 800 },
    colorScheme: scheme,
  });
  const as = browserApi(context.request, suite.server.url);
  await as.signUp(name, `${name.toLowerCase()}@example.com`);
  const text = paragraphs.join('\n\n');
  const { installmentId } = await as.seriesWithInstallment({
    installment: { title: 'Taking the baton', import: { format: 'text', text } },
  });
  return { context, page: await context.newPage(), installmentId };
}

/** Relative luminance (0 black … 1 white) of a computed `rgb(…)`/`rgba(…)` colour. */
function luminance(color: string): number {
  const [r = 0, g = 0, b = 0] = (color.match(/[\d.]+/g) ?? []).map(Number);
  const channel = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

/** The alpha of a computed colour: 1 for `rgb(…)`, the fourth number of `rgba(…)`. */
function alpha(color: string): number {
  const parts = color.match(/[\d.]+/g) ?? [];
  return parts.length === 4 ? Number(parts[3]) : 1;
}

const background = (page: Page, selector: string) =>
  page
    .locator(selector)
    .first()
    .evaluate((el) => getComputedStyle(el).backgroundColor);
const foreground = (page: Page, selector: string) =>
  page
    .locator(selector)
    .first()
    .evaluate((el) => getComputedStyle(el).color);

async function openEditor(page: Page, installmentId: string): Promise<void> {
  await page.goto(`${suite.server.url}/installments/${installmentId}`);
  await page.locator('[data-testid="status"][data-connection="live"]').waitFor();
}

const sentence =
  'The night shift handed me the baton at three in the morning and walked out without a word.';

describe.skipIf(!hasChromium)('appearance', () => {
  it('UI-2 the app follows prefers-color-scheme: dark pages, cards, editor and toolbar in a dark browser; light stays light', async () => {
    const dark = await writerIn('dark', 'Dana', [sentence]);
    await dark.page.goto(suite.server.url);
    await dark.page.locator('.card').first().waitFor();
    expect(luminance(await background(dark.page, 'body'))).toBeLessThan(0.05);
    expect(luminance(await background(dark.page, '.card'))).toBeLessThan(0.05);
    expect(luminance(await foreground(dark.page, '.page__title'))).toBeGreaterThan(0.6);
    expect(luminance(await background(dark.page, '.app-header'))).toBeLessThan(0.05);
    await shot(dark.page, 'appearance-01-dark-series-list');

    await openEditor(dark.page, dark.installmentId);
    await dark.page.getByText(sentence).waitFor();
    expect(luminance(await background(dark.page, 'body'))).toBeLessThan(0.05);
    expect(luminance(await background(dark.page, '.toolbar'))).toBeLessThan(0.05);
    expect(luminance(await foreground(dark.page, '.essay'))).toBeGreaterThan(0.6);
    // Form controls and scrollbars follow too.
    expect(
      await dark.page.evaluate(() => getComputedStyle(document.documentElement).colorScheme),
    ).toBe('dark');
    await shot(dark.page, 'appearance-02-dark-editor');
    await dark.context.close();

    const light = await writerIn('light', 'Lena', [sentence]);
    await light.page.goto(suite.server.url);
    await light.page.locator('.card').first().waitFor();
    expect(luminance(await background(light.page, 'body'))).toBeGreaterThan(0.9);
    expect(luminance(await background(light.page, '.card'))).toBeGreaterThan(0.9);
    expect(luminance(await foreground(light.page, '.page__title'))).toBeLessThan(0.05);
    await openEditor(light.page, light.installmentId);
    await light.page.getByText(sentence).waitFor();
    expect(luminance(await background(light.page, 'body'))).toBeGreaterThan(0.9);
    expect(luminance(await foreground(light.page, '.essay'))).toBeLessThan(0.05);
    await light.context.close();
  });

  it('UI-3 scrolled text never shows through the sticky header and toolbar: both are opaque and on top', async () => {
    const paragraphs = Array.from({ length: 60 }, (_, i) => `${i + 1}. ${sentence}`);
    const { context, page, installmentId } = await writerIn('light', 'Sam', paragraphs);
    await openEditor(page, installmentId);
    await page.getByText(`60. ${sentence}`).waitFor();
    await page.evaluate(() => window.scrollTo(0, 1200));
    await page.waitForFunction(() => window.scrollY >= 1200);

    const toolbar = await page.locator('.toolbar').boundingBox();
    const header = await page.locator('.app-header').boundingBox();
    if (!toolbar || !header) throw new Error('no toolbar or header');
    // The toolbar is stuck below the header, with essay text behind it.
    expect(toolbar.y).toBeLessThan(header.y + header.height + 16);
    const topmost = (x: number, y: number) =>
      page.evaluate(
        ([px, py]) => {
          const el = document.elementFromPoint(px!, py!);
          return el?.closest('.toolbar, .app-header') ? 'chrome' : (el?.className ?? 'nothing');
        },
        [x, y],
      );
    const essay = await page.locator('.essay').boundingBox();
    if (!essay) throw new Error('no essay');
    const x = essay.x + 40;
    // Inside the toolbar, in the strip between header and toolbar, and inside the header.
    expect(await topmost(x, toolbar.y + toolbar.height / 2)).toBe('chrome');
    expect(await topmost(x, toolbar.y - 2)).toBe('chrome');
    expect(await topmost(x, header.y + header.height / 2)).toBe('chrome');
    // The text under them is there: just above the toolbar's top edge it would be visible.
    expect(
      await page.evaluate(
        ([px, py]) =>
          document.elementsFromPoint(px!, py!).some((el) => el.closest('.essay > p') !== null),
        [x, toolbar.y + toolbar.height / 2],
      ),
    ).toBe(true);
    expect(alpha(await background(page, '.toolbar'))).toBe(1);
    expect(alpha(await background(page, '.app-header'))).toBe(1);
    expect(alpha(await background(page, '.editor__footer'))).toBe(1);
    await shot(page, 'appearance-03-scrolled-toolbar');
    await context.close();
  });
});
