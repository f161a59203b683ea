/**
 * Virtual-memory paging with demand paging and page replacement (FIFO, LRU, OPT, CLOCK): the scheme
 * module, its keys and its metrics. The parts: config.ts (what a scenario sets), parse.ts (reading
 * it), state.ts (the frames), replacement.ts (the textbook rules, listed there), sentences.ts (what
 * each step did, in words), report.ts (metrics), table.ts (the table the view draws) and presentation/
 * (the JSON report and the Mermaid source, a chunk loaded on demand: see engine/presentation.ts).
 */
import type { KeyDoc, MetricDoc, RunSpec, SchemeModule, Work } from '../../scheme.js';
import type { PagingConfig, PagingFields } from './config.js';
import { latePresentation } from '../../presentation.js';
import { parse } from './parse.js';
import { apply, step } from './replacement.js';
import { metrics } from './report.js';
import type { PagingEvent } from './sentences.js';
import { initial, type PagingState } from './state.js';
import { loadLate, mayNeedLate } from './late.js';
import { table } from './table.js';

export { MAX_FRAMES, POLICIES, POLICY_ALIASES, type PagingConfig, type PagingFields, type Policy, type Reference } from './config.js';
export { nextUses } from './parse.js';
export { PagingEvent, type VictimReason } from './sentences.js';
export { PagingState } from './state.js';

const KEYS: readonly KeyDoc[] = [
  { key: 'frames', aliases: ['frame-count', 'cachesize', 'cache-size'], summary: 'Frames of physical memory: one count (3) or several to compare (3, 4). Default 3.' },
  { key: 'policy', aliases: ['policies'], summary: 'Replacement policy or policies: FIFO, LRU, OPT, CLOCK, ENHANCED-CLOCK, NRU, LFU, MFU, AGING, MRU, RANDOM, WS, in any letter case. Default FIFO.' },
  { key: 'refs', aliases: ['references', 'reference-string', 'addresses'], summary: 'The reference string: page numbers (or addresses with page-size), separated by spaces or commas, each optionally :r or :w.' },
  { key: 'window', summary: 'The working-set window in references: each step shows the working set; WS needs it.' },
  { key: 'seed', summary: "RANDOM's seed, as OSTEP's -s. Default 0." },
  { key: 'clear-interval', summary: 'NRU, AGING: the R bits clear after every this many references. Default 4.' },
  { key: 'aging-bits', summary: "AGING's counter width in bits (1 to 32). Default 8." },
  { key: 'page-size', aliases: ['pagesize'], summary: 'Bytes per page (4K, 4096). With it, each reference is an address in decimal or 0x hex.' },
];

const METRICS: readonly MetricDoc[] = [
  { key: 'faults', label: 'faults', kind: 'count' },
  { key: 'faultsAfterFill', label: 'faults after fill', kind: 'count' },
  { key: 'hits', label: 'hits', kind: 'count' },
  { key: 'hitRatio', label: 'hit ratio', kind: 'ratio' },
  { key: 'writeBacks', label: 'write-backs', kind: 'count' },
];

/** Every step reports every frame (`contents`), so a run costs references times frames. */
function work(c: PagingConfig): Work {
  const refs = c.refs.length;
  const all = runs(c);
  const frames = all.reduce((a, r) => a + r.fields.frames, 0);
  return {
    steps: refs * all.length,
    entries: refs * frames,
    stepsKey: 'refs',
    entriesKey: Math.max(...c.frames) >= refs ? 'frames' : 'refs',
  };
}

function runs(c: PagingConfig): RunSpec<PagingFields>[] {
  // Without `frames`, a working set may grow to its window.
  return c.policies.flatMap((policy) =>
    (policy === 'WS' && !c.framesGiven ? [c.window!] : c.frames).map((frames) => ({ label: `${policy}, ${frames} frame${frames === 1 ? '' : 's'}`, fields: { policy, frames } })),
  );
}

/** Virtual-memory paging: demand paging with FIFO, LRU, OPT and CLOCK replacement. */
export const vmPaging: SchemeModule<PagingConfig, PagingState, PagingEvent, PagingFields> = {
  name: 'vm-paging',
  summary: 'Virtual-memory paging: demand paging with FIFO, LRU, OPT and CLOCK replacement.',
  keys: KEYS,
  metricDocs: METRICS,
  parse,
  runs,
  stepCount: (c) => c.refs.length,
  work,
  initial,
  apply,
  step,
  clone: (s) => s.clone(),
  metrics,
  // The policies beyond FIFO, LRU, OPT and CLOCK, and the working set, load only for a scenario that uses them.
  prepare: async (text) => {
    if (text === undefined || mayNeedLate(text)) await loadLate();
  },
  ...latePresentation<PagingConfig, PagingState, PagingEvent, PagingFields>(async () => ({ ...(await import('./presentation/index.js')), table })),
  // The vm-paging view is this table, drawn at the first render, so it stays in the scheme's chunk.
  table,
};

export default vmPaging;
