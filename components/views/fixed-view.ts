import { html, nothing } from 'lit';
import { addressText, procText } from '../../engine/contiguous/common.js';
import { formatSize } from '../../engine/units.js';
import { queueFor, wastedPerPartition, type FixedConfig, type FixedFields, type FixedMemory, type Partition } from '../../engine/schemes/fixed/index.js';
import { define } from '../define.js';
import { ContiguousView, type Row } from './contiguous-view.js';
import { renderMemoryBar, type BarBlock } from './memory-bar.js';

/**
 * Fixed partitioning: memory as a bar to scale with a border around every partition, each holder
 * drawn at the bottom of its partition and the space it leaves unused shaded (internal
 * fragmentation), the memory the partitions leave over marked unused; then the queue (one for all
 * partitions) or, with one queue per partition, each partition's own queue as a column of the
 * partition table, as Stallings draws the two arrangements; and the swapped-out processes.
 *
 * @tagname mem-sim-fixed
 * @csspart memory-bar - the bar and its address labels
 * @csspart map-table - the scrolling box around the partition table
 * @csspart table - the partition table: start, size, holder, space lost inside, queue
 * @csspart queue - the waiting queue (all of it, in arrival order)
 * @csspart swapped - the swapped-out processes
 */
export class FixedView extends ContiguousView {
  override render() {
    const at = this.at<FixedConfig, FixedMemory, FixedFields>();
    if (!at) return nothing;
    const { s, e, c, t } = at;
    const placed = new Set(e?.placed.map((p) => p.start));
    const perPartition = t.run.fields.queue === 'per-partition';
    const blocks: BarBlock[] = c.os ? [{ start: 0, size: c.os, kind: 'os', name: 'OS', text: `OS ${formatSize(c.os)} at 0` }] : [];
    const rows: Row[] = [];
    // What each partition loses inside, as the engine counts it for the internal-fragmentation metric.
    const lostIn = wastedPerPartition(c, s.mem);
    // Each partition's queue, grouped once (per-partition queues only).
    const queues = new Map<Partition | undefined, string[]>();
    if (perPartition) {
      for (const w of s.waiting) {
        const queue = queueFor(c, w.size);
        queues.set(queue, [...(queues.get(queue) ?? []), w.name]);
      }
    }
    let focus: number | undefined;
    c.partitions.forEach((p, i) => {
      const h = s.mem.holders[p.index];
      const lost = lostIn[i]!;
      const where = `partition ${p.index} (${formatSize(p.size)}) at ${addressText(p.start)}`;
      const current = !!h && placed.has(p.start);
      blocks.push(
        h
          ? { start: p.start, size: p.size, kind: 'process', name: h.name, used: h.size, current, text: `${where}: ${procText(h)}, ${formatSize(lost)} lost` }
          : { start: p.start, size: p.size, kind: 'free', name: `#${p.index}`, text: `${where}: free` },
      );
      const cells: unknown[] = [p.index, addressText(p.start), formatSize(p.size), h ? procText(h) : 'free', h ? formatSize(lost) : '–'];
      if (perPartition) cells.push(queues.get(p)?.join(', ') || '–');
      if (current && e?.placed.length) focus ??= rows.length;
      rows.push({ cells, class: current ? 'current' : h ? undefined : 'free' });
    });
    if (c.unused) {
      const u = c.unused;
      blocks.push({ start: u.start, size: u.size, kind: 'unused', name: 'unused', text: `unused ${formatSize(u.size)} at ${addressText(u.start)}` });
    }
    const head = ['#', 'start', 'size', 'holder', 'lost inside'];
    if (perPartition) head.push('queue');
    return html`${renderMemoryBar(blocks, c.memory, { label: `${t.run.label}: memory`, borders: true, key: 'process current free lost' })}
      ${this.lists(s)}
      ${this.blockTable('Partitions', head, rows.length, (i) => rows[i]!, focus, ['total', '', '', '', formatSize(lostIn.reduce((a, b) => a + b, 0)), ...(perPartition ? [''] : [])])}
      ${c.unused ? html`<p class="window">Unused above the partitions: ${formatSize(c.unused.size)} at ${addressText(c.unused.start)}</p>` : nothing}`;
  }
}

define('mem-sim-fixed', FixedView);

export default FixedView;

declare global {
  interface HTMLElementTagNameMap {
    'mem-sim-fixed': FixedView;
  }
}
