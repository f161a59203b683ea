import { css, html, noChange, nothing, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { SimplePagingConfig, SimplePagingFields } from '../../engine/schemes/paging/config.js';
import { frameRuns, type FrameRun } from '../../engine/schemes/paging/report.js';
import type { SimplePagingEvent } from '../../engine/schemes/paging/sentences.js';
import type { FrameEntry, SimplePagingState } from '../../engine/schemes/paging/state.js';
import type { Timeline } from '../../engine/timeline.js';
import { bitsFor, bitsOf } from '../../engine/translation/address.js';
import { isPowerOfTwo } from '../../engine/units.js';
import { define } from '../define.js';
import { SchemeView } from './scheme-view.js';

type Access = SimplePagingEvent['access'];
/** What a page table was drawn from: the process's table and the step's access to it, if any. */
type Drawn = [table: readonly (number | null)[], access: Access];

type PagingTimeline = Timeline<SimplePagingConfig, SimplePagingState, SimplePagingEvent, SimplePagingFields>;

/**
 * A process's hue, the same at every step: a page table keeps its colour, and (keyed by name) its
 * DOM, while other processes load and exit around it, so a step redraws only what changed.
 */
function hueOf(name: string): number {
  let h = 0;
  for (let i = 0; i < name.length; i++) h = (h * 31 + name.charCodeAt(i)) >>> 0;
  return HUES[h % HUES.length]!;
}

/** Runs of frames drawn at most; the rest is summed up in one line (a million frames stay drawable). */
const MAX_RUNS = 256;
/** Rows of a page table, and entries of the free-frame list, drawn at most. */
const MAX_ROWS = 64;

const PARTS = ['frames', 'page-tables', 'free-list', 'translation', 'queue', 'swapped'];

/** The hues a process's name hashes to (hueOf). */
const HUES = [210, 30, 140, 280, 0, 90, 180, 320];

const what = (e: FrameEntry): string => (e === null ? 'free' : 'os' in e ? 'OS' : 'used' in e ? 'used' : `${e.process} page ${e.page}`);

/**
 * Simple paging: the frames of memory from frame 0 (a column, a grid when there are many), each
 * labelled with the process and page it holds and tinted by process (the words carry the meaning,
 * the colour only helps); the page table of every resident process beside them; the free-frame list;
 * and, for an access, the logical address drawn as page bits and offset bits, the page-table row
 * that translates it highlighted and the physical address formed, or the trap.
 *
 * @tagname mem-sim-paging
 * @csspart frames - the frames of memory
 * @csspart page-tables - the page tables of the resident processes
 * @csspart free-list - the free-frame list
 * @csspart translation - the address of an access, split into page and offset, and its translation
 * @csspart queue - the processes waiting for frames
 * @csspart swapped - the swapped-out processes
 */
export class PagingView extends SchemeView {
  static override styles = [
    SchemeView.styles,
    css`
      :host {
        display: block;
      }
      .layout {
        display: flex;
        flex-wrap: wrap;
        gap: 0.6rem 1.2rem;
        align-items: flex-start;
      }
      ol {
        list-style: none;
        margin: 0;
        padding: 0;
      }
      .frames {
        display: grid;
        grid-template-columns: repeat(var(--cols, 1), minmax(6.5rem, 1fr));
        gap: 2px;
        min-width: 0;
        max-width: 100%;
        /* Its own paint offset: when the translation above comes or goes, the grid moves without
           repainting its 256 items (a step's paint and pre-paint fell from about 12 to 3 ms). */
        contain: content;
      }
      .frames li {
        border: 1px solid var(--_border);
        padding: 0.1rem 0.35rem;
        font-size: 0.85em;
        background: hsl(var(--hue, 0) 70% 50% / var(--tint, 0));
      }
      .frames li.free {
        border-style: dashed;
        color: var(--_muted);
      }
      .frames li.os,
      .frames li.used {
        background: color-mix(in srgb, var(--_muted) 18%, transparent);
      }
      .frames li.current {
        outline: 3px solid var(--_accent);
        outline-offset: -2px;
      }
      .frames .n {
        color: var(--_muted);
        margin-inline-end: 0.3rem;
      }
      .tables {
        display: flex;
        flex-wrap: wrap;
        gap: 0.6rem;
      }
      table {
        font-size: 0.85em;
      }
      .pt {
        /* A hundred page tables are thousands of rows: the browser lays out and paints only those
           near the viewport (a step's layout walked every row), each held at its estimated size
           until first drawn, then at its last drawn size. On a wrapper, as containment has no
           effect on a table box itself. */
        content-visibility: auto;
        contain-intrinsic-size: auto 7rem auto calc(var(--rows) * 1.2rem + 3rem);
      }
      caption {
        text-align: start;
        font-weight: 600;
      }
      th,
      td {
        text-align: end;
        padding: 0 0.4rem;
      }
      tr.current td,
      tr.current th {
        background: var(--_hit-background);
        color: var(--_hit-text);
      }
      tr.trap td,
      tr.trap th,
      .trap {
        background: var(--_fault-background);
        color: var(--_fault-text);
      }
      p {
        margin: 0.2rem 0;
      }
      .none {
        color: var(--_muted);
      }
      .bits {
        font-family: var(--mem-sim-mono, ui-monospace, monospace);
        display: inline-flex;
        gap: 0.3rem;
        flex-wrap: wrap;
      }
      .bits span {
        border: 1px solid var(--_border);
        padding: 0 0.3rem;
      }
      .bits .page {
        background: var(--_current-background);
      }
      .bits small {
        display: block;
        font-family: var(--mem-sim-font, system-ui, sans-serif);
        color: var(--_muted);
      }
    `,
  ];

  /** Each page table drawn at the last render, by process: its rows and the access it showed. */
  private _drawn = new Map<string, Drawn>();

  override connectedCallback(): void {
    super.connectedCallback();
    const have = this.getAttribute('exportparts')?.split(/\s*,\s*/).filter(Boolean) ?? [];
    this.setAttribute('exportparts', [...new Set([...have, ...PARTS])].join(', '));
  }

  override render() {
    const t = this.timeline as PagingTimeline | undefined;
    if (!t) return nothing;
    const s = t.stateAt(this.position);
    const e = t.eventAt(this.position);
    // A step replaces the page table it changes and keeps the others (the state is never changed
    // in place), so a table drawn last time from the same rows with the same access (none, mostly)
    // is left as it is, not redrawn. Only the tables drawn this time are remembered: a process that
    // leaves and comes back is drawn afresh.
    const drawn = new Map<string, Drawn>();
    const tables = [...s.resident.values()].map((r) => {
      const a = e?.access?.process === r.name ? e.access : undefined;
      const last = this._drawn.get(r.name);
      drawn.set(r.name, [r.table, a]);
      return [r.name, last?.[0] === r.table && last[1] === a ? noChange : this.pageTable(r.name, r.table, a)] as const;
    });
    this._drawn = drawn;
    const list = (xs: string[]) => (xs.length ? xs.join(', ') : html`<span class="none">none</span>`);
    const free = s.free.length > MAX_ROWS ? `${s.free.slice(0, MAX_ROWS).join(', ')}, … ${s.free.length - MAX_ROWS} more` : s.free.join(', ');
    return html`${e?.access ? this.translation(t.config, s, e) : nothing}
      <div class="layout">
        ${this.frames(s, e)}
        <div class="tables" part="page-tables">
          ${repeat(tables, ([name]) => name, ([, table]) => table)}
        </div>
      </div>
      <p part="free-list"><b>Free-frame list</b> (taking order): ${free || html`<span class="none">empty</span>`}</p>
      <p part="queue"><b>Waiting</b> (in arrival order): ${list(s.waiting.map((w) => w.name))}</p>
      <p part="swapped"><b>Swapped out</b>: ${list(s.swapped.map((w) => w.name))}</p>`;
  }

  /** The frames from 0, runs of free, OS or unnamed frames drawn as one item. */
  private frames(s: SimplePagingState, e: SimplePagingEvent | undefined): TemplateResult {
    const runs = frameRuns(s.frames);
    const shown = runs.slice(0, MAX_RUNS);
    const current = new Set<number>([...(e?.placed.flatMap((p) => p.frames) ?? []), ...(e?.access?.frame != null ? [e.access.frame] : [])]);
    const cols = shown.length > 48 ? 4 : shown.length > 16 ? 2 : 1;
    const item = (r: FrameRun) => {
      const x = r.entry;
      const kind = x === null ? 'free' : 'os' in x ? 'os' : 'used' in x ? 'used' : 'page';
      const style = x !== null && 'process' in x ? `--hue:${hueOf(x.process)};--tint:0.22` : '';
      const n = r.from === r.to ? `${r.from}` : `${r.from}–${r.to}`;
      return html`<li class="${kind}${r.from === r.to && current.has(r.from) ? ' current' : ''}" style=${style}>
        <span class="n">${n}</span> ${what(x)}
      </li>`;
    };
    // Items keyed by their first frame: when an exit frees frames that merge into one run, the
    // runs after it keep their items rather than each taking its neighbour's content (a redraw of
    // the whole grid).
    return html`<div part="frames" role="region" tabindex="0" aria-label="${this.timeline?.run.label}: frames of memory from frame 0">
      <ol class="frames" style="--cols:${cols}">
        ${repeat(shown, (r) => r.from, item)}
      </ol>
      ${runs.length > shown.length ? html`<p class="none">… frames ${runs[shown.length]!.from} to ${s.frames.length - 1} not drawn</p>` : nothing}
    </div>`;
  }

  /** A process's page table; `a` is the step's access when it is this process's. */
  private pageTable(name: string, table: readonly (number | null)[], a: Access): TemplateResult {
    const focus = a?.page ?? 0;
    const from = table.length > MAX_ROWS ? Math.max(0, Math.min(focus - (MAX_ROWS >> 1), table.length - MAX_ROWS)) : 0;
    const rows = table.slice(from, from + MAX_ROWS);
    return html`<div class="pt" style="--rows: ${rows.length + (table.length > MAX_ROWS ? 1 : 0)}"><table style="border-top: 4px solid hsl(${hueOf(name)} 70% 50%)">
      <caption>
        Page table of ${name}
      </caption>
      <thead>
        <tr>
          <th scope="col">page</th>
          <th scope="col">frame</th>
        </tr>
      </thead>
      <tbody>
        ${rows.map((f, i) => {
          const page = from + i;
          const cls = a && a.page === page ? (a.trap ? 'trap' : 'current') : nothing;
          return html`<tr class=${cls}>
            <th scope="row">${page}</th>
            <td>${f === null ? '- (invalid)' : f}</td>
          </tr>`;
        })}
      </tbody>
      ${table.length > MAX_ROWS ? html`<tfoot><tr><td colspan="2">pages ${from} to ${from + rows.length - 1} of ${table.length}</td></tr></tfoot>` : nothing}
    </table></div>`;
  }

  /** The address as page bits and offset bits, then the physical address formed, or the trap. */
  private translation(c: SimplePagingConfig, s: SimplePagingState, e: SimplePagingEvent): TemplateResult {
    const a = e.access!;
    const offsetBits = isPowerOfTwo(c.pageSize) ? bitsOf(c.pageSize) : undefined;
    const largest = Math.max(1, ...[...s.resident.values(), ...s.waiting, ...s.swapped].map((p) => p.pages), (a.page ?? 0) + 1);
    const pageBits = c.addressBits !== undefined && offsetBits !== undefined ? c.addressBits - offsetBits : bitsFor(largest);
    const bin = (v: number, n: number) => v.toString(2).padStart(n, '0');
    const fits = offsetBits !== undefined && a.page !== null && a.offset !== null && a.page < 2 ** pageBits && a.offset < c.pageSize;
    const bits = fits
      ? html`<span class="bits" aria-hidden="true"
          ><span class="page"><code>${bin(a.page!, pageBits)}</code><small>page ${a.page} (${pageBits} bits)</small></span
          ><span><code>${bin(a.offset!, offsetBits!)}</code><small>offset ${a.offset} (${offsetBits} bits)</small></span></span
        >`
      : nothing;
    const result =
      a.trap !== null
        ? html`<p class="trap"><b>Trap: ${a.trap}</b></p>`
        : html`<p>physical address = frame ${a.frame} × ${c.pageSize} + ${a.offset} = <b>${a.physical}</b></p>`;
    return html`<div part="translation">
      <p>Logical address ${a.address ?? e.op.split(/\s+/).pop()} of ${a.process}${a.page !== null ? html`: page ${a.page}, offset ${a.offset}` : nothing}</p>
      ${bits} ${result}
    </div>`;
  }
}

define('mem-sim-paging', PagingView);

export default PagingView;

declare global {
  interface HTMLElementTagNameMap {
    'mem-sim-paging': PagingView;
  }
}
