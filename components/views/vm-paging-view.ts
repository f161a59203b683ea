import { css, html, nothing, type PropertyValues } from 'lit';
import type { TableCell } from '../../engine/scheme.js';
import type { PagingConfig, PagingEvent, PagingFields, PagingState } from '../../engine/schemes/vm-paging/index.js';
import type { Timeline } from '../../engine/timeline.js';
import { define } from '../define.js';
import { renderTable, WINDOW, windowAround } from '../table.js';
import type { LegendEntry } from './legend.js';
import { policyStateStyles, renderPolicyState } from './policy-state-panel.js';
import { SchemeView } from './scheme-view.js';
import { observeWidth, scrollFor, scrollLater, unobserveWidth, type Fit } from './table-fit.js';

type PagingTimeline = Timeline<PagingConfig, PagingState, PagingEvent, PagingFields>;

/**
 * The textbook frame table of one page-replacement run: the reference string across the top, a
 * row per frame, the faults marked in the last row. Columns up to the current step are filled in,
 * later ones show only their reference over dashed blanks, as a student fills the table in by hand. The page
 * that replaced another shows an arrow and the victim struck through (`2←7`, never `27`); CLOCK shows use
 * bits (`*`) and the hand (`→`); a page modified since it was loaded is marked dirty. A key under the table
 * explains every colour and mark the run uses. The table shows as many references at a time as fit its
 * width (8 to 25, see _measure and windowAround); narrower boxes scroll with a cue. Under LRU, OPT and FIFO a toggle shows what the policy knows at the
 * current step: the recency stack, each resident page's next use, or the load queue, with the
 * page the next fault would evict marked in words.
 *
 * @tagname mem-sim-vm-paging
 * @csspart frame-table - the scrolling box around the table
 * @csspart table - the table
 * @csspart legend - the key to the table's colours and marks
 * @csspart scroll-hint - the line that says the table scrolls sideways, shown only while it must
 * @csspart policy-toggle - the button that shows or hides the policy's view of the pages (LRU, OPT, FIFO)
 * @csspart policy-state - the list of resident pages in the policy's order
 */
export class VmPagingView extends SchemeView {
  static override drawsTable = true;

  static override styles = [
    SchemeView.styles,
    css`
      :host {
        display: block;
        --_shade: color-mix(in srgb, var(--_text) 40%, transparent);
      }
      .frame,
      .scroll {
        position: relative;
      }
      /* Scrolling rests on column edges, so no sliver of a scrolled-away column shows beside the
         labels; separate borders move with their sticky cells, where collapsed ones stay behind. */
      .scroll {
        scroll-snap-type: x mandatory;
      }
      table {
        border-collapse: separate;
        border-spacing: 0;
      }
      th,
      td,
      .key {
        background: var(--_background);
        padding: 0.15em 0.2em;
        min-width: 0;
        border-width: 0 1px 1px 0;
      }
      thead th {
        border-top-width: 1px;
        scroll-snap-align: start;
      }
      /* Whole-pixel columns (see _measure): the box is cut and scrolling snaps at their edges exactly. */
      thead th {
        box-sizing: border-box;
        min-width: var(--_label, 0);
      }
      thead th + th {
        min-width: var(--_cell);
      }
      tr > :first-child {
        border-left-width: 1px;
        position: sticky;
        left: 0;
        z-index: 1;
      }
      /* The scroll cue: a shadow on the side where columns are hidden. */
      [data-before] tr > :first-child {
        box-shadow: 0.3em 0 0.3em -0.1em var(--_shade);
      }
      .frame::after {
        content: '';
        position: absolute;
        inset: 0 0 0 auto;
        width: 1.2em;
        pointer-events: none;
        background: linear-gradient(to left, var(--_shade), transparent);
        opacity: 0;
      }
      [data-after]::after {
        opacity: 1;
      }
      .current {
        background: var(--_current-background);
        font-weight: bold;
      }
      thead .current {
        box-shadow: inset 0 -0.2em var(--_accent);
      }
      /* Columns not reached yet: the reference in plain weight and blanks to fill in, dashed. */
      .future {
        border-style: dashed;
      }
      thead .future {
        color: var(--_muted);
        font-weight: normal;
        border-style: solid;
      }
      /* A blank's dot is a background: a pseudo-element per blank was a third of a table's layout. */
      .future:not(th) {
        background-image: radial-gradient(circle, var(--_muted) 0.08rem, transparent 0.1rem);
      }
      /* Element-free selectors, so the key's swatches (legend.ts) take the cells' looks. Each look
         has a signal besides its colour: F under a fault, the bar under a hit, the victim mark. */
      .fault {
        background: var(--_fault-background);
        color: var(--_fault-text);
        font-weight: bold;
      }
      .hit {
        background: var(--_hit-background);
        color: var(--_hit-text);
        box-shadow: inset 0 -3px var(--_hit-text);
      }
      .victim {
        background: var(--_victim-background);
        color: var(--_text);
      }
      /* The victim on a line of its own under the page that replaced it (2 over ←7): it cannot run
         into the page's digits, and the column stays as narrow as a page number. */
      .out {
        display: block;
        font-size: 0.75em;
        line-height: 1.1;
      }
      /* The working set, one page a line (see engine/schemes/vm-paging/policies/table.ts). */
      .set {
        white-space: pre-line;
        vertical-align: top;
      }
      .mark {
        font-size: 0.75em;
        vertical-align: super;
        color: var(--_dirty);
        font-weight: bold;
      }
      .window,
      .hint {
        margin: 0.3rem 0 0;
        font-size: 0.85em;
        color: var(--_muted);
      }
    `,
    policyStateStyles,
  ];

