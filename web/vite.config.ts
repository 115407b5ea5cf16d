import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// Run from the repository root: `vite --config web/vite.config.ts` (dev) or `vite build --config web/vite.config.ts`.
// The root is this folder whatever the working directory is; the build lands in web/dist, which the server serves.
const webRoot = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root: webRoot,
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1200,
  },
  server: {
    port: 5173,
    proxy: {
      '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false },
      // The public job board is the server's own HTML page (docs/decisions/017-public-job-board.md).
      '^/jobs(?:[/?]|$)': { target: 'http://127.0.0.1:3000', changeOrigin: false },
    },
  },
});
