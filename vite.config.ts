import { defineConfig } from 'vitest/config';
import solid from 'vite-plugin-solid';
import type { Plugin } from 'vite';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

// Pre-compressed copies of the built assets; the server (sirv) sends them to browsers that accept
// them, so the NL Design System CSS and the app's JS travel at a fraction of their size.
function precompress(): Plugin {
  return {
    name: 'overleg-precompress',
    apply: 'build',
    enforce: 'post',
    // After writing: only then is every chunk final (Vite rewrites its preload markers late).
    writeBundle(options, bundle) {
      const dir = options.dir ?? 'dist/client';
      for (const fileName of Object.keys(bundle)) {
        if (!/\.(js|css|html|svg|json)$/.test(fileName)) continue;
        const buffer = readFileSync(join(dir, fileName));
        if (buffer.length < 1024) continue;
        writeFileSync(join(dir, `${fileName}.br`), brotliCompressSync(buffer, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
        writeFileSync(join(dir, `${fileName}.gz`), gzipSync(buffer, { level: 9 }));
      }
    },
  };
}

export default defineConfig({
  root: 'client',
  plugins: [solid(), precompress()],
  // No source maps: the production server must not hand out the client's source (issue 8.15).
  build: { outDir: '../dist/client', emptyOutDir: true, sourcemap: false, chunkSizeWarningLimit: 800 },
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