  static override properties = { ...SchemeView.properties, _showPolicy: { state: true }, _size: { state: true } };

  /** How many references the table shows at once: as many as fit the width (see _measure), 8 to WINDOW. */
  private _size = firstGuess();

  /** The last measure of the table: the labels' and columns' widths (whole pixels) and the width of the box beside the labels. */
  private _fitted?: { label: number; column: number; view: number };

  /** The table's scroll position as last set or reported by a scroll event: reading it would lay the page out. */
  private _left = 0;

  /** Whether the policy's view of the pages is shown under the table (the reader's choice, kept across steps). */
  private _showPolicy = false;

  /** The key's entries for what this run's table ever shows (found once per run, not per step). */
  private _key: LegendEntry[] = [];

  override connectedCallback(): void {
    super.connectedCallback();
    // <mem-sim> exports the parts every view has; add this view's own.
    const have = this.getAttribute('exportparts') ?? '';
    if (!have.includes('policy-state')) this.setAttribute('exportparts', `${have}${have ? ', ' : ''}policy-toggle, policy-state, scroll-hint`);
    observeWidth(this, this._measure);
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (!changed.has('timeline')) return;
    this._fitted = undefined;
    const t = this.timeline as PagingTimeline | undefined;
    // The hardware panel and the faults chart: a chunk of their own, for the scenarios that use them.
    if (t?.config.hardware || t?.config.framesRange) import('./vm-paging-extras.js');
    const events = t?.events ?? [];
    const any = (test: (e: PagingEvent) => boolean) => events.some(test);
    const policy = t?.run.fields.policy;
    const clock = policy === 'CLOCK' || policy === 'ENHANCED-CLOCK';
    const rBit = policy === 'NRU' || policy === 'AGING';
    const counts = policy === 'LFU' || policy === 'MFU';
    const writes = any((e) => e.write);
    const victims = any((e) => e.victim !== null);
    const entries: (LegendEntry | false)[] = [
      any((e) => e.fault) && ['fault', 'F', 'page fault'],
      victims && ['fault victim', victimMark(2, 7), 'fault: page 2 replaced page 7'],
      any((e) => !e.fault) && ['hit', '1', 'hit: page already in a frame'],
      ['current', '1', 'current step'],
      ['future', '', 'later step, still blank'],
      clock && ['', '1*', 'use bit set'],
      rBit && ['', '1*', 'R (referenced) bit set'],
      counts && ['', '1(3)', 'page 1, used 3 times since loaded'],
      policy === 'AGING' && ['', '1 0100', "page 1 and its aging counter"],
      clock && ['hand', '→', 'clock hand'],
      writes && ['dirty', dirtyMark, 'dirty: modified since loaded'],
    ];
    this._key = entries.filter((e) => e !== false);
    // Columns as wide as their widest cell could ever be (a page, or under it the arrow and its
    // struck-through victim at 0.75em; the clock's hand and use bit; the dirty mark): the width then
    // never changes from step to step, and the number of columns that fit is known before the table
    // is filled in.
    // (A loop, not Math.max(...): a reference string may be longer than a call's argument list.)
    let digits = 1;
    for (const e of events) digits = Math.max(digits, String(e.page).length);
    // Room for the R bit, a use count or an aging counter beside the page.
    const extra = rBit || counts ? 1 + (counts ? 3 : 0) + (policy === 'AGING' ? t!.config.agingBits + 1 : 0) : 0;
    this.style.setProperty('--_cell', `${Math.max(digits, victims ? 0.75 * (digits + 1.2) : 0) + 0.3 + (clock ? 2 : 0) + (writes ? 0.8 : 0) + extra}ch`);
  }

