/**
 * Fixed partitioning: memory above the OS is cut once, before anything runs, into partitions of
 * equal or unequal sizes; each holds at most one process, and what the process leaves of its
 * partition is lost to internal fragmentation.
 *
 * Textbook rules (DESIGN.md, Stallings), and the tie rules this module had to choose:
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
 * - Admission as in DESIGN.md: a process that fits is placed at once even while others wait; when a
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
import { MEMORY_KEY, OS_KEY, readMemory, sizeText, TRACE_KEY, type Proc, type Region } from '../contiguous/common.js';
import { contiguousScheme, type Allocator, type ContiguousConfig, type ContiguousState, type PlaceResult } from '../contiguous/core.js';
import type { MapBlock } from '../contiguous/map.js';
import { contiguousMetrics, searchCost, summariseFree } from '../contiguous/metrics.js';
import { parseTrace } from '../contiguous/trace.js';
import type { KeyDoc, RunSpec } from '../scheme.js';
import type { ScenarioReader } from '../source.js';
import { MAX_BYTES, MAX_BYTES_TEXT, parseSize } from '../units.js';

export const QUEUES = ['single', 'per-partition'] as const;
export type QueueKind = (typeof QUEUES)[number];
const QUEUE_ALIASES: Record<string, QueueKind> = {
  one: 'single',
  shared: 'single',
  'single-queue': 'single',
  multiple: 'per-partition',
  separate: 'per-partition',
  'per-partition-queues': 'per-partition',
  'one-per-partition': 'per-partition',
};

export const FIXED_PLACEMENTS = ['best-fit', 'first-fit'] as const;
export type FixedPlacement = (typeof FIXED_PLACEMENTS)[number];
const PLACEMENT_ALIASES: Record<string, FixedPlacement> = { best: 'best-fit', bestfit: 'best-fit', first: 'first-fit', firstfit: 'first-fit' };

/** The most partitions a scenario may define (each step copies the partition table). */
export const MAX_PARTITIONS = 4096;

export interface Partition {
  index: number;
  start: number;
  size: number;
}

export interface FixedConfig extends ContiguousConfig {
  partitions: Partition[];
  queue: QueueKind;
  placement: FixedPlacement;
  /** Memory the partitions leave over, above the last one (null when they fill memory). */
  unused: Region | null;
}

/** The process in a partition. */
export interface Holder extends Proc {
  /** When it was placed (a placement tick). */
  since: number;
}

/** The partition table of one run: the holder of each partition, or null while it is free. */
export interface FixedMemory {
  readonly holders: readonly (Holder | null)[];
}

export type FixedState = ContiguousState<FixedMemory>;

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

/** `7 x 8M`, `7x8M`, `2M, 4M`, `[2M, 4M]` and mixtures, each size checked where it is written. */
function parsePartitions(r: ScenarioReader): number[] | undefined {
  const e = r.entry('partitions');
  if (!e) {
    r.missing('partitions', 'partitions: 7 x 8M, or partitions: 2M, 4M, 6M, 8M, 8M, 12M, 16M');
    return undefined;
  }
  const src = r.source;
  const before = src.errors.length;
  const tokens = src.tokens(e.value, e.key);
  if (tokens.length === 0) {
    if (src.errors.length > before) return undefined;
    src.error(e.value ?? e.keyNode, `'${e.key}' expects partition sizes, such as 7 x 8M or 2M, 4M, 6M`);
    return undefined;
  }
  const sizes: number[] = [];
  let total = 0;
  let ok = true;
  const size = (text: string, offset: number) => {
    const p = parseSize(text);
    if ('error' in p || p.value < 1) {
      src.errorAt(offset, `partitions: ${'error' in p ? p.error : `a partition needs at least 1 byte, got '${text}'`}`);
      ok = false;
      return undefined;
    }
    return p.value;
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    let count = 1;
    let sizeText = t.text;
    let sizeOffset = t.offset;
    const joined = /^(\d+)[x×*](.+)$/i.exec(t.text);
    if (joined) {
      count = Number(joined[1]);
      sizeText = joined[2]!;
      sizeOffset = t.offset + joined[1]!.length + 1;
    } else if (/^\d+$/.test(t.text) && /^[x×*]$/i.test(tokens[i + 1]?.text ?? '')) {
      const s = tokens[i + 2];
      if (!s) {
        src.errorAt(tokens[i + 1]!.offset, `partitions: '${t.text} ${tokens[i + 1]!.text}' needs a size after it, such as ${t.text} x 8M`);
        return undefined;
      }
      count = Number(t.text);
      sizeText = s.text;
      sizeOffset = s.offset;
      i += 2;
    }
    if (count < 1 || sizes.length + count > MAX_PARTITIONS) {
      src.errorAt(t.offset, `partitions: expected from 1 to ${MAX_PARTITIONS.toLocaleString('en-US')} partitions in all, got ${sizes.length + count}`);
      return undefined;
    }
    const v = size(sizeText, sizeOffset);
    if (v === undefined) continue;
    // Checked as it grows, so the sum is never taken past where numbers are exact.
    if (total + count * v > MAX_BYTES) {
      src.errorAt(t.offset, `partitions: the partitions add up to more than the largest memory, ${MAX_BYTES_TEXT}`);
      return undefined;
    }
    total += count * v;
    for (let k = 0; k < count; k++) sizes.push(v);
  }
  return ok ? sizes : undefined;
}

