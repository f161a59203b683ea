/**
 * The dynamic-partitioning view on a long trace, in Chromium with the built bundle (issue 5): the
 * seeded trace of bench/dynamic.ts (10,000 operations that keep about 1,000 holes in memory) under
 * first fit, stepped one operation at a time at the start, the middle and the end. A step is timed
 * from setting `step` until the frame that shows it has been painted. Budget: 50 ms at the 95th
 * percentile. One policy, not the four side by side: each run of this trace holds about 38 million
 * state entries, so four are over the engine's work cap (MAX_STATE_ENTRIES, 50 million), which
 * refuses the scenario as it should.
 *
 *   npm run build:bundle && node --import tsx bench/dynamic-view.ts
 */
import { pathToFileURL } from 'node:url';
import { figure, percentile, type Figure } from './common.js';
import { dynamicTrace } from './dynamic.js';
import { timeViewSteps } from './view.js';

/** Steps timed at each of the three places in the trace. */
const STEPS = 40;

export async function benchDynamicView(): Promise<Figure[]> {
  const scenario = `scheme: dynamic\nmemory: 256M\nos: 1M\nplacement: first-fit\ntrace: |\n${dynamicTrace()}\n`;
  const { firstRender, times, metrics } = await timeViewSteps(scenario, 3000, STEPS, { width: 1400, height: 900 });
  const holes = metrics['hole count'] ?? [];
  const p95 = percentile(times, 0.95);
  return [
    figure(`dynamic view: first render of 10,000 operations, first fit`, firstRender, 3000, 'ms', true),
    figure(
      `dynamic view: one step drawn and painted, first fit, ${Math.min(...holes)} to ${Math.max(...holes)} holes (95th percentile of ${times.length})`,
      p95,
      50,
      'ms',
      true,
    ),
  ];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { printFigures } = await import('./common.js');
  const figures = await benchDynamicView();
  printFigures(figures);
  process.exit(figures.every((f) => f.ok) ? 0 : 1);
}
