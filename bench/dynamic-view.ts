/**
 * The dynamic-partitioning view on a long trace, in Chromium with the built bundle (issue 5): the
 * seeded trace of bench/dynamic.ts (10,000 operations that keep about 1,000 holes in memory) under
 * all four placement policies side by side, stepped one operation at a time at the start, the
 * middle and the end. A step is timed from setting `step` until the frame that shows it has been
 * painted. Budget: 50 ms at the 95th percentile.
 *
 *   npm run build:bundle && node --import tsx bench/dynamic-view.ts
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { launchChromium, serve } from '../test/e2e/support.js';
import { figure, type Figure } from './common.js';
import { dynamicTrace } from './dynamic.js';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Steps timed at each of the three places in the trace. */
const STEPS = 40;

export async function benchDynamicView(): Promise<Figure[]> {
  const scenario = `scheme: dynamic\nmemory: 256M\nos: 1M\nplacement: first-fit, next-fit, best-fit, worst-fit\ntrace: |\n${dynamicTrace()}\n`;
  const site = mkdtempSync(join(tmpdir(), 'mem-sim-dynamic-view-'));
  cpSync(join(root, 'dist'), join(site, 'mem-sim'), { recursive: true });
  writeFileSync(
    join(site, 'index.html'),
    `<!doctype html><html lang="en"><meta charset="utf-8"><title>dynamic view</title><script type="module" src="mem-sim/mem-sim.js"></script><pre><code class="language-memsim">${scenario}</code></pre></html>`,
  );
  const server = await serve(site);
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const t0 = Date.now();
    await page.goto(`${server.url}/index.html`);
    await page.waitForFunction(() => document.querySelector('mem-sim')?.shadowRoot?.querySelector('[part=simulator]'), null, { timeout: 60_000 });
    const firstRender = Date.now() - t0;
    const { times, holes } = await page.evaluate(async (steps) => {
      const el = document.querySelector('mem-sim') as HTMLElement & { step: number; total: number; ready: Promise<void> };
      const times: number[] = [];
      for (const start of [3000, Math.floor(el.total / 2), el.total - steps]) {
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
      const holes = [...el.shadowRoot!.querySelectorAll('[part=metrics] div')]
        .filter((d) => d.querySelector('dt')!.textContent === 'hole count')
        .map((d) => Number(d.querySelector('dd')!.textContent));
      return { times: times.sort((a, b) => a - b), holes };
    }, STEPS);
    const p95 = times[Math.ceil(times.length * 0.95) - 1]!;
    return [
      figure(`dynamic view: first render of 10,000 operations x 4 policies`, firstRender, 3000, 'ms', true),
      figure(
        `dynamic view: one step drawn and painted, 4 policies, ${Math.min(...holes)} to ${Math.max(...holes)} holes (95th percentile of ${times.length})`,
        p95,
        50,
        'ms',
        true,
      ),
    ];
  } finally {
    await browser.close();
    await server.close();
    rmSync(site, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { printFigures } = await import('./common.js');
  const figures = await benchDynamicView();
  printFigures(figures);
  process.exit(figures.every((f) => f.ok) ? 0 : 1);
}
