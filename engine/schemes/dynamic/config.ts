/** What a dynamic-partitioning scenario sets: the placement policies, when-full and the starting map. */
import type { ContiguousConfig, ContiguousState } from '../../contiguous/core.js';
import type { SegmentList } from '../../contiguous/holes.js';
import type { DynamicMemory } from './memory.js';

/** The placement policies, in the order textbooks introduce them. */
export const PLACEMENTS = ['first-fit', 'next-fit', 'best-fit', 'worst-fit'] as const;
export type PlacementPolicy = (typeof PLACEMENTS)[number];

/** Other spellings, OSTEP's malloc simulator's `FIRST`, `BEST`, `WORST` among them. */
export const PLACEMENT_ALIASES: Record<string, PlacementPolicy> = {
  first: 'first-fit',
  firstfit: 'first-fit',
  next: 'next-fit',
  nextfit: 'next-fit',
  best: 'best-fit',
  bestfit: 'best-fit',
  worst: 'worst-fit',
  worstfit: 'worst-fit',
};

export const WHEN_FULL = ['wait', 'compact', 'swap'] as const;
export type WhenFull = (typeof WHEN_FULL)[number];
export const WHEN_FULL_ALIASES: Record<string, WhenFull> = { queue: 'wait', compaction: 'compact', 'swap-out': 'swap', swapping: 'swap' };

export interface DynamicConfig extends ContiguousConfig {
  placements: PlacementPolicy[];
  whenFull: WhenFull;
  /** The starting map from the end of the OS region to the end of memory (holes merged). */
  layout: SegmentList;
}

export type DynamicState = ContiguousState<DynamicMemory>;

/** The fields of one run: the placement policy it compares. */
export type DynamicFields = { placement: PlacementPolicy };
