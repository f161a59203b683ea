/**
 * A size written with a space before its unit (`load A 2 MB`, `p = malloc 1 KB`): the trace reads
 * words, so the number and its unit come apart and the unit is reported as a word too many. Said as
 * what to write, at the number. Keys read their whole value and take `8 MB` as it is.
 */
import type { Positioned } from './index.js';

/** Errors about a unit word that follows a number on its line, said as the size written as one word. */
export function explainSplitSizes<E extends Positioned>(lines: readonly string[], errors: readonly E[], lineOffset: number): E[] {
  return errors.map((e) => {
    const unit = /^unexpected '([KMGTP](?:i?B)?|B|bytes?)'/i.exec(e.message)?.[1];
    if (!unit || e.line === undefined || e.column === undefined) return e;
    const before = (lines[e.line - lineOffset - 1] ?? '').slice(0, e.column - 1);
    const number = /(\d+(?:\.\d+)?)\s+$/.exec(before);
    if (!number) return e;
    // `2 MB` is 2MB; `64 bytes` is 64 (a size without a unit is in bytes). No import of the size
    // reader: this chunk then asks nothing more of the core chunk, whose bytes the budget counts.
    const what = /^(bytes?|B)$/i.test(unit) ? `a size in bytes is the number alone: ${number[1]}` : `write a size as one word, without the space: ${number[1]}${unit}`;
    return { ...e, column: number.index + 1, message: `${what} (not '${number[1]} ${unit}')` };
  });
}
