/**
 * The presentation half of the buddy system (see engine/presentation.ts): the report's blocks and
 * free lists, the table's free column and the split tree, loaded when a page needs a table or a diagram.
 */
import { addressText } from '../../../contiguous/common.js';
import type { ContiguousPresentation } from '../../../contiguous/core.js';
import { formatSize } from '../../../units.js';
import type { BuddyConfig, BuddyFields, BuddyMemory } from '../config.js';
import { freeBlocks, freeLists } from '../index.js';
import { buddyMermaid } from './mermaid.js';

const presentation: ContiguousPresentation<BuddyConfig, BuddyMemory, BuddyFields> = {
  report(c, _run, s) {
    const m = s.mem;
    const allocations = m.blocks.filter((b) => b.kind === 'process').map((b) => ({ name: b.name, start: b.start, size: b.size, requested: b.requested }));
    const holes = freeBlocks(m).map((b) => ({ start: b.start, size: b.size }));
    return { os: { start: 0, size: c.osBlock, requested: c.os }, allocations, holes, extra: { freeLists: freeLists(c, m) } };
  },
  freeColumn: 'free blocks',
  freeItems: (_c, _run, m) => freeBlocks(m).map((b) => `${formatSize(b.size)} at ${addressText(b.start)}`),
  mermaid: buddyMermaid,
};

export default presentation;
