/**
 * The fast path for page-fault counting: the same rules as the stepwise vm-paging scheme, on typed
 * arrays, with O(1) work per reference (O(log frames) for OPT). Used for long reference strings
 * (a million references) and sweeps over frame counts, where no per-step record is wanted.
 * Tests check it against the stepwise path on thousands of random strings.
 */
import { MAX_BYTES } from '../units.js';
import { nextUses, POLICIES, POLICY_ALIASES, type Policy } from '../schemes/vm-paging/index.js';
import { runMore, runsHere } from './page-faults-more.js';

/** The keys of the policies that take them, as a scenario names them (`seed`, `clear-interval`, `aging-bits`), with their defaults. */
export interface PolicyOptions {
  /** RANDOM's seed (default 0). */
  seed?: number;
  /** NRU and AGING: references between clock ticks (default 4). */
  clearInterval?: number;
  /** AGING's counter bits, 1 to 32 (default 8). */
  agingBits?: number;
}

export interface FaultCounts {
  /** Every fault, the compulsory ones included. */
  faults: number;
  /** Faults that evicted a page (some books count only these). */
  faultsAfterFill: number;
  hits: number;
}

/**
 * Counts page faults of a reference string under one replacement policy.
 *
 * @param pages page numbers, non-negative integers (a plain array or any typed array)
 * @param frames number of frames, at least 1
 * @param policy `FIFO`, `LRU`, `OPT`, `CLOCK`, `ENHANCED-CLOCK`, `NRU`, `LFU`, `MFU`, `AGING`, `MRU` or `RANDOM`
 *   (any letter case; `optimal` and `second-chance` are aliases); `WS` needs a window and has no fast path
 * @param options RANDOM's seed, NRU's and AGING's clear interval, AGING's counter bits
 * @example countFaults([7,0,1,2,0,3,0,4,2,3,0,3,2,1,2,0,1,7,0,1], 3, 'LRU') // { faults: 12, faultsAfterFill: 9, hits: 8 }
 */
export function countFaults(pages: ArrayLike<number>, frames: number, policy: Policy | string, options?: PolicyOptions): FaultCounts {
  const r = runPolicy(pages, frames, policy, undefined, options);
  return { faults: r.faults, faultsAfterFill: r.faultsAfterFill, hits: r.hits };
}

/** What a run ends with, as the stepwise path's final report gives it. */
export interface FinalFrames extends FaultCounts {
  /** Dirty pages evicted (pages still dirty at the end are not counted). */
  writeBacks: number;
  /** The page in each frame at the end, null for a frame never filled. */
  contents: (number | null)[];
  /** Whether each frame's page is dirty at the end. */
  dirty: boolean[];
  /** CLOCK's use bit of each frame at the end (false for the other policies, which do not show it). */
  use: boolean[];
  /** CLOCK's hand at the end (0 for the other policies). */
  hand: number;
  /** The page the last reference evicted, or null. */
  lastVictim: number | null;
}

/**
 * The end of a run on the fast path: its counts, its write-backs, the final contents and bits of its
 * frames and what the last reference evicted, equal to the stepwise path's final state (tested), for
 * summaries of long traces.
 * @param writes writes[i] is 1 when reference i writes its page (`:w`)
 */
export function finalFrames(pages: ArrayLike<number>, frames: number, policy: Policy | string, writes?: ArrayLike<number>, options?: PolicyOptions): FinalFrames {
  const r = runPolicy(pages, frames, policy, writes, options);
  const page = (id: number) => (id < 0 ? null : r.pageOf ? r.pageOf[id]! : id);
  // Frames past the pages' count were never filled (the run kept only as many as it could use).
  const kept = r.pageIn.length;
  const contents = Array.from({ length: frames }, (_, f) => page(f < kept ? r.pageIn[f]! : -1));
  const bit = (bits: Uint8Array | undefined) => Array.from({ length: frames }, (_, f) => f < kept && bits?.[f] === 1);
  // With fewer frames kept than the run has, nothing was ever replaced: the hand stands past the
  // last frame filled, as the stepwise path leaves it.
  const filled = contents.filter((p) => p !== null).length;
  const hand = r.hand === undefined ? 0 : kept < frames ? filled % frames : r.hand;
  return {
    faults: r.faults,
    faultsAfterFill: r.faultsAfterFill,
    hits: r.hits,
    writeBacks: r.writeBacks,
    contents,
    dirty: bit(r.dirty),
    use: bit(r.use),
    hand,
    lastVictim: page(r.lastVictim),
  };
}

