/**
 * The drop-in's weight where it matters: the bytes of every script a page with one vm-paging block
 * fetches before its simulator first renders, measured in Chromium and gzipped (zlib's default
 * level, as most servers send them). Budget: 45 KB, Lit and the yaml parser included.
 *
 *   npm run build:bundle && node --import tsx bench/bundle-size.ts
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { launchChromium, serve } from '../test/e2e/support.js';
import { figure, type Figure } from './common.js';

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

const PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>bundle size</title>
<script type="module" src="mem-sim/mem-sim.js"></script></head>
<body><pre><code class="language-memsim">scheme: vm-paging
frames: 3
policy: FIFO
refs: 7 0 1 2 0 3 0 4 2 3 0 3 2 1 2 0 1 7 0 1
</code></pre></body></html>`;

/** Serves a page with one vm-paging block and the built dist/ folder, and weighs what it loads. */
export async function measureBundleSize(dist = join(root, 'dist')): Promise<BundleSize> {
  const site = mkdtempSync(join(tmpdir(), 'mem-sim-size-'));
  cpSync(dist, join(site, 'mem-sim'), { recursive: true });
  writeFileSync(join(site, 'index.html'), PAGE);
  const server = await serve(site);
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    const scripts: string[] = [];
    const missing: string[] = [];
    page.on('request', (r) => {
      if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname);
    });
    page.on('response', (r) => {
      if (r.status() >= 400) missing.push(new URL(r.url()).pathname);
    });
    await page.goto(`${server.url}/index.html`);
    await page.waitForFunction(() => document.querySelector('mem-sim')?.shadowRoot?.querySelector('[part=simulator]'));
    const sizes = scripts.map((p) => {
      const bytes = readFileSync(join(site, p));
      return { path: p.replace(/^\/mem-sim\//, ''), bytes: bytes.length, gzip: gzipSync(bytes).length };
    });
    return {
      scripts: sizes,
      entry: sizes.find((s) => s.path === 'mem-sim.js')!,
      total: { bytes: sizes.reduce((a, s) => a + s.bytes, 0), gzip: sizes.reduce((a, s) => a + s.gzip, 0) },
      missing,
    };
  } finally {
    await browser.close();
    await server.close();
    rmSync(site, { recursive: true, force: true });
  }
}

/** For `npm run bench`. */
export async function benchBundleSize(): Promise<Figure[]> {
  const m = await measureBundleSize();
  return [
    figure('dist/mem-sim.js, gzipped', m.entry.gzip / 1024, BUDGET_BYTES / 1024, 'KB', true),
    figure(`scripts before the first render (${m.scripts.length} files), gzipped`, m.total.gzip / 1024, BUDGET_BYTES / 1024, 'KB', true),
  ];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const m = await measureBundleSize();
  for (const s of m.scripts) console.log(`${s.path.padEnd(34)} ${String(s.bytes).padStart(7)} B  ${String(s.gzip).padStart(6)} B gzipped`);
  console.log(`${'total before the first render'.padEnd(34)} ${String(m.total.bytes).padStart(7)} B  ${String(m.total.gzip).padStart(6)} B gzipped (budget ${BUDGET_BYTES})`);
  if (m.missing.length) console.log(`failed requests: ${m.missing.join(', ')}`);
  process.exit(m.total.gzip <= BUDGET_BYTES && m.missing.length === 0 ? 0 : 1);
}
