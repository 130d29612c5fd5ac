/**
 * Packages only publishing and version diffs need (the HTML sanitizer, the
 * word diff), loaded on first use instead of at start: an instance nobody
 * publishes on never holds them in memory (docs/performance.md, resting RSS).
 * Loaded synchronously through `require` so the functions using them stay
 * synchronous; both are plain CommonJS-compatible packages with no shared
 * state with the rest of the server, so loading them this way is safe.
 * esbuild does not follow this `require`, so the production bundle leaves both
 * in node_modules and holds none of their code until first use.
 */
import { createRequire } from 'node:module';
import type * as Diff from 'diff';
import type SanitizeHtml from 'sanitize-html';

// Not named `require`: the production bundle already declares one at its top.
const requirePackage = createRequire(import.meta.url);

function onFirstUse<T>(load: () => T): () => T {
  let loaded: { value: T } | undefined;
  return () => (loaded ??= { value: load() }).value;
}

export const sanitizeHtml = onFirstUse(
  () => requirePackage('sanitize-html') as typeof SanitizeHtml,
);
export const wordDiff = onFirstUse(() => requirePackage('diff') as typeof Diff);
