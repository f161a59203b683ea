/** The phrases dynamic partitioning's sentences share: the largest hole, what a compaction moved. */
import { addressText, listText } from '../../contiguous/common.js';
import { holesOf, type Segment } from '../../contiguous/holes.js';
import type { FreeSummary } from '../../contiguous/metrics.js';
import { formatSize } from '../../units.js';
import type { DynamicMemory } from './memory.js';

export const largestText = (f: FreeSummary) => (f.holeCount === 0 ? 'memory is full, with no hole at all' : `the largest hole is ${formatSize(f.largestHole)}`);

export function compactionPhrase(moved: Segment[], after: DynamicMemory): string {
  const names = moved.map((x) => x.name || `the used block`);
  const who = names.length === 0 ? '' : names.length <= 5 ? listText(names) : `${names.length} blocks`;
  const h = holesOf(after.list)[0];
  const result = h ? `the ${formatSize(h.size)} free is one hole at ${addressText(h.start)}` : 'no memory is free';
  return who ? `${who} slide${names.length === 1 ? 's' : ''} toward address 0 and ${result}` : `nothing moves: ${result} already`;
}
