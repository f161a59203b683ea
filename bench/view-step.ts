/**
 * The element on a long trace, in Chromium with the built bundle: how long a page takes to show a
 * 100,000-reference comparison of four policies, and how long one step takes to draw (the frame
 * table is windowed to 25 columns, so a step should cost the same anywhere in the trace).
 *
 *   npm run build:bundle && node --import tsx bench/view-step.ts
 */
import { pathToFileURL } from 'node:url';
import { figure, median, seeded, type Figure } from './common.js';
import { timeViewSteps } from './view.js';

const REFS = 100_000;

export async function benchViewStep(): Promise<Figure[]> {
  const random = seeded(7);
  // Locality like a real program's: mostly a small working set, sometimes a jump.
  const refs = Array.from({ length: REFS }, () => (random() < 0.9 ? Math.floor(random() * 12) : Math.floor(random() * 200)));
  const scenario = `scheme: vm-paging\nframes: 8\npolicy: FIFO, LRU, OPT, CLOCK\nrefs: ${refs.join(' ')}\n`;
  const { firstRender, times } = await timeViewSteps(scenario, 1, 30);
  return [
    figure(`first render of ${REFS.toLocaleString('en-US')} references x 4 policies`, firstRender, 3000, 'ms', true),
    figure('one step drawn and painted, 4 runs (median at the start, middle and end)', median(times), 50, 'ms', true),
  ];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { printFigures } = await import('./common.js');
  const figures = await benchViewStep();
  printFigures(figures);
  process.exit(figures.every((f) => f.ok) ? 0 : 1);
}
