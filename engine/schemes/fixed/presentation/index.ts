/**
 * The presentation half of fixed partitioning (see engine/presentation.ts): the report's partitions
 * and queues and the table's columns, loaded when a page needs a table or a diagram.
 */
import type { ContiguousPresentation } from '../../../contiguous/core.js';
import { formatSize } from '../../../units.js';
import type { FixedConfig, FixedFields, FixedMemory } from '../config.js';
import { queueFor, wastedPerPartition } from '../index.js';
import { fixedMermaid } from './mermaid.js';

const presentation: ContiguousPresentation<FixedConfig, FixedMemory, FixedFields> = {
  report(c, run, s) {
    const m = s.mem;
    const wasted = wastedPerPartition(c, m);
    const allocations = c.partitions.flatMap((p) => {
      const h = m.holders[p.index];
      return h ? [{ name: h.name, start: p.start, size: h.size, partition: p.index, partitionSize: p.size, wasted: wasted[p.index] }] : [];
    });
    const partitions = c.partitions.map((p) => ({ start: p.start, size: p.size, holder: m.holders[p.index]?.name ?? null, wasted: wasted[p.index] }));
    const extra: Record<string, unknown> = { partitions };
    if (run.fields.queue === 'per-partition') {
      extra.queues = c.partitions.map((p) => ({ partition: p.index, waiting: s.waiting.filter((w) => queueFor(c, w.size) === p).map((w) => w.name) }));
    }
    return { os: { start: 0, size: c.os }, allocations, holes: c.unused ? [{ ...c.unused }] : [], extra };
  },
  freeColumn: 'free partitions',
  freeItems: (c, _run, m) => c.partitions.filter((p) => m.holders[p.index] === null).map((p) => `#${p.index} ${formatSize(p.size)}`),
  waitingText: (c, run, s) =>
    s.waiting.map((w) => (run.fields.queue === 'per-partition' ? `${w.name} (#${queueFor(c, w.size)!.index})` : w.name)).join(', '),
  mermaid: fixedMermaid,
};

export default presentation;
