/** What a relocation (base and bounds) scenario sets: the two registers and the accesses of process P. */
import type { Translation } from '../../contiguous/relocate.js';
import type { StepEvent } from '../../scheme.js';

/** The one running process of the register form, as OSTEP's chapter has it. */
export const PROCESS = 'P';

/** One address of the `access` list, where it was written. */
export interface Access {
  /** The token as written (`1000`, `0x3E8`). */
  token: string;
  address: number;
  hex: boolean;
  line: number;
  column: number;
}

export interface RelocationConfig {
  base: number;
  bounds: number;
  /** Physical memory: `memory` when given, else the smallest power of two that holds base + bounds. */
  memory: number;
  accesses: Access[];
}

/** The run has no fields of its own: one pair of registers, one run. */
export type RelocationFields = Record<string, never>;

/** What the registers have translated so far. Immutable: an access never changes memory. */
export interface RelocationState {
  readonly accesses: number;
  readonly traps: number;
}

/** One access step: the translation and its words. */
export interface RelocationEvent extends StepEvent, Translation {
  /** `access 1000`: the operation as the report writes it. */
  op: string;
  /** Whether the address was written in hex (sentences then spell both). */
  hex: boolean;
}
