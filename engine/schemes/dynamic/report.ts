/** A dynamic-partitioning state as metrics and as the memory map the views and the table draw. */
import type { MapBlock } from '../../contiguous/presentation/map.js';
import { contiguousMetrics } from '../../contiguous/metrics.js';
import type { RunSpec } from '../../scheme.js';
import { formatSize } from '../../units.js';
import type { DynamicConfig, DynamicFields, DynamicState } from './config.js';
import type { DynamicMemory } from './memory.js';

export function metrics(c: DynamicConfig, _run: RunSpec<DynamicFields>, s: DynamicState): Record<string, number> {
  const available = c.memory - c.os;
  return contiguousMetrics(available - s.mem.free.totalFree, available, s.mem.free, s, { swappedOut: s.swapped.length });
}

export function blocks(c: DynamicConfig, _run: RunSpec<DynamicFields>, m: DynamicMemory): MapBlock[] {
  const out: MapBlock[] = c.os ? [{ start: 0, size: c.os, kind: 'os', text: `OS ${formatSize(c.os)}` }] : [];
  for (const s of m.segments) {
    const label = s.kind === 'process' ? s.name : s.kind;
    out.push({ start: s.start, size: s.size, kind: s.kind, text: `${label} ${formatSize(s.size)}` });
  }
  return out;
}
