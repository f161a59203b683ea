/** A paging state as numbers: the metrics a view shows (the JSON report's objects are in presentation/report.ts). */
import { ratio } from '../../metrics.js';
import type { RunSpec } from '../../scheme.js';
import type { PagingConfig, PagingFields } from './config.js';
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