  override render() {
    const t = this.timeline as PagingTimeline | undefined;
    if (!t) return nothing;
    const n = t.length;
    const p = this.position;
    const [from, to] = windowAround(p, n, this._size);
    const step = (column: number) => from + column - 1;
    const table = t.scheme.table(t, from, to);
    // Later columns keep their reference but none of their contents, as on a student's worksheet.
    const model = { ...table, rows: table.rows.map((row) => row.map((c, i) => (i > 0 && step(i) > p ? { text: '' } : c))) };
    const frameRows = model.rows.length - 1;
    const cell = (c: TableCell, column: number, row: number) => {
      const marks = c.classes ?? [];
      if (row === frameRows || marks.length === 0) return c.text;
      const victim = marks.includes('victim') ? t.eventAt(step(column))?.victim : undefined;
      return html`<span aria-hidden="true"
          >${marks.includes('hand') ? '→' : ''}${victim === undefined || victim === null
            ? html`${c.text}${marks.includes('dirty') ? dirtyMark : ''}`
            : victimMark(c.text, victim, marks.includes('dirty'))}</span
        ><span class="sr-only">${c.title}</span>`;
    };
    const columnClass = (column: number) => (step(column) === p ? 'current' : step(column) > p ? 'future' : '');
    return html`<div class="frame">
        <div
          class="scroll"
          part="frame-table"
          tabindex="0"
          role="region"
          aria-label=${`${t.run.label}: frame table`}
          @scroll=${this._cue}
        >
          ${renderTable(model, { cell, columnClass })}
        </div>
      </div>
      ${this._overflow(from, to) > 1 ? html`<p class="hint" part="scroll-hint">Scroll the table sideways for the other references.</p>` : nothing}
      ${from > 1 || to < n ? html`<p class="window">References ${from} to ${to} of ${n}</p>` : nothing}
      <mem-sim-legend .entries=${this._key}></mem-sim-legend>
      ${renderPolicyState(t, p, this._showPolicy, () => (this._showPolicy = !this._showPolicy))}
      ${t.config.hardware || t.config.framesRange
        ? html`<mem-sim-tlb .timeline=${t} .position=${p}></mem-sim-tlb><mem-sim-faults-chart .timeline=${t}></mem-sim-faults-chart>`
        : nothing}`;
  }

