/**
 * The fast path for page-fault counting: the same rules as the stepwise vm-paging scheme, on typed
 * arrays, with O(1) work per reference (O(log frames) for OPT). Used for long reference strings
 * (a million references) and sweeps over frame counts, where no per-step record is wanted.
 * Tests check it against the stepwise path on thousands of random strings.
 */
import { MAX_BYTES } from '../units.js';
import { nextUses, POLICIES, POLICY_ALIASES, type Policy } from '../schemes/vm-paging.js';

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
 * @param policy `FIFO`, `LRU`, `OPT` or `CLOCK` (any letter case; `optimal` and `second-chance` are aliases)
 * @example countFaults([7,0,1,2,0,3,0,4,2,3,0,3,2,1,2,0,1,7,0,1], 3, 'LRU') // { faults: 12, faultsAfterFill: 9, hits: 8 }
 */
export function countFaults(pages: ArrayLike<number>, frames: number, policy: Policy | string): FaultCounts {
  const p = resolvePolicy(policy);
  if (!Number.isInteger(frames) || frames < 1) throw new RangeError(`frames must be a whole number of at least 1, got ${frames}`);
  const ids = densePages(pages);
  // More frames than distinct pages never evict, so the tables need no more: this also keeps a
  // huge frame count from allocating gigabytes (or overflowing OPT's 32-bit tree size).
  frames = Math.min(frames, Math.max(1, ids.count));
  switch (p) {
    case 'FIFO':
      return fifo(ids.pages, ids.count, frames);
    case 'LRU':
      return lru(ids.pages, ids.count, frames);
    case 'CLOCK':
      return clock(ids.pages, ids.count, frames);
    case 'OPT':
      return opt(ids.pages, ids.count, frames);
  }
}

function resolvePolicy(policy: string): Policy {
  const upper = String(policy).toUpperCase();
  const p = (POLICIES as readonly string[]).includes(upper) ? (upper as Policy) : POLICY_ALIASES[String(policy).toLowerCase()];
  if (!p) throw new RangeError(`unknown policy '${policy}': expected FIFO, LRU, OPT or CLOCK`);
  return p;
}

/** Renumbers pages 0..count-1 so per-page tables stay small whatever the page numbers are. */
function densePages(pages: ArrayLike<number>): { pages: Int32Array; count: number } {
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
  return { pages: out, count: ids.size };
}

function fifo(pages: Int32Array, pageCount: number, frames: number): FaultCounts {
  const frameOf = new Int32Array(pageCount).fill(-1);
  const pageIn = new Int32Array(frames).fill(-1);
  let filled = 0;
  let oldest = 0; // empty frames fill lowest first, so the loading order cycles through the frames
  let faults = 0;
  let evictions = 0;
  for (let i = 0; i < pages.length; i++) {
    const page = pages[i]!;
    if (frameOf[page]! >= 0) continue;
    faults++;
    let f: number;
    if (filled < frames) f = filled++;
    else {
      f = oldest;
      oldest = oldest + 1 === frames ? 0 : oldest + 1;
      frameOf[pageIn[f]!] = -1;
      evictions++;
    }
    pageIn[f] = page;
    frameOf[page] = f;
  }
  return { faults, faultsAfterFill: evictions, hits: pages.length - faults };
}

function lru(pages: Int32Array, pageCount: number, frames: number): FaultCounts {
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
  for (let i = 0; i < pages.length; i++) {
    const page = pages[i]!;
    let f = frameOf[page]!;
    if (f >= 0) {
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
        frameOf[pageIn[f]!] = -1;
        evictions++;
      }
      pageIn[f] = page;
      frameOf[page] = f;
    }
    prev[f] = tail;
    next[f] = -1;
    if (tail >= 0) next[tail] = f;
    else head = f;
    tail = f;
  }
  return { faults, faultsAfterFill: evictions, hits: pages.length - faults };
}

function clock(pages: Int32Array, pageCount: number, frames: number): FaultCounts {
  const frameOf = new Int32Array(pageCount).fill(-1);
  const pageIn = new Int32Array(frames).fill(-1);
  const use = new Uint8Array(frames);
  let hand = 0;
  let filled = 0;
  let faults = 0;
  let evictions = 0;
  for (let i = 0; i < pages.length; i++) {
    const page = pages[i]!;
    const hit = frameOf[page]!;
    if (hit >= 0) {
      use[hit] = 1;
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
      frameOf[pageIn[f]!] = -1;
      evictions++;
    }
    hand = f + 1 === frames ? 0 : f + 1;
    pageIn[f] = page;
    frameOf[page] = f;
    use[f] = 1;
  }
  return { faults, faultsAfterFill: evictions, hits: pages.length - faults };
}

function opt(pages: Int32Array, pageCount: number, frames: number): FaultCounts {
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
  for (let i = 0; i < n; i++) {
    const page = pages[i]!;
    let f = frameOf[page]!;
    if (f < 0) {
      faults++;
      if (filled < frames) f = filled++;
      else {
        f = tree[1]!;
        frameOf[pageIn[f]!] = -1;
        evictions++;
      }
      pageIn[f] = page;
      frameOf[page] = f;
      loadedAt[f] = i;
    }
    const nu = nextUse[i]!;
    key[f] = nu < n ? nu : 2 * n - loadedAt[f]!;
    update(f);
  }
  return { faults, faultsAfterFill: evictions, hits: n - faults };
}
