/**
 * Many simulators on one page (issue 13): a course page, plain HTML with the drop-in script, holding
 * 50 memsim blocks of textbook size, the four schemes mixed, between paragraphs of prose. Measured
 * in Chromium with the built bundle at 1280x800, each figure the median of RUNS fresh pages:
 *
 * - first viewport interactive: from navigation start until every `<mem-sim>` whose box starts
 *   inside the unscrolled viewport shows its controls (`[part=controls]` in its shadow root: the
 *   simulator is drawn and answers clicks and keys). The set is read at each frame, so a block
 *   pushed below the fold by the one above it growing no longer counts; all 50 blocks must have been
 *   upgraded to `<mem-sim>` first.
 * - all 50 rendered while scrolling: as soon as the first viewport is interactive the reader scrolls
 *   down one viewport height per frame (a fast flick through the whole page) and keeps at the bottom;
 *   the time from navigation start until every block shows its controls. Work for a block out of
 *   view may wait until it comes near, so this is the fair whole-page figure: every block has been
 *   near the viewport early on, and each must be drawn by the budget.
 * - longest task: the longest main-thread task from navigation until all 50 are drawn
 *   (PerformanceObserver `longtask`, buffered): a task blocks the reader's input for its whole length.
 *
 *   npm run build:bundle && node --import tsx bench/many-blocks.ts [--floors]
 *
 * `--floors` prints what bounds these figures instead (manyBlocksFloors).
 */
import { pathToFileURL } from 'node:url';
import { figure, median, type Figure } from './common.js';
import type { Page } from 'playwright-core';
import { longestTask, watchLongTasks, withBundleSite } from './view.js';

const FIRST_VIEWPORT_MS = 500;
const ALL_BLOCKS_MS = 1000;
const LONGEST_TASK_MS = 200;
const BLOCKS = 50;
const RUNS = 5;

const REFS = [
  '7 0 1 2 0 3 0 4 2 3 0 3 2 1 2 0 1 7 0 1',
  '1 2 3 4 2 1 5 6 2 1 2 3 7 6 3 2 1 2 3 6',
  '0 1 2 3 0 1 4 0 1 2 3 4 2 5 1 0 4 3 2 1',
  '4 7 0 7 1 0 1 2 1 2 7 1 2 0 4 1 3 2 7 0',
];
const POLICIES = [['FIFO', 'LRU'], ['LRU', 'OPT'], ['FIFO', 'CLOCK'], ['OPT', 'CLOCK']];
const PLACEMENTS = [['first-fit', 'best-fit'], ['best-fit', 'worst-fit'], ['first-fit', 'next-fit']];

/** Block `i`'s scenario: the schemes in turn, each with a textbook scenario of typical size. */
function scenario(i: number): string {
  const k = Math.floor(i / 4);
  switch (i % 4) {
    case 0:
      return `scheme: vm-paging\ntitle: Exercise ${i + 1}\nframes: ${3 + (k % 2)}\npolicy: ${POLICIES[k % 4]!.join(', ')}\nrefs: ${REFS[k % 4]}\n`;
    case 1:
      return (
        `scheme: dynamic\ntitle: Exercise ${i + 1}\nmemory: 64M\nos: 8M\nplacement: ${PLACEMENTS[k % 3]!.join(', ')}\ntrace: |\n` +
        `  load A 8M\n  load B 12M\n  load C 6M\n  load D 10M\n  load E 8M\n  exit B\n  exit D\n  load F 6M\n  load G ${4 + (k % 5)}M\n  exit A\n`
      );
    case 2:
      return (
        `scheme: fixed\ntitle: Exercise ${i + 1}\nmemory: 64M\nos: 8M\npartitions: 2M, 4M, 6M, 8M, 8M, 12M, 16M\nqueue: single\ntrace: |\n` +
        `  load A 1M\n  load B 2M\n  load C ${1 + (k % 3)}M\n  load D 7M\n  load E 7M\n  exit A\n  load F 3M\n  exit C\n  load G 5M\n  exit D\n`
      );
    default:
      return (
        `scheme: buddy\ntitle: Exercise ${i + 1}\nmemory: 1M\ntrace: |\n` +
        `  request A 100K\n  request B 240K\n  request C ${64 - (k % 4) * 8}K\n  request D 256K\n  release B\n  release A\n  request E 75K\n  release C\n  release E\n  release D\n`
      );
  }
}

