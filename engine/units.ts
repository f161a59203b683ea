/**
 * Sizes and addresses as the scenario language writes them: `64M`, `100K`, `4KiB`, `0x1A2B`, `4096`.
 * Suffixes are powers of 1024, as in every operating-systems textbook.
 */

/**
 * The largest size or address a scenario may give: 2^50 bytes (1P = 1024T = 1,125,899,906,842,624).
 * Every sum the schemes form (start + size, two buddies, a layout's running end) then stays below
 * 2^53, where numbers are still whole and exact.
 */
export const MAX_BYTES = 2 ** 50;

const MULTIPLIER: Record<string, number> = { '': 1, B: 1, K: 1024, M: 1024 ** 2, G: 1024 ** 3, T: 1024 ** 4, P: 1024 ** 5 };

const SIZE = /^(\d+)(?:\.(\d+))?\s*([KMGTP]?)(?:I?B)?$/i;

/** The limit as messages state it. */
export const MAX_BYTES_TEXT = `1P (2^50 = ${formatNumber(MAX_BYTES)} bytes)`;

const tooLarge = (t: string) => ({ error: `'${t}' is too large: the largest size or address is ${MAX_BYTES_TEXT}` });

/** Bytes for a size such as `64M`, `1.5K` or `4096`, or an explanation of why it is not one. */
export function parseSize(text: string): { value: number } | { error: string } {
  const t = text.trim();
  if (/^0x[0-9a-f]+$/i.test(t)) {
    const v = parseHex(t);
    return v === undefined ? tooLarge(t) : { value: v };
  }
  const m = SIZE.exec(t);
  if (!m) {
    return { error: `'${t}' is not a size: expected a number of bytes or a number with K, M, G, T or P, such as 64M` };
  }
  const unit = MULTIPLIER[m[3]!.toUpperCase()]!;
  const whole = m[1]!.replace(/^0+(?=\d)/, '');
  const fraction = (m[2] ?? '').replace(/0+$/, '');
  // Past 16 digits the whole part alone is over 2^50; reading it as a number would round it.
  if (whole.length > 16) return tooLarge(t);
  if (fraction === '') {
    const value = Number(whole) * unit;
    return value > MAX_BYTES ? tooLarge(t) : { value };
  }
  // A fraction is whole in bytes only if 10^digits divides digits * 1024^n, which needs at most 50
  // digits (1024^5 = 2^50); exact in BigInt, where 0.1 is not rounded as a float would round it.
  if (fraction.length > 50) return { error: `'${t}' is not a whole number of bytes` };
  const scaled = BigInt(whole + fraction) * BigInt(unit);
  const ten = 10n ** BigInt(fraction.length);
  if (scaled % ten !== 0n) return { error: `'${t}' is not a whole number of bytes` };
  const bytes = scaled / ten;
  return bytes > BigInt(MAX_BYTES) ? tooLarge(t) : { value: Number(bytes) };
}

/** A `0x` number up to MAX_BYTES, or undefined past it (read digit count first, so no rounding). */
function parseHex(t: string): number | undefined {
  const digits = t.slice(2).replace(/^0+(?=[0-9a-f])/i, '');
  // 2^50 is 0x4000000000000, thirteen digits
  if (digits.length > 13) return undefined;
  const v = parseInt(digits, 16);
  return v > MAX_BYTES ? undefined : v;
}

/** An address written in decimal or `0x` hex, up to MAX_BYTES; undefined otherwise. */
export function parseAddress(text: string): number | undefined {
  const t = text.trim();
  if (/^0x[0-9a-f]+$/i.test(t)) return parseHex(t);
  if (/^\d+$/.test(t)) {
    const digits = t.replace(/^0+(?=\d)/, '');
    if (digits.length > 16) return undefined;
    const v = Number(digits);
    return v > MAX_BYTES ? undefined : v;
  }
  return undefined;
}

const UNITS = [['P', 1024 ** 5], ['T', 1024 ** 4], ['G', 1024 ** 3], ['M', 1024 ** 2], ['K', 1024]] as const;

/** `64M`, `100K`, `1.5K` or `37B`: the shortest exact textbook spelling of a byte count. */
export function formatSize(bytes: number): string {
  for (const [suffix, unit] of UNITS) {
    if (bytes >= unit && bytes % (unit / 4) === 0) {
      const v = bytes / unit;
      return `${Number.isInteger(v) ? v : v.toFixed(2).replace(/0+$/, '')}${suffix}`;
    }
  }
  return `${bytes}B`;
}

/** `0x1A2B` for addresses, as the textbooks print them. */
export function formatHex(n: number): string {
  return `0x${n.toString(16).toUpperCase()}`;
}

/** Whether a whole number of bytes is a power of two, exactly at any size up to 2^53 (no 32-bit bit tricks). */
export function isPowerOfTwo(n: number): boolean {
  if (!Number.isSafeInteger(n) || n < 1) return false;
  let p = 1;
  while (p < n) p *= 2;
  return p === n;
}

let numbers: Intl.NumberFormat | undefined;

/** A number with digit grouping and at most three decimals (`1,234.568`, `0.25`), as textbooks print them. */
export function formatNumber(v: number): string {
  // Whole numbers, nearly all that a trace's sentences hold, are grouped by hand: Intl's format
  // costs microseconds a call, which tens of thousands of steps add up to milliseconds.
  if (Number.isSafeInteger(v) && !Object.is(v, -0)) return String(v).replace(/\B(?=(\d{3})+$)/g, ',');
  // Made on first use: starting Intl costs some milliseconds that a page or a build without metrics need not pay.
  return (numbers ??= new Intl.NumberFormat('en-US', { maximumFractionDigits: 3 })).format(v);
}
