import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

/** Where the API, the collaboration websocket and the public pages live in development. */
const serverOrigin = 'http://localhost:8787';

export default defineConfig({
  plugins: [react()],
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
