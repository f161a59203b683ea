/** The memory of a dynamic-partitioning run: its segments, next-fit's pointer and the free-memory summary. */
import { indexOfProcess, largestHole, type Segment, type SegmentList } from '../../contiguous/holes.js';
import { externalFragmentation, type FreeSummary } from '../../contiguous/metrics.js';

export const summary = (holeCount: number, largest: number, totalFree: number): FreeSummary => ({
  holeCount,
  largestHole: largest,
  totalFree,
  externalFragmentation: externalFragmentation(largest, totalFree),
});

/**
 * The memory of one run: the segments, next-fit's pointer and the free-memory summary. (A class
 * rather than an object literal with a getter, so every state has one shape.)
 */
export class DynamicMemory {
  constructor(
    readonly list: SegmentList,
    /** The end of the last placement (next-fit's pointer), or null: start at the lowest hole. */
    readonly rover: number | null,
    readonly free: FreeSummary,
    /**
     * Where each process was last placed, shared by every state of a run. Only a hint for finding a
     * process fast: it is checked against the list, which alone is the state.
     */
    readonly where: Map<string, number>,
  ) {}

  /** Every segment from the end of the OS region upward, in one array (made on first use). */
  get segments(): readonly Segment[] {
    return this.list.toArray();
  }
}

export const memory = (list: SegmentList, rover: number | null, free: FreeSummary, where: Map<string, number>): DynamicMemory =>
  new DynamicMemory(list, rover, free, where);

/** Index of the resident process `name`: where it was placed if it is still there, else a scan. */
export function find(m: DynamicMemory, name: string): number {
  const start = m.where.get(name);
  if (start !== undefined) {
    const i = m.list.indexContaining(start);
    const s = i < 0 ? undefined : m.list.at(i);
    if (s && s.start === start && s.kind === 'process' && s.name === name) return i;
  }
  return indexOfProcess(m.list, name);
}

/** A memory whose free summary is counted afresh (a starting map, a compaction). */
export function memoryOf(list: SegmentList, rover: number | null, where: Map<string, number>): DynamicMemory {
  let count = 0;
  let total = 0;
  for (const chunk of list.chunks) {
    for (const s of chunk) {
      if (s.kind === 'hole') {
        count++;
        total += s.size;
      }
    }
  }
  return memory(list, rover, summary(count, largestHole(list), total), where);
}
