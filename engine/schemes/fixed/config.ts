/** What a fixed-partitioning scenario sets: the partitions, the queue and the single queue's placement. */
import type { Proc, Region } from '../../contiguous/common.js';
import type { ContiguousConfig, ContiguousState } from '../../contiguous/core.js';

export const QUEUES = ['single', 'per-partition'] as const;
export type QueueKind = (typeof QUEUES)[number];
export const QUEUE_ALIASES: Record<string, QueueKind> = {
  one: 'single',
  shared: 'single',
  'single-queue': 'single',
  multiple: 'per-partition',
  separate: 'per-partition',
  'per-partition-queues': 'per-partition',
  'one-per-partition': 'per-partition',
};

export const FIXED_PLACEMENTS = ['best-fit', 'first-fit'] as const;
export type FixedPlacement = (typeof FIXED_PLACEMENTS)[number];
export const PLACEMENT_ALIASES: Record<string, FixedPlacement> = { best: 'best-fit', bestfit: 'best-fit', first: 'first-fit', firstfit: 'first-fit' };

/** The most partitions a scenario may define (each step copies the partition table). */
export const MAX_PARTITIONS = 4096;

export interface Partition {
  index: number;
  start: number;
  size: number;
}

export interface FixedConfig extends ContiguousConfig {
  partitions: Partition[];
  queue: QueueKind;
  placement: FixedPlacement;
  /** Memory the partitions leave over, above the last one (null when they fill memory). */
  unused: Region | null;
}

/** The process in a partition. */
export interface Holder extends Proc {
  /** When it was placed (a placement tick). */
  since: number;
}

/** The partition table of one run: the holder of each partition, or null while it is free. */
export interface FixedMemory {
  readonly holders: readonly (Holder | null)[];
}

export type FixedState = ContiguousState<FixedMemory>;

/** The fields of the one run: its queue and, with a single queue, its placement. */
export type FixedFields = { queue: 'single'; placement: FixedPlacement } | { queue: 'per-partition'; placement?: undefined };

/** The partition a process waits for with one queue per partition: the smallest that can hold it. */
export function queueFor(c: FixedConfig, size: number): Partition | undefined {
  let best: Partition | undefined;
  for (const p of c.partitions) if (p.size >= size && (!best || p.size < best.size)) best = p;
  return best;
}