/** @internal What a policy's run gives back (page-faults-more.ts shares it). */
export interface PolicyRun extends FaultCounts {
  writeBacks: number;
  /** The (dense) page in each frame at the end, -1 when empty. */
  pageIn: Int32Array;
  /** The (dense) page the last reference evicted, or -1. */
  lastVictim: number;
  /** CLOCK's hand and use bits at the end. */
  hand?: number;
  use?: Uint8Array;
  /** Dirty bits at the end, when the references write. */
  dirty?: Uint8Array;
  /** The page number of each dense id, when pages were renumbered. */
  pageOf?: number[];
}

function runPolicy(pages: ArrayLike<number>, frames: number, policy: Policy | string, writes: ArrayLike<number> | undefined, options: PolicyOptions = {}): PolicyRun {
  const p = resolvePolicy(policy);
  if (p === 'WS') throw new RangeError('WS has no fast path: its working set needs a window (simulate the scenario instead)');
  const o = { seed: options.seed ?? 0, clearInterval: options.clearInterval ?? 4, agingBits: options.agingBits ?? 8 };
  if (!Number.isInteger(frames) || frames < 1) throw new RangeError(`frames must be a whole number of at least 1, got ${frames}`);
  // A scenario's aging-bits goes up to 32, and the counters are 32-bit words.
  if (!Number.isInteger(o.agingBits) || o.agingBits < 1 || o.agingBits > 32) throw new RangeError(`agingBits must be a whole number from 1 to 32, got ${o.agingBits}`);
  const ids = densePages(pages);
  // More frames than distinct pages never evict, so the tables need no more: this also keeps a
  // huge frame count from allocating gigabytes (or overflowing OPT's 32-bit tree size).
  const used = Math.min(frames, Math.max(1, ids.count));
  const w = writes ? new Writes(writes, used) : undefined;
  const run = p === 'FIFO' ? fifo : p === 'LRU' ? lru : p === 'CLOCK' ? clock : opt;
  const r = runsHere(p) ? runMore(p, ids.pages, ids.count, used, w, o) : run(ids.pages, ids.count, used, w);
  return { ...r, writeBacks: w?.count ?? 0, dirty: w?.dirty, pageOf: ids.pageOf };
}

/**
 * Dirty bits, kept only when the references write: a write sets its frame's bit, a load clears it,
 * and evicting a frame whose bit is set counts a write-back.
 */
/** @internal */
export class Writes {
  readonly dirty: Uint8Array;
  count = 0;
  constructor(
    readonly writes: ArrayLike<number>,
    frames: number,
  ) {
    this.dirty = new Uint8Array(frames);
  }
  /** Reference i put its page in frame f, evicting a page when `evicted`. */
  load(f: number, i: number, evicted: boolean): void {
    if (evicted && this.dirty[f]) this.count++;
    this.dirty[f] = this.writes[i] ? 1 : 0;
  }
  hit(f: number, i: number): void {
    if (this.writes[i]) this.dirty[f] = 1;
  }
}

/** The policy a name or alias means, undefined for none (an alias must give a policy: a plain object's lookup also finds `constructor`). */
export const policyNamed = (policy: string): Policy | undefined =>
  [String(policy).toUpperCase(), POLICY_ALIASES[String(policy).toLowerCase()]].find((x): x is Policy => (POLICIES as readonly unknown[]).includes(x));

function resolvePolicy(policy: string): Policy {
  const p = policyNamed(policy);
  if (!p) throw new RangeError(`unknown policy '${policy}': expected ${POLICIES.join(', ')}`);
  return p;
}

