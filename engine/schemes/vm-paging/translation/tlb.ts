/**
 * The TLB and the cost of each reference, stepped after the replacement rules (see index.ts).
 *
 * Rules (DESIGN.md, "vm-paging, complete"): the TLB is fully associative with LRU replacement; a
 * fault is a TLB miss, after which the page enters the TLB; a page that leaves memory (a victim, or
 * a page the working set dropped) leaves the TLB. Costs, in nanoseconds: a TLB hit `tlb-latency +
 * memory-latency`, a TLB miss on a resident page `tlb-latency + (levels + 1) * memory-latency` (the
 * walk, then the access), a fault `fault-latency`. Without a TLB a resident page costs
 * `memory-latency` (Silberschatz's demand-paging formula, where `levels` does not count).
 */
import type { Hardware } from '../levels.js';

/** What a reference did, as far as the TLB cares. */
export interface TlbInput {
  page: number;
  fault: boolean;
  victim: number | null;
  /** Pages that left memory without a fault choosing them (the working set's drops). */
  dropped?: readonly number[];
  tlbHit?: boolean;
  /** The TLB's part of the step's sentence. */
  tlbWords?: string;
}

/**
 * The TLB's entries and the running counts of a run; part of its state, copied with it. A chunk of
 * its own (index.ts's `prepare` loads it), so pages without hardware keys never fetch it.
 */
export class TlbState {
  constructor(
    /** The pages the TLB maps, least recently used first. */
    public entries: number[] = [],
    public hits = 0,
    /** References that were TLB misses on resident pages (page-table walks). */
    public walks = 0,
    /** References that faulted. */
    public faults = 0,
    /** References so far. */
    public references = 0,
  ) {}

  clone(): TlbState {
    return new TlbState(this.entries.slice(), this.hits, this.walks, this.faults, this.references);
  }

  /** Applies one reference in place; sets `e.tlbHit` when there is a TLB. */
  step(h: Hardware, e: TlbInput): void {
    this.references++;
    if (e.fault) this.faults++;
    if (h.tlb === undefined) return;
    const entries = this.entries;
    const leave = (p: number | null) => {
      const at = p === null ? -1 : entries.indexOf(p);
      if (at >= 0) entries.splice(at, 1);
    };
    leave(e.victim);
    for (const p of e.dropped ?? []) leave(p);
    const at = entries.indexOf(e.page);
    const hit = !e.fault && at >= 0;
    if (hit) this.hits++;
    else if (!e.fault) this.walks++;
    if (at >= 0) entries.splice(at, 1);
    else if (entries.length >= h.tlb) entries.shift();
    entries.push(e.page);
    e.tlbHit = hit;
    e.tlbWords = hit ? '; a TLB hit' : e.fault ? '; a TLB miss, after which the page enters the TLB' : '; a TLB miss: the page table gives its frame';
  }

  /** The total time of the references so far, in nanoseconds (counted, so the mean is exact). */
  time(h: Hardware): number {
    const resident = this.references - this.faults;
    const memory = h.tlb === undefined ? resident * h.memoryLatency : resident * (h.tlbLatency + h.memoryLatency) + this.walks * h.levels * h.memoryLatency;
    return memory + this.faults * h.faultLatency;
  }
}
