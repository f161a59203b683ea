/**
 * The presentation half of dynamic partitioning (see engine/presentation.ts): the report's
 * allocations and holes and the table's free column, loaded when a page needs a table or a diagram.
 */
import { addressText } from '../../../contiguous/common.js';
import type { ContiguousPresentation } from '../../../contiguous/core.js';
import { holesOf } from '../../../contiguous/holes.js';
import { formatSize } from '../../../units.js';
import type { DynamicConfig, DynamicFields } from '../config.js';
import type { DynamicMemory } from '../memory.js';
import { dynamicMermaid } from './mermaid.js';

const presentation: ContiguousPresentation<DynamicConfig, DynamicMemory, DynamicFields> = {
  report(c, _run, s) {
    const m = s.mem;
    const allocations = m.segments.filter((s) => s.kind === 'process').map((s) => ({ name: s.name, start: s.start, size: s.size }));
    const used = m.segments.filter((s) => s.kind === 'used').map((s) => ({ start: s.start, size: s.size }));
    return { os: { start: 0, size: c.os }, allocations, holes: holesOf(m.list), extra: used.length ? { used } : undefined };
  },
  freeColumn: 'holes',
  /** Each hole's size and address. */
  freeItems: (_c, _run, m) => holesOf(m.list).map((h) => `${formatSize(h.size)} at ${addressText(h.start)}`),
  mermaid: dynamicMermaid,
};

export default presentation;
