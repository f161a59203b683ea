/** The relocation scheme's diagram: its translation as the contiguous schemes draw an access step. */
import { translationMermaid } from '../../../contiguous/presentation/translation.js';
import type { RunSpec } from '../../../scheme.js';
import type { RelocationConfig, RelocationEvent, RelocationFields, RelocationState } from '../config.js';

/** The registers, the address, the comparison and the sum (or the trap), as a small flowchart. */
export function mermaid(c: RelocationConfig, _run: RunSpec<RelocationFields>, _s: RelocationState, e: RelocationEvent | undefined): string {
  return translationMermaid(c.base, c.bounds, e);
}
