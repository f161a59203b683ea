/**
 * The rules every state of every scheme keeps, whatever the scenario: checked on random valid
 * scenarios by the property tests and on every case the fuzzer parses. Each rule reads only the
 * scenario's configuration and the timeline, never how the scenario was made, so it applies to
 * any text the parser accepts. Arithmetic stays in doubles (no `&`, `^` or `|`): sizes may pass 2^31.
 */
import assert from 'node:assert/strict';
import { buddyOf, isPowerOfTwo } from '../engine/index.js';
import type { RelocationConfig, RelocationEvent, RelocationState } from '../engine/schemes/relocation/index.js';
import { STACK_HEAP_RULES } from './stack-heap-invariants.js';
import type {
  BuddyConfig,
  BuddyState,
  ContiguousEvent,
  DynamicConfig,
  DynamicState,
  FixedConfig,
  FixedState,
  PagingConfig,
  PagingEvent,
  PagingState,
  SchemeName,
  SimplePagingConfig,
  SimplePagingEvent,
  SimplePagingState,
  Timeline,
} from '../engine/index.js';

/** A rule, by the sentence it states, checked at one position of a run. */
export type Rule<C = any, S = any> = [name: string, check: (t: Timeline<C, S>, position: number, s: S) => void];

const sum = (xs: readonly { size: number }[] = []) => xs.reduce((a, b) => a + b.size, 0);
const ratio = (x: number) => Math.round(x * 1000) / 1000;

/** The smallest power of two that is at least `n` (and at least `min`). */
export function powerOfTwoAtLeast(n: number, min = 1): number {
  let p = 1;
  while (p < n) p *= 2;
  return Math.max(p, min);
}


/** Sizes and addresses are whole bytes, exact: never a fraction, never past 2^53. */
const whole = (what: string, x: { start: number; size: number }) =>
  assert.ok(Number.isSafeInteger(x.start) && Number.isSafeInteger(x.size), `${what} ${x.start}+${x.size} is not whole bytes`);

/** Every process name in memory, waiting or swapped out (`resident` gives those in memory). */
function everywhere(resident: string[], s: { waiting: readonly { name: string }[]; swapped: readonly { name: string }[] }): string[] {
  return [...resident, ...s.waiting.map((w) => w.name), ...s.swapped.map((w) => w.name)];
}

const onePlace = (all: string[]) => assert.equal(new Set(all).size, all.length, `a process is in two places: ${all.join(' ')}`);

export const PAGING_RULES: Rule<PagingConfig, PagingState>[] = [
  [
    'no page ever sits in two frames, and the referenced page is resident after its step',
    (t, p, s) => {
      assert.equal(s.frameCount, t.run.fields.frames);
      const resident = s.frames.filter((x) => x !== null);
      assert.equal(new Set(resident).size, resident.length, `a page sits in two frames: ${s.frames.join(' ')}`);
      const e = t.eventAt(p) as PagingEvent | undefined;
      if (e) {
        assert.equal(e.page, t.config.refs[p - 1]!.page);
        assert.equal(s.pageIn(e.frame), e.page);
      }
    },
  ],
  [
    'hits + faults = references so far; faults after fill and write-backs never exceed the faults (write-backs: the evictions; under WS, whose faults after fill are repeat faults, the pages removed)',
    (t, p, s) => {
      assert.equal(s.hits + s.faults, p);
      // Each write-back removes a page some earlier fault loaded: under WS by a drop or at the cap, else by an eviction.
      assert.ok(s.faultsAfterFill <= s.faults && s.writeBacks <= (t.run.fields.policy === 'WS' ? s.faults : s.faultsAfterFill));
    },
  ],
];

const dynamicHoles = (s: DynamicState) => s.mem.segments.filter((x) => x.kind === 'hole');

