// Production build of the server: one ESM bundle of Baton's own code (server
// and shared), with every npm package left external and loaded from
// node_modules as usual. No TypeScript compiler at run time: faster start,
// less memory. `node server/dist/main.js` runs it.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const serverDir = fileURLToPath(new URL('..', import.meta.url));

await build({
  entryPoints: { main: 'src/main.ts', cli: 'src/cli.ts' },
  absWorkingDir: serverDir,
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  format: 'esm',
  // Our own modules behind a dynamic import() (PostgreSQL, Redis, publishing)
  // become chunks loaded on first use, so an instance that never needs them
  // never loads them or the npm packages they import.
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  target: 'node20',
  sourcemap: true,
  // npm packages stay external; workspace packages (@baton/shared) are bundled in.
  packages: 'external',
  alias: { '@baton/shared': '../shared/src' },
  logLevel: 'warning',
  banner: {
    // Bundled ESM has no `require`; some code paths of dependencies expect it.
    js: "import { createRequire as __batonCreateRequire } from 'node:module'; const require = __batonCreateRequire(import.meta.url);",
  },
});
