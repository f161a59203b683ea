/**
 * Dynamic partitioning's rules: placing a process in a hole, freeing, compacting and swapping.
 *
 * Textbook rules (docs/ARCHITECTURE.md), and the tie rules this module had to choose:
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
import { addressText, listText, type Proc } from '../../contiguous/common.js';
import type { Allocator, Move, PlaceResult } from '../../contiguous/core.js';
import { bestOrWorstFit, compactSegments, freeSegment, largestHole, splitHole, type Segment } from '../../contiguous/holes.js';
import { searchCost } from '../../contiguous/metrics.js';
import type { RunSpec } from '../../scheme.js';
import { formatSize } from '../../units.js';
import type { DynamicConfig, DynamicFields, PlacementPolicy } from './config.js';
import { find, memory, memoryOf, summary, type DynamicMemory } from './memory.js';
import { compactionPhrase, largestText } from './sentences.js';

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
    phrase: `goes to the ${formatSize(h.size)} hole at ${addressText(h.start)}: ${s.why}${exact}`,
  };
}

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

function place(c: DynamicConfig, run: RunSpec<DynamicFields>, m: DynamicMemory, p: Proc, tick: number): PlaceResult<DynamicMemory> {
  const policy = run.fields.placement;
  const first = search(m, p.size, policy);
  const examined = searchCost(first.looked, m.free.holeCount);
  if (first.index >= 0) return { ok: true, ...take(m, first, p, tick), size: p.size, examined, evicted: [] };
  const noFit = `fits no hole (${largestText(m.free)})`;
  if (c.whenFull === 'compact' && p.size <= m.free.totalFree) {
    const { list, moved, from } = compactSegments(m.list, c.os, c.memory);
    const compacted = memoryOf(list, null, m.where);
    const again = search(compacted, p.size, policy);
    const t = take(compacted, again, p, tick);
    const phrase = `${noFit} but ${formatSize(m.free.totalFree)} is free in all, so memory is compacted (${compactionPhrase(moved, compacted)}); it ${t.phrase}`;
    return { ok: true, mem: t.mem, start: t.start, size: p.size, phrase, examined: examined + searchCost(again.looked, compacted.free.holeCount), evicted: [], moved: moves(moved, from) };
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
  if (c.whenFull === 'compact') reason += `, and only ${formatSize(m.free.totalFree)} is free in all, too little even after compaction`;
  if (c.whenFull === 'swap') reason += `, and even swapping out every process would leave at most ${formatSize(largestWithoutProcesses(m.segments))} in one piece`;
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

function release(_c: DynamicConfig, _run: RunSpec<DynamicFields>, m: DynamicMemory, name: string) {
  const { mem, f } = released(m, find(m, name));
  const own = `its ${formatSize(f.freed.size)} at ${addressText(f.freed.start)}`;
  const joined = [f.below && `the ${formatSize(f.below.size)} hole below`, f.above && `the ${formatSize(f.above.size)} hole above`].filter(Boolean) as string[];
  const phrase = joined.length
    ? `${own} becomes free and joins ${listText(joined)}: one ${formatSize(f.hole.size)} hole at ${addressText(f.hole.start)}`
    : `${own} becomes a hole`;
  return { mem, phrase, proc: { name, size: f.freed.size } };
}

/** A compaction's moves, for the step's event (the diagram draws them). */
const moves = (moved: Segment[], from: number[]): Move[] => moved.map((x, i) => ({ name: x.name, size: x.size, from: from[i]!, to: x.start }));

function compact(c: DynamicConfig, _run: RunSpec<DynamicFields>, m: DynamicMemory) {
  const { list, moved, from } = compactSegments(m.list, c.os, c.memory);
  const mem = memoryOf(list, null, m.where);
  for (const x of moved) if (x.kind === 'process') m.where.set(x.name, x.start);
  return { mem, phrase: `compaction: ${compactionPhrase(moved, mem)}`, moved: moves(moved, from) };
}

export const allocator: Allocator<DynamicConfig, DynamicMemory, DynamicFields> = {
  initial: (c) => memoryOf(c.layout, null, new Map()),
  place,
  release,
  compact,
  locate: (_c, _run, m, name) => (find(m, name) < 0 ? undefined : m.list.at(find(m, name))),
};
