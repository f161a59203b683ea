/**
 * Dynamic partitioning: each process gets exactly the memory it asks for, cut from a hole. The
 * scheme module, its keys and its metrics; the parts: config.ts (what a scenario sets), parse.ts,
 * memory.ts (a run's memory), placement.ts (the textbook rules and the tie rules, listed there),
 * sentences.ts (shared phrases), report.ts (metrics and the memory map) and presentation/ (the JSON
 * report and the table's free column, loaded on demand: see engine/presentation.ts).
 */
import { MEMORY_KEY, OS_KEY, TRACE_KEY } from '../../contiguous/common.js';
import { contiguousScheme } from '../../contiguous/core.js';
import { contiguousMetricDocs } from '../../contiguous/metrics.js';
import type { KeyDoc } from '../../scheme.js';
import type { DynamicConfig, DynamicFields } from './config.js';
import type { DynamicMemory } from './memory.js';
import { parse } from './parse.js';
import { allocator } from './placement.js';
import { blocks, metrics } from './report.js';

export { PLACEMENT_ALIASES, PLACEMENTS, WHEN_FULL, type DynamicConfig, type DynamicFields, type DynamicState, type PlacementPolicy, type WhenFull } from './config.js';
export { DynamicMemory } from './memory.js';

const KEYS: readonly KeyDoc[] = [
  MEMORY_KEY,
  OS_KEY,
  {
    key: 'placement',
    aliases: ['placements', 'policy', 'policies', 'fit'],
    summary: 'Placement policy or policies, run side by side: first-fit, next-fit, best-fit, worst-fit. Default first-fit.',
  },
  {
    key: 'when-full',
    aliases: ['on-full', 'full'],
    summary: 'What a load that fits no hole does: wait (default), compact (then retry, if the total free would hold it) or swap (swap out the process resident longest, as many as needed).',
  },
  {
    key: 'layout',
    aliases: ['initial-layout', 'memory-map'],
    summary: 'The starting memory map, from the end of the OS region upward, one entry per line: hole SIZE, used SIZE (memory in use by no named process) or NAME SIZE (a resident process). Memory beyond it is one more hole.',
  },
  TRACE_KEY,
];

/** Dynamic partitioning: holes, first-, next-, best- and worst-fit, compaction and swapping. */
export const dynamic = contiguousScheme<DynamicConfig, DynamicMemory, DynamicFields>({
  name: 'dynamic',
  summary: 'Dynamic partitioning: holes split and merge; first-, next-, best- and worst-fit placement.',
  keys: KEYS,
  metricDocs: contiguousMetricDocs({ key: 'swappedOut', label: 'swapped out', kind: 'count' }),
  parse,
  runs: (c) => c.placements.map((placement) => ({ label: placement, fields: { placement } })),
  allocator,
  metrics,
  contractMetrics: ['utilisation', 'externalFragmentation', 'holeCount', 'largestHole', 'totalFree', 'holesExamined'],
  blocks,
  presentation: async () => (await import('./presentation/index.js')).default,
  // The OS, the layout's blocks and the hole above them; each live process adds its place and at most one hole.
  stateEntries: (c, live) => 2 + c.layout.length + 2 * live,
  fixedEntriesKey: 'layout',
});

export default dynamic;
