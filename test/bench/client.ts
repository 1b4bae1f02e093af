// Client benchmark (issue 12): what the browser must fetch before the first screen, and how fast
// the login page paints on a slow device. Prints figures and writes them as JSON; asserts nothing.
//
//   npm run bench:client                  uses dist/client (builds it when missing)
//   npm run bench:client -- --build       builds first
//   npm run bench:client -- --runs=9 --out=/tmp/client.json
//   npm run bench:client -- --runs=3 --verbose   also prints each load's LCP entries (element, size,
//                                                time), paints, fonts, the shell's removal, requests
//
// - initial JS / CSS: the gzip size (level 9, as the server's precompressed copies) of everything the login page's HTML (inloggen.html, else index.html)
//   loads before the app can draw: the entry script, its modulepreloads and stylesheets;
// - login LCP: largest contentful paint of /inloggen in a fresh context (cold cache), Chromium
//   headless with the CPU throttled 4× through CDP, against the built app served by the real server
//   (test/e2e/helpers.ts), median of the runs; and the same for a bare Solid page (./bare-client)
//   with the same heading and form, as the reference of what the framework alone costs (the two
//   pages' runs interleaved, so the machine's drifting load weighs on both alike).
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import solid from 'vite-plugin-solid';
import type { Browser } from 'playwright-core';
import { launchBrowser, startApp } from '../e2e/helpers';
import { benchArgs } from './tools';

const args = benchArgs();
const runs = Number(args.get('runs') ?? 5);
const root = join(import.meta.dirname, '../..');
const dist = join(root, 'dist/client');

type Asset = { file: string; kind: 'js' | 'css'; bytes: number; gzip: number };

/** The assets a page (index.html, or the login's own inloggen.html) makes the browser fetch before the app runs. */
function initialAssets(dir: string, page = 'index.html'): Asset[] {
  const html = readFileSync(join(dir, page), 'utf8');
  const refs = [
    ...[...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => m[1]!),
    ...[...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g)].map((m) => m[1]!),
    ...[...html.matchAll(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"/g)].map((m) => m[1]!),
  ];
  return refs.map((ref) => {
    const body = readFileSync(join(dir, ref));
    return { file: ref, kind: ref.endsWith('.css') ? 'css' : 'js', bytes: body.length, gzip: gzipSync(body, { level: 9 }).length };
  });
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

const verbose = args.has('verbose');

/**
 * --verbose: what the page did, as it happened (recorded in the page from its first byte): every
 * LCP entry with its element (described when reported, before a takeover can detach it), size and
 * time, the first contentful paint, each web font loaded, and when the static shell left the DOM.
 */
function recordTimeline() {
  const log: string[] = [];
  (window as unknown as { __timeline: string[] }).__timeline = log;
  const at = (t: number) => t.toFixed(0).padStart(5);
  const describe = (el: Element | null | undefined) => {
    if (!el) return '(detached)';
    const text = (el.textContent ?? '').trim().slice(0, 24);
    const box = el.getBoundingClientRect();
    const font = getComputedStyle(el).fontFamily.split(',')[0];
    const inShell = el.closest('.static-shell') ? ' [shell]' : '';
    return `${el.tagName.toLowerCase()}${inShell} "${text}" ${box.width.toFixed(0)}×${box.height.toFixed(0)} ${font}`;
  };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries() as (PerformanceEntry & { size: number; element: Element | null; renderTime: number })[])
      log.push(`${at(e.startTime)} LCP size ${e.size} ${describe(e.element)} (reported ${performance.now().toFixed(0)})`);
  }).observe({ type: 'largest-contentful-paint', buffered: true });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) log.push(`${at(e.startTime)} ${e.name}`);
  }).observe({ type: 'paint', buffered: true });
  document.fonts.addEventListener('loadingdone', (e) => {
    for (const face of e.fontfaces) log.push(`${at(performance.now())} font ${face.family} ${face.weight} loaded`);
  });
  new MutationObserver((records) => {
    for (const r of records)
      for (const node of r.removedNodes)
        if (node instanceof Element && node.classList.contains('static-shell')) log.push(`${at(performance.now())} static shell removed`);
  }).observe(document, { childList: true, subtree: true });
  addEventListener('DOMContentLoaded', () => log.push(`${at(performance.now())} DOMContentLoaded`));
}

/** LCP of one cold load of `url` at 4× CPU throttle; `ready` is a selector of the painted form. */
async function lcpOnce(browser: Browser, url: string, ready: string): Promise<number> {
  const context = await browser.newContext({ locale: 'nl-NL', timezoneId: 'Europe/Amsterdam' });
  try {
    const page = await context.newPage();
    // tsx names functions through a `__name` helper the page does not have: give it one.
    if (verbose) await page.addInitScript({ content: `var __name = (f) => f; (${recordTimeline.toString()})();` });
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    await page.goto(url, { waitUntil: 'load' });
    await page.locator(ready).first().waitFor({ timeout: 30_000 });
    // Later candidates (a font swap, a late block) still count: let the page settle first.
    await page.waitForTimeout(750);
    if (verbose) {
      const timeline = await page.evaluate(() => [
        ...((window as unknown as { __timeline?: string[] }).__timeline ?? []),
        ...(performance.getEntriesByType('navigation') as PerformanceNavigationTiming[]).map(
          (n) => `  nav: response ${n.responseStart.toFixed(0)}–${n.responseEnd.toFixed(0)}, domInteractive ${n.domInteractive.toFixed(0)}`,
        ),
        ...(performance.getEntriesByType('resource') as PerformanceResourceTiming[]).map(
          (r) =>
            `  ${r.name.replace(/^https?:\/\/[^/]+/, '')}: ${r.startTime.toFixed(0)} → ${r.responseEnd.toFixed(0)} (${r.initiatorType})`,
        ),
      ]);
      console.log(`${url}\n  ${timeline.join('\n  ')}`);
    }
    return await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          new PerformanceObserver((list) => {
            const entries = list.getEntries();
            resolve(entries[entries.length - 1]!.startTime);
          }).observe({ type: 'largest-contentful-paint', buffered: true });
        }),
    );
  } finally {
    await context.close();
  }
}

