/**
 * browser (Baton only): Debian's Chromium on the editor page with the essay
 * loaded: time to first edit (navigation → essay shown → first character in
 * the DOM), typing latency over many keystrokes, in Editing and then in
 * Suggesting mode (decision 0010: within 1.2× of Editing), and the gzipped
 * JavaScript the editor page loads. Needs /usr/bin/chromium and a built client (`pnpm build`).
 */
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchBrowser, chromiumPath } from '../../support/browser.ts';
import {
  readKeystrokes,
  startPageProfile,
  timeKeystrokes,
  untilEssayShown,
  watchScripts,
} from '../browser/editorPage.ts';
import { startClients } from '../clients/pool.ts';
import { essayFile } from '../essay/essayCache.ts';
import { untilIdle } from '../procStats.ts';
import { median, percentile } from '../stats.ts';
import type { Scenario } from '../types.ts';

const clientIndex = fileURLToPath(new URL('../../../client/dist/index.html', import.meta.url));
const full = { words: 100_000, keystrokes: 200, keyDelayMs: 30 };

export const browser: Scenario<typeof full> = {
  name: 'browser',
  title: 'browser: the editor page on the essay (Chromium)',
  servers: ['baton'],
  metrics: [
    { key: 'firstEditMs', label: 'time to first edit', unit: 'ms', digits: 0 },
    { key: 'keystrokeP50Ms', label: 'keystroke → DOM p50', unit: 'ms', digits: 1 },
    { key: 'keystrokeP95Ms', label: 'keystroke → DOM p95', unit: 'ms', digits: 1 },
    { key: 'keystrokeMaxMs', label: 'keystroke → DOM max', unit: 'ms', digits: 1 },
    { key: 'suggestP50Ms', label: 'keystroke → DOM p50, Suggesting', unit: 'ms', digits: 1 },
    { key: 'suggestP95Ms', label: 'keystroke → DOM p95, Suggesting', unit: 'ms', digits: 1 },
    { key: 'suggestToEditP50', label: 'Suggesting / Editing p50', unit: '×', digits: 2 },
    { key: 'scriptGzipKb', label: 'editor page JS, gzipped', unit: 'KB', digits: 1 },
    { key: 'scriptRawKb', label: 'editor page JS, raw', unit: 'KB', digits: 1 },
    { key: 'scriptFiles', label: 'script files', unit: '', digits: 0 },
  ],
  params: { full, quick: { words: 5_000, keystrokes: 40, keyDelayMs: 20 } },
  unavailable() {
    if (!existsSync(chromiumPath))
      return `no Chromium at ${chromiumPath} (apt-get install chromium)`;
    if (!existsSync(clientIndex)) return 'the client is not built (pnpm build)';
    return undefined;
  },
  async run(ctx, p) {
    const essay = essayFile(ctx.resultsDir, p.words);
    const server = await ctx.launch();
    const [pusher] = startClients(1);
    if (!pusher) throw new Error('no client process');
    const chromium = await launchBrowser();
    try {
      const [room = ''] = await server.createRooms(1);
      await pusher.call('push', {
        target: server.target,
        room,
        updatePath: essay.path,
        timeoutMs: 60_000,
      });
      await untilIdle(server.pid, { windowMs: ctx.quick ? 500 : 2_500, timeoutMs: 30_000 });
      const baseUrl = server.target.headers.origin ?? '';
      const context = await chromium.newContext({ viewport: { width: 1280, height: 800 } });
      await context.addCookies(
        (server.target.headers.cookie ?? '').split('; ').map((pair) => {
          const at = pair.indexOf('=');
          return { name: pair.slice(0, at), value: pair.slice(at + 1), url: baseUrl };
        }),
      );
      const page = await context.newPage();
      const problems: string[] = [];
      page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
      page.on('response', (response) => {
        if (response.status() >= 400) problems.push(`${response.status()} ${response.url()}`);
      });
      /** Names the step that failed and keeps a screenshot of the page at that moment. */
      const step = async <T>(name: string, action: () => Promise<T>): Promise<T> => {
        try {
          return await action();
        } catch (error) {
          const shot = path.join(ctx.resultsDir, 'browser-failure.png');
          await page.screenshot({ path: shot }).catch(() => undefined);
          const seen =
            problems.length > 0 ? `; the page saw: ${problems.slice(0, 5).join('; ')}` : '';
          throw new Error(`${name} (screenshot: ${shot}): ${String(error)}${seen}`, {
            cause: error,
          });
        }
      };
      const scripts = watchScripts(page);
      const started = performance.now();
      await step('open the editor', async () => {
        await page.goto(`${baseUrl}/installments/${room}`);
        await untilEssayShown(page, essay.paragraphs, 120_000);
      });
      await step('first edit', async () => {
        await page
          .locator('.ProseMirror > *')
          .first()
          .click({ position: { x: 4, y: 6 } });
        // Home: the start of the first visual line, which is the start of the paragraph.
        await page.keyboard.press('Home');
        await page.keyboard.type('Q');
        await page.waitForFunction(
          () => document.querySelector('.ProseMirror > *')?.textContent?.startsWith('Q') ?? false,
        );
      });
      const firstEditMs = performance.now() - started;
      await timeKeystrokes(page);
      const typed = 'the baton passes on '
        .repeat(Math.ceil(p.keystrokes / 20))
        .slice(0, p.keystrokes);
      const profiler = ctx.launchOptions.profileDir ? await startPageProfile(page) : null;
      await step('typing', async () => {
        await page.keyboard.type(typed, { delay: p.keyDelayMs });
        await page.waitForFunction(
          (text) =>
            document.querySelector('.ProseMirror > *')?.textContent?.includes(text) ?? false,
          typed.trim(),
        );
      });
      if (profiler && ctx.launchOptions.profileDir) {
        // Beside the server's profiles, not among them: the runner summarizes it on its own.
        const dir = `${ctx.launchOptions.profileDir}-page`;
        mkdirSync(dir, { recursive: true });
        await profiler.stop(path.join(dir, 'editor-typing.cpuprofile'));
      }
      await step('saved', () =>
        page.locator('[data-testid="status"][data-save="saved"]').waitFor({ timeout: 30_000 }),
      );
      const keystrokes = await readKeystrokes(page);
      // The same typing as suggestions (Mod-Alt-S switches the mode).
      await page.keyboard.press('Control+Alt+s');
      await page
        .getByTestId('mode')
        .locator('[aria-pressed="true"]', { hasText: 'Suggesting' })
        .waitFor();
      await timeKeystrokes(page);
      const suggested = 'a suggestion on it '
        .repeat(Math.ceil(p.keystrokes / 19))
        .slice(0, p.keystrokes);
      await step('typing suggestions', async () => {
        await page.keyboard.type(suggested, { delay: p.keyDelayMs });
        await page.waitForFunction(
          (text) =>
            document
              .querySelector('.ProseMirror > * ins.suggestion-insert')
              ?.textContent?.includes(text) ?? false,
          suggested.trim(),
        );
      });
      await step('suggestions saved', () =>
        page.locator('[data-testid="status"][data-save="saved"]').waitFor({ timeout: 30_000 }),
      );
      const suggestions = await readKeystrokes(page);
      const js = await scripts();
      await context.close();
      const failures = [keystrokes, suggestions]
        .filter((timed) => timed.length < p.keystrokes)
        .map((timed) => `timed ${timed.length} of ${p.keystrokes} keystrokes`);
      return {
        values: {
          firstEditMs,
          keystrokeP50Ms: median(keystrokes),
          keystrokeP95Ms: percentile(keystrokes, 95),
          keystrokeMaxMs: Math.max(...keystrokes),
          suggestP50Ms: median(suggestions),
          suggestP95Ms: percentile(suggestions, 95),
          suggestToEditP50: median(suggestions) / median(keystrokes),
          scriptGzipKb: js.gzip / 1024,
          scriptRawKb: js.raw / 1024,
          scriptFiles: js.files,
        },
        warnings: [],
        failures,
      };
    } finally {
      await chromium.close();
      await pusher.stop();
      await server.stop();
    }
  },
};
