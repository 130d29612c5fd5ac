/**
 * Measurements inside the editor page: which scripts it loads (gzipped), when
 * the essay is shown and editable, and how long each keystroke takes from its
 * keydown event to the end of the task that handled it (ProseMirror
 * transaction, Yjs update and DOM change all happen in that task).
 */
import { writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';

export interface ScriptBytes {
  raw: number;
  gzip: number;
  files: number;
}

/** Collects every script the page loads from now on. */
export function watchScripts(page: Page): () => Promise<ScriptBytes> {
  const bodies: Promise<Buffer | null>[] = [];
  page.on('response', (response) => {
    if (response.request().resourceType() !== 'script') return;
    bodies.push(response.body().catch(() => null));
  });
  return async () => {
    const loaded = (await Promise.all(bodies)).filter((b): b is Buffer => b !== null);
    return {
      raw: loaded.reduce((sum, b) => sum + b.byteLength, 0),
      gzip: loaded.reduce((sum, b) => sum + gzipSync(b, { level: 9 }).byteLength, 0),
      files: loaded.length,
    };
  };
}

/** Resolves once the editor shows at least `blocks` top-level blocks and the socket is live. */
export async function untilEssayShown(
  page: Page,
  blocks: number,
  timeoutMs: number,
): Promise<void> {
  await page
    .locator('[data-testid="status"][data-connection="live"]')
    .waitFor({ timeout: timeoutMs });
  await page.waitForFunction(
    (min) => (document.querySelector('.ProseMirror')?.childElementCount ?? 0) >= min,
    blocks,
    { timeout: timeoutMs },
  );
}

/** Installs the keystroke timer; `readKeystrokes` returns the milliseconds measured since. */
export async function timeKeystrokes(page: Page): Promise<void> {
  await page.evaluate(() => {
    const times: number[] = [];
    (window as unknown as { benchKeystrokes: number[] }).benchKeystrokes = times;
    const editor = document.querySelector('.ProseMirror');
    editor?.addEventListener(
      'keydown',
      (event) => {
        const start = event.timeStamp;
        const channel = new MessageChannel();
        channel.port1.onmessage = () => times.push(performance.now() - start);
        channel.port2.postMessage(null);
      },
      { capture: true },
    );
  });
}

export function readKeystrokes(page: Page): Promise<number[]> {
  return page.evaluate(() => (window as unknown as { benchKeystrokes: number[] }).benchKeystrokes);
}

/** Starts Chromium's CPU profiler on the page (with `--profile`); `stop` writes a .cpuprofile. */
export async function startPageProfile(page: Page): Promise<{ stop(file: string): Promise<void> }> {
  const session = await page.context().newCDPSession(page);
  await session.send('Profiler.enable');
  await session.send('Profiler.start');
  return {
    async stop(file) {
      const { profile } = await session.send('Profiler.stop');
      writeFileSync(file, JSON.stringify(profile));
      await session.detach();
    },
  };
}
