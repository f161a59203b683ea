import { html, nothing } from 'lit';
import { addressText } from '../../engine/contiguous/common.js';
import { formatSize } from '../../engine/units.js';
import type { DynamicConfig, DynamicFields, DynamicMemory } from '../../engine/schemes/dynamic/index.js';
import { define } from '../define.js';
import { ContiguousView, type Row } from './contiguous-view.js';
import { renderMemoryBar, type BarBlock } from './memory-bar.js';

const HOLDS = { os: 'OS', hole: 'hole', used: 'used (no named process)' } as const;

/**
 * One run of dynamic partitioning (one placement policy): memory as a bar to scale from address 0
 * (the OS region, each process, each hole, anonymous used memory, and next-fit's pointer), the
 * waiting queue and the swapped-out processes, and the table of allocations and holes in address
 * order. The block the step placed is outlined in the bar and marked in the table. `<mem-sim>`
 * puts one of these per placement policy side by side, as the textbooks compare them.
 *
 * @tagname mem-sim-dynamic
 * @csspart memory-bar - the bar and its address labels
 * @csspart map-table - the scrolling box around the table of allocations and holes
 * @csspart table - the table of allocations and holes
 * @csspart queue - the waiting queue
 * @csspart swapped - the swapped-out processes
 */
export class DynamicView extends ContiguousView {
  override render() {
    const at = this.at<DynamicConfig, DynamicMemory, DynamicFields>();
    if (!at) return nothing;
    const { t, s, e, c } = at;
    const placed = new Set(e?.placed.map((p) => p.start));
    const blocks: BarBlock[] = c.os ? [{ start: 0, size: c.os, kind: 'os', name: 'OS' }] : [];
    let focus: number | undefined;
    for (const g of s.mem.segments) {
      const current = g.kind === 'process' && placed.has(g.start);
      if (current && focus === undefined) focus = blocks.length;
      blocks.push({ start: g.start, size: g.size, kind: g.kind, name: g.kind === 'process' ? g.name : g.kind === 'used' ? 'used' : '', current });
    }
    // Rows and words are made only for the blocks shown: a long trace keeps about a thousand holes.
    const row = (i: number): Row => {
      const b = blocks[i]!;
      return {
        cells: [addressText(b.start), formatSize(b.size), b.kind === 'process' ? b.name : HOLDS[b.kind as keyof typeof HOLDS]],
        class: b.current ? 'current' : b.kind === 'hole' ? 'free' : undefined,
      };
    };
    const rover = t.run.fields.placement === 'next-fit' ? s.mem.rover : null;
    return html`${renderMemoryBar(blocks, c.memory, {
        label: `${t.run.label}: memory`,
        key: 'process current hole',
        marker: rover === null ? undefined : { at: rover, text: 'next-fit' },
        describe: (b) => `${b.name || 'hole'} ${formatSize(b.size)} at ${addressText(b.start)}`,
      })}
      ${this.lists(s)}
      ${this.blockTable('Allocations and holes', ['start', 'size', 'holds'], blocks.length, row, focus)}`;
  }
}

define('mem-sim-dynamic', DynamicView);

export default DynamicView;

declare global {
  interface HTMLElementTagNameMap {
    'mem-sim-dynamic': DynamicView;
  }
}
