/**
 * The Node flags `pnpm start` gives the production bundle: server/package.json's
 * `start` script is `node <flags> dist/main.js`. Whatever runs the bundle "the
 * way pnpm start does" (the bench, the bundle's integration test) reads them here.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const serverDir = fileURLToPath(new URL('../../server', import.meta.url));

export function startFlags(): string[] {
  const manifest = JSON.parse(readFileSync(path.join(serverDir, 'package.json'), 'utf8')) as {
    scripts: { start: string };
  };
  const [command, ...words] = manifest.scripts.start.split(/\s+/);
  if (command !== 'node' || words.at(-1) !== 'dist/main.js') {
    throw new Error(
      `server/package.json start is not "node [flags] dist/main.js": ${manifest.scripts.start}`,
    );
  }
  return words.slice(0, -1);
}
