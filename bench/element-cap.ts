/**
 * The element on the largest scenarios the work cap accepts (issue 11), the same ones the CLI's
 * benchmark writes reports of: each must render without freezing the tab. Measured in Chromium
 * with the built bundle: the time until the simulator shows, the longest task on the page's main
 * thread while it does (a task blocks input for its whole length), and the time to jump to the
 * last step and draw it.
 *
 *   npm run build:bundle && node --import tsx bench/element-cap.ts
 */
import { pathToFileURL } from 'node:url';
import { capScenarios } from './cli.js';
import { figure, type Figure } from './common.js';
import { blockPage, longestTask, watchLongTasks, withBundleSite } from './view.js';

/** A task this long is a frozen tab to a reader: no scroll, no click answered. */
const LONGEST_TASK_MS = 2000;
const FIRST_RENDER_MS = 5000;

export async function benchElementCap(): Promise<Figure[]> {
  const scenarios = Object.entries(capScenarios());
  const pages = Object.fromEntries(scenarios.map(([name, text], i) => [`cap-${i}.html`, blockPage(text, name)]));
  return withBundleSite(pages, async ({ url, browser }) => {
    const figures: Figure[] = [];
    for (const [i, [name]] of scenarios.entries()) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      await watchLongTasks(page);
      const t0 = Date.now();
      await page.goto(`${url}/cap-${i}.html`);
      await page.waitForFunction(() => document.querySelector('mem-sim')?.shadowRoot?.querySelector('[part=simulator], [part=error]'), null, { timeout: 120_000 });
      const firstRender = Date.now() - t0;
      const lastStep = await page.evaluate(async () => {
        const el = document.querySelector('mem-sim') as HTMLElement & { step: number; total: number; ready: Promise<void> };
        const t = performance.now();
        el.step = el.total;
        await el.ready;
        await new Promise((done) => requestAnimationFrame(() => setTimeout(done)));
        return performance.now() - t;
      });
      const longest = await longestTask(page);
      const error = await page.evaluate(() => document.querySelector('mem-sim')?.shadowRoot?.querySelector('[part=error]')?.textContent ?? '');
      if (error) throw new Error(`${name}: the element shows an error: ${error.slice(0, 300)}`);
      figures.push(figure(`element first render: ${name}`, firstRender, FIRST_RENDER_MS, 'ms', true));
      figures.push(figure(`element longest task: ${name} (last step drawn in ${lastStep.toFixed(0)} ms)`, longest, LONGEST_TASK_MS, 'ms', true));
      await page.close();
    }
    return figures;
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { printFigures } = await import('./common.js');
  const figures = await benchElementCap();
  printFigures(figures);
  process.exit(figures.every((f) => f.ok) ? 0 : 1);
}
