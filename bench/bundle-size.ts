/**
 * The drop-in's weight where it matters: the bytes of every script a page with one block of a
 * scheme fetches before its simulator first renders, measured in Chromium and gzipped (zlib's
 * default level, as most servers send them), for a page of each scheme built so far. Budget: 45 KB
 * for every scheme, Lit and the yaml parser included.
 *
 *   npm run build:bundle && node --import tsx bench/bundle-size.ts
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { BUILT_SCHEMES, type BuiltScheme } from '../engine/schemes/registry.js';
import { figure, type Figure } from './common.js';
import { blockPage, withBundleSite } from './view.js';

/** 45 KB, the budget for everything loaded before the first simulator renders. */
export const BUDGET_BYTES = 45 * 1024;

const root = fileURLToPath(new URL('..', import.meta.url));

export interface ScriptSize {
  /** Path under the copied dist folder, such as `chunks/core-x1.js`. */
  path: string;
  bytes: number;
  gzip: number;
}

export interface BundleSize {
  /** Every script fetched before the first simulator rendered, in request order. */
  scripts: ScriptSize[];
  entry: ScriptSize;
  total: { bytes: number; gzip: number };
  /** Requests that failed (404), which would make the figure meaningless. */
  missing: string[];
}

/**
 * One block of each scheme in the registry, as a reader's page would hold it: the page's weight is
 * what it loads. Typed by the registry, so a scheme added there without a page here fails the type check.
 */
export const SCENARIOS: Record<BuiltScheme, string> = {
  'vm-paging': 'scheme: vm-paging\nframes: 3\npolicy: FIFO\nrefs: 7 0 1 2 0 3 0 4 2 3 0 3 2 1 2 0 1 7 0 1\n',
  dynamic: 'scheme: dynamic\nmemory: 64M\nos: 8M\nplacement: first-fit\ntrace: |\n  load P1 20M\n  load P2 14M\n  load P3 18M\n  swap-out P2\n  load P4 8M\n',
  fixed: 'scheme: fixed\nmemory: 64M\nos: 8M\npartitions: 2M, 4M, 6M, 8M, 8M, 12M, 16M\ntrace: |\n  load A 5M\n  load B 7M\n',
  buddy: 'scheme: buddy\nmemory: 1M\ntrace: |\n  load A 100K\n  load B 240K\n  load C 64K\n',
  relocation: 'scheme: relocation\nbase: 32K\nbounds: 16K\naccess: 0 128 1000 20000\n',
  paging: 'scheme: paging\npage-size: 1K\nframes: 16\ntrace: |\n  load A 3500\n  load B 2 pages\n  access A 1502\n',
  'stack-heap': 'scheme: stack-heap\nheap: 100\ntrace: |\n  call main\n  p = malloc 16\n  call make n 4\n  q = malloc 24\n  return q -> r\n  free p\n',
};

/**
 * Runs in the page before its scripts: notes the time at which the first `<mem-sim>` first shows a
 * simulator (or an error box). Its shadow root is watched from the moment it is attached, so the
 * time is that of the render itself, before anything the render starts (such as a view importing
 * its key a frame later) has been requested.
 */
function firstRenderClock(): void {
  const w = window as { __firstRender?: number };
  const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (this: Element, init: ShadowRootInit) {
    const root = attach.call(this, init);
    if (this.localName === 'mem-sim') {
      new MutationObserver((_, observer) => {
        if (!root.querySelector('[part=simulator], [part=error]')) return;
        w.__firstRender ??= performance.now();
        observer.disconnect();
      }).observe(root, { childList: true, subtree: true });
    }
    return root;
  };
}

/**
 * Serves a page with one block of each scheme (each page on its own, in a fresh browser context so
 * nothing is cached) and the built dist/ folder, and weighs what each page loads.
 */
export async function measureBundleSizes(schemes: readonly BuiltScheme[] = BUILT_SCHEMES, dist = join(root, 'dist')): Promise<Record<string, BundleSize>> {
  const pages = Object.fromEntries(schemes.map((scheme) => [`${scheme}.html`, blockPage(SCENARIOS[scheme], 'bundle size')]));
  return withBundleSite(pages, async ({ url, dir, browser }) => {
    const out: Record<string, BundleSize> = {};
    for (const scheme of schemes) {
      const context = await browser.newContext();
      const page = await context.newPage();
      const missing: string[] = [];
      page.on('response', (r) => {
        if (r.status() >= 400) missing.push(new URL(r.url()).pathname);
      });
      await page.addInitScript(firstRenderClock);
      await page.goto(`${url}/${scheme}.html`);
      await page.waitForFunction(() => (window as { __firstRender?: number }).__firstRender !== undefined);
      if (await page.evaluate(() => !document.querySelector('mem-sim')!.shadowRoot!.querySelector('[part=simulator]'))) {
        missing.push(`${scheme}.html: the simulator showed an error instead of rendering`);
      }
      // What loads after the first render (the key under a view, a diagram) is not what a reader waits for.
      const scripts = await page.evaluate(() =>
        performance
          .getEntriesByType('resource')
          .filter((e) => e.startTime < (window as { __firstRender?: number }).__firstRender! && /\.m?js$/.test(new URL(e.name).pathname))
          .map((e) => new URL(e.name).pathname),
      );
      const sizes = scripts.map((p) => {
        const bytes = readFileSync(join(dir, p));
        return { path: p.replace(/^\/mem-sim\//, ''), bytes: bytes.length, gzip: gzipSync(bytes).length };
      });
      out[scheme] = {
        scripts: sizes,
        entry: sizes.find((s) => s.path === 'mem-sim.js')!,
        total: { bytes: sizes.reduce((a, s) => a + s.bytes, 0), gzip: sizes.reduce((a, s) => a + s.gzip, 0) },
        missing,
      };
      await context.close();
    }
    return out;
  }, dist);
}

/** For `npm run bench`. */
export async function benchBundleSize(): Promise<Figure[]> {
  const all = await measureBundleSizes();
  const entry = Object.values(all)[0]!.entry;
  return [
    figure('dist/mem-sim.js, gzipped', entry.gzip / 1024, BUDGET_BYTES / 1024, 'KB', true),
    ...Object.entries(all).map(([scheme, m]) =>
      figure(`${scheme} page: scripts before the first render (${m.scripts.length} files), gzipped`, m.total.gzip / 1024, BUDGET_BYTES / 1024, 'KB', true),
    ),
  ];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  let ok = true;
  for (const [scheme, m] of Object.entries(await measureBundleSizes())) {
    console.log(`\n${scheme} page`);
    for (const s of m.scripts) console.log(`  ${s.path.padEnd(34)} ${String(s.bytes).padStart(7)} B  ${String(s.gzip).padStart(6)} B gzipped`);
    console.log(`  ${'total before the first render'.padEnd(34)} ${String(m.total.bytes).padStart(7)} B  ${String(m.total.gzip).padStart(6)} B gzipped (budget ${BUDGET_BYTES})`);
    if (m.missing.length) console.log(`  failed: ${m.missing.join(', ')}`);
    ok &&= m.total.gzip <= BUDGET_BYTES && m.missing.length === 0;
  }
  process.exit(ok ? 0 : 1);
}
