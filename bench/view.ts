/**
 * Timing the element in Chromium with the built bundle, shared by the view benchmarks: a page with
 * one memsim block, the time until its simulator shows, then single steps at the start, the middle
 * and the end of the run, each timed from setting `step` until the frame that shows it is painted.
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, serve } from '../test/e2e/support.js';

const root = fileURLToPath(new URL('..', import.meta.url));

export interface ViewTimes {
  /** From navigation until the simulator is in the page, ms. */
  firstRender: number;
  /** Every step's time, ms. */
  times: number[];
  /** Each metric the element shows after the last step, by its label: one number per run. */
  metrics: Record<string, number[]>;
}

/** A page holding one memsim block, loading the bundle from `mem-sim/`, as a reader's page would. */
export const blockPage = (scenario: string, title: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title><script type="module" src="mem-sim/mem-sim.js"></script></head>` +
  `<body><pre><code class="language-memsim">${scenario}</code></pre></body></html>`;

/**
 * Serves `pages` (file name -> HTML) beside a copy of the built bundle in `mem-sim/`, starts
 * Chromium, hands both to `use`, and removes it all afterwards. The bundle is `dist/`, or the folder
 * named by MEM_SIM_DIST (to compare two builds in one session, run by run).
 */
export async function withBundleSite<T>(
  pages: Record<string, string>,
  use: (site: { url: string; dir: string; browser: Browser }) => Promise<T>,
  dist = process.env.MEM_SIM_DIST || join(root, 'dist'),
): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'mem-sim-bench-'));
  cpSync(dist, join(dir, 'mem-sim'), { recursive: true });
  for (const [name, html] of Object.entries(pages)) writeFileSync(join(dir, name), html);
  const server = await serve(dir);
  const browser = await launchChromium();
  try {
    return await use({ url: server.url, dir, browser });
  } finally {
    await browser.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * @param scenario the block's text
 * @param first where the first series of steps starts (later ones: the middle, and `steps` before the end)
 * @param steps steps timed in each series
 */
export async function timeViewSteps(scenario: string, first: number, steps: number, viewport = { width: 1280, height: 800 }): Promise<ViewTimes> {
  return withBundleSite({ 'index.html': blockPage(scenario, 'view benchmark') }, async ({ url, browser }) => {
    const page = await browser.newPage({ viewport });
    const t0 = Date.now();
    await page.goto(`${url}/index.html`);
    await page.waitForFunction(() => document.querySelector('mem-sim')?.shadowRoot?.querySelector('[part=simulator]'), null, { timeout: 60_000 });
    const firstRender = Date.now() - t0;
    const { times, metrics } = await page.evaluate(
      async ({ first, steps }) => {
        const el = document.querySelector('mem-sim') as HTMLElement & { step: number; total: number; ready: Promise<void> };
        const times: number[] = [];
        for (const start of [first, Math.floor(el.total / 2), el.total - steps]) {
          el.step = start;
          await el.ready;
          for (let i = 0; i < steps; i++) {
            const t = performance.now();
            el.step += 1;
            await el.ready;
            // Until the frame that shows the step has been painted.
            await new Promise((done) => requestAnimationFrame(() => setTimeout(done)));
            times.push(performance.now() - t);
          }
        }
        const metrics: Record<string, number[]> = {};
        for (const d of el.shadowRoot!.querySelectorAll('[part=metrics] div')) {
          const label = d.querySelector('dt')?.textContent ?? '';
          (metrics[label] ??= []).push(Number(d.querySelector('dd')?.textContent?.replace(/,/g, '')));
        }
        return { times, metrics };
      },
      { first, steps },
    );
    return { firstRender, times, metrics };
  });
}

/**
 * Records the page's long tasks from its first script on (a task blocks input for its whole length):
 * call before `goto`, read with `longestTask`.
 */
export async function watchLongTasks(page: Page): Promise<void> {
  await page.addInitScript(() => {
    (window as any).__longest = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) (window as any).__longest = Math.max((window as any).__longest, e.duration);
    }).observe({ type: 'longtask', buffered: true });
  });
}

/** The longest task since `watchLongTasks`, in milliseconds. */
export const longestTask = (page: Page): Promise<number> => page.evaluate(() => (window as any).__longest as number);
