/**
 * Shared helpers for end-to-end tests: a static file server on loopback and a headless Chromium
 * (the one `npm test` found, passed as CHROME_PATH) driven by playwright-core.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, createReadStream, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
// @ts-expect-error: a JavaScript module without types
import { ensureBundle } from '../../scripts/build-site.mjs';
import { CHROMIUM_ARGS } from '../../scripts/tools.mjs';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.yaml': 'text/yaml; charset=utf-8',
  '.yml': 'text/yaml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * How long a wait on a condition may take before it fails: a minute, far above what any wait needs on
 * a quiet machine (a second or two), so that a busy 2-core machine (the suite beside another heavy
 * job) passes too, while a page that never answers still fails its test instead of hanging the suite.
 */
export const PATIENCE_MS = 60_000;

/**
 * `promise`, or a failure naming `what` after `ms`: a page that never answers (an element that never
 * becomes ready, an event that never comes) fails its test instead of hanging the suite.
 */
export async function within<T>(promise: Promise<T>, what: string, ms = PATIENCE_MS): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for: ${what}`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Polls `check` until it gives a truthy value, and resolves with that value; fails naming `what`
 * (and `detail()`, say the output so far) if that takes over `ms`. For conditions outside a page
 * (a process printing a line, a port closing): a wait on the condition itself, with a bound generous
 * enough for a busy 2-core machine, never a fixed sleep.
 */
export async function eventually<T>(check: () => T | Promise<T>, what: string, ms = PATIENCE_MS, detail?: () => string): Promise<NonNullable<T>> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for: ${what}${detail ? `\n${detail()}` : ''}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * The text a reader sees in `locator` once scrolled to it: a fallback out of view is not laid out
 * (the plugin's `content-visibility: auto`), so it has no innerText until it has come near.
 */
export async function textWhenShown(locator: Locator): Promise<string> {
  await locator.scrollIntoViewIfNeeded();
  return eventually(() => locator.innerText(), 'the text to be laid out once scrolled into view');
}

/**
 * The browser bundle's folder (dist/), built first when a suite runs on its own before any build
 * (npm test always builds it).
 */
export function builtBundle(): string {
  ensureBundle();
  return resolve(fileURLToPath(new URL('../../dist', import.meta.url)));
}

export interface StaticServer {
  url: string;
  /** Every path requested, in order (to check what a page fetched). */
  requests: string[];
  close(): Promise<void>;
}

/** Serves `dir` on 127.0.0.1 at a free port. */
export async function serve(dir: string): Promise<StaticServer> {
  const base = resolve(dir);
  const requests: string[] = [];
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    requests.push(path);
    let file = normalize(join(base, path));
    if (!file.startsWith(base)) {
      res.writeHead(403).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}


export function chromiumPath(): string {
  const p = process.env.CHROME_PATH ?? '/usr/bin/chromium';
  if (!existsSync(p)) throw new Error(`No Chromium at ${p}: run the tests with npm test, which finds or installs one`);
  return p;
}

/**
 * A headless Chromium whose pages wait up to PATIENCE_MS for a condition, a navigation or an element
 * (Playwright's default is 30 s, which a busy machine can exceed).
 */
export async function launchChromium(): Promise<Browser> {
  const browser = await chromium.launch({ executablePath: chromiumPath(), headless: true, args: CHROMIUM_ARGS, timeout: 2 * PATIENCE_MS });
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (options) => patient(await newContext(options));
  const newPage = browser.newPage.bind(browser);
  browser.newPage = async (options) => {
    const page = await newPage(options);
    patient(page.context());
    return page;
  };
  return browser;
}

function patient(context: BrowserContext): BrowserContext {
  context.setDefaultTimeout(PATIENCE_MS);
  context.setDefaultNavigationTimeout(PATIENCE_MS);
  return context;
}

/**
 * Builds a Jekyll site with the real `jekyll` (the one `npm test` found, as JEKYLL_PATH): copies
 * `source` into a temporary folder, lets `prepare` add files, copies the bundle into
 * `assets/mem-sim/` as the README tells Jekyll users to, and builds it under `/<baseurl>/`.
 * Returns the temporary folder (remove it after) and the folder to serve.
 */
export function buildJekyllSite(
  source: string,
  dist: string,
  baseurl: string,
  prepare: (sourceCopy: string) => void = () => {},
): { work: string; site: string } {
  const work = mkdtempSync(join(tmpdir(), 'mem-sim-jekyll-'));
  const copy = join(work, 'source');
  cpSync(source, copy, { recursive: true });
  prepare(copy);
  cpSync(dist, join(copy, 'assets/mem-sim'), { recursive: true });
  const jekyll = process.env.JEKYLL_PATH || 'jekyll';
  const build = spawnSync(jekyll, ['build', '--source', copy, '--destination', join(work, 'site', baseurl), '--quiet'], { encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`jekyll build failed: ${build.stderr}${build.error ?? ''}`);
  return { work, site: join(work, 'site') };
}

/**
 * Opens `url` in a new page that records uncaught page errors and failed responses (status 400 or
 * more, by path), and waits until `count` simulators show either their simulator or their errors.
 */
export async function openSimulatorPage(browser: Browser, url: string, count: number) {
  const page = await browser.newPage();
  const pageErrors: string[] = [];
  const failed: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  page.on('response', (r) => {
    if (r.status() >= 400) failed.push(new URL(r.url()).pathname);
  });
  await page.goto(url);
  await everySimulatorShown(page, count);
  return { page, pageErrors, failed };
}

/**
 * Waits until the page has `count` simulators (any number when undefined), each showing its
 * simulator or its errors, scrolling to each one still waiting as a reader would: a block far below
 * the fold starts only when it comes near (docs/element.md, Many blocks on one page).
 */
export async function everySimulatorShown(page: Page, count?: number): Promise<void> {
  await page.waitForFunction((n) => {
    const sims = [...document.querySelectorAll('mem-sim')];
    const waiting = sims.find((s) => !s.shadowRoot?.querySelector('[part=simulator], [part=error]'));
    waiting?.scrollIntoView();
    return (n === undefined || sims.length === n) && !waiting;
  }, count);
}

/** A site Jekyll built, served, with one post open in Chromium; `close` stops it all and removes the build. */
export interface JekyllPost {
  server: StaticServer;
  page: Page;
  pageErrors: string[];
  failed: string[];
  close(): Promise<void>;
}

/**
 * Builds `source` with Jekyll under `baseurl` with the bundle in assets/mem-sim/ (see
 * buildJekyllSite), serves it and opens `post`, waiting for its `simulators` (see openSimulatorPage).
 */
export async function openJekyllPost(source: string, baseurl: string, post: string, simulators: number, prepare?: (sourceCopy: string) => void): Promise<JekyllPost> {
  const built = buildJekyllSite(source, builtBundle(), baseurl, prepare);
  const server = await serve(built.site);
  const browser = await launchChromium();
  const opened = await openSimulatorPage(browser, server.url + post, simulators);
  return {
    server,
    ...opened,
    async close() {
      await browser.close();
      await server.close();
      rmSync(built.work, { recursive: true, force: true });
    },
  };
}
