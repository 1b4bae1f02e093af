import { defineConfig } from 'vitest/config';
import solid from 'vite-plugin-solid';
import type { Plugin } from 'vite';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

// Pre-compressed copies of the built assets; the server (sirv) sends them to browsers that accept
// them, so the NL Design System CSS and the app's JS travel at a fraction of their size.
function precompress(): Plugin {
  return {
    name: 'overleg-precompress',
    apply: 'build',
    generateBundle(_, bundle) {
      for (const [fileName, output] of Object.entries(bundle)) {
        if (!/\.(js|css|html|svg|json)$/.test(fileName)) continue;
        const source = output.type === 'chunk' ? output.code : output.source;
        if (source.length < 1024) continue;
        const buffer = Buffer.from(source);
        this.emitFile({ type: 'asset', fileName: `${fileName}.br`, source: brotliCompressSync(buffer, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }) });
        this.emitFile({ type: 'asset', fileName: `${fileName}.gz`, source: gzipSync(buffer, { level: 9 }) });
      }
    },
  };
}

// One config for the SPA build and for both test projects: `server` (createCaller and real HTTP
// against fresh SQLite databases) and `e2e` (the built app in Debian's Chromium).
export default defineConfig({
  root: 'client',
  plugins: [solid(), precompress()],
  build: { outDir: '../dist/client', emptyOutDir: true, sourcemap: true, chunkSizeWarningLimit: 800 },
  server: {
    port: Number(process.env.VITE_PORT ?? 5173),
    proxy: { '/trpc': { target: `http://127.0.0.1:${process.env.PORT ?? 3000}`, ws: false } },
  },
  test: {
    root: '.',
    // vite-plugin-solid would default the environment to jsdom; nothing here runs in a fake DOM.
    environment: 'node',
    projects: [
      {
        test: {
          name: 'server',
          root: '.',
          include: ['test/server/**/*.test.ts', 'test/http/**/*.test.ts'],
          environment: 'node',
          pool: 'forks',
          testTimeout: 20_000,
        },
      },
      {
        test: {
          name: 'e2e',
          root: '.',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
