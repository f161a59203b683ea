/**
 * `npm run bench`: every benchmark with its budget. Prints one line per figure and exits 1 when a
 * budget is missed. Benchmarks of other layers are picked up when their files exist.
 */
import { existsSync } from 'node:fs';
// @ts-expect-error: a JavaScript module without types
import { ensureLib } from '../scripts/build-site.mjs';
import { printFigures, type Figure } from './common.js';

// The engine benchmarks measure the compiled package in lib/, as users run it (not the TypeScript
// sources through tsx, whose helpers wrap every closure).
ensureLib();

const all: Figure[] = [];
const section = async (title: string, run: () => Figure[] | Promise<Figure[]>) => {
  console.log(`\n== ${title}`);
  // Each benchmark starts on a collected heap (npm run bench passes --expose-gc): the garbage of the
  // one before it made this one's collections slower (stack-heap's best fit: 345 ms after the dynamic
  // and paging benchmarks, 233 to 246 with a collection between).
  (globalThis as { gc?: () => void }).gc?.();
  // A benchmark that cannot run is a miss of its own, and the ones after it still run.
  const figures = await Promise.resolve()
    .then(run)
    .catch((e: unknown) => [{ name: `${title}: could not run: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`, value: NaN, budget: 0, unit: '', ok: false }]);
  printFigures(figures);
  all.push(...figures);
};

// Each engine benchmark runs before any other has filled the heap: the paging timelines hold
// 400,000 steps, and a heap that large made every later garbage collection slower.
const optional: [string, string, string][] = [
  ['contiguous allocation (engine)', './dynamic.ts', 'benchDynamic'],
  ['page replacement (engine)', './paging.ts', 'benchPaging'],
  ['simple paging (engine)', './paging-scheme.ts', 'benchPagingScheme'],
  ['stack and heap (engine)', './stack-heap-scheme.ts', 'benchStackHeapScheme'],
  ['the CLI on long and large scenarios', './cli.ts', 'benchCli'],
  ['bundle size (Chromium)', './bundle-size.ts', 'benchBundleSize'],
  ['view stepping (Chromium)', './view-step.ts', 'benchViewStep'],
  ['dynamic-partitioning view stepping (Chromium)', './dynamic-view.ts', 'benchDynamicView'],
  ['simple-paging view stepping (Chromium)', './paging-view.ts', 'benchPagingView'],
  ['the element on scenarios at the work cap (Chromium)', './element-cap.ts', 'benchElementCap'],
  ['many simulators on one page (Chromium)', './many-blocks.ts', 'benchManyBlocks'],
  ['Eleventy build overhead', './build.ts', 'benchBuild'],
  ['Lighthouse on the docs site (Chromium)', './lighthouse.ts', 'benchLighthouse'],
];
for (const [title, file, fn] of optional) {
  if (!existsSync(new URL(file, import.meta.url))) continue;
  const mod = await import(file);
  if (typeof mod[fn] === 'function') await section(title, () => mod[fn]());
}

const missed = all.filter((f) => !f.ok);
console.log(`\n${all.length - missed.length} of ${all.length} figures within budget`);
process.exit(missed.length ? 1 : 0);
