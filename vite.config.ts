import { defineConfig } from 'vitest/config';
import solid from 'vite-plugin-solid';
import type { Plugin } from 'vite';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build as esbuild } from 'esbuild';

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

// The voorbeeld theme defines ~2,800 design tokens as custom properties; the app's CSS reads a few
// hundred. The theme stays the source of truth (imported whole in main.tsx); the build keeps only
// the custom properties something reads, following var() chains across every CSS and JS chunk.
function customPropertyDeclarations(css: string): { start: number; end: number; name: string; value: string }[] {
  const found: { start: number; end: number; name: string; value: string }[] = [];
  const head = /[{;]\s*(--[\w-]+)\s*:/g;
  for (let match = head.exec(css); match; match = head.exec(css)) {
    let i = head.lastIndex;
    let depth = 0;
    let quote = '';
    for (; i < css.length; i++) {
      const c = css[i];
      if (quote) {
        if (c === '\\') i++;
        else if (c === quote) quote = '';
        continue;
      }
      if (c === '"' || c === "'") quote = c;
      else if (c === '(') depth++;
      else if (c === ')') depth--;
      else if (depth === 0 && (c === ';' || c === '}')) break;
    }
    found.push({ start: match.index + 1, end: css[i] === ';' ? i + 1 : i, name: match[1]!, value: css.slice(head.lastIndex, i) });
    head.lastIndex = i;
  }
  return found;
}

// Utrecht ships every variant and the demo state classes (`--hover`, `--focus-visible`, …) of each
// component. A selector that needs a utrecht class the app never sets cannot match: it goes. Used
// means named in the built JS, literally or as a prefix of a template (`utrecht-alert--${kind}`).
// Only classes outside parentheses count (`:not(.x)` matches more without x, not less).
function dropUnusedUtrechtSelectors(css: string, used: (cls: string) => boolean): string {
  const selectorNeeded = (selector: string) => {
    let bare = selector;
    while (/\([^()]*\)/.test(bare)) bare = bare.replace(/\([^()]*\)/g, '');
    return [...bare.matchAll(/\.(utrecht-[\w-]+)/g)].every((m) => used(m[1]!));
  };
  const splitTop = (prelude: string) => {
    const parts: string[] = [];
    let depth = 0;
    let from = 0;
    for (let i = 0; i < prelude.length; i++) {
      const c = prelude[i];
      if (c === '(') depth++;
      else if (c === ')') depth--;
      else if (c === ',' && depth === 0) {
        parts.push(prelude.slice(from, i));
        from = i + 1;
      }
    }
    parts.push(prelude.slice(from));
    return parts;
  };
  const walk = (text: string): string => {
    let out = '';
    let i = 0;
    while (i < text.length) {
      const open = text.indexOf('{', i);
      const semi = text.indexOf(';', i);
      if (open < 0 || (semi >= 0 && semi < open)) {
        const end = semi < 0 ? text.length : semi + 1;
        out += text.slice(i, end);
        i = end;
        continue;
      }
      let depth = 1;
      let j = open + 1;
      for (; j < text.length && depth > 0; j++) {
        if (text[j] === '{') depth++;
        else if (text[j] === '}') depth--;
      }
      const prelude = text.slice(i, open);
      const body = text.slice(open + 1, j - 1);
      if (/^\s*@(media|supports|layer|container)/.test(prelude)) {
        const inner = walk(body);
        if (inner.trim()) out += `${prelude}{${inner}}`;
      } else if (prelude.trim().startsWith('@')) {
        out += `${prelude}{${body}}`;
      } else {
        const kept = splitTop(prelude).filter(selectorNeeded);
        if (kept.length) out += `${kept.join(',')}{${body}}`;
      }
      i = j;
    }
    return out;
  };
  return walk(css);
}

function unusedCss(): Plugin {
  const reads = (text: string, into: Set<string>) => {
    for (const m of text.matchAll(/var\(\s*(--[\w-]+)/g)) into.add(m[1]!);
  };
  return {
    name: 'overleg-unused-css',
    apply: 'build',
    enforce: 'post',
    generateBundle(_options, bundle) {
      const sheets = Object.values(bundle).filter((file) => file.type === 'asset' && file.fileName.endsWith('.css'));
      const named = new Set<string>();
      for (const file of Object.values(bundle))
        if (file.type === 'chunk') for (const m of file.code.matchAll(/utrecht-[\w-]*/g)) named.add(m[0]);
      const prefixes = [...named].filter((name) => name.endsWith('-'));
      const used = (cls: string) => named.has(cls) || prefixes.some((prefix) => cls.startsWith(prefix));
      const parsed = sheets.map((sheet) => {
        const css = dropUnusedUtrechtSelectors(String(sheet.type === 'asset' ? sheet.source : ''), used);
        return { sheet, css, declarations: customPropertyDeclarations(css) };
      });
      // What reads a custom property: ordinary CSS (everything but custom property declarations),
      // the JS (inline styles), and the values of the declarations kept so far, until nothing changes.
      const fixed = new Set<string>();
      for (const file of Object.values(bundle)) if (file.type === 'chunk') reads(file.code, fixed);
      for (const { css, declarations } of parsed) {
        let rest = '';
        let at = 0;
        for (const d of declarations) {
          rest += css.slice(at, d.start);
          at = d.end;
        }
        reads(rest + css.slice(at), fixed);
      }
      let kept = parsed.map(({ declarations }) => declarations);
      for (;;) {
        const used = new Set(fixed);
        for (const list of kept) for (const d of list) reads(d.value, used);
        const next = kept.map((list) => list.filter((d) => used.has(d.name)));
        if (next.every((list, i) => list.length === kept[i]!.length)) break;
        kept = next;
      }
      parsed.forEach(({ sheet, css, declarations }, i) => {
        const keep = new Set(kept[i]);
        let out = '';
        let at = 0;
        for (const d of declarations)
          if (!keep.has(d)) {
            out += css.slice(at, d.start);
            at = d.end;
          }
        if (sheet.type === 'asset') sheet.source = (out + css.slice(at)).replace(/;}/g, '}');
      });
    },
  };
}

/** The dictionaries a module exports, evaluated at build time and reduced to one language. */
async function dictionaryTexts(file: string, lang: 'nl' | 'en'): Promise<{ texts: Record<string, string>; inputs: string[] }> {
  const built = await esbuild({
    entryPoints: [file],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'neutral',
    metafile: true,
    logLevel: 'silent',
  });
  const source = built.outputFiles[0]!.text;
  const module = (await import(`data:text/javascript;base64,${Buffer.from(source).toString('base64')}`)) as Record<
    string,
    Record<string, { nl: string; en: string }>
  >;
  const texts: Record<string, string> = {};
  for (const dictionary of Object.values(module)) for (const [key, text] of Object.entries(dictionary)) texts[key] = text[lang];
  return { texts, inputs: Object.keys(built.metafile.inputs).map((input) => resolve(input)) };
}

// `client/src/i18n/<file>?locale=nl`: the dictionaries exported by that module, reduced to one
// language's strings (`export default { key: text }`). The dictionaries keep both languages side by
// side as the source; the browser gets only the language it shows (client/src/i18n/index.ts).
function localeTexts(): Plugin {
  return {
    name: 'overleg-locale-texts',
    enforce: 'pre',
    async load(id) {
      const match = /^(.+\.ts)\?locale=(nl|en)$/.exec(id);
      if (!match) return null;
      const [, file, lang] = match as unknown as [string, string, 'nl' | 'en'];
      const { texts, inputs } = await dictionaryTexts(file, lang);
      for (const input of inputs) this.addWatchFile(input);
      return `export default ${JSON.stringify(texts)};`;
    },
  };
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

// Issue 12, login LCP: `/inloggen` gets its own page, `inloggen.html` (sirv serves it for that
// path; every other path keeps index.html). It carries the login screen as static HTML
// (client/login-shell.html, Dutch texts from the shell dictionary), so the heading paints from the
// HTML and CSS alone instead of after the JS; the fonts that heading and form use are preloaded so
// that first paint already has them. main.tsx replaces the static screen with the live one.
function loginShell(): Plugin {
  return {
    name: 'overleg-login-shell',
    apply: 'build',
    enforce: 'post',
    async generateBundle(_options, bundle) {
      const index = bundle['index.html'];
      if (index?.type !== 'asset') return;
      const { texts } = await dictionaryTexts(fileURLToPath(new URL('./client/src/i18n/shell.ts', import.meta.url)), 'nl');
      const shell = readFileSync(fileURLToPath(new URL('./client/login-shell.html', import.meta.url)), 'utf8')
        .replace(/<!--[\s\S]*?-->/g, '')
        .replace(/>\s+</g, '><')
        .trim()
        .replace(/\{\{([\w.]+)\}\}/g, (_, key: string) => {
          const text = texts[key];
          if (text === undefined) throw new Error(`login-shell.html: no text ${key} in i18n/shell.ts`);
          return escapeHtml(text);
        });
      const fonts = Object.keys(bundle)
        .filter((name) => /^assets\/noto-(sans-latin-(400|700)|serif-latin-700)-normal-[\w-]+\.woff2$/.test(name))
        .map((name) => `<link rel="preload" href="/${name}" as="font" type="font/woff2" crossorigin>`);
      const html = String(index.source);
      if (!html.includes('<div id="app"></div>')) throw new Error('index.html: no empty <div id="app"></div>');
      // The language check (public/login-shell.js) blocks the parser, so it comes first: fetched
      // before the stylesheet and not waiting for it, it runs while the CSS is still on its way.
      this.emitFile({
        type: 'asset',
        fileName: 'inloggen.html',
        source: html
          .replace('<title>', '<script src="/login-shell.js"></script>\n    <title>')
          .replace('</head>', `  ${fonts.join('\n    ')}\n  </head>`)
          .replace('<div id="app"></div>', `<div id="app">${shell}</div>`),
      });
    },
  };
}

export default defineConfig({
  root: 'client',
  plugins: [localeTexts(), solid(), unusedCss(), loginShell(), precompress()],
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
