/**
 * Debian's Chromium driven by playwright-core. Without /usr/bin/chromium the
 * browser tests skip with a message, except under CI=true where that is a failure.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium } from 'playwright-core';

export const chromiumPath = '/usr/bin/chromium';
export const hasChromium = existsSync(chromiumPath);
export const artifactsDir = fileURLToPath(new URL('../artifacts', import.meta.url));

/** Throws under CI when Chromium is missing; otherwise reports why the tests skip. */
export function requireChromiumUnderCi(): void {
  if (hasChromium) return;
  const message = `Chromium not found at ${chromiumPath} (apt-get install chromium)`;
  if (process.env.CI === 'true') throw new Error(`${message}; browser tests cannot skip under CI`);
  console.warn(`Skipping browser tests: ${message}`);
}

export async function launchBrowser(): Promise<Browser> {
  mkdirSync(artifactsDir, { recursive: true });
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
