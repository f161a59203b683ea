/**
 * The replacement policies beyond FIFO, LRU, OPT and CLOCK, and the working set (replacement.ts
 * calls these). Each rule, as the docs state it:
 * - ENHANCED-CLOCK (Stallings' use/modify clock): from the hand, one full turn looking for use 0 and
 *   modify 0, changing no bits; else one full turn looking for use 0 and modify 1, clearing the use
 *   bit of every frame passed; else both turns again (they now succeed); the hand moves past the victim.
 * - NRU (Tanenbaum): class = 2R + M; the lowest class goes, the page loaded earliest on ties.
 * - LFU / MFU: the fewest / most uses since the page was loaded (its load counts); ties to the page loaded earliest.
 * - AGING (Tanenbaum): the lowest counter goes, ties to R = 0, then to the page loaded earliest.
 * - NRU and AGING: after every `clear-interval`-th reference (a clock tick) AGING shifts each counter
 *   right with its R bit entering at the top, then both clear every R bit. A new page's counter is 0.
 * - MRU: the page used most recently goes.
 * - RANDOM: OSTEP's `-p RAND`: the victim is the page at index int(random() * resident) of the
 *   resident pages in the order they were loaded, random() being Python's seeded as Python seeds `seed`.
 * - WS: before each reference, pages whose last use left the window are dropped (a dirty one is
 *   written back); a fault takes the lowest free frame; with every frame full (`frames` caps the
 *   working set), the page used least recently goes.
 * The R bit is the use bit (set on load and on every hit); the M bit is the dirty bit.
 */
import type { PagingConfig, Policy } from '../config.js';
import { RandomStream } from './mersenne.js';
import type { VictimReason } from '../sentences.js';
import { COUNT, DIRTY, LOADED, USE, USED, type PagingState } from '../state.js';

/** A victim and why it was chosen; `cleared` lists frames whose use bit a clock cleared. */
export interface Choice {
  frame: number;
  reason: VictimReason;
  cleared?: number[];
}

const streams = new WeakMap<PagingConfig, RandomStream>();

/** The frame a policy of this file evicts when every frame is full, and why. */
export function chooseVictim(c: PagingConfig, policy: Policy, s: PagingState): Choice {
  const n = s.capacity;
  const slots = s.slots;
  const at = (field: number, f: number) => slots[field * n + f]!;
  // The frame whose key is smallest, the earliest loaded among equals (load steps are distinct).
  const least = (key: (f: number) => number) => {
    let best = 0;
    for (let f = 1; f < n; f++) {
      const d = key(f) - key(best);
      if (d < 0 || (d === 0 && at(LOADED, f) < at(LOADED, best))) best = f;
    }
    return best;
  };
  const tied = (key: (f: number) => number, best: number) => {
    const pages: number[] = [];
    for (let f = 0; f < n; f++) if (key(f) === key(best)) pages.push(slots[f]!);
    return pages;
  };
  switch (policy) {
    case 'ENHANCED-CLOCK':
      return enhancedClock(s);
    case 'NRU': {
      const cls = (f: number) => 2 * at(USE, f) + at(DIRTY, f);
      const frame = least(cls);
      return { frame, reason: { policy, rank: cls(frame), tied: tied(cls, frame) } };
    }
    case 'LFU':
    case 'MFU': {
      const key = policy === 'LFU' ? (f: number) => at(COUNT, f) : (f: number) => -at(COUNT, f);
      const frame = least(key);
      return { frame, reason: { policy, rank: at(COUNT, frame), tied: tied(key, frame) } };
    }
    case 'AGING': {
      const counter = (f: number) => at(COUNT, f);
      const frame = least((f) => 2 * at(COUNT, f) + at(USE, f));
      return { frame, reason: { policy, rank: counter(frame), tied: tied(counter, frame), bits: c.agingBits } };
    }
    case 'MRU':
    case 'WS': {
      const frame = least((f) => (policy === 'MRU' ? -at(USED, f) : at(USED, f)));
      return { frame, reason: { policy } };
    }
    default: {
      let stream = streams.get(c);
      if (!stream || stream.seed !== c.seed) streams.set(c, (stream = new RandomStream(c.seed)));
      const draw = stream.at(s.draws++);
      const index = Math.floor(draw * n);
      const order = Array.from({ length: n }, (_, f) => f).sort((a, b) => at(LOADED, a) - at(LOADED, b));
      return { frame: order[index]!, reason: { policy: 'RANDOM', draw, index, resident: n } };
    }
  }
}

