/**
 * Dynamic partitioning: each process gets exactly the memory it asks for, cut from a hole.
 *
 * Textbook rules (DESIGN.md), and the tie rules this module had to choose:
 * - A hole is split at its low end: the process takes the lower addresses and the remainder stays a
 *   hole at the higher address. A freed process's memory coalesces at once with a hole on either
 *   side, so no two holes are ever adjacent.
 * - first-fit: the lowest-addressed hole large enough.
 * - best-fit: the smallest hole large enough; among equal holes, the lowest address.
 * - worst-fit: the largest hole; among equal holes, the lowest address (even when a smaller hole would do).
 * - next-fit: the search starts at the first hole that ends beyond the end of the last placement
 *   (the hole holding that address, or the next one up), goes up and wraps around to the lowest hole.
 *   Before the first placement and after every compaction it starts at the lowest hole. Every
 *   placement moves the pointer, swap-ins and admissions from the queue included; frees do not.
 * - Compaction slides processes and `used` blocks toward address 0 (to the end of the OS region),
 *   keeping their order, and leaves one hole above them.
 * - `when-full: wait` (the default): a process that fits no hole waits. `compact`: if the total free
 *   memory would hold it, memory is compacted and the search runs again; otherwise it waits.
 *   `swap`: the resident process placed earliest (resident longest; processes of the starting layout
 *   count as placed before the trace, lowest address first) is swapped out, then the next, until a
 *   hole fits; if even swapping out every process would leave no hole large enough (because of
 *   `used` blocks), nothing is swapped and the process waits. Victims stay swapped out until the
 *   trace swaps them in. The same rule applies to waiting processes when memory is freed.
 * - A load larger than the memory outside the OS is refused; one that might fit later waits.
 * - Holes examined: the holes a search looked at (first-fit and next-fit stop at the first that
 *   fits; best-fit and worst-fit look at all; a failed search looks at all), counted only while
 *   memory holds two or more holes (see `searchCost`). Searching the one hole left by a compaction
 *   costs nothing.
 * - Utilisation = bytes in use (processes and used blocks) / (memory - OS); external fragmentation
 *   = 1 - largest hole / total free (0 when nothing is free).
 */
import type { SourceLine } from '../source.js';
import { addressText, listText, MEMORY_KEY, OS_KEY, readMemory, sizeText, TRACE_KEY, type Proc } from '../contiguous/common.js';
import { contiguousScheme, type Allocator, type ContiguousConfig, type ContiguousState, type PlaceResult } from '../contiguous/core.js';
import { appendSegment, bestOrWorstFit, compactSegments, freeSegment, hole, holesOf, indexOfProcess, largestHole, segment, SegmentList, splitHole, type Segment } from '../contiguous/holes.js';
import type { MapBlock } from '../contiguous/map.js';
import { contiguousMetrics, externalFragmentation, searchCost, type FreeSummary } from '../contiguous/metrics.js';
import { parseTrace, tooLarge } from '../contiguous/trace.js';
import type { KeyDoc, RunSpec } from '../scheme.js';
import type { ScenarioReader } from '../source.js';
import { parseSize } from '../units.js';

/** The placement policies, in the order textbooks introduce them. */
export const PLACEMENTS = ['first-fit', 'next-fit', 'best-fit', 'worst-fit'] as const;
export type PlacementPolicy = (typeof PLACEMENTS)[number];

/** Other spellings, OSTEP's malloc simulator's `FIRST`, `BEST`, `WORST` among them. */
export const PLACEMENT_ALIASES: Record<string, PlacementPolicy> = {
  first: 'first-fit',
  firstfit: 'first-fit',
  next: 'next-fit',
  nextfit: 'next-fit',
  best: 'best-fit',
  bestfit: 'best-fit',
  worst: 'worst-fit',
  worstfit: 'worst-fit',
};

export const WHEN_FULL = ['wait', 'compact', 'swap'] as const;
export type WhenFull = (typeof WHEN_FULL)[number];
const WHEN_FULL_ALIASES: Record<string, WhenFull> = { queue: 'wait', compaction: 'compact', 'swap-out': 'swap', swapping: 'swap' };

