/**
 * Memory as an address-ordered list of segments (holes, processes, anonymous used blocks) that covers
 * it without gaps, and the three things done to it: split a hole, free a segment (coalescing with the
 * holes beside it at once, so no two holes are ever adjacent), and compact.
 *
 * Every state of a run keeps its own list, and a long trace has thousands of segments, so copying the
 * whole list on every step would dominate the simulation. The list is therefore kept in chunks of at
 * most `2 * CHUNK` segments: a change copies the chunks it touches and the (short) array of chunks,
 * and shares every other chunk with the state before. Nothing is ever changed in place.
 */
import type { Region } from './common.js';

export type SegmentKind = 'hole' | 'process' | 'used';

export interface Segment {
  readonly start: number;
  readonly size: number;
  readonly kind: SegmentKind;
  /** The process's name ('' for holes and used blocks). */
  readonly name: string;
  /** When the process became resident (a placement tick); orders the swap victims. */
  readonly since: number;
}

/** Every segment is made here, so all have one shape (which keeps the loops over them fast). */
export function segment(start: number, size: number, kind: SegmentKind, name = '', since = 0): Segment {
  return { start, size, kind, name, since };
}

export const hole = (start: number, size: number): Segment => segment(start, size, 'hole');

/** Target chunk length; chunks hold between 1 and 2 * CHUNK segments. */
const CHUNK = 64;

/** The sizes of a chunk's holes in ascending order, so searches can skip chunks and find best fits fast. */
function holeSizes(chunk: readonly Segment[]): Float64Array {
  let n = 0;
  for (let i = 0; i < chunk.length; i++) if (chunk[i]!.kind === 'hole') n++;
  const sizes = new Float64Array(n);
  n = 0;
  for (let i = 0; i < chunk.length; i++) if (chunk[i]!.kind === 'hole') sizes[n++] = chunk[i]!.size;
  // A typed array sorts numerically without a comparator, and fast.
  return sizes.sort();
}

