/**
 * The heap allocator, on the free list of a state. The rules (each in the docs):
 * - A request of SIZE takes SIZE rounded up to a multiple of `align`, plus `header` (malloc.py's order);
 *   malloc returns the block's start plus `header`.
 * - First fit takes the first entry in list order that is large enough; next fit does the same from
 *   where the last search ended, wrapping around: in an address-ordered list (memory's order) at the
 *   first free block that ends beyond the last placement, as in dynamic partitioning, so a block freed
 *   beyond it since is searched first; in another order at the entry where the search ended (the rest
 *   of the block it split, wherever the order moved it, or the entry after one it used whole). Best fit
 *   takes the smallest, worst fit the largest, ties to the entry earlier in the list.
 *   `searches` counts the entries examined: first and next fit stop at their block, best and worst fit
 *   examine every entry (malloc.py's count), and a search that fails has examined every entry.
 * - Splitting leaves the rest free after the block, in the entry's place in the list (malloc.py's rule);
 *   a size-ordered list then moves the rest to keep its order (malloc.py re-sorts only on a free).
 * - A freed block joins the list as `free-list` says: by address, by size (ascending or descending,
 *   after entries of equal size), at the front or at the back. With `coalesce`, it first merges with
 *   the free blocks that touch it in memory, whatever their places in the list (malloc.py merges list
 *   neighbours only), and the merged block joins the list as a freed one does.
 */
import type { FreeListOrder, Placement, StackHeapConfig } from './config.js';
import { FreeIndex } from './free-index.js';
import type { FreeEntry, StackHeapState } from './state.js';

/** Bytes a request takes from the heap: rounded up to `align`, plus the header. */
export function blockSize(c: StackHeapConfig, size: number): { rounded: number; total: number } {
  const rounded = Math.ceil(size / c.align) * c.align;
  return { rounded, total: rounded + c.header };
}

/**
 * The list entry a placement picks for `need` bytes, or -1; adds the entries examined to `searches`.
 * First, best and worst fit ask the list's index, which reads few entries; next fit reads the list
 * from where it stopped, which nearly always fits at once. The count is the rule's all the same:
 * first and next fit examine the entries up to the one they take, best and worst fit every entry.
 */
export function find(s: StackHeapState, placement: Placement, need: number, order: FreeListOrder): { index: number; examined: number } {
  const list = s.free;
  const n = list.length;
  let index = -1;
  let examined = n;
  if (n === 0) return { index, examined };
  if (placement === 'next-fit') {
    // From where it starts to the end, then from the start up to it (no remainder per entry: it costs a division).
    const from = (order === 'address' ? sortedIndex(list, END, s.placedEnd) : s.rover) % n;
    for (let i = from; i < n && index < 0; i++) if (list[i]!.size >= need) index = i;
    for (let i = 0; i < from && index < 0; i++) if (list[i]!.size >= need) index = i;
    if (index >= 0) examined = index >= from ? index - from + 1 : n - from + index + 1;
  } else {
    const free = (s.freeIndex ??= new FreeIndex(list));
    if (placement === 'first-fit') {
      index = free.firstFit(list, need);
      if (index >= 0) examined = index + 1;
    } else index = placement === 'best-fit' ? free.bestFit(list, need) : free.worstFit(list, need);
  }
  s.searches += examined;
  return { index, examined };
}

/** Takes `need` bytes from the front of entry `index`; returns the entry as it was. */
export function take(s: StackHeapState, order: FreeListOrder, index: number, need: number): FreeEntry {
  const e = s.free[index]!;
  s.rover = index;
  s.placedEnd = e.start + need;
  if (e.size === need) {
    removeAt(s, index);
    return e;
  }
  const rest = { start: e.start + need, size: e.size - need };
  if (order === 'size' || order === 'size-desc') {
    removeAt(s, index);
    s.rover = insert(s, order, rest);
  } else replaceAt(s, index, rest);
  return e;
}

