/** The configuration of a stack-heap scenario: what parse.ts reads and every other part takes. */

export const PLACEMENTS = ['first-fit', 'next-fit', 'best-fit', 'worst-fit'] as const;
export type Placement = (typeof PLACEMENTS)[number];
/** OSTEP's malloc.py `-p` words, and the short forms, read as our placements. */
export const PLACEMENT_ALIASES: Record<string, Placement> = {
  first: 'first-fit',
  next: 'next-fit',
  best: 'best-fit',
  worst: 'worst-fit',
  firstfit: 'first-fit',
  nextfit: 'next-fit',
  bestfit: 'best-fit',
  worstfit: 'worst-fit',
};

export const FREE_LIST_ORDERS = ['address', 'size', 'size-desc', 'insert-front', 'insert-back'] as const;
/** How a freed block joins the free list (OSTEP's `-l`). */
export type FreeListOrder = (typeof FREE_LIST_ORDERS)[number];
/** malloc.py's `-l` words (ADDRSORT, SIZESORT+, SIZESORT-, INSERT-FRONT, INSERT-BACK), read as ours. */
export const FREE_LIST_ALIASES: Record<string, FreeListOrder> = {
  addrsort: 'address',
  'address-order': 'address',
  'sizesort+': 'size',
  'sizesort-': 'size-desc',
  'size-asc': 'size',
  'size-ascending': 'size',
  'size-descending': 'size-desc',
  front: 'insert-front',
  back: 'insert-back',
  lifo: 'insert-front',
  fifo: 'insert-back',
};

/** A parameter of `call`: a value of `size` bytes, or (with `from`) a pointer copied from the caller's `from`. */
export interface Param {
  name: string;
  size: number;
  from?: string;
}

interface OpBase {
  /** The operation as written (`p = malloc 16`, `+10`). */
  text: string;
  line: number;
  column: number;
}

/** One operation of the trace. Pointer names are resolved by the parser: each names a live variable. */
export type HeapOp = OpBase &
  (
    | { kind: 'call'; func: string; params: Param[] }
    | { kind: 'local'; name: string; size: number }
    /** `name = malloc SIZE`; OSTEP's `+SIZE` is a malloc into the global `ptrK` (`global`). */
    | { kind: 'malloc'; name: string; size: number; global: boolean }
    /** `free name`; OSTEP's `-K` frees the global `ptrK`. */
    | { kind: 'free'; name: string }
    /** `name = from [+ offset]`, or `name = null` (from null). */
    | { kind: 'assign'; name: string; from: string | null; offset: number }
    /** `return [value [-> to]]`: pop the frame; the caller gets `to` pointing where `value` does. */
    | { kind: 'return'; value?: string; to?: string }
  );

export type OpKind = HeapOp['kind'];

export interface StackHeapConfig {
  /** Bytes of the address space, from 0. */
  memory: number;
  /** Bytes at the top of memory for the stack, which grows down. */
  stack: number;
  /** The heap's first address (OSTEP `-b`). */
  base: number;
  /** Bytes of heap from `base` (OSTEP `-S`). */
  heap: number;
  placements: Placement[];
  /** Bytes before each block (OSTEP `-H`). */
  header: number;
  /** Sizes round up to a multiple of this (OSTEP `-a`; 1: no rounding). */
  align: number;
  coalesce: boolean;
  freeList: FreeListOrder;
  pointerSize: number;
  /** Bytes of each frame for the return address and saved frame pointer. */
  frameHeader: number;
  ops: HeapOp[];
}

/** A run is one placement policy. */
export interface StackHeapFields extends Record<string, unknown> {
  placement: Placement;
}
