/**
 * Logical addresses as the translation schemes (relocation, paging, segmentation) read them, and
 * the order their checks run in (DESIGN.md, "Translation"): address too large, invalid page or
 * segment, segment limit, then presence. Each scheme supplies its own middle checks; this module
 * holds what they share: reading `1502`, `0x5DE`, `1:478` or `heap:104`, and the width check of an
 * explicit `address-bits`.
 */
import { MAX_BYTES_TEXT, parseAddress } from '../units.js';

/** The trap strings of the report contract, in the order the checks run. */
export const TRAPS = ['address too large', 'invalid page', 'invalid segment', 'segment limit', 'out of bounds', 'not resident'] as const;
export type Trap = (typeof TRAPS)[number];

/** A logical address as written in an `access`. */
export type LogicalAddress =
  /** A flat address (`1502`, `0x5DE`). */
  | { kind: 'flat'; address: number }
  /** A page or segment number and an offset (`1:478`). */
  | { kind: 'pair'; number: number; offset: number }
  /** A segment's name and an offset (`heap:104`). */
  | { kind: 'named'; name: string; offset: number };

const PAIR = /^([^:\s]+):([^:\s]+)$/;
const NAME = /^[A-Za-z_][\w.-]*$/;

/**
 * Reads one address token. `what` names the numbered part in messages (`page`, `segment`). Returns
 * the address or why the token is not one (a message to report at the token).
 */
export function readAddress(text: string, what: string): LogicalAddress | { error: string } {
  const flat = parseAddress(text);
  if (flat !== undefined) return { kind: 'flat', address: flat };
  const m = PAIR.exec(text);
  const example = `an address in decimal or 0x hex (1502, 0x5DE) or ${what} and offset (1:478)`;
  if (!m) {
    if (/^(0x[0-9a-f]+|\d+)$/i.test(text)) return { error: `address ${text} is too large: the largest address is ${MAX_BYTES_TEXT}` };
    const bare = NAME.test(text) ? `; a ${what} name needs an offset (${text}:0)` : '';
    return { error: `'${text}' is not an address: expected ${example}${bare}` };
  }
  const offset = parseAddress(m[2]!);
  if (offset === undefined) return { error: `'${m[2]}' in '${text}' is not an offset: expected a number such as 478` };
  const number = parseAddress(m[1]!);
  if (number !== undefined) return { kind: 'pair', number, offset };
  if (NAME.test(m[1]!)) return { kind: 'named', name: m[1]!, offset };
  return { error: `'${m[1]}' in '${text}' is not a ${what} number: expected ${example}` };
}

/** How a scheme splits an address into a numbered part and an offset (bits of each, when known). */
export interface AddressSplit {
  /** Bytes per page, or the largest segment, so `address = number * unit + offset`. */
  unit: number;
  /** The width of a logical address, when the scenario gives `address-bits`. */
  addressBits?: number;
}

/** `log2(n)` for a power of two. */
export const bitsOf = (n: number): number => Math.round(Math.log2(n));

/** The fewest bits that hold every number below `n` (at least 1). */
export const bitsFor = (n: number): number => Math.max(1, Math.ceil(Math.log2(Math.max(2, n))));

/**
 * The first check of every translation: with an explicit `address-bits`, an address (or a pair's
 * offset) that needs more bits than its field is the trap `address too large`. Returns the reason
 * as the predicate of a sentence about the address (`needs 17 bits, more than the 16 bits of a
 * logical address`), or undefined when the address fits (always, without `address-bits`).
 */
export function tooWide(a: { address: number; offset?: number; pair: boolean }, split: AddressSplit): string | undefined {
  const bits = split.addressBits;
  if (bits === undefined) return undefined;
  const offsetBits = bitsOf(split.unit);
  if (a.pair && a.offset !== undefined && a.offset >= split.unit) {
    return `has offset ${a.offset}, which needs more than the ${offsetBits} offset bit${offsetBits === 1 ? '' : 's'} of a ${bits}-bit address`;
  }
  if (a.address >= 2 ** bits) return `needs ${bitsFor(a.address + 1)} bits, more than the ${bits} bits of a logical address`;
  return undefined;
}