/** Index of the first element of ascending `xs` that is at least `x` (xs.length when none). */
export function lowerBound(xs: ArrayLike<number>, x: number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (xs[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** An immutable address-ordered list of segments, stored in shared chunks. */
export class SegmentList {
  private flat: readonly Segment[] | undefined;

  private constructor(
    /** The chunks, in address order; read them, never change them. */
    readonly chunks: readonly (readonly Segment[])[],
    /** The sizes of each chunk's holes, ascending. */
    readonly chunkHoleSizes: readonly Float64Array[],
    readonly length: number,
  ) {}

  /** Holes in chunk `c`. */
  holesIn(c: number): number {
    return this.chunkHoleSizes[c]!.length;
  }

  /** Largest hole in chunk `c` (0 when it has none). */
  largestIn(c: number): number {
    const sizes = this.chunkHoleSizes[c]!;
    return sizes.length ? sizes[sizes.length - 1]! : 0;
  }

  static from(segments: readonly Segment[]): SegmentList {
    const chunks: Segment[][] = [];
    for (let i = 0; i < segments.length; i += CHUNK) chunks.push(segments.slice(i, i + CHUNK));
    const list = new SegmentList(chunks, chunks.map(holeSizes), segments.length);
    list.flat = segments;
    return list;
  }

  /** Every segment in one array (made once per list, for reports and views). */
  toArray(): readonly Segment[] {
    if (!this.flat) this.flat = this.chunks.length === 1 ? this.chunks[0]! : this.chunks.flat();
    return this.flat;
  }

  /** The segment at `index`. */
  at(index: number): Segment | undefined {
    let i = index;
    for (const c of this.chunks) {
      if (i < c.length) return c[i];
      i -= c.length;
    }
    return undefined;
  }

  /** Index of the segment whose addresses include `address`, or -1 (a binary search). */
  indexContaining(address: number): number {
    const chunks = this.chunks;
    let lo = 0;
    let hi = chunks.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (chunks[mid]![0]!.start <= address) lo = mid;
      else hi = mid - 1;
    }
    const chunk = chunks[lo]!;
    let a = 0;
    let b = chunk.length - 1;
    while (a < b) {
      const mid = (a + b + 1) >> 1;
      if (chunk[mid]!.start <= address) a = mid;
      else b = mid - 1;
    }
    const s = chunk[a];
    if (!s || s.start > address || s.start + s.size <= address) return -1;
    let base = 0;
    for (let k = 0; k < lo; k++) base += chunks[k]!.length;
    return base + a;
  }

  /**
   * The first hole of at least `size` bytes among segments [from, to), and how many holes the search
   * looked at to find it (all of them in the range when none fits). Chunks whose largest hole is
   * too small are counted without being read.
   */
  firstFit(size: number, from: number, to: number): { index: number; hole?: Segment; looked: number } {
    let looked = 0;
    let base = 0;
    for (let c = 0; c < this.chunks.length && base < to; c++) {
      const chunk = this.chunks[c]!;
      const end = base + chunk.length;
      if (end <= from) {
        base = end;
        continue;
      }
      if (base >= from && end <= to && this.largestIn(c) < size) {
        looked += this.holesIn(c);
        base = end;
        continue;
      }
      for (let i = Math.max(0, from - base); i < chunk.length && base + i < to; i++) {
        const s = chunk[i]!;
        if (s.kind !== 'hole') continue;
        looked++;
        if (s.size >= size) return { index: base + i, hole: s, looked };
      }
      base = end;
    }
    return { index: -1, looked };
  }

  /** A new list with `deleteCount` segments from `start` replaced by `items` (start + deleteCount <= length). */
  splice(start: number, deleteCount: number, items: readonly Segment[]): SegmentList {
    const chunks = this.chunks;
    // The first chunk touched, and the offset of `start` in it.
    let c0 = 0;
    let offset = start;
    while (c0 < chunks.length - 1 && offset >= chunks[c0]!.length) offset -= chunks[c0++]!.length;
    // Gather the chunks the deletion reaches into one small array and splice that.
    const merged = chunks[c0]!.slice();
    let c1 = c0;
    while (offset + deleteCount > merged.length && c1 < chunks.length - 1) merged.push(...chunks[++c1]!);
    merged.splice(offset, deleteCount, ...items);
    // A chunk that has shrunk a lot joins the next, so the array of chunks stays short.
    while (merged.length < CHUNK / 4 && c1 < chunks.length - 1) merged.push(...chunks[++c1]!);
    const pieces: Segment[][] = [];
    if (merged.length > 2 * CHUNK) for (let i = 0; i < merged.length; i += CHUNK) pieces.push(merged.slice(i, i + CHUNK));
    else if (merged.length > 0 || chunks.length === 1) pieces.push(merged);
    const next = chunks.slice(0, c0);
    const sizes = this.chunkHoleSizes.slice(0, c0);
    for (const p of pieces) {
      next.push(p);
      sizes.push(holeSizes(p));
    }
    for (let k = c1 + 1; k < chunks.length; k++) {
      next.push(chunks[k]!);
      sizes.push(this.chunkHoleSizes[k]!);
    }
    return new SegmentList(next, sizes, this.length - deleteCount + items.length);
  }
}

/** The holes in address order. */
export function holesOf(list: SegmentList): Region[] {
  const out: Region[] = [];
  for (const chunk of list.chunks) for (const s of chunk) if (s.kind === 'hole') out.push({ start: s.start, size: s.size });
  return out;
}

/** Index of the resident process called `name`, or -1. */
export function indexOfProcess(list: SegmentList, name: string): number {
  let base = 0;
  for (const chunk of list.chunks) {
    for (let i = 0; i < chunk.length; i++) {
      const s = chunk[i]!;
      if (s.name === name && s.kind === 'process') return base + i;
    }
    base += chunk.length;
  }
  return -1;
}

/** The size of the largest hole (0 when there is none). */
export function largestHole(list: SegmentList): number {
  let best = 0;
  for (let c = 0; c < list.chunks.length; c++) best = Math.max(best, list.largestIn(c));
  return best;
}

/**
 * The hole best-fit (`smallest`) or worst-fit chooses: the smallest hole of at least `size` bytes,
 * or the largest hole, the lowest address among equal ones; with how many holes share its size.
 * Each chunk answers from its sorted hole sizes; only the chunk holding the answer is read.
 */
export function bestOrWorstFit(list: SegmentList, size: number, smallest: boolean): { index: number; hole?: Segment; ties: number } {
  let bestSize = smallest ? Infinity : -1;
  let chunkOf = -1;
  for (let c = 0; c < list.chunks.length; c++) {
    const sizes = list.chunkHoleSizes[c]!;
    if (!sizes.length) continue;
    const candidate = smallest ? sizes[lowerBound(sizes, size)] : sizes[sizes.length - 1];
    if (candidate === undefined || candidate < size) continue;
    if (smallest ? candidate < bestSize : candidate > bestSize) {
      bestSize = candidate;
      chunkOf = c;
    }
  }
  if (chunkOf < 0) return { index: -1, ties: 0 };
  let ties = 0;
  for (const sizes of list.chunkHoleSizes) ties += lowerBound(sizes, bestSize + 1) - lowerBound(sizes, bestSize);
  let base = 0;
  for (let c = 0; c < chunkOf; c++) base += list.chunks[c]!.length;
  const chunk = list.chunks[chunkOf]!;
  const i = chunk.findIndex((s) => s.kind === 'hole' && s.size === bestSize);
  return { index: base + i, hole: chunk[i], ties };
}

/** Adds a segment after `list`'s last, merging two holes into one. For building a starting map. */
export function appendSegment(list: Segment[], s: Segment): void {
  const last = list[list.length - 1];
  if (last && last.kind === 'hole' && s.kind === 'hole') list[list.length - 1] = hole(last.start, last.size + s.size);
  else list.push(s);
}

/**
 * Puts a process at the start of hole `index`; what is left of the hole stays a hole at the higher
 * address (docs/ARCHITECTURE.md: the remainder stays in place).
 */
export function splitHole(list: SegmentList, index: number, name: string, size: number, since: number): SegmentList {
  const h = list.at(index)!;
  const placed = segment(h.start, size, 'process', name, since);
  return list.splice(index, 1, size < h.size ? [placed, hole(h.start + size, h.size - size)] : [placed]);
}

/** What freeing a segment did: the hole it became, and the holes below and above it that joined. */
export interface Freed {
  list: SegmentList;
  /** The segment as it was before it was freed. */
  freed: Segment;
  /** The hole that results, after coalescing. */
  hole: Region;
  below?: Region;
  above?: Region;
}

/** Turns segment `index` into a hole and coalesces it with a hole on either side. */
export function freeSegment(list: SegmentList, index: number): Freed {
  const s = list.at(index)!;
  const prev = index > 0 ? list.at(index - 1) : undefined;
  const next = list.at(index + 1);
  const below = prev?.kind === 'hole' ? prev : undefined;
  const above = next?.kind === 'hole' ? next : undefined;
  const start = below ? below.start : s.start;
  const size = (below?.size ?? 0) + s.size + (above?.size ?? 0);
  const from = below ? index - 1 : index;
  const count = 1 + (below ? 1 : 0) + (above ? 1 : 0);
  return {
    list: list.splice(from, count, [hole(start, size)]),
    freed: s,
    hole: { start, size },
    below: below && { start: below.start, size: below.size },
    above: above && { start: above.start, size: above.size },
  };
}

/**
 * Slides every process and used block toward `base`, keeping their order, and leaves one hole
 * above them (none if memory is full). Returns the new list, the segments that moved (at their new
 * start) and, for each, where it started before.
 */
export function compactSegments(list: SegmentList, base: number, end: number): { list: SegmentList; moved: Segment[]; from: number[] } {
  const out: Segment[] = [];
  const moved: Segment[] = [];
  const from: number[] = [];
  let at = base;
  for (const s of list.toArray()) {
    if (s.kind === 'hole') continue;
    const placed = s.start === at ? s : segment(at, s.size, s.kind, s.name, s.since);
    if (placed !== s) moved.push(placed), from.push(s.start);
    out.push(placed);
    at += s.size;
  }
  if (at < end) out.push(hole(at, end - at));
  return { list: SegmentList.from(out), moved, from };
}
