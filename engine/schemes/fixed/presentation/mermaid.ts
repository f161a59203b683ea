/**
 * Fixed partitioning as a Mermaid diagram: the partitions in use, each with its process and what the
 * process leaves unused inside it, and the queues attached to them (one for all partitions, or one
 * per partition), which the memory bar cannot show; the step's process points at the partition it
 * takes or the queue it joins. Free partitions are summed up in one node, and past a few partitions
 * the rest are too, so the diagram stays a dozen nodes at most whatever the partition table.
 */
import type { ContiguousEvent } from '../../../contiguous/core.js';
import { Drawing, procsText, STYLES } from '../../../contiguous/presentation/diagram.js';
import { mermaidLabel } from '../../../mermaid.js';
import type { RunSpec } from '../../../scheme.js';
import { formatSize } from '../../../units.js';
import { queueFor, type FixedConfig, type FixedFields, type FixedState, type Partition } from '../config.js';

/** The most partitions drawn one by one; the others are summed up. */
export const PARTITIONS_SHOWN = 5;

/** The most free partitions a summary names before it counts the rest. */
const FREE_NAMED = 6;

/** The diagram of a fixed-partitioning step: partitions in use with their waste, queues, the step's process. */
export function fixedMermaid(c: FixedConfig, run: RunSpec<FixedFields>, s: FixedState, e: ContiguousEvent | undefined): string {
  const holders = s.mem.holders;
  const perPartition = run.fields.queue === 'per-partition';
  const queues = new Map<number, typeof s.waiting[number][]>();
  if (perPartition) {
    for (const w of s.waiting) {
      const p = queueFor(c, w.size)!;
      const q = queues.get(p.index);
      if (q) q.push(w);
      else queues.set(p.index, [w]);
    }
  }
  const byStart = new Map(c.partitions.map((p) => [p.start, p]));
  const placedNow = (e?.placed ?? []).map((x) => byStart.get(x.start)!).filter(Boolean);
  // The step's partitions first, then those with a queue, then the others in use, in address order.
  const shown = new Set<number>();
  const add = (p: Partition) => shown.size < PARTITIONS_SHOWN && shown.add(p.index);
  placedNow.forEach(add);
  for (const i of [...queues.keys()].sort((a, b) => a - b)) add(c.partitions[i]!);
  for (const p of c.partitions) if (holders[p.index]) add(p);

  const d = new Drawing('TB');
  const lost = c.partitions.reduce((a, p) => a + (holders[p.index] ? p.size - holders[p.index]!.size : 0), 0);
  d.lines.push(`  subgraph parts[${mermaidLabel(`Partitions, ${run.label}: ${formatSize(lost)} lost inside`)}]`, '    direction TB');
  for (const i of [...shown].sort((a, b) => a - b)) {
    const p = c.partitions[i]!;
    const h = holders[i];
    const head = `#${i} ${formatSize(p.size)}`;
    if (!h) d.node(`p${i}`, `${head}: free`, 'free', '[]', '    ');
    else {
      const waste = p.size - h.size;
      d.node(`p${i}`, `${head}: ${h.name} ${formatSize(h.size)}, ${waste ? `${formatSize(waste)} lost` : 'no loss'}`, 'process', '[]', '    ');
    }
    if (placedNow.some((x) => x.index === i)) d.mark(`p${i}`, 'current');
  }
  const free = c.partitions.filter((p) => !holders[p.index] && !shown.has(p.index));
  if (free.length) {
    const cut = free.length > FREE_NAMED + 1;
    const named = free.slice(0, cut ? FREE_NAMED : free.length).map((p) => `#${p.index} ${formatSize(p.size)}`);
    if (cut) named.push(`… ${(free.length - FREE_NAMED).toLocaleString('en-US')} more`);
    d.node('freeparts', `free: ${named.join(', ')}`, 'free', '[]', '    ');
  }
  const held = c.partitions.filter((p) => holders[p.index] && !shown.has(p.index));
  if (held.length) {
    const waste = held.reduce((a, p) => a + p.size - holders[p.index]!.size, 0);
    d.node('heldparts', `… ${held.length.toLocaleString('en-US')} more in use, ${formatSize(waste)} lost`, 'summary', '[]', '    ');
  }
  // Invisible links stack the partitions down the page, so a blog column holds them.
  const column = [...[...shown].sort((a, b) => a - b).map((i) => `p${i}`), ...(free.length ? ['freeparts'] : []), ...(held.length ? ['heldparts'] : [])];
  for (let i = 1; i < column.length; i++) d.lines.push(`    ${column[i - 1]} ~~~ ${column[i]}`);
  d.lines.push('  end');

  // The queues: one above all the partitions, or one above each partition that has one.
  const queueOf = new Map<number, string>();
  if (!perPartition) {
    d.node('queue', `single queue: ${s.waiting.length ? procsText(s.waiting) : 'empty'}`, 'queue');
    d.edge('queue', 'parts', run.fields.placement);
  } else {
    const hidden: number[] = [];
    for (const [i, q] of [...queues].sort((a, b) => a[0] - b[0])) {
      if (!shown.has(i)) {
        hidden.push(...q.map(() => i));
        continue;
      }
      d.node(`q${i}`, `queue of #${i}: ${procsText(q)}`, 'queue');
      d.edge(`q${i}`, `p${i}`);
      queueOf.set(i, `q${i}`);
    }
    if (hidden.length) {
      const n = new Set(hidden).size;
      d.node('moreq', `${hidden.length.toLocaleString('en-US')} more waiting in the queues of ${n.toLocaleString('en-US')} more partitions`, 'queue');
      d.edge('moreq', 'heldparts');
    }
  }
  if (s.swapped.length) d.node('swapped', `swapped out: ${procsText(s.swapped)}`, 'summary');

  // The step's own process: the partition it took or the queue it joined.
  if (e && e.name && (e.kind === 'load' || e.kind === 'swap-in')) {
    const first = e.placed[0];
    const own = first?.name === e.name ? byStart.get(first.start) : undefined;
    const w = e.waited ? s.waiting.find((x) => x.name === e.name) : undefined;
    const size = own ? holders[own.index]!.size : w?.size;
    if (size !== undefined) {
      d.node('proc', `${e.name} ${formatSize(size)}`, 'process', '([])');
      if (own) d.edge('proc', `p${own.index}`, 'takes');
      else if (!perPartition) d.edge('proc', 'queue', 'waits');
      else {
        const target = queueOf.get(queueFor(c, size)!.index) ?? 'moreq';
        d.edge('proc', target, 'waits');
      }
    }
  }
  return d.toString(STYLES);
}
