/**
 * The fast path of the policies in engine/schemes/vm-paging/policies/rules.ts (all but WS, whose window
 * the counts here do not take): the same rules on typed arrays, in one loop for all of them (a
 * policy's victim search is a plain function on its arrays, so every call site sees one shape).
 * The searches that pick the earliest loaded among equals walk the frames in load order and stop at
 * the least key there can be (NRU's class 0, LFU's one use, AGING's zero counter with R = 0); MFU
 * keeps a heap; MRU's victim is the previous reference's page.
 */
import { MersenneTwister } from '../schemes/vm-paging/policies/mersenne.js';
import type { PolicyOptions, PolicyRun, Writes } from './page-faults.js';

const KINDS = ['ENHANCED-CLOCK', 'NRU', 'LFU', 'MFU', 'AGING', 'MRU', 'RANDOM'] as const;
const [ECLOCK, NRU, LFU, MFU, AGING, MRU, RANDOM] = [0, 1, 2, 3, 4, 5, 6];

/** Whether `countFaults` runs `policy` here. */
export const runsHere = (policy: string): boolean => (KINDS as readonly string[]).includes(policy);

/** One run of a policy of this file (`policy` from KINDS). */
export function runMore(policy: string, pages: Int32Array, pageCount: number, frames: number, w: Writes | undefined, o: Required<PolicyOptions>): PolicyRun {
  const kind = (KINDS as readonly string[]).indexOf(policy);
  const frameOf = new Int32Array(pageCount).fill(-1);
  const pageIn = new Int32Array(frames).fill(-1);
  const use = new Uint8Array(frames);
  // The M bit is the dirty bit: without writes every page stays clean.
  const dirty = w ? w.dirty : new Uint8Array(frames);
  const loaded = new Int32Array(frames);
  // LFU, MFU: uses since loading; AGING: the counter.
  const count = new Float64Array(frames);
  // The frames in load order, a doubly linked list (-1 ends it).
  const after = new Int32Array(frames).fill(-1);
  const before = new Int32Array(frames).fill(-1);
  let first = -1;
  let last = -1;
  const heap = new MaxHeap(count, loaded, kind === MFU ? frames : 0);
  const twister = kind === RANDOM ? new MersenneTwister(o.seed) : undefined;
  // RANDOM: the frames in load order as an array (an index into it is the victim).
  const order = new Int32Array(kind === RANDOM ? frames : 0);
  const ticking = kind === NRU || kind === AGING;
  const top = 2 ** (o.agingBits - 1);
  let hand = 0;
  let filled = 0;
  let faults = 0;
  let evictions = 0;
  let lastEvictedAt = -1;
  let victim = -1;
  let sinceTick = 0;
  for (let i = 0; i < pages.length; i++) {
    const page = pages[i]!;
    let f = frameOf[page]!;
    if (f >= 0) {
      if (w) w.hit(f, i);
      use[f] = 1;
      if (kind === LFU) count[f]!++;
      else if (kind === MFU) {
        count[f]!++;
        heap.raised(f);
      }
    } else {
      faults++;
      if (filled < frames) {
        f = filled++;
        if (kind === MFU) heap.push(f);
        else if (kind === RANDOM) order[f] = f;
      } else {
        if (kind === ECLOCK) f = enhancedClock(use, dirty, hand, frames);
        else if (kind === NRU) f = lowestClass(first, after, use, dirty);
        else if (kind === LFU) f = fewestUses(first, after, count);
        else if (kind === AGING) f = lowestCounter(first, after, count, use);
        else if (kind === MFU) f = heap.root();
        else if (kind === MRU) f = frameOf[pages[i - 1]!]!;
        else {
          // RANDOM: the index-th frame in load order, taken out of the order (it rejoins at the end, loaded last).
          const index = Math.floor(twister!.random() * frames);
          f = order[index]!;
          order.copyWithin(index, index + 1, frames);
          order[frames - 1] = f;
        }
        lastEvictedAt = i;
        victim = pageIn[f]!;
        frameOf[victim] = -1;
        evictions++;
        // Out of the load order; it rejoins at the end below.
        const b = before[f]!;
        const a = after[f]!;
        if (b >= 0) after[b] = a;
        else first = a;
        if (a >= 0) before[a] = b;
        else last = b;
      }
      if (w) w.load(f, i, pageIn[f]! >= 0);
      pageIn[f] = page;
      frameOf[page] = f;
      use[f] = 1;
      loaded[f] = i;
      count[f] = kind === AGING ? 0 : 1;
      if (kind === MFU) heap.reset(f);
      hand = f + 1 === frames ? 0 : f + 1;
      before[f] = last;
      after[f] = -1;
      if (last >= 0) after[last] = f;
      else first = f;
      last = f;
    }
    if (ticking && ++sinceTick === o.clearInterval) {
      sinceTick = 0;
      if (kind === AGING) for (let g = 0; g < filled; g++) count[g] = Math.floor(count[g]! / 2) + use[g]! * top;
      use.fill(0);
    }
  }
  const run: PolicyRun = { faults, faultsAfterFill: evictions, hits: pages.length - faults, writeBacks: 0, pageIn, lastVictim: lastEvictedAt === pages.length - 1 ? victim : -1 };
  if (kind === ECLOCK || ticking) run.use = use;
  if (kind === ECLOCK) run.hand = hand;
  return run;
}

