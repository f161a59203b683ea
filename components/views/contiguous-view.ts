/**
 * What the views of the contiguous schemes (dynamic, fixed, buddy) share besides the memory bar:
 * the waiting queue and the swapped-out processes, a table of blocks that shows a window of rows
 * around the current step's change when memory holds very many, and their styles.
 */
import { css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { procText } from '../../engine/contiguous/common.js';
import type { ContiguousEvent, ContiguousState } from '../../engine/contiguous/core.js';
import type { RunFields } from '../../engine/scheme.js';
import type { Timeline } from '../../engine/timeline.js';
import { memoryBarStyles } from './memory-bar.js';
import { SchemeView } from './scheme-view.js';

/** A run of a contiguous scheme, whatever its memory. */
export type ContiguousTimeline<C, M, F extends RunFields = RunFields> = Timeline<C, ContiguousState<M>, ContiguousEvent, F>;

/** A table row: its cells (text or templates) and an optional class (`current`, `free`). */
export interface Row {
  cells: unknown[];
  class?: string;
}

/**
 * Rows a block table shows at once; longer maps show a window around the current step's change.
 * Textbook examples fit; a trace that keeps a thousand holes shows twenty rows around the change,
 * since laying out a table is most of what a step costs there.
 */
export const ROWS = 20;

/** The parts every contiguous view has; `<mem-sim>` exports them so pages can style `mem-sim::part(...)`. */
const PARTS = ['memory-bar', 'map-table', 'table', 'queue', 'swapped', 'registers'];

/** The registers' drawing (registers.ts), fetched the first time a view shows an `access` step. */
let drawRegisters: typeof import('./registers.js').renderRegisters | undefined;
let registersLoading: Promise<unknown> | undefined;

export class ContiguousView extends SchemeView {
  static override styles = [
    SchemeView.styles,
    memoryBarStyles,
    css`
      :host {
        display: block;
      }
      .lists {
        display: flex;
        flex-wrap: wrap;
        gap: 0.1rem 1.2rem;
        margin: 0.2rem 0 0.4rem;
      }
      .lists p {
        margin: 0;
      }
      .lists b {
        font-weight: 600;
      }
      .none {
        color: var(--_muted);
      }
      h3 {
        font-size: 0.9em;
        margin: 0.5rem 0 0.2rem;
      }
      .scroll {
        margin-top: 0.3rem;
      }
      table {
        font-size: 0.9em;
      }
      caption {
        text-align: start;
        font: 600 1em var(--mem-sim-font, system-ui, sans-serif);
        white-space: nowrap;
        padding-bottom: 0.2rem;
      }
      th,
      td {
        text-align: start;
      }
      /* The block just placed: outlined as in the bar, so its colour is not the only signal. */
      tr.current {
        outline: 2px solid var(--_accent);
        outline-offset: -2px;
      }
      tr.current td {
        background: var(--_hit-background);
        color: var(--_hit-text);
      }
      tr.free td {
        color: var(--_muted);
      }
      tfoot th,
      tfoot td {
        font-weight: 600;
      }
      .window {
        margin: 0.2rem 0 0;
        font-size: 0.85em;
        color: var(--_muted);
      }
    `,
  ];

  /** Row of the block table the window was last centred on, so it stays put while nothing moves. */
  private _focus = 0;

  override connectedCallback(): void {
    super.connectedCallback();
    // <mem-sim> exports the parts it knows; add this family's own.
    const have = this.getAttribute('exportparts')?.split(/\s*,\s*/).filter(Boolean) ?? [];
    const parts = [...new Set([...have, ...PARTS, ...(this.constructor as typeof ContiguousView).parts])];
    this.setAttribute('exportparts', parts.join(', '));
  }

  /** Parts of a subclass besides those every contiguous view has. */
  static parts: readonly string[] = [];

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('timeline')) this._focus = 0;
  }

  /**
   * On an `access` step, the relocation registers it used (the process's start and size) and the
   * translation. Traces without accesses never fetch their code.
   */
  protected registers(): TemplateResult | typeof nothing {
    const a = (this.timeline?.eventAt(this.position) as ContiguousEvent | undefined)?.access;
    if (!a) return nothing;
    if (drawRegisters) return drawRegisters(a.base, a.bounds, a);
    registersLoading ??= import('./registers.js').then((m) => void (drawRegisters = m.renderRegisters));
    registersLoading.then(
      () => this.requestUpdate(),
      () => (registersLoading = undefined),
    );
    return nothing;
  }

  /** The waiting queue and the swapped-out processes: named processes, in arrival order; above them, an access step's registers. */
  protected lists(s: ContiguousState<unknown>, queue: TemplateResult | typeof nothing = nothing): TemplateResult {
    const names = (xs: readonly string[]) => (xs.length ? xs.join(', ') : html`<span class="none">none</span>`);
    const waiting = s.waiting.map((w) => `${procText(w)}${w.swapIn ? ' to swap in' : ''}`);
    const swapped = s.swapped.map((x) => `${procText(x)}${x.victim ? ', to make room' : ''}`);
    return html`${this.registers()}<div class="lists">
      <p part="queue"><b>Waiting</b> (in arrival order): ${names(waiting)}</p>
      ${queue}
      <p part="swapped"><b>Swapped out</b>: ${names(swapped)}</p>
    </div>`;
  }

  /**
   * A table of blocks in address order, `count` rows made by `row`. When there are more than ROWS it
   * shows ROWS of them (and makes only those): around row `focus` (the step's change) when there is
   * one, else where it was. `part` names the scrolling box around it.
   */
  protected blockTable(
    caption: string,
    head: string[],
    count: number,
    row: (i: number) => Row,
    focus: number | undefined,
    foot?: unknown[],
    part = 'map-table',
  ): TemplateResult {
    let from = 0;
    if (count > ROWS) {
      if (focus !== undefined && focus >= 0) this._focus = focus;
      from = Math.max(0, Math.min(this._focus - (ROWS >> 1), count - ROWS));
    }
    const shown = Array.from({ length: Math.min(count, ROWS) }, (_, i) => row(from + i));
    const label = `${this.timeline?.run.label}: ${caption}`;
    return html`<div class="scroll" part=${part} tabindex="0" role="region" aria-label=${label}>
        <table part="table">
          <caption>${caption}</caption>
          <thead>
            <tr>
              ${head.map((h) => html`<th scope="col">${h}</th>`)}
            </tr>
          </thead>
          <tbody>
            ${shown.map(
              (r) => html`<tr class=${r.class ?? nothing}>
                ${r.cells.map((c, i) => (i === 0 ? html`<th scope="row">${c}</th>` : html`<td>${c}</td>`))}
              </tr>`,
            )}
          </tbody>
          ${foot
            ? html`<tfoot>
                <tr>
                  ${foot.map((c, i) => (i === 0 ? html`<th scope="row">${c}</th>` : html`<td>${c}</td>`))}
                </tr>
              </tfoot>`
            : nothing}
        </table>
      </div>
      ${count > ROWS ? html`<p class="window">Rows ${from + 1} to ${from + ROWS} of ${count}</p>` : nothing}`;
  }

  /** The run's state and event at the current position, typed for the subclass. */
  protected at<C, M, F extends RunFields = RunFields>(): { t: ContiguousTimeline<C, M, F>; s: ContiguousState<M>; e: ContiguousEvent | undefined; c: C } | undefined {
    const t = this.timeline as ContiguousTimeline<C, M, F> | undefined;
    if (!t) return undefined;
    return { t, s: t.stateAt(this.position), e: t.eventAt(this.position), c: t.config };
  }
}
