/** The step fields of the policies in policies/ and of the working set, for the JSON report. */
import type { PagingConfig, Policy } from '../config.js';
import { workingSet } from '../policies/rules.js';
import type { PagingEvent } from '../sentences.js';
import { COUNT, type PagingState } from '../state.js';

/**
 * Adds what the policy keeps per frame: the R bits (`use`, as CLOCK's use bits) of ENHANCED-CLOCK,
 * NRU and AGING, ENHANCED-CLOCK's `hand`, the `counters` of LFU, MFU (use counts) and AGING; WS's
 * `dropped` pages; and, with `window`, the `workingSet` after the reference.
 */
export function policyFields(c: PagingConfig, policy: Policy, s: PagingState, e: PagingEvent, out: Record<string, unknown>): void {
  if (policy === 'ENHANCED-CLOCK' || policy === 'NRU' || policy === 'AGING') out.use = s.use;
  if (policy === 'ENHANCED-CLOCK') out.hand = s.hand;
  if (policy === 'LFU' || policy === 'MFU' || policy === 'AGING') out.counters = counters(s);
  if (policy === 'NRU' || policy === 'AGING') out.tick = e.ticked === true;
  if (policy === 'WS') out.dropped = e.dropped ?? [];
  if (c.window !== undefined) out.workingSet = workingSet(c, s.time - 1);
}

/** Each frame's counter, null for an empty frame. */
export function counters(s: PagingState): (number | null)[] {
  const n = s.capacity;
  return Array.from({ length: s.frameCount }, (_, f) => (f < n && s.slots[f]! >= 0 ? s.slots[COUNT * n + f]! : null));
}