export const DYNAMIC_RULES: Rule<DynamicConfig, DynamicState>[] = [
  [
    'segments are whole bytes, no two overlap, and OS, processes, used blocks and holes add up to memory',
    (t, _p, s) => {
      let at = t.config.os;
      for (const x of s.mem.segments) {
        whole('segment', x);
        assert.equal(x.start, at, `a segment starts at ${x.start}, expected ${at}`);
        assert.ok(x.size > 0);
        at += x.size;
      }
      assert.equal(at, t.config.memory);
      const r = t.scheme.finalReport(t.config, t.run, s) as any;
      assert.equal(r.os.size + sum(r.allocations) + sum(r.holes) + sum(r.used), t.config.memory);
    },
  ],
  [
    'no two holes are adjacent',
    (_t, _p, s) => s.mem.segments.forEach((x, i) => assert.ok(!(x.kind === 'hole' && s.mem.segments[i + 1]?.kind === 'hole'), `two holes meet at ${x.start + x.size}`)),
  ],
  [
    'a waiting process never fits a hole once admission has run (nor the total free, with when-full: compact)',
    (t, _p, s) => {
      const largest = Math.max(0, ...dynamicHoles(s).map((h) => h.size));
      const free = sum(dynamicHoles(s));
      for (const w of s.waiting) {
        assert.ok(w.size > largest, `${w.name} (${w.size}) waits beside a ${largest}-byte hole`);
        if (t.config.whenFull === 'compact') assert.ok(w.size > free, `${w.name} waits though compaction would make room`);
      }
    },
  ],
  ['no process is in two places (resident, waiting, swapped out)', (_t, _p, s) => onePlace(everywhere(s.mem.segments.filter((x) => x.kind === 'process').map((x) => x.name!), s))],
  [
    'metrics agree with the memory map',
    (t, _p, s) => {
      const m = t.scheme.metrics(t.config, t.run, s);
      const { memory, os } = t.config;
      const holes = dynamicHoles(s);
      const free = sum(holes);
      const largest = Math.max(0, ...holes.map((h) => h.size));
      assert.equal(m.holeCount, holes.length);
      assert.equal(m.totalFree, free);
      assert.equal(m.largestHole, largest);
      assert.equal(m.utilisation, ratio((memory - os - free) / (memory - os)));
      assert.equal(m.externalFragmentation, free ? ratio(1 - largest / free) : 0);
    },
  ],
];

export const FIXED_RULES: Rule<FixedConfig, FixedState>[] = [
  [
    'no two processes share a partition, and no process is in two places',
    (_t, _p, s) => onePlace(everywhere(s.mem.holders.flatMap((h) => (h ? [h.name] : [])), s)),
  ],
  [
    'partitions and holes are whole bytes, never overlap, and with the OS add up to memory',
    (t, _p, s) => {
      const r = t.scheme.finalReport(t.config, t.run, s) as { os: { size: number }; partitions: { start: number; size: number }[]; holes: { start: number; size: number }[] };
      const regions = [{ start: 0, size: r.os.size }, ...r.partitions, ...r.holes.filter((h) => !r.partitions.some((p) => p.start === h.start))];
      let at = 0;
      for (const x of regions.sort((a, b) => a.start - b.start)) {
        whole('region', x);
        assert.equal(x.start, at, `a region starts at ${x.start}, expected ${at}`);
        at += x.size;
      }
      assert.equal(at, t.config.memory);
    },
  ],
  [
    'a process never exceeds its partition',
    (t, _p, s) => {
      assert.equal(s.mem.holders.length, t.config.partitions.length);
      s.mem.holders.forEach((h, i) => assert.ok(!h || h.size <= t.config.partitions[i]!.size, `${h?.name} overflows partition ${i}`));
    },
  ],
  [
    'internal fragmentation adds up: each occupied partition wastes its size minus its process, and the total is their sum',
    (t, _p, s) => {
      const c = t.config;
      const r = t.scheme.finalReport(c, t.run, s) as any;
      const wasted = c.partitions.map((p, i) => (s.mem.holders[i] ? p.size - s.mem.holders[i]!.size : 0));
      assert.deepEqual(r.partitions.map((p: any) => p.wasted), wasted);
      assert.equal(r.metrics.internalFragmentation, wasted.reduce((a, b) => a + b, 0));
      const used = s.mem.holders.reduce((a, h) => a + (h?.size ?? 0), 0);
      assert.equal(r.metrics.utilisation, ratio(used / (c.memory - c.os)));
      // the OS, the partitions and the unused rest make up memory
      assert.equal(r.os.size + sum(r.partitions) + sum(r.holes), c.memory);
      // each allocation sits at its partition's start and names its partition
      for (const a of r.allocations) assert.equal(a.start, c.partitions[a.partition]!.start);
    },
  ],
  [
    'a waiting process never fits a free partition once admission has run (with one queue per partition: its own is taken)',
    (t, _p, s) => {
      const c = t.config;
      const free = c.partitions.filter((p) => s.mem.holders[p.index] === null);
      for (const w of s.waiting) {
        if (c.queue === 'per-partition') assert.notEqual(s.mem.holders[fixedTarget(c, w.size).index], null);
        else for (const p of free) assert.ok(w.size > p.size, `${w.name} waits while partition ${p.index} is free`);
      }
    },
  ],
];