export interface DynamicConfig extends ContiguousConfig {
  placements: PlacementPolicy[];
  whenFull: WhenFull;
  /** The starting map from the end of the OS region to the end of memory (holes merged). */
  layout: SegmentList;
}

export type DynamicState = ContiguousState<DynamicMemory>;

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
    aliases: ['initial-layout', 'start', 'memory-map'],
    summary: 'The starting memory map, from the end of the OS region upward, one entry per line: hole SIZE, used SIZE (memory in use by no named process) or NAME SIZE (a resident process). Memory beyond it is one more hole.',
  },
  TRACE_KEY,
];

function parseLayout(r: ScenarioReader, base: number, memory: number): { segments: Segment[]; names: Map<string, number> } | undefined {
  const names = new Map<string, number>();
  const segments: Segment[] = [];
  const lines: SourceLine[] | undefined = r.has('layout') ? r.lines('layout', "one entry per item, such as 'hole 10M'") : [];
  if (lines === undefined) return undefined;
  const src = r.source;
  const before = src.errors.length;
  const processes: { line: SourceLine; name: string; size: number }[] = [];
  let at = base;
  let overflowed = false;
  for (const l of lines) {
    const ws = [...l.text.matchAll(/[^\s,]+/g)].map((m) => ({ text: m[0], offset: l.offset + m.index! }));
    if (ws.length !== 2) {
      src.errorAt(ws[2]?.offset ?? l.offset, `layout: expected 'hole SIZE', 'used SIZE' or 'NAME SIZE' (such as P1 20M), got '${l.text}'`);
      continue;
    }
    const [what, sizeWord] = ws as [{ text: string; offset: number }, { text: string; offset: number }];
    const parsed = parseSize(sizeWord.text);
    if ('error' in parsed || parsed.value < 1) {
      src.errorAt(sizeWord.offset, `layout: ${'error' in parsed ? parsed.error : `a block needs at least 1 byte, got '${sizeWord.text}'`}`);
      continue;
    }
    const size = parsed.value;
    const word = what.text.toLowerCase();
    if (!overflowed && at + size > memory) {
      overflowed = true;
      src.errorAt(
        l.offset,
        `layout: this ${sizeText(size)} entry would end at ${addressText(at + size)}, beyond the end of memory (${sizeText(memory)}): the layout is ${sizeText(at + size - memory)} too large`,
      );
    }
    if (word === 'hole') appendSegment(segments, hole(at, size));
    else if (word === 'used') segments.push(segment(at, size, 'used'));
    else if (names.has(what.text)) {
      src.errorAt(what.offset, `layout: '${what.text}' is already in the layout (line ${names.get(what.text)}): process names must be unique`);
    } else {
      names.set(what.text, l.line);
      processes.push({ line: l, name: what.text, size });
      segments.push(segment(at, size, 'process', what.text));
    }
    at += size;
  }
  if (src.errors.length > before) return undefined;
  if (at < memory) appendSegment(segments, hole(at, memory - at));
  // Processes of the layout were resident before the trace began: lowest address first.
  let tick = -processes.length;
  return { segments: segments.map((s) => (s.kind === 'process' ? segment(s.start, s.size, s.kind, s.name, tick++) : s)), names };
}

function parse(r: ScenarioReader): DynamicConfig | undefined {
  const region = readMemory(r, { example: 'memory: 64M' });
  const placements = (r.has('placement') ? r.words('placement', PLACEMENTS, PLACEMENT_ALIASES) : ['first-fit']) as PlacementPolicy[] | undefined;
  const whenFull = r.has('when-full') ? r.words('when-full', WHEN_FULL, WHEN_FULL_ALIASES) : ['wait'];
  if (whenFull && whenFull.length > 1) {
    r.source.error(r.entry('when-full')!.value, `when-full takes one of ${WHEN_FULL.join(', ')}, not several`);
    return undefined;
  }
  if (!region || region.memory === undefined) return undefined;
  const { memory, os } = region;
  const layout = parseLayout(r, os, memory);
  if (!layout) return undefined;
  const ops = parseTrace(r, {
    scheme: 'dynamic partitioning',
    refusal: (size) => tooLarge(size, memory - os, os ? 'the memory outside the OS' : 'memory'),
    initial: layout.names,
    autoSwap: whenFull?.[0] === 'swap',
  });
  if (!ops || !placements || !whenFull) return undefined;
  return { memory, os, ops, placements, whenFull: whenFull[0] as WhenFull, layout: SegmentList.from(layout.segments) };
}

