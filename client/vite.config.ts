import { build, defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { shellVersion } from './src/offline/cacheRules.ts';

/** Where the API, the collaboration websocket and the public pages live in development. */
const serverOrigin = 'http://localhost:8787';

/**
 * Builds sw/serviceWorker.ts into dist/sw.js once the app is built, with the
 * list of the app's files to keep (source maps left out). A separate build, so
 * the worker is one file whatever the app's chunks share with it.
 */
function serviceWorker(): Plugin {
  let root = '';
  let outDir = '';
  let files: string[] = [];
  return {
    name: 'baton-service-worker',
    apply: 'build',
    configResolved(config) {
      root = config.root;
      outDir = config.build.outDir;
    },
    generateBundle(_options, bundle) {
      files = Object.keys(bundle)
        .filter((file) => file.startsWith('assets/') && !file.endsWith('.map'))
        .map((file) => `/${file}`);
    },
    async closeBundle() {
      await build({
        configFile: false,
        root,
        logLevel: 'warn',
        publicDir: false,
        define: {
          __BATON_SHELL_FILES__: JSON.stringify(files),
          __BATON_SHELL_VERSION__: JSON.stringify(shellVersion(files)),
        },
        build: {
          outDir,
          emptyOutDir: false,
          copyPublicDir: false,
          sourcemap: false,
          lib: { entry: 'sw/serviceWorker.ts', formats: ['es'], fileName: () => 'sw.js' },
        },
      });
    },
  };
}

export default defineConfig({
  plugins: [react(), serviceWorker()],
  resolve: {
    // One copy of each, or sync and the editor schema break silently.
    dedupe: ['yjs', 'y-protocols', 'lib0', '@tiptap/core', '@tiptap/pm', 'react', 'react-dom'],
  },
  server: {
    proxy: {
      '/api': { target: serverOrigin, changeOrigin: false },
      '/collab': { target: serverOrigin, ws: true, changeOrigin: false },
      '/healthz': { target: serverOrigin },
      '/read': { target: serverOrigin },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    // The editor chunk (Tiptap + ProseMirror + Yjs, and floating-ui for the comment bubble menu)
    // is ~640 kB before gzip and loads only on its route.
    chunkSizeWarningLimit: 700,
  },
});
