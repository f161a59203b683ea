/** A paging state as numbers: the metrics a view shows (the JSON report's objects are in presentation/report.ts). */
import { ratio } from '../../metrics.js';
import type { RunSpec } from '../../scheme.js';
import type { PagingConfig, PagingFields } from './config.js';
import type { PagingState } from './state.js';

export function metrics(c: PagingConfig, _run: RunSpec<PagingFields>, s: PagingState): Record<string, number> {
  const out: Record<string, number> = {
    faults: s.faults,
    faultsAfterFill: s.faultsAfterFill,
    hits: s.hits,
    hitRatio: s.time === 0 ? 0 : ratio(s.hits / s.time),
    writeBacks: s.writeBacks,
  };
  const h = c.hardware;
  if (h && s.tlb) {
    if (h.tlb !== undefined) {
      out.tlbHits = s.tlb.hits;
      out.tlbHitRatio = s.time === 0 ? 0 : ratio(s.tlb.hits / s.time);
    }
    if (h.timed) out.effectiveAccessTime = s.time === 0 ? 0 : ratio(s.tlb.time(h) / s.time);
  }
  if (h?.pageTableBytes !== undefined) out.pageTableBytes = h.pageTableBytes;
  return out;
}
