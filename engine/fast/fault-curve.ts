/**
 * Faults against frames: one reference string under one policy for every frame count of a sweep
 * (Belady's curves). LRU and OPT are stack algorithms (Mattson et al., 1970): the pages resident with
 * k frames are always among those resident with k + 1, so one pass over the references, keeping
 * each page's stack distance, gives every count at once. The other policies run once per count.
 */
import { MAX_BYTES } from '../units.js';
import { countFaults, policyNamed, type FaultCounts, type PolicyOptions } from './page-faults.js';
import { nextUses, type Policy } from '../schemes/vm-paging/index.js';

/**
 * The fault counts of `pages` for each frame count in `frames`, as `countFaults` gives them one at a time.
 * @example faultCurve([1,2,3,4,1,2,5,1,2,3,4,5], [3, 4], 'FIFO').map((c) => c.faults) // [9, 10]
 */
export function faultCurve(pages: ArrayLike<number>, frames: readonly number[], policy: Policy | string, options?: PolicyOptions): FaultCounts[] {
  const p = policyNamed(policy);
  if ((p !== 'LRU' && p !== 'OPT') || frames.length < 2) return frames.map((f) => countFaults(pages, f, policy, options));
  // Bad frame counts throw as countFaults throws them (bad pages: see dense).
  for (const f of frames) countFaults([], f, policy);
  const ids = dense(pages);
  const deepest = Math.min(Math.max(...frames), ids.count);
  // hitsAt[d]: references found at stack distance d (1 = the top), for d up to the largest count.
  const hitsAt = p === 'LRU' ? lruDistances(ids.pages, ids.count, deepest) : optDistances(ids.pages, ids.count, deepest);
  const n = ids.pages.length;
  return frames.map((k) => {
    let hits = 0;
    for (let d = 1; d <= Math.min(k, deepest); d++) hits += hitsAt[d]!;
    const faults = n - hits;
    // Every policy here fills min(k, pages) empty frames once and never empties one again.
    return { faults, faultsAfterFill: faults - Math.min(k, ids.count), hits };
  });
}

/** LRU stack distances: the distinct pages referenced since the page's last reference, itself included (a Fenwick tree of last uses). */
function lruDistances(pages: Int32Array, pageCount: number, deepest: number): Float64Array {
  const n = pages.length;
  const hitsAt = new Float64Array(deepest + 1);
  const last = new Int32Array(pageCount).fill(-1);
  const tree = new Int32Array(n + 1);
  const add = (i: number, v: number) => {
    for (i++; i <= n; i += i & -i) tree[i]! += v;
  };
  const prefix = (i: number) => {
    let s = 0;
    for (i++; i > 0; i -= i & -i) s += tree[i]!;
    return s;
  };
  let marked = 0;
  for (let i = 0; i < n; i++) {
    const page = pages[i]!;
    const before = last[page]!;
    if (before >= 0) {
      // Pages whose last use falls after this page's: each one is above it on the stack.
      const d = marked - prefix(before) + 1;
      if (d <= deepest) hitsAt[d]!++;
      add(before, -1);
      marked--;
    }
    add(i, 1);
    marked++;
    last[page] = i;
  }
  return hitsAt;
}

/**
 * OPT stack distances (Mattson's priority stack, kept to the largest count): on each reference the
 * page goes to the top and the page pushed down competes at each level with the one there, the
 * one used later going further down; a level's set is then OPT's frames for that many frames.
 */
function optDistances(pages: Int32Array, pageCount: number, deepest: number): Float64Array {
  const n = pages.length;
  const nextUse = nextUses(pages);
  const hitsAt = new Float64Array(deepest + 1);
  const stack = new Int32Array(deepest);
  const depth = new Int32Array(pageCount).fill(-1);
  // The next use of each page, as of the last reference (n for never).
  const next = new Int32Array(pageCount);
  let size = 0;
  for (let i = 0; i < n; i++) {
    const page = pages[i]!;
    const d = depth[page]!;
    next[page] = nextUse[i]!;
    if (d >= 0) hitsAt[d + 1]!++;
    const bottom = d >= 0 ? d : Math.min(size, deepest - 1);
    let carried = stack[0]!;
    if (size === 0 || d === 0) {
      stack[0] = page;
      depth[page] = 0;
      if (size === 0) size = 1;
      continue;
    }
    stack[0] = page;
    depth[page] = 0;
    for (let j = 1; j < bottom; j++) {
      const here = stack[j]!;
      if (next[here]! > next[carried]!) {
        stack[j] = carried;
        depth[carried] = j;
        carried = here;
      }
    }
    if (d >= 0 || size < deepest) {
      // Into the hole the page left, or onto the bottom of a stack not yet full.
      const at = d >= 0 ? d : size++;
      stack[at] = carried;
      depth[carried] = at;
    } else if (bottom === 0) depth[carried] = -1;
    else {
      // A full stack's bottom level competes too; the page used later leaves the stack.
      const here = stack[bottom]!;
      if (next[here]! > next[carried]!) {
        stack[bottom] = carried;
        depth[carried] = bottom;
        depth[here] = -1;
      } else depth[carried] = -1;
    }
  }
  return hitsAt;
}

function dense(pages: ArrayLike<number>): { pages: Int32Array; count: number } {
  const out = new Int32Array(pages.length);
  const ids = new Map<number, number>();
  for (let i = 0; i < pages.length; i++) {
    const v = pages[i]!;
    if (!Number.isInteger(v) || v < 0 || v > MAX_BYTES) throw new RangeError(`pages[${i}] is ${v}: expected a whole number from 0 to ${MAX_BYTES.toLocaleString('en-US')} (2^50)`);
    let id = ids.get(pages[i]!);
    if (id === undefined) ids.set(pages[i]!, (id = ids.size));
    out[i] = id;
  }
  return { pages: out, count: ids.size };
}
