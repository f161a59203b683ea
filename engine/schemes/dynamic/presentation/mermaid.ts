/**
 * Dynamic partitioning as a Mermaid diagram: the free list and what the step's placement search did
 * with it, which the memory bar cannot show. A load or swap-in draws the holes as they were when the
 * search ran, in address order (the free list's links), each hole it examined numbered in the order
 * the policy looked at it and the chosen one marked; a failed search marks them all. Every other
 * step draws the free list as the step left it. The waiting queue and the swapped-out processes
 * follow. Long free lists keep the first holes, the last one and those around the choice, and sum
 * up the runs between them, so the diagram stays a dozen nodes at most.
 */
import { addressText, type Proc, type Region } from '../../../contiguous/common.js';
import type { ContiguousEvent, Move } from '../../../contiguous/core.js';
import { cutDown, Drawing, firstAtOrAbove, procsText, sideNodes, STYLES } from '../../../contiguous/presentation/diagram.js';
import { holesOf } from '../../../contiguous/holes.js';
import { searchCost } from '../../../contiguous/metrics.js';
import { mermaidLabel } from '../../../mermaid.js';
import type { RunSpec } from '../../../scheme.js';
import { formatSize } from '../../../units.js';
import type { DynamicConfig, DynamicFields, DynamicState, PlacementPolicy } from '../config.js';

/** A placement search replayed: the holes before it, the order it examined them in, the one it chose (-1: none fit). */
export interface SearchReplay {
  proc: Proc;
  holes: Region[];
  order: number[];
  chosen: number;
}

/**
 * The search of the step's own load or swap-in, rebuilt from the state after it: the chosen hole is
 * the placed process plus the hole left just above it (holes are never adjacent, so that hole can
 * only be the remainder). The replay is kept only when it examines as many holes as the step
 * counted; a step that compacted or swapped out on the way searched twice, and draws no search.
 */
export function replaySearch(policy: PlacementPolicy, after: readonly Region[], s: DynamicState, e: ContiguousEvent | undefined): SearchReplay | undefined {
  if (!e || (e.kind !== 'load' && e.kind !== 'swap-in') || e.swappedOut.length) return undefined;
  const own = e.placed[0]?.name === e.name ? e.placed[0] : undefined;
  let holes: Region[];
  let order: number[];
  let chosen = -1;
  let proc: Proc;
  if (own) {
    proc = { name: own.name, size: own.size };
    const above = firstAtOrAbove(after, own.start + own.size);
    const rest = after[above]?.start === own.start + own.size ? after[above]!.size : 0;
    holes = after.filter((h) => h.start !== own.start + own.size || rest === 0);
    chosen = firstAtOrAbove(holes, own.start);
    holes.splice(chosen, 0, { start: own.start, size: own.size + rest });
    const n = holes.length;
    if (policy === 'first-fit') order = Array.from({ length: chosen + 1 }, (_, i) => i);
    else if (policy === 'next-fit') {
      const k = Math.max(1, e.examined);
      if (k > n) return undefined;
      order = Array.from({ length: k }, (_, i) => (chosen - k + 1 + i + n) % n);
    } else order = Array.from({ length: n }, (_, i) => i);
  } else if (e.waited) {
    const w = s.waiting.find((x) => x.name === e.name);
    if (!w) return undefined;
    proc = { name: w.name, size: w.size };
    holes = after.slice();
    order = holes.map((_, i) => i);
  } else return undefined;
  if (searchCost(order.length, holes.length) !== e.examined) return undefined;
  return { proc, holes, order, chosen };
}

const ordinal = (n: number) => {
  const teen = n % 100 >= 11 && n % 100 <= 13;
  const suffix = teen ? 'th' : ['th', 'st', 'nd', 'rd'][n % 10] ?? 'th';
  return `${n.toLocaleString('en-US')}${suffix}`;
};

/** Why an examined hole was passed over. */
function passedOver(policy: PlacementPolicy, hole: Region, need: number, chosen: Region | undefined): string {
  if (hole.size < need) return 'too small';
  if (!chosen) return 'passed over';
  if (hole.size === chosen.size) return 'as large, higher address';
  return policy === 'best-fit' ? 'fits, larger' : 'fits, smaller';
}

/**
 * A compaction's moves (the operation, or `when-full: compact` on the way), which the sentence names
 * and the bar shows only as their result: each block with where it was and where it slid, feeding the
 * one hole it leaves (the free list). Long lists keep the first blocks and the last.
 */
