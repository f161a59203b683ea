/**
 * The simple-paging view on a long trace, in Chromium with the built bundle (issue 14): the seeded
 * trace of bench/paging-scheme.ts (10,000 operations over 4,096 frames, about 100 processes and
 * 3,000 to 4,000 frames in use), stepped one operation at a time at the start, the middle and the
 * end. A step is timed from setting `step` until the frame that shows it has been painted. Budget:
 * 50 ms at the 95th percentile.
 *
 *   npm run build:bundle && node --import tsx bench/paging-view.ts
 */
import { pathToFileURL } from 'node:url';
import { figure, percentile, type Figure } from './common.js';
import { PAGING_FRAMES, pagingScenario } from './paging-scheme.js';
import { timeViewSteps } from './view.js';

/** Steps timed at each of the three places in the trace. */
const STEPS = 40;

export async function benchPagingView(): Promise<Figure[]> {
  // The first series starts once memory has filled (about 80 processes are loaded by then).
  const { firstRender, times, metrics } = await timeViewSteps(pagingScenario(), 1000, STEPS, { width: 1400, height: 900 });
  const used = metrics['frames used'] ?? [];
  const p95 = percentile(times, 0.95);
  return [
    figure(`paging view: first render of 10,000 operations over ${PAGING_FRAMES.toLocaleString('en-US')} frames`, firstRender, 3000, 'ms', true),
    figure(`paging view: one step drawn and painted, ${used.join(', ')} frames used at the end (95th percentile of ${times.length})`, p95, 50, 'ms', true),
  ];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { printFigures } = await import('./common.js');
  const figures = await benchPagingView();
  printFigures(figures);
  process.exit(figures.every((f) => f.ok) ? 0 : 1);
}
