/** What the registers have done so far, as numbers: the metrics a view shows. */
import type { RunSpec } from '../../scheme.js';
import type { RelocationConfig, RelocationFields, RelocationState } from './config.js';

export function metrics(_c: RelocationConfig, _run: RunSpec<RelocationFields>, s: RelocationState): Record<string, number> {
  return { accesses: s.accesses, translated: s.accesses - s.traps, traps: s.traps };
}
