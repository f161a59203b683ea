/** The configuration of a simple-paging scenario: what parse.ts reads and every other part takes. */
import type { LogicalAddress } from '../../translation/address.js';

/** The largest number of frames a scenario may have (memory / page-size). */
export const MAX_FRAMES = 1_000_000;

export const OP_KINDS = ['load', 'exit', 'swap-out', 'swap-in', 'access'] as const;
export type OpKind = (typeof OP_KINDS)[number];

/** One operation of the trace (or, in the table form, one access of the process `P`). */
export interface PagingOp {
  kind: OpKind;
  name: string;
  /** The operation as written (`load A 3500`); `access ADDRESS` in the table form. */
  text: string;
  line: number;
  column: number;
  /** `load`: bytes asked for (pages times page-size for `N pages`). */
  size: number;
  /** `load`: pages the process has. */
  pages: number;
  /** `load`: whether the size was given in pages. */
  inPages: boolean;
  /** `load ... at F0 F1`: each page's frame, and where each frame number is written (for errors). */
  at?: { frame: number; offset: number }[];
  /** `load`: why it can never be met (more pages than frames it could ever have). */
  refused?: string;
  /** `access`: the address as written and read. */
  address?: LogicalAddress;
  addressText?: string;
}

export interface SimplePagingConfig {
  pageSize: number;
  frames: number;
  /** Frames 0 .. osFrames-1 hold the OS. */
  osFrames: number;
  addressBits?: number;
  /** The free-frame list at the start, in taking order; undefined: every frame outside the OS, lowest first. */
  freeFrames?: number[];
  ops: PagingOp[];
  /** The table form's process `P`: each page's frame, null for an invalid entry. */
  pageTable?: (number | null)[];
}

/** A run of simple paging has no fields of its own: one scenario, one run. */
export type SimplePagingFields = Record<string, never>;
