/**
 * Simple paging: a process's pages go into any free frames, so memory has no external
 * fragmentation, only the unused end of each process's last page. The scheme module, its keys and
 * metrics; the parts: config.ts (what a scenario sets), parse.ts and trace.ts (reading it),
 * state.ts (frames and page tables), rules.ts (the textbook rules, listed there), sentences.ts,
 * report.ts (metrics and the JSON report), table.ts and mermaid.ts (views). Address reading and
 * the order of traps are shared with the other translation schemes (../../translation/address.ts).
 */
import type { KeyDoc, MetricDoc, SchemeModule, Work } from '../../scheme.js';
import type { SimplePagingConfig, SimplePagingFields } from './config.js';
import { mermaid } from './mermaid.js';
import { parse } from './parse.js';
import { finalReport, metrics, stepReport } from './report.js';
import { step } from './rules.js';
import type { SimplePagingEvent } from './sentences.js';
import { initial, type SimplePagingState } from './state.js';
import { table } from './table.js';

export { MAX_FRAMES, type PagingOp, type SimplePagingConfig, type SimplePagingFields } from './config.js';
export { frameRuns, pageTables, runText, type FrameRun } from './report.js';
export { framesText, type AccessResult, type SimplePagingEvent } from './sentences.js';
export { SimplePagingState, type FrameEntry, type Resident } from './state.js';

const KEYS: readonly KeyDoc[] = [
  { key: 'page-size', aliases: ['pagesize', 'frame-size'], summary: 'Bytes per page and per frame (1K, 4). Required; a power of two when address-bits is given.' },
  { key: 'memory', aliases: ['memory-size', 'physical-memory', 'physmem'], summary: 'Size of main memory, a whole number of frames (16K). Give memory or frames.' },
  { key: 'frames', aliases: ['frame-count'], summary: 'Number of frames (16), instead of memory.' },
  { key: 'os', aliases: ['os-size', 'kernel', 'operating-system'], summary: 'Size of the OS, in whole frames from frame 0 (rounded up). Default 0.' },
  { key: 'address-bits', aliases: ['address-space-bits', 'logical-address-bits'], summary: 'Width of a logical address, drawn as page bits and offset bits; an address that needs more bits traps (address too large).' },
  { key: 'free-frames', aliases: ['free-frame-list', 'free-list'], summary: 'The free-frame list in taking order (14 13 18 20). Only these frames are free at the start; frames freed later join its end, lowest first.' },
  { key: 'trace', aliases: ['operations', 'ops', 'requests'], summary: 'One operation per line: load NAME SIZE, load NAME N pages, either followed by at F0 F1 ..., exit NAME, swap-out NAME, swap-in NAME, access NAME ADDRESS (1502, 0x5DE or page:offset such as 1:478).' },
  { key: 'page-table', aliases: ['pagetable'], summary: 'Table form: the frame of page 0, 1, ... of one process P (5 6 1 2; - marks an invalid entry). Excludes trace.' },
  { key: 'access', aliases: ['accesses'], summary: 'Table form: the addresses P accesses (0 3 4 13), each translated in a step.' },
];

const METRICS: readonly MetricDoc[] = [
  { key: 'framesUsed', label: 'frames used', kind: 'count' },
  { key: 'framesFree', label: 'frames free', kind: 'count' },
  { key: 'internalFragmentation', label: 'internal fragmentation', kind: 'bytes' },
];

/** Every step reports every frame, so a run costs its steps (and the start) times the frames. */
function work(c: SimplePagingConfig): Work {
  const steps = c.ops.length;
  return { steps, entries: (steps + 1) * c.frames, stepsKey: c.pageTable ? 'access' : 'trace', entriesKey: c.frames > steps ? (c.pageTable ? 'page-table' : 'memory') : c.pageTable ? 'access' : 'trace' };
}

/** Simple paging: frames, page tables, the free-frame list and address translation. */
export const paging: SchemeModule<SimplePagingConfig, SimplePagingState, SimplePagingEvent, SimplePagingFields> = {
  name: 'paging',
  summary: 'Simple paging: pages in any free frames, page tables, address translation and internal fragmentation.',
  keys: KEYS,
  metricDocs: METRICS,
  parse,
  runs: () => [{ label: 'paging', fields: {} }],
  stepCount: (c) => c.ops.length,
  work,
  initial: (c) => initial(c),
  apply(c, _run, s, index) {
    const state = s.clone();
    return { state, event: step(c, state, index) };
  },
  step: (c, _run, s, index) => step(c, s, index),
  clone: (s) => s.clone(),
  metrics,
  stepReport,
  finalReport,
  table,
  mermaid,
};

export default paging;
