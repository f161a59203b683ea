/** A paging state as the JSON report's step and final objects. */
import type { RunSpec } from '../../../scheme.js';
import type { PagingConfig, PagingFields } from '../config.js';
import { metrics } from '../report.js';
import type { PagingEvent } from '../sentences.js';
import type { PagingState } from '../state.js';
import { policyFields } from './policy-report.js';

export function stepReport(c: PagingConfig, run: RunSpec<PagingFields>, s: PagingState, e: PagingEvent): Record<string, unknown> {
  const out: Record<string, unknown> = {
    ref: e.ref,
    page: e.page,
    fault: e.fault,
    frame: e.frame,
    victim: e.victim,
    contents: s.frames,
    write: e.write,
    writeBack: e.writeBack,
    dirty: s.dirty,
  };
  if (e.address !== undefined) {
    out.address = e.address;
    out.offset = e.offset;
  }
  if (run.fields.policy === 'CLOCK') {
    out.use = s.use;
    out.hand = s.hand;
  }
  policyFields(c, run.fields.policy, s, e, out);
  if (c.hardware?.tlb !== undefined) out.tlbHit = e.tlbHit;
  return out;
}

export function finalReport(c: PagingConfig, run: RunSpec<PagingFields>, s: PagingState): Record<string, unknown> {
  const out: Record<string, unknown> = { ...metrics(c, run, s), contents: s.frames.slice() };
  if (c.hardware?.split) out.split = c.hardware.split;
  return out;
}
