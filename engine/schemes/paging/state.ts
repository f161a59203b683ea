/** The frames of a simple-paging run, the page tables of its resident processes, and where a run starts. */
import type { SimplePagingConfig } from './config.js';

/** One frame as the report writes it. */
export type FrameEntry = null | { os: true } | { used: true } | { process: string; page: number };

const OS: FrameEntry = { os: true };
const USED: FrameEntry = { used: true };

/** A process of the trace with its size in bytes and in pages. */
export interface PagedProc {
  name: string;
  size: number;
  pages: number;
}

/** A resident process and its page table (the frame of each page; null for an invalid entry). */
export interface Resident extends PagedProc {
  table: readonly (number | null)[];
}

/** A process waiting for frames: to be loaded, or to be swapped back in. */
export interface Waiter extends PagedProc {
  swapIn: boolean;
}

/**
 * The state of a run after some operations. `step` changes one in place (the timeline clones
 * first), so a step costs the frames it touches, not every frame.
 */
export class SimplePagingState {
  constructor(
    /** Every frame, from frame 0. */
    public frames: FrameEntry[],
    /** The free-frame list in taking order. */
    public free: number[],
    /** Resident processes in the order they were placed. */
    public resident: Map<string, Resident>,
    public waiting: Waiter[],
    public swapped: PagedProc[],
  ) {}

  clone(): SimplePagingState {
    return new SimplePagingState(this.frames.slice(), this.free.slice(), new Map(this.resident), this.waiting.slice(), this.swapped.slice());
  }
}

/**
 * The frames at the start: the OS in whole frames from frame 0; then either every other frame free
 * (lowest first) or, with `free-frames`, only those listed, the rest held by processes the scenario
 * does not name; the table form's process `P` in the frames its table names.
 */
export function initial(c: SimplePagingConfig): SimplePagingState {
  const frames: FrameEntry[] = new Array<FrameEntry>(c.frames);
  for (let f = 0; f < c.frames; f++) frames[f] = f < c.osFrames ? OS : c.freeFrames ? USED : null;
  let free: number[];
  if (c.freeFrames) {
    for (const f of c.freeFrames) frames[f] = null;
    free = c.freeFrames.slice();
  } else free = Array.from({ length: c.frames - c.osFrames }, (_, i) => c.osFrames + i);
  const resident = new Map<string, Resident>();
  if (c.pageTable) {
    const taken = new Set<number>();
    c.pageTable.forEach((f, page) => {
      if (f === null) return;
      frames[f] = { process: 'P', page };
      taken.add(f);
    });
    free = free.filter((f) => !taken.has(f));
    const pages = c.pageTable.length;
    resident.set('P', { name: 'P', size: pages * c.pageSize, pages, table: c.pageTable });
  }
  return new SimplePagingState(frames, free, resident, [], []);
}

/** Frames that a process of the scenario could ever hold: every frame outside the OS not held by an unnamed process. */
export function usableFrames(c: SimplePagingConfig): number {
  return c.freeFrames ? c.freeFrames.length + (c.pageTable?.filter((f) => f !== null).length ?? 0) : c.frames - c.osFrames;
}

/** Bytes unused in a process's last page: its internal fragmentation. */
export const unusedInLastPage = (p: PagedProc, pageSize: number): number => p.pages * pageSize - p.size;