const summary = (holeCount: number, largest: number, totalFree: number): FreeSummary => ({
  holeCount,
  largestHole: largest,
  totalFree,
  externalFragmentation: externalFragmentation(largest, totalFree),
});

/**
 * The memory of one run: the segments, next-fit's pointer and the free-memory summary. (A class
 * rather than an object literal with a getter, so every state has one shape.)
 */
export class DynamicMemory {
  constructor(
    readonly list: SegmentList,
    /** The end of the last placement (next-fit's pointer), or null: start at the lowest hole. */
    readonly rover: number | null,
    readonly free: FreeSummary,
    /**
     * Where each process was last placed, shared by every state of a run. Only a hint for finding a
     * process fast: it is checked against the list, which alone is the state.
     */
    readonly where: Map<string, number>,
  ) {}

  /** Every segment from the end of the OS region upward, in one array (made on first use). */
  get segments(): readonly Segment[] {
    return this.list.toArray();
  }
}

const memory = (list: SegmentList, rover: number | null, free: FreeSummary, where: Map<string, number>): DynamicMemory =>
  new DynamicMemory(list, rover, free, where);

/** Index of the resident process `name`: where it was placed if it is still there, else a scan. */
function find(m: DynamicMemory, name: string): number {
  const start = m.where.get(name);
  if (start !== undefined) {
    const i = m.list.indexContaining(start);
    const s = i < 0 ? undefined : m.list.at(i);
    if (s && s.start === start && s.kind === 'process' && s.name === name) return i;
  }
  return indexOfProcess(m.list, name);
}

/** A memory whose free summary is counted afresh (a starting map, a compaction). */
function memoryOf(list: SegmentList, rover: number | null, where: Map<string, number>): DynamicMemory {
  let count = 0;
  let total = 0;
  for (const chunk of list.chunks) {
    for (const s of chunk) {
      if (s.kind === 'hole') {
        count++;
        total += s.size;
      }
    }
  }
  return memory(list, rover, summary(count, largestHole(list), total), where);
}

/** The result of a search: the hole chosen and its index (-1 when none fits), and the holes looked at. */
interface Search {
  index: number;
  hole?: Segment;
  looked: number;
  why: string;
}

function search(m: DynamicMemory, size: number, policy: PlacementPolicy): Search {
  const failed: Search = { index: -1, looked: m.free.holeCount, why: '' };
  if (size > m.free.largestHole) return failed;
  const list = m.list;
  if (policy === 'first-fit') return { ...list.firstFit(size, 0, list.length), why: 'the first hole large enough' };
  if (policy === 'next-fit') {
    // From the first hole ending beyond the pointer (with no pointer, the lowest hole) up to the top
    // of memory, then around from the bottom to where the search began.
    const rover = m.rover;
    let from = 0;
    if (rover !== null) {
      const i = list.indexContaining(rover);
      from = i < 0 ? list.length : list.at(i)!.kind === 'hole' ? i : i + 1;
    }
    const where = rover === null ? 'searching from the lowest hole' : `searching on from the end of the last placement (${addressText(rover)})`;
    const up = list.firstFit(size, from, list.length);
    if (up.hole) return { ...up, why: `the first hole large enough, ${where}` };
    const around = list.firstFit(size, 0, from);
    return { ...around, looked: up.looked + around.looked, why: `the first hole large enough, ${where}, wrapping around past the end of memory` };
  }
  const best = policy === 'best-fit';
  const { index, hole: chosen, ties } = bestOrWorstFit(list, size, best);
  const what = best ? 'the smallest hole large enough' : 'the largest hole';
  return { index, hole: chosen, looked: m.free.holeCount, why: ties > 1 ? `${what}; of the ${ties} such holes, the lowest` : what };
}

