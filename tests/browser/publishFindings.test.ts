import { describe, expect, it } from 'vitest';
import { hasChromium } from '../support/browser.ts';
import { browserApi } from '../support/browserApi.ts';
import { browserSuite } from '../support/browserSuite.ts';

const suite = browserSuite();
const { shot } = suite;

const paragraph = 'The night shift handed me the baton at three.';

describe.skipIf(!hasChromium)('publish checks on a long draft', () => {
  it('PUB-11 the findings are grouped by kind under a summary line; a long group shows three and "Show N more"', async () => {
    const context = await suite.newContext();
    const as = browserApi(context.request, suite.server.url);
    await as.signUp('Gus Grouper', 'gus@example.com');
    // One paragraph five times (four repeats), under 50 words, titled "Untitled".
    const text = Array.from({ length: 5 }, () => paragraph).join('\n\n');
    const { installmentId } = await as.seriesWithInstallment({
      title: 'Repeats',
      installment: { title: 'Untitled', import: { format: 'text', text } },
    });
    const page = await context.newPage();
    await page.goto(`${suite.server.url}/installments/${installmentId}`);
    await page.locator('[data-testid="status"][data-connection="live"]').waitFor();
    await page.keyboard.press('Control+Shift+P');
    const dialog = page.getByRole('dialog', { name: 'Publish Part 1' });

    await dialog
      .getByText('6 findings: 4 repeated paragraphs, a very short text, no title', { exact: true })
      .waitFor();
    const repeats = dialog.getByRole('region', { name: 'Repeated paragraphs (4)' });
    expect(await repeats.getByRole('listitem').count()).toBe(3);
    expect(await dialog.getByRole('region', { name: 'Very short' }).textContent()).toContain(
      'Very short: 45 words',
    );
    await dialog.getByRole('region', { name: 'No title' }).waitFor();
    await shot(page, 'publish-findings-01-grouped');
    await repeats.getByRole('button', { name: 'Show 1 more' }).click();
    expect(await repeats.getByRole('listitem').count()).toBe(4);
    await repeats.getByRole('button', { name: 'Go to paragraph 5' }).waitFor();
  });
});
