/** The configuration of a virtual-memory paging scenario: what parse.ts reads and every other part takes. */
import type { Hardware } from './levels.js';

/** The replacement policies, by the names the scenario and the report use. */
export const POLICIES = ['FIFO', 'LRU', 'OPT', 'CLOCK', 'ENHANCED-CLOCK', 'NRU', 'LFU', 'MFU', 'AGING', 'MRU', 'RANDOM', 'WS'] as const;
export type Policy = (typeof POLICIES)[number];

/** Other names textbooks give the same policies. */
export const POLICY_ALIASES: Record<string, Policy> = {
  optimal: 'OPT',
  min: 'OPT',
  belady: 'OPT',
  'second-chance': 'CLOCK',
  rand: 'RANDOM',
  'working-set': 'WS',
  'enhanced-second-chance': 'ENHANCED-CLOCK',
};

/** The largest frame count a scenario may ask for. */
export const MAX_FRAMES = 1_000_000;

export interface Reference {
  /** The token as written (`7`, `0x1A2B:w`). */
  token: string;
  page: number;
  /** The address, when the reference string gives addresses (with `page-size`). */
  address?: number;
  write: boolean;
  line: number;
  column: number;
}

export interface PagingConfig {
  frames: number[];
  policies: Policy[];
  refs: Reference[];
  pageSize?: number;
  /** nextUse[i]: index of the next reference to the same page after i, or refs.length when none. */
  nextUse: Int32Array;
  /** How many different pages the references name: no run ever fills more frames than this. */
  distinctPages: number;
  /** The working-set window (`window`), in references, when given. */
  window?: number;
  /** RANDOM's seed, as OSTEP's `-s` (default 0). */
  seed: number;
  /** NRU and AGING: the R bits clear (AGING: the counters shift) after every `clearInterval`-th reference (default 4). */
  clearInterval: number;
  /** AGING's counter width in bits (default 8). */
  agingBits: number;
  /** Whether the scenario gave `frames` (without it a WS run keeps up to `window` frames). */
  framesGiven?: boolean;
  /** The TLB, latencies and page-table shape (levels.ts), when the scenario gives any of their keys. */
  hardware?: Hardware;
  /** Whether `frames` was written as a range (`1-7`): the view then draws faults against frames. */
  framesRange?: boolean;
}

/** The fields of one run: the policy and the frame count it compares. */
export type PagingFields = { policy: Policy; frames: number };