/** The partition the per-partition queue sends a process to: the smallest that holds it, lowest first. */
export const fixedTarget = (c: FixedConfig, size: number) => c.partitions.filter((p) => p.size >= size).reduce((a, p) => (p.size < a.size ? p : a));

const freeBuddies = (s: BuddyState) => s.mem.blocks.filter((b) => b.kind === 'free');

export const BUDDY_RULES: Rule<BuddyConfig, BuddyState>[] = [
  [
    'every block is a whole power of two of at least min-block, aligned to its size, and the blocks add up to memory without overlap',
    (t, _p, s) => {
      let at = 0;
      for (const b of s.mem.blocks) {
        whole('block', b);
        assert.equal(b.start, at);
        assert.ok(isPowerOfTwo(b.size), `${b.size} is not a power of two`);
        assert.ok(b.size >= t.config.minBlock);
        assert.equal(b.start % b.size, 0, `the ${b.size}-byte block at ${b.start} is not aligned`);
        at += b.size;
      }
      assert.equal(at, t.config.memory);
    },
  ],
  [
    'no free block has a free buddy of the same size',
    (_t, _p, s) => {
      const free = new Set(freeBuddies(s).map((b) => `${b.start}/${b.size}`));
      for (const b of freeBuddies(s)) {
        const buddy = buddyOf(b.start, b.size);
        assert.ok(!free.has(`${buddy}/${b.size}`), `free buddies at ${b.start} and ${buddy}`);
      }
    },
  ],
  [
    'each block is the request rounded up to a power of two (at least min-block); internal fragmentation adds up',
    (t, _p, s) => {
      let internal = 0;
      for (const b of s.mem.blocks) {
        if (b.kind === 'free') continue;
        assert.equal(b.size, powerOfTwoAtLeast(b.requested, t.config.minBlock));
        if (b.kind === 'process') internal += b.size - b.requested;
      }
      assert.equal(t.scheme.metrics(t.config, t.run, s).internalFragmentation, internal);
    },
  ],
  [
    'a waiting request never fits a free block once admission has run',
    (t, _p, s) => {
      const largest = Math.max(0, ...freeBuddies(s).map((b) => b.size));
      for (const w of s.waiting) assert.ok(powerOfTwoAtLeast(w.size, t.config.minBlock) > largest, `${w.name} waits beside a ${largest}-byte block`);
    },
  ],
  ['no process is in two places (resident, waiting, swapped out)', (_t, _p, s) => onePlace(everywhere(s.mem.blocks.filter((b) => b.kind === 'process').map((b) => b.name), s))],
];

export const SIMPLE_PAGING_RULES: Rule<SimplePagingConfig, SimplePagingState>[] = [
  [
    'no frame holds two pages, and each resident process\'s page table names exactly the frames that hold its pages',
    (t, _p, s) => {
      assert.equal(s.frames.length, t.config.frames);
      let held = 0;
      s.frames.forEach((x, f) => {
        if (x === null || !('process' in x)) return;
        held++;
        assert.equal(s.resident.get(x.process)?.table[x.page], f, `frame ${f} holds ${x.process} page ${x.page}, but its table does not say so`);
      });
      let named = 0;
      for (const r of s.resident.values()) {
        assert.equal(r.table.length, r.pages);
        r.table.forEach((f, page) => {
          if (f === null) return;
          named++;
          assert.deepEqual(s.frames[f], { process: r.name, page }, `${r.name}'s table puts page ${page} in frame ${f}`);
        });
      }
      assert.equal(named, held);
    },
  ],
  [
    'frames used plus free equal all frames: the free list is exactly the free frames, once each; the OS holds its frames',
    (t, _p, s) => {
      const empty = s.frames.flatMap((x, f) => (x === null ? [f] : []));
      assert.deepEqual([...s.free].sort((a, b) => a - b), empty);
      for (let f = 0; f < t.config.osFrames; f++) assert.deepEqual(s.frames[f], { os: true });
      const m = t.metricsAt(_p);
      assert.equal(m.framesUsed! + m.framesFree!, t.config.frames);
    },
  ],
  [
    'translation is the inverse of placement: a valid access lands inside the frame that holds its page',
    (t, p, s) => {
      const a = (t.eventAt(p) as SimplePagingEvent | undefined)?.access;
      if (!a || a.trap !== null) return;
      const size = t.config.pageSize;
      assert.deepEqual(s.frames[a.frame!], { process: a.process, page: a.page });
      assert.equal(a.physical, a.frame! * size + a.offset!);
      assert.ok(a.physical! >= a.frame! * size && a.physical! < (a.frame! + 1) * size);
      assert.equal(a.address, a.page! * size + a.offset!);
    },
  ],
  ['every waiting process needs more frames than are free', (_t, _p, s) => s.waiting.forEach((w) => assert.ok(w.pages > s.free.length, `${w.name} waits beside ${s.free.length} free frames`))],
  ['no process is in two places (resident, waiting, swapped out)', (_t, _p, s) => onePlace(everywhere([...s.resident.keys()], s))],
];