/** The course page: a heading, then prose and a block in turn, as a markdown tool writes it. */
export function manyBlocksPage(blocks = BLOCKS): string {
  const prose =
    '<p>Work through the exercise below step by step: predict what the next step does, then press Forward to check. ' +
    'Compare the runs side by side and note where their counts part.</p>';
  const body = Array.from({ length: blocks }, (_, i) => `<h2>Exercise ${i + 1}</h2>${prose}<pre><code class="language-memsim">${scenario(i)}</code></pre>`);
  return (
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">' +
    '<title>Memory management exercises</title><script type="module" src="mem-sim/mem-sim.js"></script></head>' +
    `<body><main><h1>Memory management: exercises</h1>${body.join('\n')}</main></body></html>`
  );
}

interface Times {
  firstViewport: number;
  all: number;
  longest: number;
}

/**
 * The measuring, done by the page itself from an init script (as a string: tsx would wrap named
 * functions in a helper the page does not have), which reports each time on the console. Playwright's
 * own page functions would put its injected script (about 40 ms of evaluation on the main thread) and
 * its polling in the middle of the load being measured. Each frame: until the first viewport is
 * interactive, the check above; then a viewport's scroll per frame until every block is drawn.
 */
const PROBE = `(() => {
  const drawn = (el) => !!el.shadowRoot?.querySelector('[part=controls], [part=error]');
  let first = 0;
  const tick = () => {
    const sims = [...document.querySelectorAll('mem-sim')];
    if (!first) {
      if (sims.length >= ${BLOCKS} && scrollY === 0 && sims.filter((el) => el.getBoundingClientRect().top < innerHeight).every(drawn)) {
        first = performance.now();
        console.log('many-blocks first ' + first);
      }
    } else if (sims.every(drawn)) {
      return console.log('many-blocks all ' + performance.now());
    } else scrollBy(0, innerHeight);
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})();`;

/** The time the probe reports for `what`, within a minute. */
function reported(page: Page, what: 'first' | 'all'): Promise<number> {
  return page
    .waitForEvent('console', { predicate: (m) => m.text().startsWith(`many-blocks ${what} `), timeout: 60_000 })
    .then((m) => Number(m.text().split(' ')[2]));
}

export async function benchManyBlocks(runs = RUNS): Promise<Figure[]> {
  const times: Times[] = await withBundleSite({ 'index.html': manyBlocksPage() }, async ({ url, browser }) => {
    const out: Times[] = [];
    for (let r = 0; r < runs; r++) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      await watchLongTasks(page);
      await page.addInitScript({ content: PROBE });
      const first = reported(page, 'first');
      const all = reported(page, 'all');
      await page.goto(`${url}/index.html`, { waitUntil: 'commit' });
      const [firstViewport, allDrawn] = await Promise.all([first, all]);
      const errors = await page.evaluate(() => [...document.querySelectorAll('mem-sim')].filter((el) => el.shadowRoot?.querySelector('[part=error]')).length);
      if (errors) throw new Error(`${errors} blocks show an error`);
      // Tasks still queued when the last block is drawn belong to the load too.
      await page.evaluate(() => new Promise((done) => setTimeout(done, 100)));
      const longest = await longestTask(page);
      out.push({ firstViewport, all: allDrawn, longest });
      await page.close();
    }
    return out;
  });
  const spread = (k: keyof Times) => `runs ${times.map((t) => t[k].toFixed(0)).join(', ')}`;
  return [
    figure(`${BLOCKS} blocks: first viewport interactive (median of ${runs}; ${spread('firstViewport')})`, median(times.map((t) => t.firstViewport)), FIRST_VIEWPORT_MS, 'ms', true),
    figure(`${BLOCKS} blocks: all drawn, reader scrolling a viewport per frame (${spread('all')})`, median(times.map((t) => t.all)), ALL_BLOCKS_MS, 'ms', true),
    figure(`${BLOCKS} blocks: longest task until all drawn (${spread('longest')})`, median(times.map((t) => t.longest)), LONGEST_TASK_MS, 'ms', true),
  ];
}

