/** What a buddy-system scenario sets, and the blocks a run's memory is made of. */
import type { ContiguousConfig, ContiguousState } from '../../contiguous/core.js';

export interface BuddyConfig extends ContiguousConfig {
  minBlock: number;
  /** The block the OS takes at address 0 (0 when there is no OS). */
  osBlock: number;
}

export type BuddyBlockKind = 'free' | 'process' | 'os';

export interface BuddyBlock {
  readonly start: number;
  readonly size: number;
  readonly kind: BuddyBlockKind;
  /** The process's name ('' for free blocks and the OS). */
  readonly name: string;
  /** Bytes asked for (0 for free blocks). */
  readonly requested: number;
}

/** The blocks of one run, in address order; together they cover memory. */
export interface BuddyMemory {
  readonly blocks: readonly BuddyBlock[];
}

export type BuddyState = ContiguousState<BuddyMemory>;

/** The fields of the one run: the minimum block, when the scenario sets one above 1 byte. */
export type BuddyFields = { minBlock?: number };
