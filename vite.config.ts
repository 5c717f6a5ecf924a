import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const web = (file: string) => fileURLToPath(new URL(`./src/web/${file}`, import.meta.url));

// The web app: two pages, built into dist/web, which the server serves with an SPA fallback.
// No React plugin: Vite's own transform handles JSX with the automatic runtime.
export default defineConfig({
  root: 'src/web',
  publicDir: false,
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: '../../dist/web',
    emptyOutDir: true,
    // swagger-ui is one large prebuilt bundle that only the API docs page loads.
    chunkSizeWarningLimit: 1600,
    rolldownOptions: {
      input: { index: web('index.html'), 'api-docs': web('api-docs.html') },
      // antd marks its modules "use client" for React Server Components; a browser bundle has no use for it.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
  server: {
    // A pattern, not the prefix '/api': that would also send /api-docs.html to the server.
    proxy: { '^/api/': 'http://127.0.0.1:3000' },
  },
});