/** Takes the chosen hole: the placement's phrase and the new memory. */
function take(m: DynamicMemory, s: Search, p: Proc, tick: number): { mem: DynamicMemory; start: number; phrase: string } {
  const h = s.hole!;
  const list = splitHole(m.list, s.index, p.name, p.size, tick);
  m.where.set(p.name, h.start);
  const exact = h.size === p.size ? '; it fills the hole exactly' : '';
  // The summary follows the split rather than being recounted: only taking the largest hole needs a scan.
  const f = m.free;
  const largest = h.size === f.largestHole ? largestHole(list) : f.largestHole;
  return {
    mem: memory(list, h.start + p.size, summary(f.holeCount - (exact ? 1 : 0), largest, f.totalFree - p.size), m.where),
    start: h.start,
    phrase: `goes to the ${sizeText(h.size)} hole at ${addressText(h.start)}: ${s.why}${exact}`,
  };
}

const largestText = (f: FreeSummary) => (f.holeCount === 0 ? 'memory is full, with no hole at all' : `the largest hole is ${sizeText(f.largestHole)}`);

/** The largest hole there would be if every process left and only the used blocks stayed. */
function largestWithoutProcesses(segs: readonly Segment[]): number {
  let best = 0;
  let run = 0;
  for (const s of segs) {
    if (s.kind === 'used') run = 0;
    else best = Math.max(best, (run += s.size));
  }
  return best;
}

function compactionPhrase(moved: Segment[], after: DynamicMemory): string {
  const names = moved.map((x) => x.name || `the used block`);
  const who = names.length === 0 ? '' : names.length <= 5 ? listText(names) : `${names.length} blocks`;
  const h = holesOf(after.list)[0];
  const result = h ? `the ${sizeText(h.size)} free is one hole at ${addressText(h.start)}` : 'no memory is free';
  return who ? `${who} slide${names.length === 1 ? 's' : ''} toward address 0 and ${result}` : `nothing moves: ${result} already`;
}

function place(c: DynamicConfig, run: RunSpec, m: DynamicMemory, p: Proc, tick: number): PlaceResult<DynamicMemory> {
  const policy = run.fields.placement as PlacementPolicy;
  const first = search(m, p.size, policy);
  const examined = searchCost(first.looked, m.free.holeCount);
  if (first.index >= 0) return { ok: true, ...take(m, first, p, tick), size: p.size, examined, evicted: [] };
  const noFit = `fits no hole (${largestText(m.free)})`;
  if (c.whenFull === 'compact' && p.size <= m.free.totalFree) {
    const { list, moved } = compactSegments(m.list, c.os, c.memory);
    const compacted = memoryOf(list, null, m.where);
    const again = search(compacted, p.size, policy);
    const t = take(compacted, again, p, tick);
    const phrase = `${noFit} but ${sizeText(m.free.totalFree)} is free in all, so memory is compacted (${compactionPhrase(moved, compacted)}); it ${t.phrase}`;
    return { ok: true, mem: t.mem, start: t.start, size: p.size, phrase, examined: examined + searchCost(again.looked, compacted.free.holeCount), evicted: [] };
  }
  if (c.whenFull === 'swap' && largestWithoutProcesses(m.segments) >= p.size) {
    let mem = m;
    const victims: Segment[] = [];
    const byAge = m.segments.filter((s) => s.kind === 'process').sort((a, b) => a.since - b.since);
    for (const v of byAge) {
      if (mem.free.largestHole >= p.size) break;
      mem = released(mem, find(mem, v.name)).mem;
      victims.push(v);
    }
    const again = search(mem, p.size, policy);
    const t = take(mem, again, p, tick);
    const who = listText(victims.map((v) => v.name));
    const phrase = `${noFit}, so ${who}, resident longest, ${victims.length === 1 ? 'is' : 'are'} swapped out; it ${t.phrase}`;
    return {
      ok: true,
      mem: t.mem,
      start: t.start,
      size: p.size,
      phrase,
      examined: examined + searchCost(again.looked, mem.free.holeCount),
      evicted: victims.map((v) => ({ name: v.name, size: v.size })),
    };
  }
  let reason = largestText(m.free);
  if (c.whenFull === 'compact') reason += `, and only ${sizeText(m.free.totalFree)} is free in all, too little even after compaction`;
  if (c.whenFull === 'swap') reason += `, and even swapping out every process would leave at most ${sizeText(largestWithoutProcesses(m.segments))} in one piece`;
  return { ok: false, reason, examined };
}

