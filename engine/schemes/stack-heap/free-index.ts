/**
 * An index over a free list in its order, so the fits skip most of it: the list cut into chunks of
 * consecutive entries, each knowing its entries' sizes in ascending order. A fit then looks at each
 * chunk's largest size (first, next and worst fit) or smallest size that fits (best fit, a binary
 * search) and reads the entries of one chunk only: a search costs about the number of chunks instead
 * of the length of the list. It is derived from the list and kept up to date by heap.ts, the only code
 * that changes the list.
 */
import type { FreeEntry } from './state.js';

/**
 * Index of the first size in ascending `sizes` that is at least `x`. Not engine/contiguous/holes.ts's
 * twin: that one serves the contiguous hole index's typed arrays, and a call site that has seen both kinds of
 * array reads each element on a slower path (the stack-heap benchmark after the dynamic one: best
 * fit 345 ms, against 264 to 303 when this one reads number arrays only).
 */
function lowerBound(sizes: readonly number[], x: number): number {
  let lo = 0;
  let hi = sizes.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sizes[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Target chunk length; a chunk holds CHUNK / 4 to 2 * CHUNK entries (fewer when it is the only one). */
const CHUNK = 32;

// Sizes move by hand in these small arrays (at most 2 * CHUNK): on so few, splice costs more than the move (it
// builds an array of what it removed). The free list itself, hundreds of entries, moves with splice (heap.ts).
function addSize(sizes: number[], size: number): void {
  let i = sizes.length;
  sizes.push(size);
  for (; i > 0 && sizes[i - 1]! > size; i--) sizes[i] = sizes[i - 1]!;
  sizes[i] = size;
}

function dropSize(sizes: number[], size: number): void {
  for (let i = lowerBound(sizes, size); i < sizes.length - 1; i++) sizes[i] = sizes[i + 1]!;
  sizes.pop();
}

/** Changes one `from` in ascending `sizes` to `to`, moving only the sizes between the two places. */
function resize(sizes: number[], from: number, to: number): void {
  let i = lowerBound(sizes, from);
  if (to < from) for (; i > 0 && sizes[i - 1]! > to; i--) sizes[i] = sizes[i - 1]!;
  else for (; i < sizes.length - 1 && sizes[i + 1]! < to; i++) sizes[i] = sizes[i + 1]!;
  sizes[i] = to;
}

function sortedSizes(list: readonly FreeEntry[], from: number, to: number): number[] {
  const sizes: number[] = [];
  for (let i = from; i < to; i++) sizes.push(list[i]!.size);
  return sizes.sort((a, b) => a - b);
}

export class FreeIndex {
  /** Each chunk's sizes, ascending; the chunks in list order, their lengths adding up to the list's. */
  private readonly chunks: number[][] = [];
  /** Where `locate` found a position: the chunk, and the list position of the chunk's first entry. */
  private chunk = 0;
  private base = 0;

  constructor(list: readonly FreeEntry[]) {
    for (let i = 0; i < list.length; i += CHUNK) this.chunks.push(sortedSizes(list, i, Math.min(list.length, i + CHUNK)));
  }

  /** Finds the chunk of list position `i` (a position just past the end falls in the last chunk). */
  private locate(i: number): number[] {
    const chunks = this.chunks;
    let base = 0;
    let c = 0;
    while (c < chunks.length - 1 && base + chunks[c]!.length <= i) base += chunks[c++]!.length;
    this.chunk = c;
    this.base = base;
    return chunks[c]!;
  }

  /** Entry `i` of `list` was just inserted. */
  inserted(list: readonly FreeEntry[], i: number): void {
    const size = list[i]!.size;
    if (!this.chunks.length) {
      this.chunks.push([size]);
      return;
    }
    const sizes = this.locate(i);
    addSize(sizes, size);
    if (sizes.length > 2 * CHUNK) {
      // Split by list position: each half's sizes come from the list itself.
      const mid = this.base + CHUNK;
      this.chunks.splice(this.chunk, 1, sortedSizes(list, this.base, mid), sortedSizes(list, mid, this.base + sizes.length));
    }
  }

  /** An entry of `size` bytes was just removed from position `i` of `list`. */
  removed(list: readonly FreeEntry[], i: number, size: number): void {
    const sizes = this.locate(i);
    dropSize(sizes, size);
    if (sizes.length >= CHUNK / 4 || this.chunks.length === 1) return;
    // A chunk that has shrunk joins a neighbour (cut in two again if that is too long), so the
    // chunks stay few and a search stays short.
    const c = this.chunk + 1 < this.chunks.length ? this.chunk : this.chunk - 1;
    const from = c === this.chunk ? this.base : this.base - this.chunks[c]!.length;
    const to = from + this.chunks[c]!.length + this.chunks[c + 1]!.length;
    if (to - from > 2 * CHUNK) this.chunks.splice(c, 2, sortedSizes(list, from, from + CHUNK), sortedSizes(list, from + CHUNK, to));
    else this.chunks.splice(c, 2, sortedSizes(list, from, to));
  }

  /** The entry at position `i`, of `size` bytes, was just replaced by one of `now` bytes. */
  replaced(i: number, size: number, now: number): void {
    if (size === now) return;
    resize(this.locate(i), size, now);
  }

  /** The first position whose entry has at least `need` bytes, or -1. */
  firstFit(list: readonly FreeEntry[], need: number): number {
    let base = 0;
    for (const sizes of this.chunks) {
      const end = base + sizes.length;
      if (sizes[sizes.length - 1]! >= need) for (let i = base; i < end; i++) if (list[i]!.size >= need) return i;
      base = end;
    }
    return -1;
  }

  /** The position of the smallest entry of at least `need` bytes (the earliest of equal ones), or -1. */
  bestFit(list: readonly FreeEntry[], need: number): number {
    let pick = Infinity;
    let from = -1;
    let base = 0;
    for (const sizes of this.chunks) {
      const j = lowerBound(sizes, need);
      if (j < sizes.length && sizes[j]! < pick) {
        pick = sizes[j]!;
        from = base;
        // Nothing fits better, and an equal entry in a later chunk comes later in the list.
        if (pick === need) break;
      }
      base += sizes.length;
    }
    return from < 0 ? -1 : this.firstOfSize(list, from, pick);
  }

  /** The position of the largest entry (the earliest of equal ones), if it has at least `need` bytes; else -1. */
  worstFit(list: readonly FreeEntry[], need: number): number {
    let pick = -1;
    let from = -1;
    let base = 0;
    for (const sizes of this.chunks) {
      if (sizes[sizes.length - 1]! > pick) {
        pick = sizes[sizes.length - 1]!;
        from = base;
      }
      base += sizes.length;
    }
    return pick < need ? -1 : this.firstOfSize(list, from, pick);
  }

  /** The first position from `from` (a chunk's start, whose chunk holds such an entry) of an entry of exactly `size` bytes. */
  private firstOfSize(list: readonly FreeEntry[], from: number, size: number): number {
    let i = from;
    while (list[i]!.size !== size) i++;
    return i;
  }
}
