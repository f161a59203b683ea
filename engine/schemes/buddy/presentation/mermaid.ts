/**
 * The buddy system as a Mermaid diagram: the split tree, the classic figure the memory bar cannot
 * draw. The whole memory is the root, each split block has its two halves below it, and the current
 * blocks are the leaves, free or held; the blocks this step split to make room and the block it gave
 * out are outlined. A tree of many blocks is drawn level by level from the root until it would pass
 * `TREE_MAX_NODES` or a level would pass `LEVEL_MAX_WIDTH`, each subtree below that summed up in one node (its blocks, how many are free),
 * except the path down to the step's block; so a step of any trace stays a few dozen nodes.
 */
import { addressText } from '../../../contiguous/common.js';
import type { ContiguousEvent } from '../../../contiguous/core.js';
import { Drawing, firstAtOrAbove, sideNodes, STYLES } from '../../../contiguous/presentation/diagram.js';
import type { RunSpec } from '../../../scheme.js';
import { formatSize } from '../../../units.js';
import { buddyOf } from '../blocks.js';
import type { BuddyBlock, BuddyConfig, BuddyFields, BuddyState } from '../config.js';

/** About the most nodes the tree is drawn with (the path to the step's block may add a few). */
export const TREE_MAX_NODES = 31;

/** The most nodes a level of the tree is drawn with (the path to the step's block may add two). */
export const LEVEL_MAX_WIDTH = 8;

/** Placements of one step whose path down the tree is always drawn (a step that admits many draws the first). */
const PATHS_SHOWN = 3;

const key = (start: number, size: number) => `${start}/${size}`;

/** The diagram of a buddy-system step: the split tree, cut down to stay small, with the step's splits outlined. */
export function buddyMermaid(c: BuddyConfig, _run: RunSpec<BuddyFields>, s: BuddyState, e: ContiguousEvent | undefined): string {
  const blocks = s.mem.blocks;
  const leafAt = (start: number, size: number): BuddyBlock | undefined => {
    const b = blocks[firstAtOrAbove(blocks, start)];
    return b && b.start === start && b.size === size ? b : undefined;
  };
  // The step's blocks, and the splits that made them: going up from a block given out, each parent
  // whose other half is a whole free block was split by this step (a free block of the right size
  // would have been taken instead, and two free buddies never stay apart).
  const placed = new Set<string>();
  const splitNow = new Set<string>();
  const forced = new Set<string>();
  for (const p of (e?.placed ?? []).slice(0, PATHS_SHOWN)) {
    placed.add(key(p.start, p.size));
    let start = p.start;
    let size = p.size;
    let fresh = true;
    while (size < c.memory) {
      const other = leafAt(buddyOf(start, size), size);
      fresh &&= other?.kind === 'free';
      start = Math.min(start, buddyOf(start, size));
      size *= 2;
      forced.add(key(start, size));
      if (fresh) splitNow.add(key(start, size));
    }
  }
  // Which split blocks to open: level by level from the root, in address order, while the tree stays
  // within `TREE_MAX_NODES` and each level within `LEVEL_MAX_WIDTH` (a blog column's width); and
  // always the step's paths.
  const open = new Set<string>();
  let count = 1;
  let level: [number, number][] = [[0, c.memory]];
  while (level.length) {
    const splits = level.filter(([start, size]) => !leafAt(start, size));
    const chosen = splits.filter(([start, size]) => forced.has(key(start, size)));
    for (const x of splits) {
      if (chosen.length * 2 + 2 > LEVEL_MAX_WIDTH || count + chosen.length * 2 + 2 > TREE_MAX_NODES) break;
      if (!chosen.includes(x)) chosen.push(x);
    }
    chosen.sort((a, b) => a[0] - b[0]);
    count += chosen.length * 2;
    for (const [start, size] of chosen) open.add(key(start, size));
    level = chosen.flatMap(([start, size]): [number, number][] => [
      [start, size / 2],
      [start + size / 2, size / 2],
    ]);
  }

  const d = new Drawing('TB');
  let next = 0;
  const visit = (start: number, size: number): string => {
    const id = `n${next++}`;
    const where = `${formatSize(size)} at ${addressText(start)}`;
    const leaf = leafAt(start, size);
    if (leaf) {
      const asked = leaf.requested && leaf.requested < size ? ` (${formatSize(leaf.requested)})` : '';
      const holder = leaf.kind === 'free' ? 'free' : leaf.kind === 'os' ? 'OS' : leaf.name;
      d.node(id, `${holder}: ${where}${asked}`, leaf.kind);
      if (placed.has(key(start, size))) d.mark(id, 'current');
      return id;
    }
    const k = key(start, size);
    if (!open.has(k)) {
      const from = firstAtOrAbove(blocks, start);
      const to = firstAtOrAbove(blocks, start + size);
      let free = 0;
      let freeBytes = 0;
      for (let i = from; i < to; i++) {
        if (blocks[i]!.kind === 'free') {
          free++;
          freeBytes += blocks[i]!.size;
        }
      }
      const n = (to - from).toLocaleString('en-US');
      d.node(id, `${where}: ${n} blocks, ${free.toLocaleString('en-US')} free (${formatSize(freeBytes)})`, 'summary');
      return id;
    }
    d.node(id, where, 'split', '([])');
    if (splitNow.has(k)) d.mark(id, 'current');
    const lower = visit(start, size / 2);
    const upper = visit(start + size / 2, size / 2);
    d.edge(id, lower);
    d.edge(id, upper);
    return id;
  };
  visit(0, c.memory);
  sideNodes(d, s.waiting, s.swapped);
  return d.toString(STYLES);
}
