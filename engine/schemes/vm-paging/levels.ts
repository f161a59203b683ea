/**
 * The memory hardware of a paging scenario: the TLB, the latencies and the shape of the page table
 * (`tlb`, `levels`, `memory-latency`, `tlb-latency`, `fault-latency`, `address-bits`, `pte-size`),
 * read from the scenario, and the split of an address into levels and offset.
 */
import type { ScenarioReader } from '../../source.js';

/** What the hardware keys set; absent from the config when the scenario gives none of them. */
export interface Hardware {
  /** TLB entries (fully associative, LRU), when the scenario has a TLB. */
  tlb?: number;
  /** Page-table levels a TLB miss walks (default 1). */
  levels: number;
  /** Nanoseconds per memory access, per TLB lookup and per page fault. */
  memoryLatency: number;
  tlbLatency: number;
  faultLatency: number;
  /** Whether to report the effective access time: with `tlb` or any latency key. */
  timed: boolean;
  /** With `address-bits` and `page-size`: bits per level, outermost first, then the offset. */
  split?: number[];
  /** With `address-bits` and `page-size`: the linear page table's size in bytes. */
  pageTableBytes?: number;
}

const LATENCIES = ['memory-latency', 'tlb-latency', 'fault-latency'];
const DEFAULTS = [100, 0, 8e6];

/** The hardware keys of a scenario, undefined when it gives none; errors go to the reader's source. */
export function readHardware(r: ScenarioReader, pageSize: number | undefined): Hardware | undefined {
  const timed = r.has('tlb') || LATENCIES.some((k) => r.has(k));
  if (!timed && !['levels', 'address-bits', 'pte-size'].some((k) => r.has(k))) return undefined;
  const src = r.source;
  const at = (key: string, message: string) => src.error(r.entry(key)!.value, `${key}: ${message}`);
  const one = (key: string, max: number, what: string, min = 1) => {
    const list = r.has(key) ? r.integers(key, min, max, what) : undefined;
    if (list && list.length > 1) at(key, `expected one ${what}, not a list`);
    return list?.[0];
  };
  const [memoryLatency, tlbLatency, faultLatency] = LATENCIES.map((k, i) => one(k, 1e12, 'whole number of nanoseconds', 0) ?? DEFAULTS[i]);
  const h: Hardware = { tlb: one('tlb', 1e6, 'number of TLB entries'), levels: one('levels', 16, 'number of page-table levels') ?? 1, memoryLatency: memoryLatency!, tlbLatency: tlbLatency!, faultLatency: faultLatency!, timed };
  const pte = r.has('pte-size') ? r.size('pte-size', { powerOfTwo: true }) : 4;
  const bits = one('address-bits', 50, 'number of bits');
  if (bits === undefined || pte === undefined) return h;
  if (pageSize === undefined) return at('address-bits', 'give page-size too (such as page-size: 4K): it sets the offset bits'), h;
  const offset = Math.log2(pageSize);
  // Each inner level is one page of entries; the outermost indexes the page-number bits left over.
  const inner = Math.log2(pageSize / pte);
  const pageBits = bits - offset;
  const most = inner > 0 ? Math.ceil(pageBits / inner) : 1;
  if (offset % 1) at('page-size', `expected a power of two (such as 4K) to split ${bits}-bit addresses`);
  // Without pte-size the default entry does not fit: the page size is the value to change.
  else if (pte > pageSize) at(r.has('pte-size') ? 'pte-size' : 'page-size', `entries of ${pte} bytes do not fit in pages of ${pageSize}`);
  else if (pageBits < 1) at('address-bits', `${bits}-bit addresses leave no page-number bits beside ${offset} offset bits`);
  else if (h.levels > most) at('levels', `${pageBits} page-number bits at ${inner} bits per inner level allow at most ${most} level${most > 1 ? 's' : ''}`);
  else {
    h.split = [pageBits - inner * (h.levels - 1), ...Array<number>(h.levels - 1).fill(inner), offset];
    h.pageTableBytes = 2 ** pageBits * pte;
  }
  return h;
}

/** Reports every reference whose address needs more bits than `address-bits` gives, at the reference. */
export function checkAddressWidth(h: Hardware | undefined, refs: readonly { address?: number; token: string; line: number; column: number }[], errors: { line: number; column: number; message: string }[]): void {
  const bits = h?.split?.reduce((a, b) => a + b);
  for (const x of bits ? refs : []) {
    if (x.address! >= 2 ** bits!) errors.push({ line: x.line, column: x.column, message: `address ${x.token} is too large for ${bits}-bit addresses (address-bits)` });
  }
}
