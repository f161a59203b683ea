/** The frames of a paging run, packed for speed, and the state a run starts from. */
import type { RunSpec } from '../../scheme.js';
import type { PagingConfig, PagingFields } from './config.js';
import type { TlbState } from './translation/tlb.js';

/** Where each per-frame field sits in `PagingState.slots`: block k holds field k for frames 0..n-1. */
export const PAGE = 0;
export const DIRTY = 1;
export const USE = 2;
export const LOADED = 3;
export const USED = 4;
export const NEXT = 5;
/** LFU/MFU: uses since the page was loaded; AGING: its counter (see policies/rules.ts). */
export const COUNT = 6;
const FIELDS = 7;

/**
 * The frames of one run after some number of references. Read-only outside this module.
 *
 * Only the frames that can ever be filled are kept: empty frames fill lowest first, so a run never
 * uses more frames than the references have different pages, and a million frames for ten
 * references cost ten frames of state (the frames above are empty at every step).
 */
export class PagingState {
  constructor(
    /** The run's frame count. */
    readonly frameCount: number,
    /**
     * Per-frame bookkeeping of the frames that can be filled, packed in one flat array of small
     * integers, seven blocks of one number per frame: page (-1 when empty), dirty bit, use bit, step
     * loaded, step last used, index of next use, use count or aging counter.
     */
    public slots: number[],
    /** CLOCK's hand: the frame it points at. */
    public hand: number,
    public faults: number,
    public faultsAfterFill: number,
    public hits: number,
    public writeBacks: number,
    /** References processed so far. */
    public time: number,
  ) {}

  /** RANDOM: how many random numbers the run has drawn from its seed's stream. */
  draws = 0;
  /** The TLB and the reference costs, when the scenario sets hardware keys (translation/tlb.ts). */
  tlb?: TlbState;

  clone(): PagingState {
    const s = new PagingState(this.frameCount, this.slots.slice(), this.hand, this.faults, this.faultsAfterFill, this.hits, this.writeBacks, this.time);
    s.draws = this.draws;
    if (this.tlb) s.tlb = this.tlb.clone();
    return s;
  }

  /** Frames kept in `slots`: those that can ever be filled; every frame above them stays empty. */
  get capacity(): number {
    return this.slots.length / FIELDS;
  }

  /** The page in frame f, or null while the frame is empty. */
  pageIn(f: number): number | null {
    const p = f < this.capacity ? this.slots[f]! : -1;
    return p < 0 ? null : p;
  }

  /** The page in each frame, null for an empty frame. */
  get frames(): (number | null)[] {
    return Array.from({ length: this.frameCount }, (_, f) => this.pageIn(f));
  }

  /** Whether each frame's page was written since it was loaded. */
  get dirty(): boolean[] {
    return this.block(DIRTY).map((b) => b === 1);
  }

  /** CLOCK's use bit of each frame (kept for every policy, shown for CLOCK). */
  get use(): boolean[] {
    return this.block(USE).map((b) => b === 1);
  }

  private block(field: number): number[] {
    const m = this.capacity;
    const out = this.slots.slice(field * m, field * m + m);
    return m === this.frameCount ? out : out.concat(new Array<number>(this.frameCount - m).fill(0));
  }
}

/**
 * A state from a run's final frames as the fast path gives them (engine/fast), for drawing the end
 * of a summarised run: pages, dirty and use bits and the hand are those of the stepwise state; the
 * step times it keeps for choosing victims are unknown (-1), as nothing steps from this state.
 */
export function stateOfFrames(
  c: PagingConfig,
  run: RunSpec<PagingFields>,
  end: { contents: readonly (number | null)[]; dirty: readonly boolean[]; use: readonly boolean[]; hand: number; faults: number; faultsAfterFill: number; hits: number; writeBacks: number },
): PagingState {
  const s = initial(c, run);
  const m = s.capacity;
  for (let f = 0; f < m; f++) {
    s.slots[PAGE * m + f] = end.contents[f] ?? -1;
    s.slots[DIRTY * m + f] = end.dirty[f] ? 1 : 0;
    s.slots[USE * m + f] = end.use[f] ? 1 : 0;
  }
  s.hand = end.hand;
  Object.assign(s, { faults: end.faults, faultsAfterFill: end.faultsAfterFill, hits: end.hits, writeBacks: end.writeBacks, time: c.refs.length });
  return s;
}

export function initial(c: PagingConfig, run: RunSpec<PagingFields>): PagingState {
  const n = run.fields.frames;
  const m = Math.min(n, c.distinctPages);
  const slots = new Array<number>(m * FIELDS).fill(0);
  for (const field of [PAGE, LOADED, USED, NEXT]) slots.fill(-1, field * m, field * m + m);
  return new PagingState(n, slots, 0, 0, 0, 0, 0, 0);
}

/** The label of the frames above `capacity` that are never filled (`frame 3`, `frames 3 to 999`), or '' when there are none. */
export function neverFilled(frameCount: number, capacity: number): string {
  const last = frameCount - 1;
  return capacity > last ? '' : capacity === last ? `frame ${last}` : `frames ${capacity} to ${last}`;
}
