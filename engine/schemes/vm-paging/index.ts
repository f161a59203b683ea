/**
 * Virtual-memory paging with demand paging and page replacement (FIFO, LRU, OPT, CLOCK; the others in policies/), the TLB (translation/) and levels (levels.ts): the scheme
 * module, its keys and its metrics. The parts: config.ts (what a scenario sets), parse.ts (reading
 * it), state.ts (the frames), replacement.ts (the textbook rules, listed there), sentences.ts (what
 * each step did, in words), report.ts (metrics), table.ts (the table the view draws) and presentation/
 * (the JSON report and the Mermaid source, a chunk loaded on demand: see engine/presentation.ts).
 */
import type { KeyDoc, MetricDoc, RunSpec, SchemeModule, Work } from '../../scheme.js';
import type { PagingConfig, PagingFields, Policy } from './config.js';
import { latePresentation } from '../../presentation.js';
import { parse } from './parse.js';
import { step as replace } from './replacement.js';
import { metrics } from './report.js';
import type { PagingEvent } from './sentences.js';
import { initial as empty, type PagingState } from './state.js';
import type { TlbState } from './translation/tlb.js';
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
  { key: 'tlb', summary: 'TLB entries (fully associative, LRU): each reference is a TLB hit or miss.' },
  { key: 'levels', summary: 'Page-table levels a TLB miss walks, and the levels an address splits into. Default 1.' },
  { key: 'memory-latency', summary: 'Nanoseconds per memory access, a whole number. Default 100.' },
  { key: 'tlb-latency', summary: 'Nanoseconds per TLB lookup. Default 0.' },
  { key: 'fault-latency', summary: 'Nanoseconds to service a page fault. Default 8000000 (8 ms).' },
  { key: 'address-bits', summary: 'Width of an address, with page-size: the page table\'s size and the split into levels and offset.' },
  { key: 'pte-size', summary: 'Bytes per page-table entry (a power of two). Default 4.' },
];

const METRICS: readonly MetricDoc[] = [
  { key: 'faults', label: 'faults', kind: 'count' },
  { key: 'faultsAfterFill', label: 'faults after fill', kind: 'count' },
  { key: 'hits', label: 'hits', kind: 'count' },
  { key: 'hitRatio', label: 'hit ratio', kind: 'ratio' },
  { key: 'writeBacks', label: 'write-backs', kind: 'count' },
  { key: 'tlbHits', label: 'TLB hits', kind: 'count' },
  { key: 'tlbHitRatio', label: 'TLB hit ratio', kind: 'ratio' },
  { key: 'effectiveAccessTime', label: 'effective access time (ns)', kind: 'count' },
  { key: 'pageTableBytes', label: 'page table', kind: 'bytes' },
];

/** Every step reports every frame (`contents`), so a run costs references times frames. */
function work(c: PagingConfig): Work {
  const refs = c.refs.length;
  // The TLB's entries are state too; a frame range can make the runs many, so the steps' key is
  // then `frames` (a loop, not Math.max(...): a range may be longer than a call's argument list).
  const tlb = c.hardware?.tlb ? Math.min(c.hardware.tlb, c.distinctPages) : 0;
  let frames = 0;
  let most = 0;
  let count = 0;
  // Counted without making the runs: a range may name a million frame counts.
  for (const policy of c.policies) {
    for (const f of countsFor(c, policy)) {
      frames += f + tlb;
      most = Math.max(most, f);
      count++;
    }
  }
  return {
    steps: refs * count,
    entries: refs * frames,
    stepsKey: c.frames.length > refs ? 'frames' : 'refs',
    entriesKey: most >= refs || c.frames.length > refs ? 'frames' : 'refs',
  };
}

/** Whether a scenario's text may give a hardware key (read before parsing, in any spelling: a yes too many costs a fetch). */
const mayNeedTlb = (text: string): boolean => /tlb|levels|latency|address.bits|pte.size/i.test(text);

/** The TLB's code (tlb.ts, a chunk of its own), which `prepare` loads for a scenario with hardware keys. */
let Tlb: typeof TlbState | undefined;

/** A run's empty frames, and an empty TLB when the scenario has hardware keys (after `prepare`). */
function initial(c: PagingConfig, run: RunSpec<PagingFields>): PagingState {
  const s = empty(c, run);
  if (c.hardware) s.tlb = new Tlb!();
  return s;
}

/** Applies reference i in place: the replacement rules, then the TLB (translation/tlb.ts). */
function step(c: PagingConfig, run: RunSpec<PagingFields>, s: PagingState, i: number): PagingEvent {
  const e = replace(c, run, s, i);
  s.tlb?.step(c.hardware!, e);
  return e;
}

/** The frame counts a policy runs with: without `frames`, a working set may grow to its window. */
const countsFor = (c: PagingConfig, policy: Policy): readonly number[] => (policy === 'WS' && !c.framesGiven ? [c.window!] : c.frames);

function runs(c: PagingConfig): RunSpec<PagingFields>[] {
  return c.policies.flatMap((policy) =>
    countsFor(c, policy).map((frames) => ({ label: `${policy}, ${frames} frame${frames === 1 ? '' : 's'}`, fields: { policy, frames } })),
  );
}

/** Virtual-memory paging: demand paging, page replacement, the working set, the TLB and multi-level page tables. */
export const vmPaging: SchemeModule<PagingConfig, PagingState, PagingEvent, PagingFields> = {
  name: 'vm-paging',
  summary: 'Virtual-memory paging: demand paging with FIFO, LRU, OPT, CLOCK and eight more replacement policies, the working set, the TLB and effective access time, multi-level page tables.',
  keys: KEYS,
  metricDocs: METRICS,
  parse,
  runs,
  stepCount: (c) => c.refs.length,
  work,
  initial,
  apply: (c, run, s, i) => {
    const state = s.clone();
    return { state, event: step(c, run, state, i) };
  },
  step,
  clone: (s) => s.clone(),
  // Read before parsing: the policies beyond FIFO, LRU, OPT and CLOCK and the working set
  // (policies/), and the TLB (translation/tlb.ts), load only for a scenario whose text may use them;
  // Node (no text) loads both.
  prepare: async (text) => {
    await Promise.all([
      text === undefined || mayNeedLate(text) ? loadLate() : undefined,
      text === undefined || mayNeedTlb(text) ? import('./translation/tlb.js').then((m) => void (Tlb ??= m.TlbState)) : undefined,
    ]);
  },
  metrics,
  ...latePresentation<PagingConfig, PagingState, PagingEvent, PagingFields>(async () => ({ ...(await import('./presentation/index.js')), table })),
  // The vm-paging view is this table, drawn at the first render, so it stays in the scheme's chunk.
  table,
};

export default vmPaging;
