/** Block arithmetic of the buddy system: request sizes round up to powers of two; every block has one buddy. */

/** The smallest power of two that is at least `n`. */
export function roundUp(n: number, min = 1): number {
  let p = 1;
  while (p < n) p *= 2;
  return Math.max(p, min);
}

/**
 * The start of a block's buddy: `start XOR size` in the textbooks, written as arithmetic because
 * JavaScript's `^` works on 32 bits and addresses here go up to 2^50.
 */
export const buddyOf = (start: number, size: number): number => (start % (2 * size) === 0 ? start + size : start - size);