function parse(r: ScenarioReader): FixedConfig | undefined {
  const region = readMemory(r, { example: 'memory: 64M', fallbackMemory: true });
  const sizes = parsePartitions(r);
  const queue = (r.has('queue') ? r.words('queue', QUEUES, QUEUE_ALIASES) : ['single']) as QueueKind[] | undefined;
  const placement = (r.has('placement') ? r.words('placement', FIXED_PLACEMENTS, PLACEMENT_ALIASES) : ['best-fit']) as FixedPlacement[] | undefined;
  for (const [key, words] of [['queue', queue], ['placement', placement]] as const) {
    if (words && words.length > 1) {
      r.source.error(r.entry(key)!.value, `${key} takes one value, not several: fixed partitioning has one run`);
      return undefined;
    }
  }
  if (!region || !sizes || !queue || !placement) return undefined;
  const { os } = region;
  const total = sizes.reduce((a, b) => a + b, 0);
  if (region.memory === undefined && os + total > MAX_BYTES) {
    r.source.error(r.entry('partitions')!.value, `partitions: the OS region and the partitions add up to more than the largest memory, ${MAX_BYTES_TEXT}`);
    return undefined;
  }
  const memory = region.memory ?? os + total;
  if (os + total > memory) {
    r.source.error(
      r.entry('partitions')!.value,
      `partitions: the partitions (${sizeText(total)}) and the OS region (${sizeText(os)}) add up to ${sizeText(os + total)}, more than memory (${sizeText(memory)})`,
    );
    return undefined;
  }
  let at = os;
  const partitions = sizes.map((size, index) => {
    const p = { index, start: at, size };
    at += size;
    return p;
  });
  const largest = Math.max(...sizes);
  const ops = parseTrace(r, {
    scheme: 'fixed partitioning',
    unsupported: { compact: 'partitions never move, so there is nothing to compact' },
    refusal: (size) =>
      size > largest
        ? `it is larger than every partition (the largest is ${sizeText(largest)}), so it can never be loaded; it would need overlays`
        : undefined,
  });
  if (!ops) return undefined;
  return { memory, os, ops, partitions, queue: queue[0]!, placement: placement[0]!, unused: at < memory ? { start: at, size: memory - at } : null };
}

const partitionText = (p: Partition) => `partition ${p.index} (${sizeText(p.size)})`;

/** The partition a process waits for with one queue per partition: the smallest that can hold it. */
export function queueFor(c: FixedConfig, size: number): Partition | undefined {
  let best: Partition | undefined;
  for (const p of c.partitions) if (p.size >= size && (!best || p.size < best.size)) best = p;
  return best;
}

function place(c: FixedConfig, _run: RunSpec, m: FixedMemory, p: Proc, tick: number): PlaceResult<FixedMemory> {
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
    const reason = free.length === 0 ? 'every partition is taken' : `no free partition is large enough (the largest free one is ${sizeText(largestFree)})`;
    return { ok: false, reason, examined };
  }
  const holders = m.holders.slice();
  holders[chosen.index] = { name: p.name, size: p.size, since: tick };
  const lost = chosen.size - p.size;
  return {
    ok: true,
    mem: { holders },
    phrase: `takes ${partitionText(chosen)}: ${why}; ${lost ? `${sizeText(lost)} is lost inside it` : 'it fits exactly'}`,
    examined,
    start: chosen.start,
    size: p.size,
    evicted: [],
  };
}

