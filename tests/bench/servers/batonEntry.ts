/**
 * How the bench starts Baton: the production bundle (`server/dist/main.js`)
 * with the Node flags of `pnpm start` (server/package.json), when it is at
 * least as new as every source file, otherwise the sources through tsx, so a
 * stale bundle is never measured.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startFlags } from '../../support/startFlags.ts';

export const serverDir = fileURLToPath(new URL('../../../server', import.meta.url));
const bundle = path.join(serverDir, 'dist/main.js');
const sourceDirs = [path.join(serverDir, 'src'), path.join(serverDir, '../shared/src')];

export interface BatonEntry {
  /** Node arguments after any profiling flags, run in `serverDir`. */
  args: string[];
  description: string;
}

let chosen: BatonEntry | null = null;

export function batonEntry(): BatonEntry {
  chosen ??= pick();
  return chosen;
}

function pick(): BatonEntry {
  const flags = startFlags();
  const shown = flags.length > 0 ? ` with ${flags.join(' ')}` : '';
  const fromSources = (why: string): BatonEntry => ({
    args: [...flags, '--import', 'tsx', 'src/main.ts'],
    description: `tsx source${shown} (${why}: run pnpm build)`,
  });
  if (!existsSync(bundle)) return fromSources('no server/dist');
  const built = statSync(bundle).mtimeMs;
  const newest = Math.max(...sourceDirs.map(newestMtime));
  if (built < newest) return fromSources('server/dist is older than the sources');
  return { args: [...flags, 'dist/main.js'], description: `bundle server/dist/main.js${shown}` };
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.ts') || entry.name.endsWith('.test.ts')) continue;
    newest = Math.max(newest, statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}
