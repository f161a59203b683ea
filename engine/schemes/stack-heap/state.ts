/**
 * The state of a stack-heap run: the free list, the allocated blocks, the call stack and the global
 * pointers. `step` changes a state in place (the timeline clones first); blocks, frames and pointers
 * are replaced, never changed, so a clone copies the containers only.
 */
import type { StackHeapConfig } from './config.js';
import type { FreeIndex } from './free-index.js';

/** A free-list entry: `size` bytes from `start`. */
export interface FreeEntry {
  readonly start: number;
  readonly size: number;
}

/** An allocated block: its header from `start`, then the bytes malloc returned at `returned`. */
export interface Block {
  /** Tells a block from a later one at the same address, so a dangling pointer never reaches it. */
  readonly id: number;
  readonly start: number;
  /** Bytes with the header: the request rounded up to `align`, plus `header`. */
  readonly size: number;
  readonly requested: number;
  readonly returned: number;
  /** Pointers (live locals and globals) that reach it; at 0 the block is leaked. */
  readonly refs: number;
  /** Since the step that lost its last pointer; a leaked block stays leaked until freed. */
  readonly leaked: boolean;
}

/** What a pointer holds: an address (null for NULL) and the block it was made from (its start and id), if any. */
export interface Pointer {
  readonly addr: number | null;
  readonly block: number | null;
  readonly id: number;
}

export const NULL_POINTER: Pointer = { addr: null, block: null, id: 0 };

/** A parameter or local of a frame; a pointer has `ptr`. */
export interface Local {
  readonly name: string;
  readonly start: number;
  readonly size: number;
  readonly ptr?: Pointer;
}

export interface Frame {
  readonly func: string;
  /** The frame's lowest address; it grows down as locals are added. */
  readonly start: number;
  readonly size: number;
  /** Parameters in order, then locals in the order they were made, toward lower addresses. */
  readonly locals: readonly Local[];
}

export class StackHeapState {
  /**
   * The free list's index for the fits (free-index.ts): derived from `free`, built by the first search
   * and kept up to date by heap.ts, the only code that changes the list; a clone starts without one
   * (most clones, the timeline's snapshots, are never searched).
   */
  freeIndex: FreeIndex | undefined = undefined;

  private blockMap: Map<number, Block> | undefined;
  private blockEntries: Entries<number, Block> | undefined;
  private globalMap: Map<string, Pointer> | undefined;
  private globalEntries: Entries<string, Pointer> | undefined;

  constructor(
    /** The free list in its order. */
    public free: FreeEntry[],
    blocks: Map<number, Block> | Entries<number, Block>,
    /** Frames, outermost first. */
    public frames: Frame[],
    globals: Map<string, Pointer> | Entries<string, Pointer>,
    /** Where next fit's search starts in a list not ordered by address: an index into the free list. */
    public rover = 0,
    /** The end of the last placement: in an address-ordered list next fit starts at the first free block ending beyond it. */
    public placedEnd = 0,
    public nextId = 1,
    public searches = 0,
    public maxDepth = 0,
    public used = 0,
    public leakedBytes = 0,
    /** The line of the stack overflow that stopped the program, or 0. */
    public stoppedAt = 0,
  ) {
    if (blocks instanceof Map) this.blockMap = blocks;
    else this.blockEntries = blocks;
    if (globals instanceof Map) this.globalMap = globals;
    else this.globalEntries = globals;
  }

  /** Allocated blocks by their start. */
  get blocks(): Map<number, Block> {
    if (!this.blockMap) {
      this.blockMap = toMap(this.blockEntries!);
      this.blockEntries = undefined;
    }
    return this.blockMap;
  }

  /** Global pointers (OSTEP's ptrK, and pointers assigned outside any function). */
  get globals(): Map<string, Pointer> {
    if (!this.globalMap) {
      this.globalMap = toMap(this.globalEntries!);
      this.globalEntries = undefined;
    }
    return this.globalMap;
  }

  /**
   * A copy. Its maps start as arrays of their entries, made into maps when first used: copying a map
   * costs ten times as much as copying its entries, and most copies (the timeline's snapshots) are
   * never used but to be copied again, which then shares the arrays (nothing changes them).
   */
  clone(): StackHeapState {
    const blocks = this.blockMap ? entriesOf(this.blockMap) : this.blockEntries!;
    const globals = this.globalMap ? entriesOf(this.globalMap) : this.globalEntries!;
    return new StackHeapState(this.free.slice(), blocks, this.frames.slice(), globals, this.rover, this.placedEnd, this.nextId, this.searches, this.maxDepth, this.used, this.leakedBytes, this.stoppedAt);
  }

  /** The live block a pointer reaches, or undefined (null, dangling, or not into the heap). */
  target(p: Pointer | undefined): Block | undefined {
    if (!p || p.block === null) return undefined;
    const b = this.blocks.get(p.block);
    return b && b.id === p.id ? b : undefined;
  }
}

/** A map's entries as two arrays, in the map's order. */
export interface Entries<K, V> {
  readonly keys: readonly K[];
  readonly values: readonly V[];
}

const entriesOf = <K, V>(m: Map<K, V>): Entries<K, V> => ({ keys: [...m.keys()], values: [...m.values()] });

function toMap<K, V>(e: Entries<K, V>): Map<K, V> {
  const m = new Map<K, V>();
  for (let i = 0; i < e.keys.length; i++) m.set(e.keys[i]!, e.values[i]!);
  return m;
}

/** The heap as one free block from `base`; an empty stack. */
export function initial(c: StackHeapConfig): StackHeapState {
  return new StackHeapState([{ start: c.base, size: c.heap }], new Map(), [], new Map());
}

/** The stack's lowest address: a frame or local below it overflows. */
export const stackLimit = (c: StackHeapConfig): number => c.memory - c.stack;
