import path from 'node:path';
import { defineConfig } from 'vite';

const apiTarget = process.env.API_URL ?? 'http://127.0.0.1:4000';

/** The console: built into dist/admin (served by the API at /), or served with hot reload by `npm run dev`. */
export default defineConfig({
  root: __dirname,
  base: '/',
  // Vite 8 transforms JSX itself (oxc); no React plugin needed.
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: path.resolve(__dirname, '../dist/admin'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 4000,
    rolldownOptions: {
      onwarn(warning, defaultHandler) {
        // Libraries' "use client" directives mean nothing in a client-only bundle.
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        defaultHandler(warning);
      },
    },
  },
  worker: { format: 'es' },
  server: {
    port: Number(process.env.ADMIN_PORT ?? 5173),
    proxy: {
      '/graphql': { target: apiTarget, changeOrigin: false },
      '/export': { target: apiTarget, changeOrigin: false },
    },
  },
});