// Every change to the free list goes through these three, which keep its index (if built) up to date.
// splice moves the entries after the change as one block inside the engine; a loop storing them one
// at a time cost more on a list of hundreds of entries (issue 16's bench moves about 13 million
// entries a run: the bench process used 10% less CPU with splice).
function removeAt(s: StackHeapState, i: number): void {
  const list = s.free;
  const size = list[i]!.size;
  list.splice(i, 1);
  s.freeIndex?.removed(list, i, size);
}

function insertAt(s: StackHeapState, i: number, e: FreeEntry): void {
  const list = s.free;
  list.splice(i, 0, e);
  s.freeIndex?.inserted(list, i);
}

function replaceAt(s: StackHeapState, i: number, e: FreeEntry): void {
  const size = s.free[i]!.size;
  s.free[i] = e;
  s.freeIndex?.replaced(i, size, e.size);
}

/** Entries of equal size keep their order: a new one goes after them. */
function sortedIndex(list: readonly FreeEntry[], key: (e: FreeEntry) => number, value: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (key(list[mid]!) <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Where a free block ends: the key next fit finds its start by in an address-ordered list. */
const END = (e: FreeEntry) => e.start + e.size;

const KEYS: Record<'address' | 'size' | 'size-desc', (e: FreeEntry) => number> = {
  address: (e) => e.start,
  size: (e) => e.size,
  'size-desc': (e) => -e.size,
};

/** Puts `e` in the list where `order` says; returns its index. */
function insert(s: StackHeapState, order: FreeListOrder, e: FreeEntry): number {
  const key = order === 'insert-front' || order === 'insert-back' ? undefined : KEYS[order];
  const at = order === 'insert-front' ? 0 : key ? sortedIndex(s.free, key, key(e)) : s.free.length;
  insertAt(s, at, e);
  return at;
}

/** Returns a block to the free list; returns the entry it became (with the free neighbours it merged with, if any). */
export function release(s: StackHeapState, c: StackHeapConfig, start: number, size: number): FreeEntry {
  return c.freeList === 'address' ? releaseByAddress(s, c.coalesce, start, size) : releaseAnyOrder(s, c, start, size);
}

/**
 * In an address-ordered list the neighbours in memory are the neighbours in the list: merge in place.
 * Next fit's start needs no update here: in this order it is found by address (see find).
 */
function releaseByAddress(s: StackHeapState, coalesce: boolean, start: number, size: number): FreeEntry {
  const list = s.free;
  const at = sortedIndex(list, KEYS.address, start);
  const below = coalesce && at > 0 && list[at - 1]!.start + list[at - 1]!.size === start ? list[at - 1]! : undefined;
  const above = coalesce && at < list.length && list[at]!.start === start + size ? list[at]! : undefined;
  let entry: FreeEntry;
  if (below && above) {
    entry = { start: below.start, size: below.size + size + above.size };
    replaceAt(s, at - 1, entry);
    removeAt(s, at);
  } else if (below) replaceAt(s, at - 1, (entry = { start: below.start, size: below.size + size }));
  else if (above) replaceAt(s, at, (entry = { start, size: size + above.size }));
  else insertAt(s, at, (entry = { start, size }));
  return entry;
}

function releaseAnyOrder(s: StackHeapState, c: StackHeapConfig, start: number, size: number): FreeEntry {
  const list = s.free;
  const merged: FreeEntry[] = [];
  let entry = { start, size };
  if (c.coalesce) {
    let below = -1;
    let above = -1;
    for (let i = 0; i < list.length; i++) {
      const f = list[i]!;
      if (f.start + f.size === start) below = i;
      else if (f.start === start + size) above = i;
    }
    if (below >= 0) merged.push(list[below]!);
    if (above >= 0) merged.push(list[above]!);
    for (const i of above > below ? [above, below] : [below, above]) {
      if (i < 0) continue;
      removeAt(s, i);
      if (s.rover > i) s.rover--;
    }
    for (const m of merged) entry = { start: Math.min(entry.start, m.start), size: entry.size + m.size };
  }
  // Next fit resumes at the same entry when one is put before it.
  if (insert(s, c.freeList, entry) <= s.rover && list.length > 1) s.rover++;
  return entry;
}
