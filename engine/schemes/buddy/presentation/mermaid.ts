/** The buddy system's diagram: its split tree as Mermaid source. */
import { addressText, listText } from '../../../contiguous/common.js';
import type { ContiguousEvent } from '../../../contiguous/core.js';
import { stackMermaid } from '../../../contiguous/presentation/map.js';
import { mermaidLabel } from '../../../mermaid.js';
import type { RunSpec } from '../../../scheme.js';
import { formatSize } from '../../../units.js';
import type { BuddyConfig, BuddyFields, BuddyState } from '../config.js';
import { blocks, holderName } from '../index.js';

/** Above this many blocks, the diagram falls back to the stacked memory map. */
const TREE_MAX_BLOCKS = 150;

/** The split tree: the whole memory at the root, each split block's halves below it, the current blocks as leaves. */
export function mermaid(c: BuddyConfig, run: RunSpec<BuddyFields>, s: BuddyState, e: ContiguousEvent | undefined): string {
  const leaves = s.mem.blocks;
  const waiting = s.waiting.map((w) => w.name);
  const swapped = s.swapped.map((w) => w.name);
  if (leaves.length > TREE_MAX_BLOCKS) return stackMermaid(`Blocks: ${run.label}`, blocks(c, run, s.mem), { waiting, swapped });
  const lines = ['flowchart TB'];
  const classes: Record<string, string[]> = { split: [], free: [], process: [], os: [], current: [] };
  const placed = new Set((e?.placed ?? []).map((p) => p.start));
  let next = 0;
  let k = 0;
  // Depth first, lower half first: leaves come in address order, as the blocks list has them.
  const visit = (start: number, size: number): string => {
    const id = `n${next++}`;
    const leaf = leaves[k];
    if (leaf && leaf.start === start && leaf.size === size) {
      k++;
      const asked = leaf.requested && leaf.requested < size ? ` (${formatSize(leaf.requested)})` : '';
      lines.push(`  ${id}[${mermaidLabel(`${holderName(leaf)}: ${formatSize(size)} at ${addressText(start)}${asked}`)}]`);
      classes[leaf.kind]!.push(id);
      if (leaf.kind === 'process' && placed.has(start)) classes.current!.push(id);
      return id;
    }
    lines.push(`  ${id}([${mermaidLabel(`${formatSize(size)} at ${addressText(start)}`)}])`);
    classes.split!.push(id);
    const lower = visit(start, size / 2);
    const upper = visit(start + size / 2, size / 2);
    lines.push(`  ${id} --> ${lower}`, `  ${id} --> ${upper}`);
    return id;
  };
  visit(0, c.memory);
  if (waiting.length) lines.push(`  waiting[${mermaidLabel(`waiting: ${listText(waiting)}`)}]`);
  if (swapped.length) lines.push(`  swapped[${mermaidLabel(`swapped out: ${listText(swapped)}`)}]`);
  const styles: Record<string, string> = {
    split: 'fill:#f4f4f4,stroke:#888',
    free: 'fill:#ffffff,stroke:#888,stroke-dasharray:5 3',
    process: 'fill:#cfe3ff,stroke:#1f4f8f',
    os: 'fill:#d9d9d9,stroke:#555',
    current: 'stroke-width:3px',
  };
  for (const [name, ids] of Object.entries(classes)) {
    if (ids.length) lines.push(`  classDef ${name} ${styles[name]}`, `  class ${ids.join(',')} ${name}`);
  }
  return lines.join('\n');
}
