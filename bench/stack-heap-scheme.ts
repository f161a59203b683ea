/**
 * Stack-heap benchmark (issue 16): 100,000 heap operations (mallocs and frees) over about 1,000 free
 * blocks, simulated through the engine API once per fit. Budget: 300 ms per fit.
 *
 * The path the budget applies to is the one bench/paging-scheme.ts and bench/dynamic.ts measure:
 * `simulate(scenario)`, as the element does it, a `Timeline` per run (it keeps every step's event and
 * snapshots, so every step's state is reachable), then a few steps read back. No report. Stepping in
 * place from start to end (`forEachStep`, what `mem-sim run` streams its report from) is a part of
 * that work, measured beside it under the same budget.
 *
 * The operations are built as the engine's `HeapOp` objects beside a parsed configuration, the position
 * spread last as the parser does (engine/schemes/stack-heap/trace.ts says why): as text the
 * scenario is over the work cap (each step's report would list thousands of blocks and free entries,
 * hundreds of millions of entries in all), which is the point of the cap, not of this measurement.
 * Run alone: `node scripts/build-lib.mjs && node --import tsx bench/stack-heap-scheme.ts`.
 */
import { fileURLToPath } from 'node:url';
import { forEachStep, parseScenario, simulate, stackHeap, type StackHeapConfig, type StackHeapState } from '../lib/engine/index.js'; // the compiled package, as users run it (npm run build:lib)
import type { HeapOp } from '../lib/engine/schemes/stack-heap/index.js';
import { figure, printFigures, seeded, timeMedian, type Figure } from './common.js';

const OPERATIONS = 100_000;
/** Pointer slots: about half hold a block at any time, and the other half's blocks are holes. */
const SLOTS = 3_000;
const FITS = ['first-fit', 'next-fit', 'best-fit', 'worst-fit'] as const;

/**
 * A warm-up that fills every slot, frees a random half (about 1,000 holes once neighbours merge),
 * then 100,000 operations: a random slot is freed if it holds a block, else given one of 1 to 256
 * bytes. Global pointers `s0` to `s2999` (assigned outside any function).
 */
export function heapOps(seed = 16): HeapOp[] {
  const rand = seeded(seed);
  const ops: HeapOp[] = [];
  const live = new Array<boolean>(SLOTS).fill(false);
  const at = { line: 0, column: 1 };
  const malloc = (k: number) => {
    const size = 1 + Math.floor(rand() * 256);
    ops.push({ kind: 'malloc', name: `s${k}`, size, global: false, text: `s${k} = malloc ${size}`, ...at });
    live[k] = true;
  };
  const free = (k: number) => {
    ops.push({ kind: 'free', name: `s${k}`, text: `free s${k}`, ...at });
    live[k] = false;
  };
  for (let k = 0; k < SLOTS; k++) malloc(k);
  for (let k = 0; k < SLOTS; k++) if (rand() < 0.5) free(k);
  const warm = ops.length;
  while (ops.length < warm + OPERATIONS) {
    const k = Math.floor(rand() * SLOTS);
    if (live[k]) free(k);
    else malloc(k);
  }
  return ops;
}

export function benchStackHeapScheme(): Figure[] {
  const ops = heapOps();
  const out: Figure[] = [];
  for (const fit of FITS) {
    const r = parseScenario(`scheme: stack-heap\nmemory: 16M\nheap: 8M\nplacement: ${fit}\n`);
    if (!r.ok) throw new Error(r.errors[0]!.message);
    const config: StackHeapConfig = { ...(r.scenario.config as StackHeapConfig), ops };
    const scenario = { ...r.scenario, config };
    const run = stackHeap.runs(config)[0]!;
    let freeBlocks = 0;
    let searched = 0;
    const simulateOps = () => {
      const t = simulate(scenario).runs[0]!;
      // Read back a few steps, as a reader jumping around would: each replays from its snapshot.
      for (const p of [1, Math.floor(t.length / 3), Math.floor(t.length / 2) + 7, t.length - 1]) t.stateAt(p);
      freeBlocks = (t.stateAt(t.length) as StackHeapState).free.length;
      searched = t.metricsAt(t.length).searches!;
    };
    const ms = timeMedian(simulateOps);
    const inPlace = timeMedian(() => void forEachStep(stackHeap, config, run, () => {}));
    out.push(
      figure(`stack-heap ${fit}: ${ops.length.toLocaleString('en-US')} heap operations stepped in place (forEachStep), median of 5`, inPlace, 300, 'ms', true),
    );
    out.push(
      figure(
        `stack-heap ${fit}: simulate (a timeline) of ${ops.length.toLocaleString('en-US')} heap operations (${OPERATIONS.toLocaleString('en-US')} after the warm-up; ${freeBlocks.toLocaleString('en-US')} free blocks at the end, ${searched.toLocaleString('en-US')} entries searched), median of 5`,
        ms,
        300,
        'ms',
        true,
      ),
    );
  }
  return out;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const figures = benchStackHeapScheme();
  printFigures(figures);
  process.exit(figures.every((f) => f.ok) ? 0 : 1);
}
