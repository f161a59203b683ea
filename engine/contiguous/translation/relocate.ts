/**
 * Dynamic relocation (base and bounds), the hardware of OSTEP's Address Translation chapter and of
 * Stallings' relocation figure: a logical address below the bounds register is added to the base
 * register; any other traps. Shared by the `relocation` scheme's register form and by `access NAME
 * ADDRESS` in the contiguous traces, where the process's start is the base and its size the bounds.
 * In the `contiguous-translation` chunk: a contiguous page fetches it only for a trace with an access
 * (see `loadAccess` in ../trace.ts).
 */
import { formatHex, MAX_BYTES_TEXT, parseAddress } from '../../units.js';
import type { Translation } from '../relocate.js';

/** Translates `address` with the registers: the sum when below the bounds, else the trap. */
export function relocate(process: string, address: number, base: number, bounds: number): Translation {
  const inBounds = address < bounds;
  return { process, address, base, bounds, physical: inBounds ? base + address : null, trap: inBounds ? null : 'out of bounds' };
}

/** An access to a process that is swapped out or waiting: no registers to load, so no translation. */
export function notResident(process: string, address: number, bounds: number): Translation {
  return { process, address, base: null, bounds, physical: null, trap: 'not resident' };
}

/** An address in a sentence: decimal, with the hex spelling beside it when the author wrote hex. */
export function addressWords(address: number, hex: boolean): string {
  return hex ? `${formatHex(address)} (${address})` : String(address);
}

/** Why the translation came out as it did, in one sentence (the comparison, then the sum or the trap). */
export function translationSentence(t: Translation, hex = false, where = ''): string {
  const a = addressWords(t.address, hex);
  if (t.trap === 'not resident') {
    return `${t.process} is not in memory${where}: address ${a} has no base to add (not resident)`;
  }
  if (t.trap === 'out of bounds') {
    return `address ${a} of ${t.process} is not below bounds ${t.bounds}: the hardware traps (out of bounds)`;
  }
  return `address ${a} of ${t.process}: ${t.address} < bounds ${t.bounds}, so the physical address is base ${t.base} + ${t.address} = ${t.physical}`;
}

/** A flat logical address as `access` writes it, or the reason it is not one. */
export function readFlatAddress(text: string): { value: number; hex: boolean } | { error: string } {
  const value = parseAddress(text);
  if (value !== undefined) return { value, hex: /^0x/i.test(text) };
  if (/^(0x[0-9a-f]+|\d+)$/i.test(text)) return { error: `address ${text} is too large: the largest address is ${MAX_BYTES_TEXT}` };
  // A segment or page and offset (`2:10`) lands here too: base and bounds translate flat addresses only.
  return { error: `'${text}' is not an address: expected a decimal or 0x number such as 1000 (a flat address)` };
}
