/**
 * The call stack and the heap: frames with their parameters and locals growing down from the top of
 * memory, and a heap allocator (malloc and free, the four fits, free-list orders, splitting, coalescing,
 * headers and alignment) with leaks found by reachability. OSTEP's malloc.py ports line for line.
 * The parts: config.ts (what a scenario sets), parse.ts and trace.ts (reading it), state.ts, heap.ts
 * (the allocator's rules, listed there) and free-index.ts (what lets its fits skip most of the free
 * list), rules.ts (the stack's rules and each step), sentences.ts (the event, its sentence composed
 * when read), report.ts (metrics) and presentation/ (the JSON report, the table and the Mermaid source, a chunk
 * loaded on demand: see engine/presentation.ts).
 */
import { latePresentation } from '../../presentation.js';
import type { KeyDoc, MetricDoc, SchemeModule, Work } from '../../scheme.js';
import type { StackHeapConfig, StackHeapFields } from './config.js';
import { parse } from './parse.js';
import { metrics } from './report.js';
import { step } from './rules.js';
import type { StackHeapEvent } from './sentences.js';
import { initial, type StackHeapState } from './state.js';

export { FREE_LIST_ORDERS, PLACEMENTS, type FreeListOrder, type HeapOp, type Placement, type StackHeapConfig, type StackHeapFields } from './config.js';
export { HEAP_TRAPS, type HeapTrap, type StackHeapEvent } from './sentences.js';
export { StackHeapState, stackLimit, type Block, type FreeEntry, type Frame, type Local, type Pointer } from './state.js';

const KEYS: readonly KeyDoc[] = [
  { key: 'memory', aliases: ['address-space', 'address-space-size'], summary: 'The address space, from 0 (default 64K): the heap near the bottom, the stack at the top.' },
  { key: 'stack', aliases: ['stack-size'], summary: 'Bytes of stack at the top of memory, growing down (default 1K); a frame past it is a stack overflow.' },
  { key: 'base', aliases: ['heap-base', 'base-addr', 'baseaddr'], summary: "The heap's first address, malloc.py's -b (default 1000)." },
  { key: 'heap', aliases: ['heap-size', 'size'], summary: "Bytes of heap, malloc.py's -S (default: from base up to the stack)." },
  { key: 'placement', aliases: ['policy', 'fit'], summary: "first-fit, next-fit, best-fit or worst-fit (malloc.py's -p FIRST, BEST, WORST); several run side by side. Default first-fit." },
  { key: 'header', aliases: ['header-size', 'headersize'], summary: "Bytes of header before each block, malloc.py's -H (default 0)." },
  { key: 'align', aliases: ['alignment'], summary: "Sizes round up to a multiple of this, malloc.py's -a (default 1: no rounding)." },
  { key: 'coalesce', aliases: ['coalescing'], summary: 'Whether a freed block merges with the free blocks that touch it in memory (default true; malloc.py needs -C).' },
  { key: 'free-list', aliases: ['list-order', 'order', 'listorder'], summary: "How freed blocks join the free list: address, size, size-desc, insert-front or insert-back (malloc.py's -l). Default address." },
  { key: 'pointer-size', aliases: ['pointer'], summary: 'Bytes of a pointer variable on the stack (default 8).' },
  { key: 'frame-header', aliases: ['frame-overhead'], summary: 'Bytes of each frame for the return address and saved frame pointer (default 16).' },
  { key: 'trace', aliases: ['operations', 'ops', 'program'], summary: 'One operation per line: call FUNC [NAME SIZE | NAME = PTR, ...], local NAME SIZE, NAME = malloc SIZE, free NAME, NAME = OTHER [+ N], NAME = null, return [NAME [-> CALLER]], and malloc.py\'s +SIZE and -K.' },
];

const METRICS: readonly MetricDoc[] = [
  { key: 'heapUsed', label: 'heap used', kind: 'bytes' },
  { key: 'heapFree', label: 'heap free', kind: 'bytes' },
  { key: 'freeBlocks', label: 'free blocks', kind: 'count' },
  { key: 'leakedBytes', label: 'leaked', kind: 'bytes' },
  { key: 'maxDepth', label: 'deepest stack', kind: 'count' },
  { key: 'searches', label: 'free-list entries searched', kind: 'count' },
];

/**
 * Every step reports its frames and their locals, the allocated blocks and the free list. Each
 * operation adds at most one frame or variable and one block, and a free entry at most one more
 * than there are blocks, so a step holds at most about twice the operations before it, plus one.
 */
function work(c: StackHeapConfig): Work {
  const steps = c.ops.length * c.placements.length;
  const perStep = Math.min(2 * c.ops.length + 1, c.heap + c.stack + 1);
  return { steps, entries: steps * perStep, stepsKey: 'trace', entriesKey: 'trace' };
}

/** Stack and heap: call frames, malloc and free, free lists, leaks. */
export const stackHeap: SchemeModule<StackHeapConfig, StackHeapState, StackHeapEvent, StackHeapFields> = {
  name: 'stack-heap',
  summary: 'The call stack and the heap: frames, malloc and free with the four fits, free lists, splitting, coalescing and leaks; OSTEP malloc.py compatible.',
  keys: KEYS,
  metricDocs: METRICS,
  parse,
  runs: (c) => c.placements.map((placement) => ({ label: placement, fields: { placement } })),
  stepCount: (c) => c.ops.length,
  work,
  initial: (c) => initial(c),
  apply(c, run, s, index) {
    const state = s.clone();
    return { state, event: step(c, run, state, index) };
  },
  step,
  clone: (s) => s.clone(),
  // What a clone copies: the list, the frames, and each map as two arrays (its keys and its values).
  size: (s) => s.free.length + 2 * s.blocks.size + s.frames.length + 2 * s.globals.size,
  metrics,
  ...latePresentation<StackHeapConfig, StackHeapState, StackHeapEvent, StackHeapFields>(() => import('./presentation/index.js')),
};

export default stackHeap;
