/** A paging state as numbers and as the JSON report's step and final objects. */
import { ratio } from '../../metrics.js';
import type { RunSpec } from '../../scheme.js';
import type { PagingConfig, PagingFields } from './config.js';
import type { PagingEvent } from './sentences.js';
import type { PagingState } from './state.js';

export function metrics(_c: PagingConfig, _run: RunSpec<PagingFields>, s: PagingState): Record<string, number> {
  return {
    faults: s.faults,
    faultsAfterFill: s.faultsAfterFill,
    hits: s.hits,
    hitRatio: s.time === 0 ? 0 : ratio(s.hits / s.time),
    writeBacks: s.writeBacks,
  };
}

export function stepReport(_c: PagingConfig, run: RunSpec<PagingFields>, s: PagingState, e: PagingEvent): Record<string, unknown> {
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
  return out;
}

export function finalReport(c: PagingConfig, run: RunSpec<PagingFields>, s: PagingState): Record<string, unknown> {
  return { ...metrics(c, run, s), contents: s.frames.slice() };
}
