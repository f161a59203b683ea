/**
 * Sizes and addresses as the scenario language writes them: `64M`, `100K`, `4KiB`, `0x1A2B`, `4096`.
 * Suffixes are powers of 1024, as in every operating-systems textbook.
 */

const MULTIPLIER: Record<string, number> = { '': 1, B: 1, K: 1024, M: 1024 ** 2, G: 1024 ** 3 };

const SIZE = /^(\d+(?:\.\d+)?)\s*([KMG]?)(?:I?B)?$/i;

/** Bytes for a size such as `64M`, `1.5K` or `4096`, or an explanation of why it is not one. */
export function parseSize(text: string): { value: number } | { error: string } {
  const t = text.trim();
  if (/^0x[0-9a-f]+$/i.test(t)) return { value: parseInt(t, 16) };
  const m = SIZE.exec(t);
  if (!m) {
    return { error: `'${t}' is not a size: expected a number of bytes or a number with K, M or G, such as 64M` };
  }
  const value = Number(m[1]) * MULTIPLIER[m[2]!.toUpperCase()]!;
  if (!Number.isInteger(value)) return { error: `'${t}' is not a whole number of bytes` };
  if (!Number.isSafeInteger(value)) return { error: `'${t}' is too large` };
  return { value };
}

/** An address written in decimal or `0x` hex. */
export function parseAddress(text: string): number | undefined {
  const t = text.trim();
  if (/^0x[0-9a-f]+$/i.test(t)) {
    const v = parseInt(t, 16);
    return Number.isSafeInteger(v) ? v : undefined;
  }
  if (/^\d+$/.test(t)) {
    const v = Number(t);
    return Number.isSafeInteger(v) ? v : undefined;
  }
  return undefined;
}

/** `64M`, `100K`, `1.5K` or `37B`: the shortest exact textbook spelling of a byte count. */
export function formatSize(bytes: number): string {
  for (const [suffix, unit] of [['G', 1024 ** 3], ['M', 1024 ** 2], ['K', 1024]] as const) {
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
