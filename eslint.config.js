// @ts-check
// Lint rules for the whole workspace. Type-aware rules are left out on purpose: `tsc` runs in
// `pnpm check` anyway, and linting without type information stays fast.
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const SOURCE = '*.{js,mjs,cjs,jsx,ts,mts,cts,tsx}';

/**
 * Package boundaries: `shared/` imports nothing from client or server, and client and server
 * never import each other. Other packages are reached only through their package name
 * (`@baton/shared/…`), never by a relative path that climbs out of a package.
 */
const BOUNDARIES = {
  client: { forbidden: ['server'], why: 'the client talks to the server over HTTP/websocket only' },
  server: { forbidden: ['client'], why: 'the server must not depend on client code' },
  shared: {
    forbidden: ['server', 'client'],
    why: 'shared/ is imported by client and server, never the other way round',
  },
  tests: { forbidden: [], why: '' },
};

/** Deepest directory level (below a package) whose relative imports are checked. */
const MAX_DEPTH = 12;

/**
 * @param {string} pkg
 * @param {number} [depth] how far below `pkg/` the files are; without it, package names only
 */
function boundaryRule(pkg, depth) {
  const { forbidden, why } = BOUNDARIES[/** @type {keyof typeof BOUNDARIES} */ (pkg)];
  const patterns = forbidden.map((other) => ({
    regex: `^@baton/${other}(/|$)`,
    message: `${pkg}/ must not import @baton/${other}: ${why}.`,
  }));
  if (depth !== undefined) {
    // A file `depth` levels below its package leaves the package with exactly `depth` `../`.
    const up = `^(\\./)?(\\.\\.(/|$)){${depth}}`;
    for (const other of forbidden) {
      patterns.push({
        regex: `${up}${other}(/|$)`,
        message: `${pkg}/ must not import ${other}/ code: ${why}.`,
      });
    }
    const exempt = forbidden.length ? `(?!(${forbidden.join('|')})(/|$))` : '';
    patterns.push({
      regex: `${up}${exempt}`,
      message: `This import leaves ${pkg}/; import packages by name ('@baton/shared/limits.ts').`,
    });
  }
  return ['error', { patterns }];
}

/** One config per package and directory depth, since a glob cannot tell how far `../` climbs. */
const boundaryConfigs = Object.keys(BOUNDARIES).flatMap((pkg) => [
  { files: [`${pkg}/**/${SOURCE}`], rules: { 'no-restricted-imports': boundaryRule(pkg) } },
  ...Array.from({ length: MAX_DEPTH }, (_, i) => ({
    files: [`${pkg}/${'*/'.repeat(i)}${SOURCE}`],
    rules: { 'no-restricted-imports': boundaryRule(pkg, i + 1) },
  })),
]);

/**
 * Layers inside server/src, by directory: commands and content reach live
 * documents through narrow interfaces (domain/liveDrafts.ts,
 * content/draftDocs.ts) and throw errors/appError.ts, never HTTP or the sync
 * core; render/ and anchors/ are pure transformations the commands call, so
 * they reach neither commands nor transports; the sync core is driven by any
 * socket and leaves sessions to its edge (upgradeHandler.ts, wsTransport.ts).
 */
const LAYERS = [
  {
    dirs: ['domain', 'content'],
    forbidden: ['http', 'collab'],
    why: 'commands know nothing of transports; use the narrow interfaces they declare',
  },
  {
    dirs: ['render', 'anchors'],
    forbidden: ['http', 'collab', 'domain'],
    why: 'rendering and anchors are transformations that commands call, not the other way round',
  },
  {
    dirs: ['collab'],
    ignores: ['server/src/collab/upgradeHandler.ts', 'server/src/collab/wsTransport.ts'],
    forbidden: ['http', 'auth'],
    why: 'the sync core is driven by any socket; sessions are checked at its edge',
  },
];

/** The package boundary of server/ plus a layer's own rule, for files `depth` levels below src/. */
function layerRule(layer, dir, depth) {
  const [level, { patterns }] = boundaryRule('server', depth + 1);
  const layerPatterns = [
    {
      // From server/src/<dir>/…, `depth` times `../` reaches src/; fewer stay inside <dir>.
      regex: `^(\\.\\./){${depth}}(${layer.forbidden.join('|')})(/|$)`,
      message: `server/src/${dir}/ must not import ${layer.forbidden.join(' or ')}/: ${layer.why}.`,
    },
  ];
  return [level, { patterns: [...patterns, ...layerPatterns] }];
}

const layerConfigs = LAYERS.flatMap((layer) =>
  layer.dirs.flatMap((dir) =>
    Array.from({ length: MAX_DEPTH - 2 }, (_, i) => ({
      files: [`server/src/${dir}/${'*/'.repeat(i)}${SOURCE}`],
      ignores: layer.ignores ?? [],
      rules: { 'no-restricted-imports': layerRule(layer, dir, i + 1) },
    })),
  ),
);

export default defineConfig([
  globalIgnores([
    '**/dist',
    '**/node_modules',
    '**/coverage',
    '.tools',
    '**/data',
    'tests/artifacts',
    'tests/bench/results',
  ]),
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    files: [`**/${SOURCE}`],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          argsIgnorePattern: '^_',
          caughtErrorsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
          ignoreRestSiblings: true,
        },
      ],
    },
  },
  // Browser globals for the client app, Node globals everywhere else (client build configs too).
  {
    files: [`**/${SOURCE}`],
    ignores: ['client/**'],
    languageOptions: { globals: globals.node },
  },
  {
    files: [`client/**/${SOURCE}`],
    ignores: ['client/*.config.*'],
    languageOptions: { globals: globals.browser },
  },
  { files: ['client/*.config.*'], languageOptions: { globals: globals.node } },
  {
    files: ['client/**/*.{ts,tsx,js,jsx}'],
    ...reactHooks.configs.flat.recommended,
  },
  ...boundaryConfigs,
  ...layerConfigs,
]);