/**
 * What bounds the two figures above on this machine, for the notes (no budgets; not run by
 * `npm run bench`), each the median of `runs` fresh pages:
 * - a second visit: the same page loaded again in the same tab, with the HTTP cache and V8's code
 *   cache warm, measured with the same probe (the first visit is the budget's);
 * - every block asked for at once: `ready` read on each block as soon as the element is defined, no
 *   scrolling, until all 50 are drawn. Scheduling cannot beat this; blocks out of view are not painted;
 * - the flick alone: a viewport per frame from top to bottom of the page once every block is drawn,
 *   so no block's work is in it: the frames the reader's scroll costs by themselves.
 */
export async function manyBlocksFloors(runs = RUNS): Promise<string[]> {
  return withBundleSite({ 'index.html': manyBlocksPage() }, async ({ url, browser }) => {
    const visits: Times[][] = [[], []];
    const eager: number[] = [];
    const flick: number[][] = [];
    const everyBlock = () =>
      Promise.all([...document.querySelectorAll('mem-sim')].map((el) => (el as HTMLElement & { ready: Promise<void> }).ready));
    for (let r = 0; r < runs; r++) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      await page.addInitScript({ content: PROBE });
      for (const visit of visits) {
        const first = reported(page, 'first');
        const all = reported(page, 'all');
        await page.goto(`${url}/index.html`, { waitUntil: 'commit' });
        const [firstViewport, allDrawn] = await Promise.all([first, all]);
        visit.push({ firstViewport, all: allDrawn, longest: 0 });
        await page.waitForTimeout(1000);
      }
      await page.close();
      const fresh = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      // Once the element is defined and the parser has made every block (module scripts run before DOMContentLoaded).
      await fresh.addInitScript({
        content: `customElements.whenDefined('mem-sim').then(() => new Promise((parsed) => document.readyState === 'loading' ? document.addEventListener('DOMContentLoaded', parsed) : parsed()))
          .then(() => Promise.all([...document.querySelectorAll('mem-sim')].map((el) => el.ready)))
          .then(() => requestAnimationFrame(() => console.log('many-blocks all ' + performance.now())))`,
      });
      const all = reported(fresh, 'all');
      await fresh.goto(`${url}/index.html`, { waitUntil: 'commit' });
      eager.push(await all);
      await fresh.evaluate(everyBlock);
      await fresh.waitForTimeout(500);
      flick.push(
        await fresh.evaluate(async () => {
          scrollTo(0, 0);
          const t0 = performance.now();
          let frames = 0;
          for (let y = -1; y !== scrollY; frames++) {
            y = scrollY;
            scrollBy(0, innerHeight);
            await new Promise((done) => requestAnimationFrame(done));
          }
          return [performance.now() - t0, frames];
        }),
      );
      await fresh.close();
    }
    const ms = (xs: number[]) => `${median(xs).toFixed(0)} ms (runs ${xs.map((x) => x.toFixed(0)).join(', ')})`;
    return [
      `first visit: first viewport ${ms(visits[0]!.map((t) => t.firstViewport))}, all ${ms(visits[0]!.map((t) => t.all))}`,
      `second visit: first viewport ${ms(visits[1]!.map((t) => t.firstViewport))}, all ${ms(visits[1]!.map((t) => t.all))}`,
      `every block asked for at once, no scrolling: all drawn at ${ms(eager)}`,
      `the flick alone over drawn blocks: ${ms(flick.map((f) => f[0]!))} for ${median(flick.map((f) => f[1]!))} frames`,
    ];
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  if (process.argv.includes('--floors')) {
    for (const line of await manyBlocksFloors()) console.log(line);
    process.exit(0);
  }
  const { printFigures } = await import('./common.js');
  const figures = await benchManyBlocks();
  printFigures(figures);
  process.exit(figures.every((f) => f.ok) ? 0 : 1);
}