/** Renumbers pages 0..count-1 so per-page tables stay small whatever the page numbers are. */
function densePages(pages: ArrayLike<number>): { pages: Int32Array; count: number; pageOf?: number[] } {
  const n = pages.length;
  let max = -1;
  for (let i = 0; i < n; i++) {
    const v = pages[i]!;
    if (!Number.isInteger(v) || v < 0 || v > MAX_BYTES) {
      throw new RangeError(`pages[${i}] is ${v}: expected a whole number from 0 to ${MAX_BYTES.toLocaleString('en-US')} (2^50)`);
    }
    if (v > max) max = v;
  }
  // Small page numbers index the tables directly; any larger ones (past 2^31 too) get dense ids.
  if (max < 4 * n + 65536 && max <= 0x7fffffff) return { pages: pages instanceof Int32Array ? pages : Int32Array.from(pages), count: max + 1 };
  const out = new Int32Array(n);
  const ids = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    let id = ids.get(pages[i]!);
    if (id === undefined) ids.set(pages[i]!, (id = ids.size));
    out[i] = id;
  }
  return { pages: out, count: ids.size, pageOf: [...ids.keys()] };
}

function fifo(pages: Int32Array, pageCount: number, frames: number, w?: Writes): PolicyRun {
  const frameOf = new Int32Array(pageCount).fill(-1);
  const pageIn = new Int32Array(frames).fill(-1);
  let filled = 0;
  let oldest = 0; // empty frames fill lowest first, so the loading order cycles through the frames
  let faults = 0;
  let evictions = 0;
  // The page the last eviction removed, and when: the end's last step may have evicted it.
  let lastEvictedAt = -1;
  let victim = -1;
  for (let i = 0; i < pages.length; i++) {
    const page = pages[i]!;
    if (frameOf[page]! >= 0) {
      if (w) w.hit(frameOf[page]!, i);
      continue;
    }
    faults++;
    let f: number;
    if (filled < frames) f = filled++;
    else {
      f = oldest;
      oldest = oldest + 1 === frames ? 0 : oldest + 1;
      lastEvictedAt = i;
      victim = pageIn[f]!;
      frameOf[pageIn[f]!] = -1;
      evictions++;
    }
    if (w) w.load(f, i, pageIn[f]! >= 0);
    pageIn[f] = page;
    frameOf[page] = f;
  }
  return { faults, faultsAfterFill: evictions, hits: pages.length - faults, writeBacks: 0, pageIn, lastVictim: lastEvictedAt === pages.length - 1 ? victim : -1 };
}

function lru(pages: Int32Array, pageCount: number, frames: number, w?: Writes): PolicyRun {
  const frameOf = new Int32Array(pageCount).fill(-1);
  const pageIn = new Int32Array(frames).fill(-1);
  // A doubly linked list of frames from least to most recently used.
  const prev = new Int32Array(frames).fill(-1);
  const next = new Int32Array(frames).fill(-1);
  let head = -1;
  let tail = -1;
  let filled = 0;
  let faults = 0;
  let evictions = 0;
  // The page the last eviction removed, and when: the end's last step may have evicted it.
  let lastEvictedAt = -1;
  let victim = -1;
  for (let i = 0; i < pages.length; i++) {
    const page = pages[i]!;
    let f = frameOf[page]!;
    if (f >= 0) {
      if (w) w.hit(f, i);
      if (f === tail) continue;
      // unlink f, then append it at the tail
      const pv = prev[f]!;
      const nx = next[f]!;
      if (pv >= 0) next[pv] = nx;
      else head = nx;
      prev[nx] = pv;
    } else {
      faults++;
      if (filled < frames) f = filled++;
      else {
        f = head;
        head = next[f]!;
        if (head >= 0) prev[head] = -1;
        else tail = -1;
        lastEvictedAt = i;
      victim = pageIn[f]!;
      frameOf[pageIn[f]!] = -1;
        evictions++;
      }
      if (w) w.load(f, i, pageIn[f]! >= 0);
      pageIn[f] = page;
      frameOf[page] = f;
    }
    prev[f] = tail;
    next[f] = -1;
    if (tail >= 0) next[tail] = f;
    else head = f;
    tail = f;
  }
  return { faults, faultsAfterFill: evictions, hits: pages.length - faults, writeBacks: 0, pageIn, lastVictim: lastEvictedAt === pages.length - 1 ? victim : -1 };
}

