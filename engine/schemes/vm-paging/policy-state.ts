/**
 * What a replacement policy knows about the resident pages between two references, as a textbook
 * draws it beside the frame table: LRU's recency stack, FIFO's queue, OPT's next uses. Each list
 * runs from the page the policy keeps longest to the one it evicts first, so the last page is the
 * next victim whenever the next reference faults with every frame full (the rules are in
 * replacement.ts).
 */
import type { PagingConfig } from './config.js';
import { LOADED, NEXT, USED, type PagingState } from './state.js';

/** One resident page and when it was loaded, last used and is next used (reference indexes from 0). */
export interface ResidentPage {
  page: number;
  frame: number;
  loaded: number;
  lastUsed: number;
  /** The index of the page's next reference, or null when it is never used again. */
  nextUse: number | null;
}

/** The resident pages in frame order. */
export function residentPages(c: PagingConfig, s: PagingState): ResidentPage[] {
  const n = s.capacity;
  const out: ResidentPage[] = [];
  for (let f = 0; f < n; f++) {
    const page = s.slots[f]!;
    if (page < 0) continue;
    const next = s.slots[NEXT * n + f]!;
    out.push({ page, frame: f, loaded: s.slots[LOADED * n + f]!, lastUsed: s.slots[USED * n + f]!, nextUse: next >= c.refs.length ? null : next });
  }
  return out;
}

/** LRU's stack: the resident pages from most to least recently used (the last is LRU's next victim). */
export function recencyOrder(c: PagingConfig, s: PagingState): ResidentPage[] {
  return residentPages(c, s).sort((a, b) => b.lastUsed - a.lastUsed);
}

/** FIFO's queue: the resident pages from last to first loaded (the last is FIFO's next victim). */
export function loadOrder(c: PagingConfig, s: PagingState): ResidentPage[] {
  return residentPages(c, s).sort((a, b) => b.loaded - a.loaded);
}

/**
 * OPT's view: the resident pages by next use, soonest first; pages never used again come last,
 * the earliest loaded of them at the very end (OPT's next victim).
 */
export function nextUseOrder(c: PagingConfig, s: PagingState): ResidentPage[] {
  const key = (r: ResidentPage) => r.nextUse ?? c.refs.length;
  return residentPages(c, s).sort((a, b) => key(a) - key(b) || b.loaded - a.loaded);
}

/** Whether every frame holds a page, so that the next fault evicts one (frames above `capacity` never fill). */
export function framesFull(s: PagingState): boolean {
  if (s.capacity < s.frameCount) return false;
  for (let f = 0; f < s.capacity; f++) if (s.slots[f]! < 0) return false;
  return true;
}