/** ENHANCED-CLOCK's four turns from the hand (see engine/schemes/vm-paging/policies/rules.ts); the hand then moves past the victim (the caller sets it). */
function enhancedClock(use: Uint8Array, dirty: Uint8Array, hand: number, frames: number): number {
  for (let round = 0; round < 2; round++) {
    let f = hand;
    for (let k = 0; k < frames; k++) {
      if ((use[f]! | dirty[f]!) === 0) return f;
      f = f + 1 === frames ? 0 : f + 1;
    }
    for (let k = 0; k < frames; k++) {
      if (use[f] === 0) {
        if (dirty[f] === 1) return f;
      } else use[f] = 0;
      f = f + 1 === frames ? 0 : f + 1;
    }
  }
  throw new Error('unreachable: the second round finds a victim');
}

/*
 * The victim searches that take the earliest loaded among equals: each walks the load order from
 * the first loaded, keeps the least key, and stops at the least key there can be. One function per
 * policy, so each sees one kind of array (a shared one, polymorphic, ran at a third of the speed).
 */

/** NRU: the least class 2R + M; class 0 ends the walk. */
function lowestClass(first: number, after: Int32Array, use: Uint8Array, dirty: Uint8Array): number {
  let best = first;
  let bestKey = 4;
  for (let f = first; f >= 0; f = after[f]!) {
    const k = 2 * use[f]! + dirty[f]!;
    if (k < bestKey) {
      best = f;
      bestKey = k;
      if (k === 0) break;
    }
  }
  return best;
}

/** LFU: the fewest uses; one use (the load) ends the walk. */
function fewestUses(first: number, after: Int32Array, count: Float64Array): number {
  let best = first;
  let bestKey = Infinity;
  for (let f = first; f >= 0; f = after[f]!) {
    const k = count[f]!;
    if (k < bestKey) {
      best = f;
      bestKey = k;
      if (k === 1) break;
    }
  }
  return best;
}

/** AGING: the least counter, then R = 0; a zero counter with R = 0 ends the walk. */
function lowestCounter(first: number, after: Int32Array, counter: Float64Array, use: Uint8Array): number {
  let best = first;
  let bestKey = Infinity;
  for (let f = first; f >= 0; f = after[f]!) {
    const k = 2 * counter[f]! + use[f]!;
    if (k < bestKey) {
      best = f;
      bestKey = k;
      if (k === 0) break;
    }
  }
  return best;
}

/** MFU's heap of frames: the most uses at the root, the earliest loaded among equals. */
class MaxHeap {
  private readonly items: Int32Array;
  private readonly at: Int32Array;
  private size = 0;
  constructor(
    private readonly count: Float64Array,
    private readonly loaded: Int32Array,
    frames: number,
  ) {
    this.items = new Int32Array(frames);
    this.at = new Int32Array(frames);
  }
  private above(a: number, b: number): boolean {
    const d = this.count[a]! - this.count[b]!;
    return d > 0 || (d === 0 && this.loaded[a]! < this.loaded[b]!);
  }
  private place(f: number, i: number): void {
    this.items[i] = f;
    this.at[f] = i;
  }
  root(): number {
    return this.items[0]!;
  }
  push(f: number): void {
    this.place(f, this.size++);
  }
  /** f's count grew (or it is new at the bottom): it may rise. */
  raised(f: number): void {
    let i = this.at[f]!;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const p = this.items[parent]!;
      if (!this.above(f, p)) break;
      this.place(p, i);
      i = parent;
    }
    this.place(f, i);
  }
  /** f holds a new page (one use, loaded last): it sinks, or rises when it was just pushed. */
  reset(f: number): void {
    this.raised(f);
    let i = this.at[f]!;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= this.size) break;
      const r = l + 1;
      const c = r < this.size && this.above(this.items[r]!, this.items[l]!) ? r : l;
      const child = this.items[c]!;
      if (!this.above(child, f)) break;
      this.place(child, i);
      i = c;
    }
    this.place(f, i);
  }
}
