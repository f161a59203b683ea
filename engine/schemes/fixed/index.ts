/**
 * Fixed partitioning: memory above the OS is cut once, before anything runs, into partitions of
 * equal or unequal sizes; each holds at most one process, and what the process leaves of its
 * partition is lost to internal fragmentation.
 *
 * Textbook rules (docs/ARCHITECTURE.md, Stallings), and the tie rules this module had to choose:
 * - Partitions are laid from the end of the OS region upward in the order written, numbered from 0.
 *   Memory they leave over is reported as unused (a hole no process can ever get).
 * - Partitions never split, move or merge; there is no compaction.
 * - `queue: single` (the default): one queue for every partition. `placement: best-fit` (the
 *   default) gives a process the smallest free partition that holds it; among free partitions of
 *   the same size, the lowest address. `placement: first-fit` gives it the lowest-addressed free
 *   partition that holds it.
 * - `queue: per-partition`: a process joins the queue of the smallest partition that can ever hold
 *   it (the lowest address among equal ones) and waits for that partition only, even while a larger
 *   one is free, as Stallings' figure of one queue per partition shows.
 * - Admission as in docs/ARCHITECTURE.md: a process that fits is placed at once even while others wait; when a
 *   partition is freed, waiting processes are tried in arrival order (with one queue per partition,
 *   the first in that partition's queue gets it).
 * - A process larger than every partition is refused in its sentence: it would need overlays.
 * - Holes examined: the free partitions a search looked at (best-fit all of them, first-fit up to
 *   the one it takes, a per-partition queue only its own), counted only while two or more
 *   partitions are free (see `searchCost`).
 * - Metrics: utilisation = bytes of the processes / (memory - OS); internal fragmentation = the
 *   bytes each occupied partition leaves unused, per partition and in total; free partitions count
 *   as holes for the hole count, largest hole, total free and external fragmentation.
 */
import { MEMORY_KEY, OS_KEY, readMemory, TRACE_KEY, type Proc, type Region } from '../../contiguous/common.js';
import { contiguousScheme, type Allocator, type ContiguousConfig, type ContiguousState, type PlaceResult } from '../../contiguous/core.js';
import type { MapBlock } from '../../contiguous/presentation/map.js';
import { contiguousMetricDocs, contiguousMetrics, searchCost, summariseFree } from '../../contiguous/metrics.js';
import { parseTrace } from '../../contiguous/trace.js';
import type { KeyDoc, RunSpec } from '../../scheme.js';
import { queueFor, type FixedConfig, type FixedFields, type FixedMemory, type FixedState, type Holder, type Partition } from './config.js';
import { parse } from './parse.js';

export { FIXED_PLACEMENTS, MAX_PARTITIONS, QUEUES, queueFor, type FixedConfig, type FixedFields, type FixedMemory, type FixedPlacement, type FixedState, type Holder, type Partition, type QueueKind } from './config.js';
import type { ScenarioReader } from '../../source.js';
import { formatSize, MAX_BYTES, MAX_BYTES_TEXT, parseSize } from '../../units.js';

const KEYS: readonly KeyDoc[] = [
  MEMORY_KEY,
  OS_KEY,
  {
    key: 'partitions',
    aliases: ['partition', 'partition-sizes'],
    summary: 'The partitions from the end of the OS region upward: sizes (2M, 4M, 6M), N x SIZE for equal ones (7 x 8M), or both.',
  },
  {
    key: 'queue',
    aliases: ['queues', 'queueing'],
    summary: 'single (the default: one queue for all partitions) or per-partition (each process waits for the smallest partition that can hold it).',
  },
  {
    key: 'placement',
    aliases: ['policy', 'fit'],
    summary: 'With a single queue: best-fit (the default: the smallest free partition that fits) or first-fit.',
  },
  TRACE_KEY,
];

const partitionText = (p: Partition) => `partition ${p.index} (${formatSize(p.size)})`;


