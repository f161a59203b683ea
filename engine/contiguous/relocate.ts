/**
 * What parsing needs of dynamic relocation (base and bounds): the shape of a translation and how an
 * `access` writes its address. The translation itself and its sentences are translation/, a chunk
 * of its own that the contiguous schemes' `prepare` loads (core.ts), so a contiguous page whose trace
 * has no access never fetches it.
 */
import { MAX_BYTES_TEXT, parseAddress } from '../units.js';

/** The trap strings of the report contract that relocation can raise. */
export type RelocationTrap = 'out of bounds' | 'not resident';

/** One translation, as the JSON report writes it. */
export interface Translation {
  process: string;
  /** The logical address. */
  address: number;
  /** The registers, or null when the process is not in memory (it has no base then). */
  base: number | null;
  bounds: number | null;
  physical: number | null;
  trap: RelocationTrap | null;
}

/** A flat logical address as `access` writes it, or the reason it is not one. */
export function readFlatAddress(text: string): { value: number; hex: boolean } | { error: string } {
  const value = parseAddress(text);
  if (value !== undefined) return { value, hex: /^0x/i.test(text) };
  if (/^(0x[0-9a-f]+|\d+)$/i.test(text)) return { error: `address ${text} is too large: the largest address is ${MAX_BYTES_TEXT}` };
  // A segment or page and offset (`2:10`) lands here too: base and bounds translate flat addresses only.
  return { error: `'${text}' is not an address: expected a decimal or 0x number such as 1000 (a flat address)` };
}
