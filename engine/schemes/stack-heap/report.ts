/** A stack-heap state as numbers: the metrics a view shows (the JSON report's objects are in presentation/report.ts). */
import type { RunSpec } from '../../scheme.js';
import type { StackHeapConfig, StackHeapFields } from './config.js';
import type { StackHeapState } from './state.js';

export function metrics(c: StackHeapConfig, _run: RunSpec<StackHeapFields>, s: StackHeapState): Record<string, number> {
  return {
    heapUsed: s.used,
    heapFree: c.heap - s.used,
    freeBlocks: s.free.length,
    leakedBytes: s.leakedBytes,
    maxDepth: s.maxDepth,
    searches: s.searches,
  };
}
