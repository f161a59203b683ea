/**
 * The memory hardware of a paging scenario: the TLB, the latencies and the shape of the page table
 * (`tlb`, `levels`, `memory-latency`, `tlb-latency`, `fault-latency`, `address-bits`, `pte-size`),
 * read from the scenario, and the split of an address into levels and offset.
 */
import type { ScenarioReader, Token } from '../../source.js';

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

const LATENCIES = ['memory-latency', 'tlb-latency', 'fault-latency'] as const;
const KEYS = ['tlb', 'levels', 'address-bits', 'pte-size', ...LATENCIES];
const UNIT: Record<string, number> = { '': 1, ns: 1, us: 1e3, 'µs': 1e3, ms: 1e6, s: 1e9 };

/** The hardware keys of a scenario, undefined when it gives none; errors go to the reader's source. */
export function readHardware(r: ScenarioReader, pageSize: number | undefined): Hardware | undefined {
  if (!KEYS.some((k) => r.has(k))) return undefined;
  const src = r.source;
  const one = (key: string, min: number, max: number, what: string) => {
    const list = r.has(key) ? r.integers(key, min, max, what) : undefined;
    if (list && list.length > 1) src.error(r.entry(key)!.value, `${key}: expected one ${what}, not a list`);
    return list?.[0];
  };
  const [memoryLatency, tlbLatency, faultLatency] = LATENCIES.map((k, i) => (r.has(k) ? latency(r, k) : [100, 0, 8e6][i]!));
  const h: Hardware = {
    tlb: one('tlb', 1, 1_000_000, 'number of TLB entries'),
    levels: one('levels', 1, 16, 'number of page-table levels') ?? 1,
    memoryLatency: memoryLatency!,
    tlbLatency: tlbLatency!,
    faultLatency: faultLatency!,
    timed: r.has('tlb') || LATENCIES.some((k) => r.has(k)),
  };
  const pteSize = r.has('pte-size') ? r.size('pte-size', { powerOfTwo: true }) : 4;
  const bits = one('address-bits', 1, 50, 'number of bits');
  if (bits === undefined || pteSize === undefined) return h;
  const bitsKey = r.entry('address-bits')!.value;
  if (pageSize === undefined) {
    src.error(bitsKey, 'address-bits: give page-size too (such as page-size: 4K), which sets the offset\'s bits');
    return h;
  }
  const offset = Math.log2(pageSize);
  if (!Number.isInteger(offset)) {
    src.error(r.entry('page-size')!.value, `page-size: expected a power of two (such as 4K) to split ${bits}-bit addresses into page number and offset`);
    return h;
  }
  if (pteSize > pageSize) {
    src.error(r.entry('pte-size')!.value, `pte-size: a page-table entry of ${pteSize} bytes does not fit in a ${pageSize}-byte page`);
    return h;
  }
  const pageBits = bits - offset;
  if (pageBits < 1) {
    src.error(bitsKey, `address-bits: ${bits}-bit addresses leave no page-number bits beside the ${offset} offset bits of ${pageSize}-byte pages`);
    return h;
  }
  // Each inner level is one page of entries; the outermost indexes the page-number bits left over.
  const inner = Math.log2(pageSize / pteSize);
  const most = inner === 0 ? 1 : Math.ceil(pageBits / inner);
  if (h.levels > most) {
    src.error(r.entry('levels')!.value, `levels: ${pageBits} page-number bits, at ${inner} bits per inner level (a ${pageSize}-byte page of ${pteSize}-byte entries), allow at most ${most} level${most === 1 ? '' : 's'}`);
    return h;
  }
  h.split = [pageBits - inner * (h.levels - 1), ...Array<number>(h.levels - 1).fill(inner), offset];
  h.pageTableBytes = 2 ** pageBits * pteSize;
  return h;
}

/** A latency in nanoseconds: a number, optionally with ns, us (µs), ms or s. */
function latency(r: ScenarioReader, key: string): number | undefined {
  const e = r.entry(key)!;
  const before = r.source.errors.length;
  const words: Token[] = r.source.tokens(e.value, e.key);
  const m = words.length === 1 ? /^(\d+(?:\.\d+)?)\s*(ns|us|µs|ms|s)?$/i.exec(words[0]!.text) : null;
  if (!m) {
    if (r.source.errors.length === before) r.source.error(e.value ?? e.keyNode, `${e.key}: expected a time in nanoseconds such as 100, or with a unit (20ns, 8ms)`);
    return undefined;
  }
  return Number(m[1]) * UNIT[(m[2] ?? '').toLowerCase()]!;
}

/** Reports every reference whose address needs more bits than `address-bits` gives, at the reference. */
export function checkAddressWidth(h: Hardware | undefined, refs: readonly { address?: number; token: string; line: number; column: number }[], errors: { line: number; column: number; message: string }[]): void {
  const bits = h?.split?.reduce((a, b) => a + b, 0);
  if (bits === undefined) return;
  for (const x of refs) {
    if (x.address !== undefined && x.address >= 2 ** bits) errors.push({ line: x.line, column: x.column, message: `address ${x.token} is too large for ${bits}-bit addresses (address-bits): the largest is ${2 ** bits - 1}` });
  }
}
