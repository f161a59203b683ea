/**
 * The memory map of a contiguous scheme as one list of blocks from address 0 upward, and the two
 * ways the engine draws it without a browser: one line of text (the CLI and the static table) and
 * Mermaid source (a stacked block diagram, address 0 at the top as the textbooks draw memory).
 */
import { mermaidLabel } from '../../mermaid.js';
import { formatSize } from '../../units.js';
import { addressText, listText } from '../common.js';

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

/** Above this many blocks, a Mermaid diagram shows the first ones and sums up the rest. */
export const MERMAID_MAX_BLOCKS = 150;

const STYLES: Record<BlockKind, string> = {
  os: 'fill:#d9d9d9,stroke:#555',
  process: 'fill:#cfe3ff,stroke:#1f4f8f',
  used: 'fill:#ececec,stroke:#777,stroke-dasharray:2 2',
  hole: 'fill:#ffffff,stroke:#888,stroke-dasharray:5 3',
  unused: 'fill:#f4f4f4,stroke:#aaa,stroke-dasharray:1 3',
  'free-partition': 'fill:#ffffff,stroke:#1f4f8f',
};

/**
 * A stacked block diagram of the map from address 0 down the page, in a frame titled `title`, with
 * the waiting queue and the swapped-out processes beside it when there are any. `current` names
 * blocks to outline (the step's placement).
 */
export function stackMermaid(
  title: string,
  blocks: readonly MapBlock[],
  side: { waiting: readonly string[]; swapped: readonly string[]; current?: ReadonlySet<number> },
): string {
  const lines = ['flowchart TB', `  subgraph memory[${mermaidLabel(title)}]`, '    direction TB'];
  const shown = blocks.slice(0, MERMAID_MAX_BLOCKS);
  shown.forEach((b, i) => lines.push(`    m${i}[${mermaidLabel(`${addressText(b.start)}: ${b.text}`)}]`));
  if (blocks.length > shown.length) {
    const rest = blocks.slice(shown.length);
    const from = rest[0]!.start;
    lines.push(`    more[${mermaidLabel(`${addressText(from)}: ${rest.length} more blocks (${formatSize(rest.reduce((a, b) => a + b.size, 0))})`)}]`);
  }
  const ids = shown.map((_, i) => `m${i}`).concat(blocks.length > shown.length ? ['more'] : []);
  for (let i = 1; i < ids.length; i++) lines.push(`    ${ids[i - 1]} --- ${ids[i]}`);
  lines.push('  end');
  if (side.waiting.length) lines.push(`  waiting[${mermaidLabel(`waiting: ${listText(side.waiting)}`)}]`);
  if (side.swapped.length) lines.push(`  swapped[${mermaidLabel(`swapped out: ${listText(side.swapped)}`)}]`);
  const used = new Set(shown.map((b) => b.kind));
  for (const kind of Object.keys(STYLES) as BlockKind[]) {
    if (!used.has(kind)) continue;
    lines.push(`  classDef ${kind.replace('-', '')} ${STYLES[kind]}`);
    lines.push(`  class ${shown.flatMap((b, i) => (b.kind === kind ? [`m${i}`] : [])).join(',')} ${kind.replace('-', '')}`);
  }
  const current = [...(side.current ?? [])].filter((i) => i < shown.length);
  if (current.length) {
    lines.push('  classDef current stroke-width:3px');
    lines.push(`  class ${current.map((i) => `m${i}`).join(',')} current`);
  }
  return lines.join('\n');
}
