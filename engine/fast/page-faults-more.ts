/**
 * The fast path of the policies in engine/schemes/vm-paging/policies/rules.ts (all but WS, whose window
 * the counts here do not take): the same rules on typed arrays, in one loop for all of them (a
 * policy's victim search is a plain function on its arrays, so every call site sees one shape).
 * The searches that pick the earliest loaded among equals walk the frames in load order and stop at
 * the least key there can be (NRU's class 0, AGING's zero counter with R = 0); LFU and MFU keep a
 * queue and a heap (use-counts.ts); MRU's victim is the previous reference's page.
 */
import { MersenneTwister } from '../schemes/vm-paging/policies/mersenne.js';
import type { PolicyOptions, PolicyRun, Writes } from './page-faults.js';
import { UseCounts } from './use-counts.js';

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
  // NRU and AGING tick in O(1): a tick only counts, and each frame keeps the tick of its last use,
  // its R bit being whether that is the current tick. (Clearing every R bit and shifting every
  // counter at every tick took over half of AGING's time; a frame's bits are read only when a
  // victim is sought.)
  const ticking = kind === NRU || kind === AGING;
  const seen = new Int32Array(ticking ? frames : 0);
  let ticks = 0;
  let sinceTick = 0;
  // AGING's counters (at most 32 bits, as a scenario's aging-bits allows), each as of its frame's
  // last use: the ticks since then shift it on reading (see agedCounter).
  const counter = new Uint32Array(kind === AGING ? frames : 0);
  const top = 1 << (o.agingBits - 1);
  const counts = kind === LFU || kind === MFU ? new UseCounts(frames, loaded, kind === MFU) : undefined;
  // The frames in load order, a doubly linked list (-1 ends it).
  const after = new Int32Array(frames).fill(-1);
  const before = new Int32Array(frames).fill(-1);
  let first = -1;
  let last = -1;
  const twister = kind === RANDOM ? new MersenneTwister(o.seed) : undefined;
  // RANDOM: the frames in load order as an array (an index into it is the victim).
  const order = new Int32Array(kind === RANDOM ? frames : 0);
  let hand = 0;
  let filled = 0;
  let faults = 0;
  let evictions = 0;
  let lastEvictedAt = -1;
  let victim = -1;
  for (let i = 0; i < pages.length; i++) {
    const page = pages[i]!;
    let f = frameOf[page]!;
    if (f >= 0) {
      if (w) w.hit(f, i);
      use[f] = 1;
      if (ticking && seen[f] !== ticks) {
        if (kind === AGING) counter[f] = agedCounter(counter[f]!, ticks - seen[f]!, top);
        seen[f] = ticks;
      }
      if (counts) counts.use(f);
    } else {
      faults++;
      if (filled < frames) {
        f = filled++;
        if (kind === RANDOM) order[f] = f;
      } else {
        if (kind === ECLOCK) f = enhancedClock(use, dirty, hand, frames);
        else if (kind === NRU) f = lowestClass(first, after, seen, ticks, dirty);
        else if (counts) f = counts.victim();
        else if (kind === AGING) f = lowestCounter(first, after, counter, seen, ticks, top);
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
      if (ticking) {
        seen[f] = ticks;
        if (kind === AGING) counter[f] = 0;
      } else if (counts) counts.load(f);
      hand = f + 1 === frames ? 0 : f + 1;
      before[f] = last;
      after[f] = -1;
      if (last >= 0) after[last] = f;
      else first = f;
      last = f;
    }
    if (ticking && ++sinceTick === o.clearInterval) {
      sinceTick = 0;
      ticks++;
    }
  }
  const run: PolicyRun = { faults, faultsAfterFill: evictions, hits: pages.length - faults, writeBacks: 0, pageIn, lastVictim: lastEvictedAt === pages.length - 1 ? victim : -1 };
  if (ticking) for (let g = 0; g < filled; g++) use[g] = seen[g] === ticks ? 1 : 0;
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
function lowestClass(first: number, after: Int32Array, seen: Int32Array, ticks: number, dirty: Uint8Array): number {
  let best = first;
  let bestKey = 4;
  for (let f = first; f >= 0; f = after[f]!) {
    const k = (seen[f] === ticks ? 2 : 0) + dirty[f]!;
    if (k < bestKey) {
      best = f;
      bestKey = k;
      if (k === 0) break;
    }
  }
  return best;
}

/** AGING: the least counter, then R = 0; a zero counter with R = 0 ends the walk. */
function lowestCounter(first: number, after: Int32Array, counter: Uint32Array, seen: Int32Array, ticks: number, top: number): number {
  let best = first;
  let bestKey = Infinity;
  for (let f = first; f >= 0; f = after[f]!) {
    const since = ticks - seen[f]!;
    const k = since === 0 ? 2 * counter[f]! + 1 : 2 * agedCounter(counter[f]!, since, top);
    if (k < bestKey) {
      best = f;
      bestKey = k;
      if (k === 0) break;
    }
  }
  return best;
}

/**
 * AGING's counter `since` (at least 1) ticks after its frame's last use: the first tick shifted the
 * R bit in at the top, the others zeros. (`>>>` takes its count modulo 32, so 32 or more give 0 here.)
 */
function agedCounter(counter: number, since: number, top: number): number {
  return since > 32 ? 0 : ((counter >>> 1) | top) >>> (since - 1);
}