function enhancedClock(s: PagingState): Choice {
  const n = s.capacity;
  const slots = s.slots;
  const cleared: number[] = [];
  for (let turn = 1; turn <= 4; turn++) {
    const modified = turn % 2 === 0 ? 1 : 0;
    for (let k = 0; k < n; k++) {
      const f = (s.hand + k) % n;
      if (slots[USE * n + f] === 0 && slots[DIRTY * n + f] === modified) {
        s.hand = (f + 1) % n;
        return { frame: f, cleared, reason: { policy: 'ENHANCED-CLOCK', rank: turn, tied: cleared.map((x) => slots[x]!) } };
      }
      if (modified && slots[USE * n + f] === 1) {
        slots[USE * n + f] = 0;
        cleared.push(f);
      }
    }
  }
  throw new Error('unreachable: the second round always finds a victim');
}

/**
 * The bookkeeping after reference i put its page in `frame`: use counts (LFU, MFU), a new page's
 * counter (AGING), and the clock tick of NRU and AGING. Returns whether the tick came.
 */
export function afterReference(c: PagingConfig, policy: Policy, s: PagingState, frame: number, fault: boolean): boolean {
  const n = s.capacity;
  const slots = s.slots;
  if (policy === 'LFU' || policy === 'MFU') slots[COUNT * n + frame] = fault ? 1 : slots[COUNT * n + frame]! + 1;
  else if (policy === 'AGING' && fault) slots[COUNT * n + frame] = 0;
  if ((policy !== 'NRU' && policy !== 'AGING') || s.time % c.clearInterval !== 0) return false;
  const top = 2 ** (c.agingBits - 1);
  for (let f = 0; f < n; f++) {
    if (slots[f]! < 0) continue;
    if (policy === 'AGING') slots[COUNT * n + f] = Math.floor(slots[COUNT * n + f]! / 2) + slots[USE * n + f]! * top;
    slots[USE * n + f] = 0;
  }
  return true;
}

/**
 * WS: drops the resident pages that left the window of reference i (all but the current page whose
 * last use is before the window's start) and counts the dirty ones as written back. Returns them.
 */
export function dropOutsideWindow(c: PagingConfig, s: PagingState, i: number): number[] {
  const n = s.capacity;
  const slots = s.slots;
  const start = i - c.window! + 1;
  const page = c.refs[i]!.page;
  const dropped: number[] = [];
  for (let f = 0; f < n; f++) {
    if (slots[f]! < 0 || slots[f] === page || slots[USED * n + f]! >= start) continue;
    dropped.push(slots[f]!);
    if (slots[DIRTY * n + f] === 1) s.writeBacks++;
    slots[f] = -1;
    slots[DIRTY * n + f] = 0;
    slots[USE * n + f] = 0;
  }
  return dropped;
}

const firstUses = new WeakMap<PagingConfig, Uint8Array>();

/** Whether reference i is the first reference to its page (WS counts the other faults "after fill"). */
export function firstReference(c: PagingConfig, i: number): boolean {
  let first = firstUses.get(c);
  if (!first) {
    first = new Uint8Array(c.refs.length);
    const seen = new Set<number>();
    c.refs.forEach((r, k) => {
      if (!seen.has(r.page)) first![k] = 1;
      seen.add(r.page);
    });
    firstUses.set(c, first);
  }
  return first[i] === 1;
}

/** The working set after reference i: the distinct pages among the last `window` references, current included, sorted. */
export function workingSet(c: PagingConfig, i: number): number[] {
  const pages = new Set<number>();
  for (let k = Math.max(0, i - c.window! + 1); k <= i; k++) pages.add(c.refs[k]!.page);
  return [...pages].sort((a, b) => a - b);
}