/** Frees segment `index`, keeping the free summary up to date. */
function released(m: DynamicMemory, index: number) {
  const f = freeSegment(m.list, index);
  const s = m.free;
  const holeCount = s.holeCount + 1 - (f.below ? 1 : 0) - (f.above ? 1 : 0);
  const mem = memory(f.list, m.rover, summary(holeCount, Math.max(s.largestHole, f.hole.size), s.totalFree + f.freed.size), m.where);
  return { mem, f };
}

function release(_c: DynamicConfig, _run: RunSpec, m: DynamicMemory, name: string) {
  const { mem, f } = released(m, find(m, name));
  const own = `its ${sizeText(f.freed.size)} at ${addressText(f.freed.start)}`;
  const joined = [f.below && `the ${sizeText(f.below.size)} hole below`, f.above && `the ${sizeText(f.above.size)} hole above`].filter(Boolean) as string[];
  const phrase = joined.length
    ? `${own} becomes free and joins ${listText(joined)}: one ${sizeText(f.hole.size)} hole at ${addressText(f.hole.start)}`
    : `${own} becomes a hole`;
  return { mem, phrase, proc: { name, size: f.freed.size } };
}

function compact(c: DynamicConfig, _run: RunSpec, m: DynamicMemory) {
  const { list, moved } = compactSegments(m.list, c.os, c.memory);
  const mem = memoryOf(list, null, m.where);
  for (const x of moved) if (x.kind === 'process') m.where.set(x.name, x.start);
  return { mem, phrase: `compaction: ${compactionPhrase(moved, mem)}` };
}

const allocator: Allocator<DynamicConfig, DynamicMemory> = {
  initial: (c) => memoryOf(c.layout, null, new Map()),
  place,
  release,
  compact,
};

function metrics(c: DynamicConfig, _run: RunSpec, s: DynamicState): Record<string, number> {
  const available = c.memory - c.os;
  return contiguousMetrics(available - s.mem.free.totalFree, available, s.mem.free, s, { swappedOut: s.swapped.length });
}

function blocks(c: DynamicConfig, _run: RunSpec, m: DynamicMemory): MapBlock[] {
  const out: MapBlock[] = c.os ? [{ start: 0, size: c.os, kind: 'os', text: `OS ${sizeText(c.os)}` }] : [];
  for (const s of m.segments) {
    const label = s.kind === 'process' ? s.name : s.kind;
    out.push({ start: s.start, size: s.size, kind: s.kind, text: `${label} ${sizeText(s.size)}` });
  }
  return out;
}

/** Dynamic partitioning: holes, first-, next-, best- and worst-fit, compaction and swapping. */
export const dynamic = contiguousScheme<DynamicConfig, DynamicMemory>({
  name: 'dynamic',
  keys: KEYS,
  parse,
  runs: (c) => c.placements.map((placement) => ({ label: placement, fields: { placement } })),
  allocator,
  metrics,
  contractMetrics: ['utilisation', 'externalFragmentation', 'holeCount', 'largestHole', 'totalFree', 'holesExamined'],
  report(c, _run, s) {
    const m = s.mem;
    const allocations = m.segments.filter((s) => s.kind === 'process').map((s) => ({ name: s.name, start: s.start, size: s.size }));
    const used = m.segments.filter((s) => s.kind === 'used').map((s) => ({ start: s.start, size: s.size }));
    return { os: { start: 0, size: c.os }, allocations, holes: holesOf(m.list), extra: used.length ? { used } : undefined };
  },
  blocks,
  freeColumn: 'holes',
  freeItems: (_c, _run, m) => holesOf(m.list).map((h) => `${sizeText(h.size)} at ${addressText(h.start)}`),
  // The OS, the layout's blocks and the hole above them; each live process adds its place and at most one hole.
  stateEntries: (c, live) => 2 + c.layout.length + 2 * live,
  fixedEntriesKey: 'layout',
});

export default dynamic;
