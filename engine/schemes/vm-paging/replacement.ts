/**
 * The replacement rules: one reference applied to a run's frames under FIFO, LRU, OPT or CLOCK.
 *
 * Textbook rules (see the docs for each one):
 * - frames are numbered from 0; empty frames fill lowest first; a new page takes its victim's frame;
 * - FIFO evicts the page loaded earliest; LRU the page used least recently;
 * - OPT evicts the page whose next use is farthest away; among pages never used again, the one loaded earliest;
 * - CLOCK (Stallings): the use bit is set on load and on every hit; the hand starts at frame 0 and a hit
 *   does not move it; on a fault with no empty frame the hand clears use bits until it finds a clear one,
 *   replaces that page and moves one past it (a load into an empty frame also moves the hand past it);
 * - the other policies and the working set: see policies/rules.ts;
 * - a `:w` reference sets the page's dirty bit; evicting a dirty page is a write-back; pages still dirty
 *   at the end are not counted.
 */
import type { RunSpec } from '../../scheme.js';
import type { PagingConfig, PagingFields } from './config.js';
import { isLate, late } from './late.js';
import { NO_FRAMES, PagingEvent, type VictimReason } from './sentences.js';
import { DIRTY, LOADED, NEXT, USE, USED, type PagingState } from './state.js';

export function apply(c: PagingConfig, run: RunSpec<PagingFields>, s: PagingState, i: number): { state: PagingState; event: PagingEvent } {
  const state = s.clone();
  return { state, event: step(c, run, state, i) };
}

/** Applies reference i to `s` in place (the timeline's fast stepping) and says what happened. */
export function step(c: PagingConfig, run: RunSpec<PagingFields>, s: PagingState, i: number): PagingEvent {
  const policy = run.fields.policy;
  const ref = c.refs[i]!;
  const page = ref.page;
  // Slot blocks are `n` frames long; the clock hand turns over all the run's frames. They differ only
  // when frames outnumber the pages, and then nothing is ever replaced.
  const n = s.capacity;
  const slots = s.slots;
  const more = isLate(policy) ? late() : undefined;
  const dropped = policy === 'WS' ? more!.dropOutsideWindow(c, s, i) : NO_FRAMES;
  let frame = firstFrameHolding(slots, n, page);
  const fault = frame < 0;
  let victim: number | null = null;
  let writeBack = false;
  let reason: VictimReason | null = null;
  let cleared = NO_FRAMES;

  if (!fault) s.hits++;
  else {
    s.faults++;
    // A working set has no "fill": its faults after the first reference to each page count instead.
    if (policy === 'WS' && !more!.firstReference(c, i)) s.faultsAfterFill++;
    frame = firstFrameHolding(slots, n, -1);
    if (frame >= 0) {
      if (policy === 'CLOCK' || policy === 'ENHANCED-CLOCK') s.hand = (frame + 1) % s.frameCount;
    } else {
      if (policy !== 'WS') s.faultsAfterFill++;
      if (policy === 'FIFO') {
        frame = argMin(slots, LOADED * n, n);
        reason = { policy };
      } else if (policy === 'LRU') {
        frame = argMin(slots, USED * n, n);
        reason = { policy };
      } else if (policy === 'OPT') {
        const never = c.refs.length;
        // A page never used again outranks every page that is; among those, the earliest loaded goes.
        const neverUsedAgain: number[] = [];
        let farthest = -1;
        for (let f = 0; f < n; f++) {
          const next = slots[NEXT * n + f]!;
          if (next >= never) {
            if (neverUsedAgain.length === 0 || slots[LOADED * n + f]! < slots[LOADED * n + frame]!) frame = f;
            neverUsedAgain.push(slots[f]!);
          } else if (neverUsedAgain.length === 0 && next > farthest) {
            farthest = next;
            frame = f;
          }
        }
        reason = { policy, neverUsedAgain, nextUse: farthest };
      } else if (policy !== 'CLOCK') {
        const choice = more!.chooseVictim(c, policy, s);
        frame = choice.frame;
        reason = choice.reason;
        if (choice.cleared) cleared = choice.cleared;
      } else {
        cleared = [];
        let hand = s.hand;
        while (slots[USE * n + hand] === 1) {
          slots[USE * n + hand] = 0;
          cleared.push(hand);
          hand = (hand + 1) % n;
        }
        frame = hand;
        s.hand = (hand + 1) % n;
        reason = { policy, clearedPages: cleared.map((f) => slots[f]!) };
      }
      victim = slots[frame]!;
      writeBack = slots[DIRTY * n + frame] === 1;
      if (writeBack) s.writeBacks++;
    }
    slots[frame] = page;
    slots[DIRTY * n + frame] = 0;
    slots[LOADED * n + frame] = i;
  }
  if (ref.write) slots[DIRTY * n + frame] = 1;
  slots[USE * n + frame] = 1;
  slots[USED * n + frame] = i;
  slots[NEXT * n + frame] = c.nextUse[i]!;
  s.time++;
  const ticked = more ? more.afterReference(c, policy, s, frame, fault) : false;

  const event = new PagingEvent(ref, c.pageSize, policy, fault, frame, victim, writeBack, reason);
  if (cleared.length) event.cleared = cleared;
  if (dropped.length) event.dropped = dropped;
  if (ticked) event.ticked = true;
  return event;
}

function firstFrameHolding(slots: readonly number[], n: number, page: number): number {
  for (let f = 0; f < n; f++) if (slots[f] === page) return f;
  return -1;
}

/** The frame whose time (in the block at `base`) is smallest; times are distinct step numbers, so no tie rule is needed. */
function argMin(slots: readonly number[], base: number, n: number): number {
  let best = 0;
  for (let f = 1; f < n; f++) if (slots[base + f]! < slots[base + best]!) best = f;
  return best;
}