function release(c: FixedConfig, _run: RunSpec, m: FixedMemory, name: string) {
  const index = m.holders.findIndex((h) => h?.name === name);
  const holder = m.holders[index]!;
  const holders = m.holders.slice();
  holders[index] = null;
  return { mem: { holders }, phrase: `${partitionText(c.partitions[index]!)} is free again`, proc: { name, size: holder.size } };
}

const allocator: Allocator<FixedConfig, FixedMemory> = {
  initial: (c) => ({ holders: c.partitions.map(() => null) }),
  place,
  release,
};

/** Internal fragmentation of each partition: what its process leaves unused (0 when free). */
export function wastedPerPartition(c: FixedConfig, m: FixedMemory): number[] {
  return c.partitions.map((p) => (m.holders[p.index] ? p.size - m.holders[p.index]!.size : 0));
}

function metrics(c: FixedConfig, _run: RunSpec, s: FixedState): Record<string, number> {
  const used = s.mem.holders.reduce((a, h) => a + (h?.size ?? 0), 0);
  const free = summariseFree(c.partitions.filter((p) => s.mem.holders[p.index] === null));
  const internalFragmentation = wastedPerPartition(c, s.mem).reduce((a, b) => a + b, 0);
  return contiguousMetrics(used, c.memory - c.os, free, s, { internalFragmentation, unused: c.unused?.size ?? 0 });
}

function blocks(c: FixedConfig, _run: RunSpec, m: FixedMemory): MapBlock[] {
  const out: MapBlock[] = c.os ? [{ start: 0, size: c.os, kind: 'os', text: `OS ${sizeText(c.os)}` }] : [];
  for (const p of c.partitions) {
    const h = m.holders[p.index];
    out.push(
      h
        ? { start: p.start, size: p.size, kind: 'process', text: `#${p.index} ${h.name} ${sizeText(h.size)}/${sizeText(p.size)}` }
        : { start: p.start, size: p.size, kind: 'free-partition', text: `#${p.index} free ${sizeText(p.size)}` },
    );
  }
  if (c.unused) out.push({ start: c.unused.start, size: c.unused.size, kind: 'unused', text: `unused ${sizeText(c.unused.size)}` });
  return out;
}

/** Fixed partitioning: equal or unequal partitions, one queue or one per partition, internal fragmentation. */
export const fixed = contiguousScheme<FixedConfig, FixedMemory>({
  name: 'fixed',
  keys: KEYS,
  parse,
  runs: (c) => [
    c.queue === 'single'
      ? { label: `single queue, ${c.placement}`, fields: { queue: 'single', placement: c.placement } }
      : { label: 'one queue per partition', fields: { queue: 'per-partition' } },
  ],
  allocator,
  metrics,
  report(c, run, s) {
    const m = s.mem;
    const wasted = wastedPerPartition(c, m);
    const allocations = c.partitions.flatMap((p) => {
      const h = m.holders[p.index];
      return h ? [{ name: h.name, start: p.start, size: h.size, partition: p.index, partitionSize: p.size, wasted: wasted[p.index] }] : [];
    });
    const partitions = c.partitions.map((p) => ({ start: p.start, size: p.size, holder: m.holders[p.index]?.name ?? null, wasted: wasted[p.index] }));
    const extra: Record<string, unknown> = { partitions };
    if (run.fields.queue === 'per-partition') {
      extra.queues = c.partitions.map((p) => ({ partition: p.index, waiting: s.waiting.filter((w) => queueFor(c, w.size) === p).map((w) => w.name) }));
    }
    return { os: { start: 0, size: c.os }, allocations, holes: c.unused ? [{ ...c.unused }] : [], extra };
  },
  blocks,
  freeColumn: 'free partitions',
  freeItems: (c, _run, m) => c.partitions.filter((p) => m.holders[p.index] === null).map((p) => `#${p.index} ${sizeText(p.size)}`),
  waitingText: (c, run, s) =>
    s.waiting.map((w) => (run.fields.queue === 'per-partition' ? `${w.name} (#${queueFor(c, w.size)!.index})` : w.name)).join(', '),
  // Each partition is listed with its holder (twice: partitions and allocations), plus the unused rest;
  // each live process may also hold a place in the waiting list and its partition's queue.
  stateEntries: (c, live) => 2 + 2 * c.partitions.length + 2 * live,
  fixedEntriesKey: 'partitions',
});

export default fixed;