/**
 * Both pages' LCP, their runs interleaved (app, bare, app, bare, …) so that the load of this shared
 * machine, which drifts over a minute, weighs on both alike; one warm-up each first.
 */
async function lcps(browser: Browser, urls: [string, string], ready: string): Promise<[number[], number[]]> {
  for (const url of urls) await lcpOnce(browser, url, ready); // warm-up: the server's and the browser's first run
  const values: [number[], number[]] = [[], []];
  for (let i = 0; i < runs; i++) for (const [j, url] of urls.entries()) values[j]!.push(await lcpOnce(browser, url, ready));
  return values;
}

/** The bare Solid reference, built to a temporary dir and served by a plain static server. */
async function startBare(): Promise<{ url: string; close: () => Promise<void>; dir: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'overleg-bare-client-'));
  await build({
    configFile: false,
    logLevel: 'silent',
    root: join(import.meta.dirname, 'bare-client'),
    plugins: [solid()],
    build: { outDir: dir, emptyOutDir: true },
  });
  const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };
  const server: Server = createServer((req, res) => {
    const path = normalize(new URL(req.url ?? '/', 'http://x').pathname).replace(/^(\.\.[/\\])+/, '');
    const file = join(dir, path === '/' ? 'index.html' : path);
    if (!file.startsWith(dir) || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { url: `http://127.0.0.1:${port}/`, dir, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

if (args.has('build') || !existsSync(join(dist, 'index.html'))) {
  await build({ configFile: join(root, 'vite.config.ts'), logLevel: 'warn' });
}

// /inloggen has its own page with the login screen in static HTML (vite.config.ts loginShell).
const assets = initialAssets(dist, existsSync(join(dist, 'inloggen.html')) ? 'inloggen.html' : 'index.html');
const sum = (kind: Asset['kind'], field: 'bytes' | 'gzip') => assets.filter((a) => a.kind === kind).reduce((n, a) => n + a[field], 0);
const bare = await startBare();
const bareAssets = initialAssets(bare.dir);
const app = await startApp();
const browser = await launchBrowser();
let appLcp: number[];
let bareLcp: number[];
try {
  [appLcp, bareLcp] = await lcps(browser, [`${app.url}/inloggen`, bare.url], 'form input[type=password]');
} finally {
  await browser.close();
  await app.close();
  await bare.close();
  rmSync(bare.dir, { recursive: true, force: true });
}

const kb = (n: number) => (n / 1024).toFixed(1);
const lines: string[] = [];
lines.push(`${'initial asset'.padEnd(34)}${'KB'.padStart(10)}${'gzip KB'.padStart(10)}`);
for (const a of assets) lines.push(`${a.file.padEnd(34)}${kb(a.bytes).padStart(10)}${kb(a.gzip).padStart(10)}`);
lines.push(`${'initial JS'.padEnd(34)}${kb(sum('js', 'bytes')).padStart(10)}${kb(sum('js', 'gzip')).padStart(10)}`);
lines.push(`${'initial CSS'.padEnd(34)}${kb(sum('css', 'bytes')).padStart(10)}${kb(sum('css', 'gzip')).padStart(10)}`);
lines.push(
  `${'bare Solid JS'.padEnd(34)}${kb(bareAssets.reduce((n, a) => n + a.bytes, 0)).padStart(10)}${kb(bareAssets.reduce((n, a) => n + a.gzip, 0)).padStart(10)}`,
);
lines.push('');
lines.push(`${`login LCP, 4× CPU, ${runs} runs`.padEnd(34)}${'median ms'.padStart(10)}${'min'.padStart(8)}${'max'.padStart(8)}`);
for (const [name, values] of [
  ['Overleg /inloggen', appLcp],
  ['bare Solid page', bareLcp],
] as const) {
  lines.push(
    `${name.padEnd(34)}${median(values).toFixed(0).padStart(10)}${Math.min(...values)
      .toFixed(0)
      .padStart(8)}${Math.max(...values)
      .toFixed(0)
      .padStart(8)}`,
  );
}
console.log(lines.join('\n'));
const out = args.get('out') ?? join(import.meta.dirname, 'results-client.json');
writeFileSync(
  out,
  JSON.stringify(
    {
      at: new Date().toISOString(),
      initial: {
        jsGzip: sum('js', 'gzip'),
        cssGzip: sum('css', 'gzip'),
        jsBytes: sum('js', 'bytes'),
        cssBytes: sum('css', 'bytes'),
        assets,
      },
      loginLcpMs: { median: median(appLcp), runs: appLcp },
      bareSolidLcpMs: { median: median(bareLcp), runs: bareLcp },
    },
    null,
    2,
  ),
);
console.log(`\nfigures written to ${out}`);