  /**
   * Measures the table after the next layout (see table-fit.ts) when the view is first drawn or a new
   * run replaces its columns, and whenever the view's width changes; measuring here instead would
   * lay the page out once more, for every table.
   */
  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    if (changed.has('timeline')) observeWidth(this, this._measure);
    this._place();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    unobserveWidth(this);
  }

  /**
   * Sizes the window to the view's `width`: as many reference columns as fit beside the labels, at
   * least 8 (narrower boxes scroll, with a cue), at most WINDOW. Columns have a fixed width (see
   * --_cell), so the size found does not change the widths it was found from.
   */
  private _measure = (width: number): Fit | undefined => {
    const box = this.renderRoot.querySelector<HTMLElement>('.scroll');
    const head = box?.querySelector('thead tr') as HTMLTableRowElement | null;
    if (!box || !head || head.cells.length < 2) return;
    const [exactLabel, ...columns] = [...head.cells].map((c) => c.getBoundingClientRect().width);
    const label = Math.ceil(exactLabel!);
    const column = Math.ceil(columns.reduce((a, w) => Math.max(a, w), 1));
    width = Math.floor(width);
    const room = Math.floor((width - label) / column);
    const fit = Math.max(8, Math.min(WINDOW, room));
    const cut = fit > room ? label + Math.max(1, room) * column : 0;
    const view = (cut ? Math.min(width, cut) : width) - label;
    const f = this._fitted;
    if (fit === this._size && f?.label === label && f.column === column && f.view === view) return; // nothing new
    const n = this.timeline!.length;
    const p = this.position;
    const [from, to] = windowAround(p, n, this._size);
    const [newFrom, newTo] = windowAround(p, n, fit);
    const end = Math.max(0, (newTo - newFrom + 1) * column - view);
    const hint = this._overflow(from, to) > 1;
    const write = () => {
      if (!box.isConnected) return;
      // A table that scrolls has columns of whole pixels, as scrolling moves by whole pixels: no sliver
      // of one shows beside the labels, and _place needs no measure. Its box is cut to whole columns,
      // so even the last scroll position (which no snap point moves) has a column edge at the labels.
      if (cut && (label !== exactLabel || columns.some((w) => w !== column))) {
        this.style.setProperty('--_label', `${label}px`);
        this.style.setProperty('--_cell', `${column}px`);
      }
      box.style.scrollPaddingInlineStart = cut ? `${label}px` : '';
      box.parentElement!.style.maxWidth = cut ? `${cut}px` : '';
      this._fitted = { label, column, view };
      // Redrawn only if the window or the hint changes; a table that fits as it is drawn costs no layout.
      if (fit === this._size && hint === end > 1) return this._place();
      this._size = fit;
      this.requestUpdate();
    };
    // The view keeps its height if the same lines show under the table, the box gains or loses no
    // scroll bar, and only blank columns (steps to come, one line high) come or go.
    const keepsHeight =
      (from > 1 || to < n) === (newFrom > 1 || newTo < n) &&
      hint === end > 1 &&
      box.scrollWidth > box.clientWidth === end > 0 &&
      (from === newFrom || Math.min(from, newFrom) > p) &&
      (to === newTo || Math.min(to, newTo) >= p);
    return { write, keepsHeight };
  };

  /** The scroll that keeps the current step's column in view, and its cue: arithmetic on the last measure's whole-pixel widths. */
  private _place(): void {
    const t = this.timeline;
    const f = this._fitted;
    const box = this.renderRoot.querySelector<HTMLElement>('.scroll');
    if (!t || !f || !box) return;
    const [from, to] = windowAround(this.position, t.length, this._size);
    const end = this._overflow(from, to);
    const left = scrollFor(this._left, this.position - from, f.column, f.view, end);
    this._mark(left > 1, left < end - 1);
    if (left !== this._left) scrollLater(box, (this._left = left));
  }

  /** How far the table of columns `from` to `to` can scroll: beyond 1 pixel, the reader must scroll to see them all. */
  private _overflow(from: number, to: number): number {
    return this._fitted ? Math.max(0, (to - from + 1) * this._fitted.column - this._fitted.view) : 0;
  }

  /** Notes where the reader scrolled the table to, and shows the cue for it. */
  private _cue = (): void => {
    const box = this.renderRoot.querySelector<HTMLElement>('.scroll');
    if (!box) return;
    this._left = box.scrollLeft;
    this._mark(this._left > 1, this._left + box.clientWidth < box.scrollWidth - 1);
  };

  /** Shows the scroll cue on each side where columns are out of view. */
  private _mark(before: boolean, after: boolean): void {
    const frame = this.renderRoot.querySelector('.frame');
    frame?.toggleAttribute('data-before', before);
    frame?.toggleAttribute('data-after', after);
  }
}

/**
 * The window a table is first drawn with, before its width is known, guessed from the viewport (a
 * media query needs no layout). On a phone a long string is windowed whatever the fit, so the line
 * under the table stays and the fit is drawn in the table's first frame (table-fit.ts).
 */
const firstGuess = () => (matchMedia('(max-width: 36em)').matches ? 8 : WINDOW);

/** The dirty mark, a superscript `d` after the page. */
const dirtyMark = html`<span class="mark">d</span>`;

/**
 * A page that replaced a victim: the page, then an arrow and the victim struck through, smaller
 * (`2←7`), so the two pages never read as one number (`27`). The arrow is part of the text, so
 * copied or read without styles the cell still says `2←7`.
 */
function victimMark(page: unknown, victim: unknown, dirty = false) {
  return html`${page}${dirty ? dirtyMark : ''}<span class="out">←<s>${victim}</s></span>`;
}

define('mem-sim-vm-paging', VmPagingView);

export default VmPagingView;

declare global {
  interface HTMLElementTagNameMap {
    'mem-sim-vm-paging': VmPagingView;
  }
}
