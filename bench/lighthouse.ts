/**
 * Lighthouse on the docs site: builds it, serves it compressed (brotli or gzip, as a host would), and
 * runs Lighthouse 12 (mobile, its default throttling) on the home page and two scheme pages, three
 * times each. Reports each page's median performance, accessibility and best-practices scores with
 * their budgets, and the audits that cost points. Not part of `npm test`: Chromium, and a few minutes.
 *
 *   flock /work/wt/chromium.lock node --import tsx bench/lighthouse.ts
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { launch } from 'chrome-launcher';
import lighthouse from 'lighthouse';
// @ts-expect-error: a JavaScript module without types
import { buildSite } from '../scripts/build-site.mjs';
import { CHROMIUM_ARGS, findChromium } from '../scripts/tools.mjs';
import { figure, median, printFigures, type Figure } from './common.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const PAGES = ['/', '/schemes/vm-paging/', '/schemes/dynamic/'];
const RUNS = 3;
const CATEGORIES = ['performance', 'accessibility', 'best-practices'] as const;
type Category = (typeof CATEGORIES)[number];
/** Scores out of 100. Performance is held lower while the element's first render blocks the main thread. */
const BUDGETS: Record<Category, number> = { performance: 95, accessibility: 100, 'best-practices': 100 };

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.wasm': 'application/wasm',
};
/** Worth compressing: everything but Pagefind's index fragments, which it compresses itself. */
const TEXT = /^(text\/|application\/(json|javascript)|image\/svg)/;

/** A static server of `dir` that sends text brotli- or gzip-compressed when the browser accepts it. */
function serveCompressed(dir: string): Promise<{ url: string; server: Server }> {
  const cache = new Map<string, Buffer>();
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    let file = normalize(join(dir, path));
    if (!file.startsWith(dir + sep) && file !== dir) return void res.writeHead(403).end();
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) return void res.writeHead(404).end('not found');
    const type = TYPES[extname(file)] ?? 'application/octet-stream';
    const accepts = String(req.headers['accept-encoding'] ?? '');
    const encoding = !TEXT.test(type) ? undefined : /\bbr\b/.test(accepts) ? 'br' : /\bgzip\b/.test(accepts) ? 'gzip' : undefined;
    let body: Buffer = readFileSync(file);
    if (encoding) {
      const key = `${encoding}:${file}`;
      if (!cache.has(key)) {
        cache.set(key, encoding === 'br' ? brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }) : gzipSync(body, { level: 9 }));
      }
      body = cache.get(key)!;
    }
    res.writeHead(200, {
      'content-type': type,
      'content-length': body.length,
      'cache-control': 'max-age=3600',
      vary: 'accept-encoding',
      ...(encoding ? { 'content-encoding': encoding } : {}),
    });
    res.end(body);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ url: `http://127.0.0.1:${(server.address() as { port: number }).port}`, server })));
}

interface AuditLine {
  id: string;
  title: string;
  score: number | null;
  display?: string;
}

/** The audits of `category` that did not pass, the heaviest first. */
function failing(lhr: any, category: Category): AuditLine[] {
  const refs: { id: string; weight: number }[] = lhr.categories[category].auditRefs;
  return refs
    .map((r) => ({ ...r, audit: lhr.audits[r.id] }))
    .filter(({ audit }) => audit && audit.score !== null && audit.score < 1 && !['notApplicable', 'manual', 'informative'].includes(audit.scoreDisplayMode))
    .sort((a, b) => b.weight * (1 - b.audit.score) - a.weight * (1 - a.audit.score))
    .map(({ id, audit }) => ({ id, title: audit.title, score: audit.score, display: audit.displayValue }));
}

/** Performance opportunities and diagnostics that flag something, with what they measured. */
function performanceDiagnostics(lhr: any): AuditLine[] {
  const ids = ['mainthread-work-breakdown', 'bootup-time', 'long-tasks', 'render-blocking-resources', 'unused-javascript', 'unused-css-rules', 'total-byte-weight', 'dom-size', 'third-party-summary', 'largest-contentful-paint-element', 'layout-shifts'];
  return ids
    .map((id) => lhr.audits[id])
    .filter((a) => a && a.score !== null && a.score < 1)
    .map((a) => ({ id: a.id, title: a.title, score: a.score, display: a.displayValue }));
}

/** The elements that moved, for a layout shift worth chasing. */
function shiftedNodes(lhr: any): string[] {
  const items: any[] = lhr.audits['layout-shifts']?.details?.items ?? [];
  return items.map((i) => `${i.node?.selector ?? i.node?.snippet ?? '?'} (${Number(i.score).toFixed(3)})`);
}

export async function benchLighthouse(): Promise<Figure[]> {
  const built = spawnSync(process.execPath, [join(root, 'scripts/build-bundle.mjs')], { cwd: root, stdio: 'inherit' });
  if (built.status !== 0) throw new Error('lighthouse: the bundle build failed');
  const out = mkdtempSync(join(tmpdir(), 'mem-sim-lighthouse-'));
  const cwd = process.cwd();
  await buildSite({ output: out, quiet: true });
  process.chdir(cwd);
  const { url, server } = await serveCompressed(out);
  const chrome = await launch({ chromePath: findChromium(), chromeFlags: ['--headless=new', ...CHROMIUM_ARGS] });
  const figures: Figure[] = [];
  try {
    for (const path of PAGES) {
      const runs: any[] = [];
      for (let i = 0; i < RUNS; i++) {
        const result = await lighthouse(url + path, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES] });
        if (!result) throw new Error(`lighthouse: no result for ${path}`);
        if (result.lhr.runtimeError) throw new Error(`lighthouse: ${path}: ${result.lhr.runtimeError.message}`);
        runs.push(result.lhr);
      }
      const scores = (c: Category) => runs.map((lhr) => Math.round((lhr.categories[c].score ?? 0) * 100));
      console.log(`\n${path}`);
      for (const c of CATEGORIES) {
        const s = scores(c);
        console.log(`  ${c}: ${s.join(', ')} (median ${median(s)})`);
        figures.push(figure(`${path} ${c}, median of ${RUNS}`, median(s), BUDGETS[c], 'points', false));
      }
      // The run whose performance score is the median stands for the page.
      const typical = [...runs].sort((a, b) => a.categories.performance.score - b.categories.performance.score)[RUNS >> 1];
      const metrics = ['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'cumulative-layout-shift', 'speed-index'];
      console.log(`  metrics: ${metrics.map((m) => `${m} ${typical.audits[m].displayValue}`).join(', ')}`);
      for (const c of CATEGORIES) {
        for (const a of failing(typical, c)) console.log(`  ${c} audit fails: ${a.id} (${a.title})${a.display ? `: ${a.display}` : ''} score ${a.score}`);
      }
      const shifted = shiftedNodes(typical);
      if (shifted.length) console.log(`  layout shifts: ${shifted.join(', ')}`);
      for (const a of performanceDiagnostics(typical)) console.log(`  performance diagnostic: ${a.id} (${a.title})${a.display ? `: ${a.display}` : ''}`);
    }
  } finally {
    await chrome.kill();
    server.close();
    rmSync(out, { recursive: true, force: true });
  }
  return figures;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const figures = await benchLighthouse();
  console.log('');
  printFigures(figures);
  process.exit(figures.every((f) => f.ok) ? 0 : 1);
}