function clock(pages: Int32Array, pageCount: number, frames: number, w?: Writes): PolicyRun {
  const frameOf = new Int32Array(pageCount).fill(-1);
  const pageIn = new Int32Array(frames).fill(-1);
  const use = new Uint8Array(frames);
  let hand = 0;
  let filled = 0;
  let faults = 0;
  let evictions = 0;
  // The page the last eviction removed, and when: the end's last step may have evicted it.
  let lastEvictedAt = -1;
  let victim = -1;
  for (let i = 0; i < pages.length; i++) {
    const page = pages[i]!;
    const hit = frameOf[page]!;
    if (hit >= 0) {
      use[hit] = 1;
      if (w) w.hit(hit, i);
      continue;
    }
    faults++;
    let f: number;
    if (filled < frames) f = filled++;
    else {
      while (use[hand]) {
        use[hand] = 0;
        hand = hand + 1 === frames ? 0 : hand + 1;
      }
      f = hand;
      lastEvictedAt = i;
      victim = pageIn[f]!;
      frameOf[pageIn[f]!] = -1;
      evictions++;
    }
    hand = f + 1 === frames ? 0 : f + 1;
    if (w) w.load(f, i, pageIn[f]! >= 0);
    pageIn[f] = page;
    frameOf[page] = f;
    use[f] = 1;
  }
  return { faults, faultsAfterFill: evictions, hits: pages.length - faults, writeBacks: 0, pageIn, lastVictim: lastEvictedAt === pages.length - 1 ? victim : -1, hand, use };
}

function opt(pages: Int32Array, pageCount: number, frames: number, w?: Writes): PolicyRun {
  const n = pages.length;
  const nextUse = nextUses(pages);
  const frameOf = new Int32Array(pageCount).fill(-1);
  const pageIn = new Int32Array(frames).fill(-1);
  const loadedAt = new Int32Array(frames);
  // key[f]: the next use of f's page, or, for a page never used again, 2n minus its load time, so that
  // such pages outrank all others and the earliest loaded of them wins. A max segment tree finds the victim.
  let size = 1;
  while (size < frames) size <<= 1;
  const key = new Float64Array(frames + 1).fill(-1);
  key[frames] = -2; // the sentinel for leaves past the last frame
  const tree = new Int32Array(2 * size).fill(frames);
  const update = (f: number) => {
    let i = (f + size) >> 1;
    tree[f + size] = f;
    while (i >= 1) {
      const l = tree[2 * i]!;
      const r = tree[2 * i + 1]!;
      tree[i] = key[l]! >= key[r]! ? l : r;
      i >>= 1;
    }
  };
  let filled = 0;
  let faults = 0;
  let evictions = 0;
  // The page the last eviction removed, and when: the end's last step may have evicted it.
  let lastEvictedAt = -1;
  let victim = -1;
  for (let i = 0; i < n; i++) {
    const page = pages[i]!;
    let f = frameOf[page]!;
    if (f < 0) {
      faults++;
      if (filled < frames) f = filled++;
      else {
        f = tree[1]!;
        lastEvictedAt = i;
      victim = pageIn[f]!;
      frameOf[pageIn[f]!] = -1;
        evictions++;
      }
      if (w) w.load(f, i, pageIn[f]! >= 0);
      pageIn[f] = page;
      frameOf[page] = f;
      loadedAt[f] = i;
    } else if (w) w.hit(f, i);
    const nu = nextUse[i]!;
    key[f] = nu < n ? nu : 2 * n - loadedAt[f]!;
    update(f);
  }
  return { faults, faultsAfterFill: evictions, hits: n - faults, writeBacks: 0, pageIn, lastVictim: lastEvictedAt === n - 1 ? victim : -1 };
}