function compaction(d: Drawing, moved: readonly Move[]): void {
  const n = moved.length;
  if (n === 0) return;
  d.lines.push(`  subgraph compaction[${mermaidLabel(`Compaction: ${n.toLocaleString('en-US')} ${n === 1 ? 'block slides' : 'blocks slide'} toward address 0`)}]`, '    direction TB');
  cutDown(n, [0, 1, 2, n - 1]).forEach((item, i) => {
    if ('index' in item) {
      const m = moved[item.index]!;
      d.node(`m${i}`, `${m.name || 'used block'} ${formatSize(m.size)}: from ${addressText(m.from)} to ${addressText(m.to)}`, m.name ? 'process' : 'summary', '[]', '    ');
    } else d.node(`m${i}`, `… ${(item.to - item.from).toLocaleString('en-US')} more blocks slide down`, 'summary', '[]', '    ');
  });
  d.lines.push('  end');
  d.edge('compaction', 'free', 'leaves one hole');
}

/** The diagram of a dynamic-partitioning step: the search over the free list, the queue, the swapped-out processes. */
export function dynamicMermaid(c: DynamicConfig, run: RunSpec<DynamicFields>, s: DynamicState, e: ContiguousEvent | undefined): string {
  const policy = run.fields.placement;
  const after = holesOf(s.mem.list);
  const search = replaySearch(policy, after, s, e);
  const holes = search?.holes ?? after;
  const d = new Drawing('TB');
  const rank = new Map<number, number>();
  search?.order.forEach((h, i) => rank.set(h, i + 1));
  const chosen = search && search.chosen >= 0 ? holes[search.chosen] : undefined;
  const total = holes.reduce((a, h) => a + h.size, 0);
  let title: string;
  if (!search) title = `Free list: ${holes.length.toLocaleString('en-US')} ${holes.length === 1 ? 'hole' : 'holes'}, ${formatSize(total)} free`;
  else {
    const looked = search.order.length;
    title = `${policy} for ${search.proc.name} ${formatSize(search.proc.size)}: ${looked.toLocaleString('en-US')} of ${holes.length.toLocaleString('en-US')} ${holes.length === 1 ? 'hole' : 'holes'} examined`;
  }
  d.lines.push(`  subgraph free[${mermaidLabel(title)}]`, '    direction TB');
  // The first holes, the last, and where the search began, chose and ended.
  const keep = [0, 1, 2, holes.length - 1];
  if (search) {
    const o = search.order;
    keep.push(o[0]!, o[1] ?? -1, o[o.length - 2] ?? -1, o[o.length - 1]!, search.chosen);
  }
  const items = cutDown(holes.length, keep);
  const ids = items.map((_, i) => `h${i}`);
  items.forEach((item, i) => {
    const id = ids[i]!;
    if ('index' in item) {
      const h = holes[item.index]!;
      const where = `${formatSize(h.size)} at ${addressText(h.start)}`;
      const r = rank.get(item.index);
      if (item.index === search?.chosen) d.node(id, `${where}: ${ordinal(r!)}, chosen`, 'current', '[]', '    ');
      else if (r) d.node(id, `${where}: ${ordinal(r)}, ${passedOver(policy, h, search!.proc.size, chosen)}`, 'examined', '[]', '    ');
      else d.node(id, where, 'free', '[]', '    ');
    } else {
      let size = 0;
      let examined = 0;
      for (let k = item.from; k < item.to; k++) {
        size += holes[k]!.size;
        if (rank.has(k)) examined++;
      }
      const n = item.to - item.from;
      const also = examined === 0 ? '' : examined === n ? ', all examined' : `, ${examined.toLocaleString('en-US')} examined`;
      d.node(id, `… ${n.toLocaleString('en-US')} more ${n === 1 ? 'hole' : 'holes'} (${formatSize(size)})${also}`, examined ? 'examined' : 'summary', '[]', '    ');
    }
  });
  if (holes.length === 0) d.node('h0', 'no hole: every byte is in use', 'summary', '[]', '    ');
  d.lines.push('  end');
  for (let i = 1; i < ids.length; i++) d.edge(ids[i - 1]!, ids[i]!);
  compaction(d, e?.moved ?? []);
  if (search) {
    d.node('proc', `${search.proc.name} ${formatSize(search.proc.size)}`, 'process', '([])');
    if (search.chosen >= 0) d.edge('proc', ids[items.findIndex((x) => 'index' in x && x.index === search.chosen)]!, `takes ${formatSize(search.proc.size)}`);
  }
  // Processes placed from the queue when memory was freed (the search drawn is the operation's own).
  const placed = (e?.placed ?? []).filter((p) => p.name !== search?.proc.name);
  if (placed.length) {
    d.node('placed', `placed from the queue: ${procsText(placed)}`, 'process');
  }
  sideNodes(d, s.waiting, s.swapped, 'waiting, in arrival order');
  if (search && search.chosen < 0 && s.waiting.length) d.edge('proc', 'waiting', 'waits');
  return d.toString(STYLES);
}
