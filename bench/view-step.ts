/**
 * The element on a long trace, in Chromium with the built bundle: how long a page takes to show a
 * 100,000-reference comparison of four policies, and how long one step takes to draw (the frame
 * table is windowed to 25 columns, so a step should cost the same anywhere in the trace).
 *
 *   npm run build:bundle && node --import tsx bench/view-step.ts
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { launchChromium, serve } from '../test/e2e/support.js';
import { figure, seeded, type Figure } from './common.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const REFS = 100_000;

export async function benchViewStep(): Promise<Figure[]> {
  const random = seeded(7);
  // Locality like a real program's: mostly a small working set, sometimes a jump.
  const refs = Array.from({ length: REFS }, () => (random() < 0.9 ? Math.floor(random() * 12) : Math.floor(random() * 200)));
  const scenario = `scheme: vm-paging\nframes: 8\npolicy: FIFO, LRU, OPT, CLOCK\nrefs: ${refs.join(' ')}\n`;
  const site = mkdtempSync(join(tmpdir(), 'mem-sim-step-'));
  cpSync(join(root, 'dist'), join(site, 'mem-sim'), { recursive: true });
  writeFileSync(
    join(site, 'index.html'),
    `<!doctype html><meta charset="utf-8"><script type="module" src="mem-sim/mem-sim.js"></script><pre><code class="language-memsim">${scenario}</code></pre>`,
  );
  const server = await serve(site);
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    const t0 = Date.now();
    await page.goto(`${server.url}/index.html`);
    await page.waitForFunction(() => document.querySelector('mem-sim')?.shadowRoot?.querySelector('[part=simulator]'), null, { timeout: 60_000 });
    const firstRender = Date.now() - t0;
    const stepMs = await page.evaluate(async () => {
      const el = document.querySelector('mem-sim') as HTMLElement & { step: number; total: number; ready: Promise<void> };
      const times: number[] = [];
      for (const start of [1, Math.floor(el.total / 2), el.total - 40]) {
        el.step = start;
        await el.ready;
        for (let i = 0; i < 30; i++) {
          const t = performance.now();
          el.step += 1;
          await el.ready;
          // Until the frame that shows the step has been painted.
          await new Promise((done) => requestAnimationFrame(() => setTimeout(done)));
          times.push(performance.now() - t);
        }
      }
      times.sort((a, b) => a - b);
      return times[times.length >> 1]!;
    });
    return [
      figure(`first render of ${REFS.toLocaleString('en-US')} references x 4 policies`, firstRender, 3000, 'ms', true),
      figure('one step drawn and painted, 4 runs (median at the start, middle and end)', stepMs, 50, 'ms', true),
    ];
  } finally {
    await browser.close();
    await server.close();
    rmSync(site, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { printFigures } = await import('./common.js');
  const figures = await benchViewStep();
  printFigures(figures);
  process.exit(figures.every((f) => f.ok) ? 0 : 1);
}