function place(c: FixedConfig, _run: RunSpec<FixedFields>, m: FixedMemory, p: Proc, tick: number): PlaceResult<FixedMemory> {
  const free = c.partitions.filter((x) => m.holders[x.index] === null);
  let chosen: Partition | undefined;
  let looked = 0;
  let why: string;
  if (c.queue === 'per-partition') {
    chosen = queueFor(c, p.size)!;
    looked = m.holders[chosen.index] === null ? 1 : 0;
    why = 'the smallest partition that can hold it';
    if (m.holders[chosen.index] !== null) {
      const larger = free.find((x) => x.size >= p.size);
      const also = larger ? `, although ${partitionText(larger)} is free` : '';
      return {
        ok: false,
        reason: `it joins the queue of ${partitionText(chosen)}, the smallest partition that can hold it, which ${m.holders[chosen.index]!.name} holds${also}`,
        examined: 0,
      };
    }
  } else if (c.placement === 'first-fit') {
    why = 'the first free partition large enough';
    for (const x of free) {
      looked++;
      if (x.size >= p.size) {
        chosen = x;
        break;
      }
    }
  } else {
    why = 'the smallest free partition that fits';
    looked = free.length;
    // Strictly smaller wins, so among equal partitions the first (lowest address) stays chosen.
    for (const x of free) if (x.size >= p.size && (!chosen || x.size < chosen.size)) chosen = x;
  }
  const examined = searchCost(looked, free.length);
  if (!chosen) {
    const largestFree = Math.max(0, ...free.map((x) => x.size));
    const reason = free.length === 0 ? 'every partition is taken' : `no free partition is large enough (the largest free one is ${formatSize(largestFree)})`;
    return { ok: false, reason, examined };
  }
  const holders = m.holders.slice();
  holders[chosen.index] = { name: p.name, size: p.size, since: tick };
  const lost = chosen.size - p.size;
  return {
    ok: true,
    mem: { holders },
    phrase: `takes ${partitionText(chosen)}: ${why}; ${lost ? `${formatSize(lost)} is lost inside it` : 'it fits exactly'}`,
    examined,
    start: chosen.start,
    size: p.size,
    evicted: [],
  };
}

function release(c: FixedConfig, _run: RunSpec<FixedFields>, m: FixedMemory, name: string) {
  const index = m.holders.findIndex((h) => h?.name === name);
  const holder = m.holders[index]!;
  const holders = m.holders.slice();
  holders[index] = null;
  return { mem: { holders }, phrase: `${partitionText(c.partitions[index]!)} is free again`, proc: { name, size: holder.size } };
}

const allocator: Allocator<FixedConfig, FixedMemory, FixedFields> = {
  initial: (c) => ({ holders: c.partitions.map(() => null) }),
  place,
  release,
  locate: (c, _run, m, name) => { const i = m.holders.findIndex((h) => h?.name === name); return i < 0 ? undefined : { start: c.partitions[i]!.start, size: m.holders[i]!.size }; },
};

/** Internal fragmentation of each partition: what its process leaves unused (0 when free). */
export function wastedPerPartition(c: FixedConfig, m: FixedMemory): number[] {
  return c.partitions.map((p) => (m.holders[p.index] ? p.size - m.holders[p.index]!.size : 0));
}

function metrics(c: FixedConfig, _run: RunSpec<FixedFields>, s: FixedState): Record<string, number> {
  const used = s.mem.holders.reduce((a, h) => a + (h?.size ?? 0), 0);
  const free = summariseFree(c.partitions.filter((p) => s.mem.holders[p.index] === null));
  const internalFragmentation = wastedPerPartition(c, s.mem).reduce((a, b) => a + b, 0);
  return contiguousMetrics(used, c.memory - c.os, free, s, { internalFragmentation, unused: c.unused?.size ?? 0 });
}

function blocks(c: FixedConfig, _run: RunSpec<FixedFields>, m: FixedMemory): MapBlock[] {
  const out: MapBlock[] = c.os ? [{ start: 0, size: c.os, kind: 'os', text: `OS ${formatSize(c.os)}` }] : [];
  for (const p of c.partitions) {
    const h = m.holders[p.index];
    out.push(
      h
        ? { start: p.start, size: p.size, kind: 'process', text: `#${p.index} ${h.name} ${formatSize(h.size)}/${formatSize(p.size)}` }
        : { start: p.start, size: p.size, kind: 'free-partition', text: `#${p.index} free ${formatSize(p.size)}` },
    );
  }
  if (c.unused) out.push({ start: c.unused.start, size: c.unused.size, kind: 'unused', text: `unused ${formatSize(c.unused.size)}` });
  return out;
}

/** Fixed partitioning: equal or unequal partitions, one queue or one per partition, internal fragmentation. */
export const fixed = contiguousScheme<FixedConfig, FixedMemory, FixedFields>({
  name: 'fixed',
  summary: 'Fixed partitioning: memory cut into partitions that never split.',
  keys: KEYS,
  metricDocs: contiguousMetricDocs({ key: 'internalFragmentation', label: 'internal fragmentation', kind: 'bytes' }, { key: 'unused', label: 'unused', kind: 'bytes' }),
  parse,
  runs: (c) => [
    c.queue === 'single'
      ? { label: `single queue, ${c.placement}`, fields: { queue: 'single', placement: c.placement } }
      : { label: 'one queue per partition', fields: { queue: 'per-partition' } },
  ],
  allocator,
  metrics,
  blocks,
  presentation: async () => (await import('./presentation/index.js')).default,
  // Each partition is listed with its holder (twice: partitions and allocations), plus the unused rest;
  // each live process may also hold a place in the waiting list and its partition's queue.
  stateEntries: (c, live) => 2 + 2 * c.partitions.length + 2 * live,
  fixedEntriesKey: 'partitions',
});

export default fixed;

