import { html, nothing } from 'lit';
import { addressText } from '../../engine/contiguous/common.js';
import type { RelocationConfig, RelocationEvent, RelocationFields, RelocationState } from '../../engine/schemes/relocation/index.js';
import type { Timeline } from '../../engine/timeline.js';
import { formatSize } from '../../engine/units.js';
import { define } from '../define.js';
import { memoryBarStyles, renderMemoryBar, type BarBlock } from './memory-bar.js';
import { renderRegisters } from './registers.js';
import { SchemeView } from './scheme-view.js';

/**
 * Relocation with base and bounds: the registers and the current access (the comparison with the
 * bounds, the sum or the trap), and physical memory as a bar with the process's region
 * [base, base + bounds) and the physical address the access reached. The table alternative is the
 * scheme's table (a row per access), which `<mem-sim>` offers as for every scheme.
 *
 * @tagname mem-sim-relocation
 * @csspart translation - the focusable box around the registers
 * @csspart registers - the base and bounds registers and the current translation
 * @csspart memory-bar - the bar and its address labels
 */
export class RelocationView extends SchemeView {
  static override styles = [SchemeView.styles, memoryBarStyles];

  override render() {
    const t = this.timeline as Timeline<RelocationConfig, RelocationState, RelocationEvent, RelocationFields> | undefined;
    if (!t) return nothing;
    const c = t.config;
    const e = t.eventAt(this.position);
    const blocks: BarBlock[] = [];
    if (c.base) blocks.push({ start: 0, size: c.base, kind: 'hole', name: '', text: `other memory below the base, ${formatSize(c.base)}` });
    blocks.push({
      start: c.base,
      size: c.bounds,
      kind: 'process',
      name: 'P',
      current: !!e && e.trap === null,
      text: `P's region: ${formatSize(c.bounds)} from base ${addressText(c.base)} (${c.base}) up to ${c.base + c.bounds}`,
    });
    const end = c.base + c.bounds;
    if (end < c.memory) blocks.push({ start: end, size: c.memory - end, kind: 'hole', name: '', text: `other memory above the region, ${formatSize(c.memory - end)}` });
    // Focusable, so the arrow keys step from the picture itself, as from the contiguous views' tables.
    return html`<div part="translation" tabindex="0" role="region" aria-label="base and bounds registers">${renderRegisters(c.base, c.bounds, e)}</div>
      ${renderMemoryBar(blocks, c.memory, {
        label: 'physical memory',
        key: 'process current',
        marker: e?.physical != null ? { at: e.physical, text: `physical ${e.physical}` } : undefined,
      })}
      ${e?.trap ? html`<p class="trap-note" role="note">Trap (${e.trap}): the access reaches no memory.</p>` : nothing}`;
  }
}

define('mem-sim-relocation', RelocationView);

export default RelocationView;

declare global {
  interface HTMLElementTagNameMap {
    'mem-sim-relocation': RelocationView;
  }
}
