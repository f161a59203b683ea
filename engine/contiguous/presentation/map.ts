/**
 * The memory map of a contiguous scheme as one list of blocks from address 0 upward, and how the
 * engine writes it without a browser: one line of text (the CLI and the static table). The memory bar
 * draws it in the browser; the Mermaid diagrams draw what the bar cannot (`diagram.ts`).
 */
import { formatSize } from '../../units.js';

/** What a block of the memory map holds; views style each kind differently. */
export type BlockKind = 'os' | 'process' | 'hole' | 'used' | 'unused' | 'free-partition';

export interface MapBlock {
  start: number;
  size: number;
  kind: BlockKind;
  /** The block in words: `P1 20M`, `hole 6M`, `partition 3 (8M): B 7M, 1M wasted`. */
  text: string;
}

/**
 * `OS 8M | P1 20M | hole 36M`: the map as one line. Past `limit` blocks the rest is summed up
 * (`… 2,950 more blocks (180M)`), so a table of a long trace stays readable.
 */
export function mapText(blocks: readonly MapBlock[], limit = Infinity): string {
  const shown = blocks.length > limit ? blocks.slice(0, limit) : blocks;
  const text = shown.map((b) => b.text).join(' | ');
  if (shown.length === blocks.length) return text;
  const rest = blocks.slice(shown.length);
  return `${text} | … ${rest.length.toLocaleString('en-US')} more blocks (${formatSize(rest.reduce((a, b) => a + b.size, 0))})`;
}
