/**
 * Pieces of the contiguous schemes' Mermaid diagrams. The memory bar already draws memory to scale,
 * so each scheme's diagram draws what the bar cannot (the search of the free list, the queues of the
 * partitions, the split tree), and stays small: long lists are cut down to a few nodes with the
 * rest summed up, so a step of a trace with thousands of processes is as drawable as a textbook's.
 */
import { mermaidLabel } from '../../mermaid.js';
import { formatSize } from '../../units.js';
import type { Proc } from '../common.js';

/** The most names a queue's node spells out before it sums up the rest. */
export const QUEUE_NAMES = 6;

/** `C 7M, D 2M, … 998 more (4G)`: processes in order, the first `limit` spelled out. */
export function procsText(ps: readonly Proc[], limit = QUEUE_NAMES): string {
  // `… 1 more` would take the place of the one it sums up.
  const cut = ps.length > limit + 1;
  const shown = ps.slice(0, cut ? limit : ps.length).map((p) => `${p.name} ${formatSize(p.size)}`);
  if (cut) {
    const rest = ps.slice(limit);
    shown.push(`… ${rest.length.toLocaleString('en-US')} more (${formatSize(rest.reduce((a, p) => a + p.size, 0))})`);
  }
  return shown.join(', ');
}

/** One item of a cut-down list: an entry shown on its own, or a run of entries summed up in one node. */
export type Kept = { index: number } | { from: number; to: number };

/**
 * Which of `count` entries to draw: the `keep` ones (out-of-range ones ignored), in order, and each
 * run between them as one summary item. Deterministic, and at most 2 * keep.size + 1 items.
 */
export function cutDown(count: number, keep: Iterable<number>): Kept[] {
  const kept = [...new Set(keep)].filter((i) => i >= 0 && i < count).sort((a, b) => a - b);
  const out: Kept[] = [];
  let next = 0;
  for (const i of kept) {
    // A run of one entry takes a node either way: the entry itself says more.
    if (i === next + 1) out.push({ index: next });
    else if (i > next) out.push({ from: next, to: i });
    out.push({ index: i });
    next = i + 1;
  }
  if (next === count - 1) out.push({ index: next });
  else if (next < count) out.push({ from: next, to: count });
  return out;
}

/** Lines of Mermaid source with the node classes collected as they are drawn and declared at the end. */
export class Drawing {
  readonly lines: string[];
  private readonly classes = new Map<string, string[]>();

  constructor(direction: 'TB' | 'LR' = 'TB') {
    this.lines = [`flowchart ${direction}`];
  }

  /** A node `id` with an escaped label; `shape` is `[]` (box), `([])` (stadium) or `[[]]` (subroutine). */
  node(id: string, label: string, cls?: string, shape: '[]' | '([])' | '[[]]' = '[]', indent = '  '): void {
    const open = shape.slice(0, shape.length / 2);
    const close = shape.slice(shape.length / 2);
    this.lines.push(`${indent}${id}${open}${mermaidLabel(label)}${close}`);
    if (cls) this.mark(id, cls);
  }

  /** An edge, with an escaped label when given. */
  edge(from: string, to: string, label?: string, arrow = '-->'): void {
    this.lines.push(`  ${from} ${arrow}${label ? `|${mermaidLabel(label)}|` : ''} ${to}`);
  }

  mark(id: string, cls: string): void {
    const ids = this.classes.get(cls);
    if (ids) ids.push(id);
    else this.classes.set(cls, [id]);
  }

  /** The source, with a `classDef` for every class used (in the order of `styles`). */
  toString(styles: Readonly<Record<string, string>>): string {
    const out = this.lines.slice();
    for (const [name, style] of Object.entries(styles)) {
      const ids = this.classes.get(name);
      if (ids?.length) out.push(`  classDef ${name} ${style}`, `  class ${ids.join(',')} ${name}`);
    }
    return out.join('\n');
  }
}

/** The styles every contiguous diagram shares; the memory bar's colours. */
export const STYLES = {
  os: 'fill:#d9d9d9,stroke:#555',
  process: 'fill:#cfe3ff,stroke:#1f4f8f',
  free: 'fill:#ffffff,stroke:#888,stroke-dasharray:5 3',
  summary: 'fill:#f4f4f4,stroke:#aaa,stroke-dasharray:1 3',
  split: 'fill:#f4f4f4,stroke:#888',
  queue: 'fill:#fff6d5,stroke:#a07800',
  examined: 'fill:#fde3e0,stroke:#b3261e',
  current: 'stroke-width:3px',
} as const;

/** The waiting queue and the swapped-out processes, one node each, when there are any. */
export function sideNodes(d: Drawing, waiting: readonly Proc[], swapped: readonly Proc[], waitingTitle = 'waiting'): void {
  if (waiting.length) d.node('waiting', `${waitingTitle}: ${procsText(waiting)}`, 'queue');
  if (swapped.length) d.node('swapped', `swapped out: ${procsText(swapped)}`, 'summary');
}

/** The first index of address-ordered `items` that starts at or above `start` (items.length when none). */
export function firstAtOrAbove(items: readonly { start: number }[], start: number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (items[mid]!.start < start) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
