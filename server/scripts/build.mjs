// Production build of the server: one ESM bundle of Baton's own code (server
// and shared) together with the npm packages it imports, so `node
// server/dist/main.js` loads a few files instead of several hundred modules
// from node_modules. No TypeScript compiler at run time: faster start, less
// memory (docs/performance.md § 6).
//
// Usage: node scripts/build.mjs [--outdir DIR] [--readable] [--entry FILE]
//   --outdir: relative to server/; default dist
//   --readable: whitespace kept, so a CPU profile's file:line points at one statement
//   --entry: bundles FILE (relative to server/) as main.js instead of Baton's
//            entry points, with the same settings (the bench's stack floor)
// The output must stay inside server/: the packages left external below are
// resolved from server/node_modules at run time.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const serverDir = fileURLToPath(new URL('..', import.meta.url));
const { values } = parseArgs({
  options: {
    outdir: { type: 'string', default: 'dist' },
    readable: { type: 'boolean', default: false },
    entry: { type: 'string' },
  },
});
const outdir = path.resolve(serverDir, values.outdir);

// Packages that stay in node_modules: better-sqlite3 loads a native addon
// relative to itself; pg (with its optional native binding) and ioredis are
// only imported, from their own chunks, when DATABASE_URL or REDIS_URL is set.
// (The sanitizer and the word diff are not imported but `require`d on first
// use, render/onFirstUse.ts: they stay in node_modules too, out of the bundle.)
const external = ['better-sqlite3', 'pg', 'ioredis'];

// V8 keeps each module's source in memory, one byte a character only when
// every character is Latin-1: a single other character stores the whole file
// two bytes a character. `charset: 'ascii'` escapes strings and identifiers,
// but esbuild leaves regular expression literals as written, and a few
// packages (Tiptap's input rules, markdown-it) have typographic quotes and
// dashes in theirs. This writes every non-ASCII character of a package's
// JavaScript as a \uXXXX escape, which means the same in a string, a regular
// expression (with or without the u flag) and a comment. (Baton's own sources
// write such characters as escapes themselves; shared/src/text.ts.)
const asciiPackages = {
  name: 'ascii-packages',
  setup(context) {
    context.onLoad({ filter: /[\\/]node_modules[\\/].*\.[cm]?js$/ }, async (args) => {
      const text = await readFile(args.path, 'utf8');
      if (!/[^\0-\x7f]/.test(text)) return undefined;
      const contents = text.replace(/(\\*)([^\0-\x7f])/g, (_, slashes, char) => {
        // `\’` is an identity escape of the character: the escape replaces both.
        const kept = slashes.length % 2 === 1 ? slashes.slice(1) : slashes;
        return `${kept}\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;
      });
      return { contents, loader: 'js' };
    });
  },
};

// Chunk names carry a content hash, so a rebuild would leave the old ones beside the new.
rmSync(path.join(outdir, 'chunks'), { recursive: true, force: true });

await build({
  entryPoints: values.entry ? { main: values.entry } : { main: 'src/main.ts', cli: 'src/cli.ts' },
  absWorkingDir: serverDir,
  outdir,
  bundle: true,
  platform: 'node',
  format: 'esm',
  // Modules behind a dynamic import() (authentication, PostgreSQL, Redis,
  // Markdown) become chunks loaded on first use, so an instance that never
  // needs them never loads them.
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  target: 'node20',
  sourcemap: true,
  // Whitespace and comments only (V8 keeps every module's source in memory).
  // Identifiers stay, so stack traces name Baton's functions as the sources
  // do. Not `keepNames`: it gives back their names to the few classes that
  // bundling renamed (ProseMirror's `Node2`) with one `__name` call per
  // function and class, at start and for every closure made at run time, and
  // each call gives that function its own hidden class: 3 MB of RSS at rest
  // (docs/performance.md § 6, sixth pass). Packages that test an error's
  // kind set `name` themselves.
  minifyWhitespace: !values.readable,
  // Non-ASCII characters as escapes, so V8 stores the files one byte a
  // character (see asciiPackages above).
  charset: 'ascii',
  // Licence notices go to *.LEGAL.txt beside the output instead of into memory.
  legalComments: 'external',
  external,
  alias: { '@baton/shared': '../shared/src' },
  plugins: [asciiPackages],
  logLevel: 'warning',
  banner: {
    // Bundled ESM has no `require`; CommonJS packages in the bundle call it
    // for Node's built-in modules.
    js: [
      "import { createRequire as __batonCreateRequire } from 'node:module';",
      'const require = __batonCreateRequire(import.meta.url);',
    ].join(' '),
  },
});