/** Base and bounds: a translation lands inside [base, base + bounds) exactly when the address is below the bounds, else it traps. */
export const RELOCATION_RULES: Rule<RelocationConfig, RelocationState>[] = [
  [
    'an address below the bounds lands inside [base, base + bounds); any other traps out of bounds',
    (t, p) => {
      const e = t.eventAt(p) as RelocationEvent | undefined;
      if (!e) return;
      const { base, bounds } = t.config;
      if (e.address < bounds) assert.deepEqual([e.physical, e.trap], [base + e.address, null]);
      else assert.deepEqual([e.physical, e.trap], [null, 'out of bounds']);
    },
  ],
  ['accesses and traps are counted', (t, p, s) => assert.deepEqual([s.accesses, s.traps <= s.accesses], [p, true])],
];

/** Each built scheme's rules. */
export const RULES: Partial<Record<SchemeName, Rule[]>> = { 'vm-paging': PAGING_RULES, dynamic: DYNAMIC_RULES, fixed: FIXED_RULES, buddy: BUDDY_RULES, paging: SIMPLE_PAGING_RULES, relocation: RELOCATION_RULES, 'stack-heap': STACK_HEAP_RULES as Rule[] };

/** The processes a contiguous trace leaves alive after each step, following names as the parser does. */
export function aliveAfterEachStep(ops: readonly { kind: string; name: string; refused?: string }[], first: Iterable<string>): Set<string>[] {
  const alive = new Set(first);
  const out = [new Set(alive)];
  for (const op of ops) {
    if (op.kind === 'load' && !op.refused) alive.add(op.name);
    else if (op.kind === 'exit') alive.delete(op.name);
    out.push(new Set(alive));
  }
  return out;
}

/** The names a contiguous state holds anywhere: resident, waiting or swapped out. */
function namesOf(scheme: SchemeName, s: any): string[] {
  const resident: string[] =
    scheme === 'paging'
      ? [...s.resident.keys()]
      : scheme === 'dynamic'
      ? s.mem.segments.filter((x: any) => x.kind === 'process').map((x: any) => x.name)
      : scheme === 'fixed'
        ? s.mem.holders.flatMap((h: any) => (h ? [h.name] : []))
        : s.mem.blocks.filter((b: any) => b.kind === 'process').map((b: any) => b.name);
  return everywhere(resident, s);
}

/**
 * Every state of a timeline keeps its scheme's rules; for the contiguous schemes, the processes
 * alive after each step are exactly those the trace leaves alive (the starting layout's included).
 */
export function checkTimeline(t: Timeline): void {
  const rules = RULES[t.scheme.name] ?? [];
  // The schemes whose runs follow processes through a trace of operations.
  // stack-heap's trace follows frames and pointers, not processes: its own rules check them.
  const contiguous = t.scheme.name !== 'stack-heap' && Array.isArray((t.config as { ops?: unknown }).ops);
  const alive = contiguous ? aliveAfterEachStep((t.config as { ops: any[] }).ops, namesOf(t.scheme.name, t.stateAt(0))) : [];
  for (let p = 0; p <= t.length; p++) {
    const s = t.stateAt(p);
    for (const [name, check] of rules) {
      try {
        check(t, p, s);
      } catch (e) {
        throw new Error(`${t.scheme.name}, ${t.run.label}, step ${p}: ${name}: ${(e as Error).message}`);
      }
    }
    if (contiguous) {
      assert.deepEqual(new Set(namesOf(t.scheme.name, s)), alive[p], `${t.run.label}: the processes alive after step ${p}`);
      const e = t.eventAt(p) as ContiguousEvent | SimplePagingEvent | undefined;
      if (e) assert.ok(e.placed.every((x) => ('frames' in x ? x.frames.length : x.size) > 0), `step ${p} placed an empty block`);
    }
  }
}
