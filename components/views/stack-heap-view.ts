import { css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import type { StackHeapConfig, StackHeapFields } from '../../engine/schemes/stack-heap/config.js';
import type { StackHeapEvent } from '../../engine/schemes/stack-heap/sentences.js';
import type { Block, FreeEntry, Local, Pointer, StackHeapState } from '../../engine/schemes/stack-heap/state.js';
import type { Timeline } from '../../engine/timeline.js';
import { define } from '../define.js';
import { SchemeView } from './scheme-view.js';

type HeapTimeline = Timeline<StackHeapConfig, StackHeapState, StackHeapEvent, StackHeapFields>;

/** Heap areas (blocks and free blocks), frames and globals drawn at most; the rest is summed up in a line. */
const MAX_ITEMS = 160;

const PARTS = ['address-space', 'stack', 'heap', 'globals', 'free-list', 'arrows'];

type Area = { block?: Block; free?: FreeEntry; start: number; size: number };

/**
 * The call stack and the heap as one column of the address space, high addresses at the top: the
 * stack's frames growing down from the top of memory, each with its header and its variables (a
 * pointer says in words where it points); the unused middle; the heap's blocks growing up from its
 * base, allocated, free or leaked, each with its header; the globals; and the free list in its order.
 * An arrow goes from each pointer to the block it reaches (drawn over the column, hidden from
 * assistive technology: the words say the same).
 *
 * @tagname mem-sim-stack-heap
 * @csspart address-space - the column of the address space
 * @csspart stack - the frames
 * @csspart heap - the heap's blocks and free blocks
 * @csspart globals - the global pointers (OSTEP's ptrK among them)
 * @csspart free-list - the free list in its order
 * @csspart arrows - the arrows from pointers to blocks
 */
export class StackHeapView extends SchemeView {
  static override styles = [
    SchemeView.styles,
    css`
      :host {
        display: block;
      }
      .col {
        position: relative;
        max-width: 34rem;
        padding-inline-end: 2.5rem;
      }
      ol,
      ul {
        list-style: none;
        margin: 0;
        padding: 0;
      }
      h3 {
        font-size: 0.9em;
        margin: 0.3rem 0 0.15rem;
      }
      li {
        font-size: 0.85em;
      }
      .frame {
        border: 1px solid var(--_border);
        margin-bottom: 2px;
        padding: 0.1rem 0.35rem;
      }
      .frame.current,
      .area.current {
        outline: 3px solid var(--_accent);
        outline-offset: -2px;
      }
      .var,
      .area {
        display: flex;
        justify-content: space-between;
        gap: 0.5rem;
        border-top: 1px dotted var(--_border);
        padding: 0.05rem 0;
      }
      .area {
        border: 1px solid var(--_border);
        margin-top: -1px;
        padding: 0.1rem 0.35rem;
      }
      .area.free {
        border-style: dashed;
        color: var(--_muted);
      }
      .area.used {
        background: var(--_current-background);
      }
      .area.leaked {
        background: var(--_fault-background);
        color: var(--_fault-text);
      }
      .n,
      .gap,
      .none {
        color: var(--_muted);
      }
      .gap {
        text-align: center;
        font-size: 0.8em;
        padding: 0.3rem 0;
      }
      .trap {
        background: var(--_fault-background);
        color: var(--_fault-text);
      }
      svg {
        position: absolute;
        inset: 0;
        width: 100%;
        height: 100%;
        pointer-events: none;
        overflow: visible;
      }
      path {
        fill: none;
        stroke: var(--_accent);
        stroke-width: 1.5;
      }
      p {
        margin: 0.2rem 0;
      }
    `,
  ];

  override connectedCallback(): void {
    super.connectedCallback();
    const have = this.getAttribute('exportparts')?.split(/\s*,\s*/).filter(Boolean) ?? [];
    this.setAttribute('exportparts', [...new Set([...have, ...PARTS])].join(', '));
  }

  override render() {
    const t = this.timeline as HeapTimeline | undefined;
    if (!t) return nothing;
    const c = t.config;
    const s = t.stateAt(this.position);
    const e = t.eventAt(this.position);
    const areas: Area[] = [...[...s.blocks.values()].map((b) => ({ block: b, start: b.start, size: b.size })), ...s.free.map((f) => ({ free: f, start: f.start, size: f.size }))];
    areas.sort((a, b) => b.start - a.start);
    const order = new Map(s.free.map((f, i) => [f.start, i + 1]));
    const frames = s.frames.slice(0, MAX_ITEMS);
    const lowest = s.frames.length ? s.frames[s.frames.length - 1]!.start : c.memory;
    const heapTop = c.base + c.heap;
    const globals = [...s.globals].slice(0, MAX_ITEMS);
    const free = s.free.slice(0, MAX_ITEMS).map((f) => `${f.start} (${f.size} bytes)`);
    return html`<div part="address-space" role="region" tabindex="0" aria-label="${t.run.label}: the address space, highest addresses first">
        <div class="col">
          <section part="stack">
            <h3>Stack <span class="n">(from ${c.memory}, grows down to ${c.memory - c.stack})</span></h3>
            ${frames.length ? html`<ol>${frames.map((f, i) => html`<li class="frame${i === s.frames.length - 1 && e?.kind === 'call' ? ' current' : ''}">
                  <b>${f.func}</b> <span class="n">frame at ${f.start}, ${f.size} bytes</span>
                  <ul>
                    <li class="var"><span>return address, saved frame pointer</span> <span class="n">${c.frameHeader} bytes</span></li>
                    ${f.locals.map((l) => this.variable(s, l))}
                  </ul>
                </li>`)}</ol>`
              : html`<p class="none">no frames</p>`}
            ${s.frames.length > frames.length ? html`<p class="none">… ${s.frames.length - frames.length} deeper frames not drawn</p>` : nothing}
            ${e?.trap === 'stack overflow' ? html`<p class="trap"><b>Trap: stack overflow</b></p>` : nothing}
          </section>
          <p class="gap">${lowest > heapTop ? `${lowest - heapTop} bytes between the stack (${lowest}) and the heap's end (${heapTop})` : nothing}</p>
          <section part="heap">
            <h3>Heap <span class="n">(from ${c.base}, grows up to ${heapTop})</span></h3>
            <ol>
              ${areas.slice(0, MAX_ITEMS).map((a) => this.area(c, a, order, e))}
            </ol>
            ${areas.length > MAX_ITEMS ? html`<p class="none">… ${areas.length - MAX_ITEMS} lower blocks not drawn</p>` : nothing}
            ${e?.trap && e.trap !== 'stack overflow' ? html`<p class="trap"><b>Trap: ${e.trap}</b></p>` : nothing}
          </section>
          ${globals.length
            ? html`<section part="globals">
                <h3>Globals <span class="n">(outside the stack)</span></h3>
                <ul>${globals.map(([name, p]) => this.variable(s, { name, start: -1, size: 0, ptr: p }))}</ul>
              </section>`
            : nothing}
          <svg part="arrows" aria-hidden="true"><g class="arrows"></g>
            <defs><marker id="head" viewBox="0 0 6 6" refX="5" refY="3" markerWidth="6" markerHeight="6" orient="auto"><path d="M0,0 L6,3 L0,6 z" style="fill: var(--_accent); stroke: none"></path></marker></defs>
          </svg>
        </div>
      </div>
      <p part="free-list"><b>Free list</b> (in its order, ${c.freeList}${c.coalesce ? ', coalescing' : ', no coalescing'}): ${free.length ? free.join(' → ') : html`<span class="none">empty</span>`}${s.free.length > free.length ? ` → … ${s.free.length - free.length} more` : ''}</p>`;
  }

  /** A variable of a frame (or a global): its name and size, and for a pointer where it points, in words. */
  private variable(s: StackHeapState, l: Local): TemplateResult {
    const p = l.ptr;
    const where = l.start >= 0 ? `${l.size} bytes at ${l.start}` : '';
    return html`<li class="var" data-to=${p ? (this.reach(s, p) ?? nothing) : nothing}>
      <span>${l.name}${p ? html` = ${this.pointerText(s, p)}` : nothing}</span> <span class="n">${where}</span>
    </li>`;
  }

  private reach(s: StackHeapState, p: Pointer): string | undefined {
    const b = s.target(p);
    return b ? String(b.start) : undefined;
  }

  private pointerText(s: StackHeapState, p: Pointer): string {
    if (p.addr === null) return 'null';
    const b = s.target(p);
    if (b) return `${p.addr} → block at ${b.returned}${p.addr === b.returned ? '' : ` (+${p.addr - b.returned})`}`;
    return p.block !== null ? `${p.addr} (dangling: freed)` : `${p.addr} (no block)`;
  }

  private area(c: StackHeapConfig, a: Area, order: Map<number, number>, e: StackHeapEvent | undefined): TemplateResult {
    const current = e?.block === a.start ? ' current' : '';
    if (a.free) {
      return html`<li class="area free${current}"><span>free: ${a.size} bytes</span> <span class="n">at ${a.start}, #${order.get(a.start)} in the free list</span></li>`;
    }
    const b = a.block!;
    const kind = b.leaked ? 'leaked' : 'used';
    return html`<li class="area ${kind}${current}" data-block=${b.start}>
      <span>${b.leaked ? 'leaked' : 'allocated'}: ${b.size - c.header} bytes at ${b.returned}${b.size - c.header !== b.requested ? ` (asked ${b.requested})` : ''}</span>
      <span class="n">${c.header ? `header ${c.header} bytes at ${b.start}` : `at ${b.start}`}</span>
    </li>`;
  }

  /** Measures where pointers and blocks landed and draws an arrow for each pointer into a block. */
  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    const root = this.renderRoot;
    const col = root.querySelector<HTMLElement>('.col');
    if (!col) return;
    const box = col.getBoundingClientRect();
    const right = box.width - 4;
    const paths: string[] = [];
    let lane = 0;
    for (const from of root.querySelectorAll<HTMLElement>('.var[data-to]')) {
      const to = root.querySelector<HTMLElement>(`.area[data-block="${from.dataset.to}"]`);
      if (!to) continue;
      const a = from.getBoundingClientRect();
      const b = to.getBoundingClientRect();
      const y1 = a.top + a.height / 2 - box.top;
      const y2 = b.top + b.height / 2 - box.top;
      const x1 = a.right - box.left;
      const x2 = b.right - box.left;
      const out = Math.min(right, x1 + 8 + (lane++ % 4) * 6);
      paths.push(`M${x1},${y1} H${out} V${y2} H${x2 + 2}`);
    }
    // Drawn outside Lit's template (the group has no bindings): measuring needs the laid-out column, and a second render would re-measure.
    const g = root.querySelector('g.arrows');
    g?.replaceChildren(
      ...paths.map((d) => {
        const path = document.createElementNS('http://www.w3.org/2000/svg', 'path');
        path.setAttribute('d', d);
        path.setAttribute('marker-end', 'url(#head)');
        return path;
      }),
    );
  }
}

define('mem-sim-stack-heap', StackHeapView);

export default StackHeapView;

declare global {
  interface HTMLElementTagNameMap {
    'mem-sim-stack-heap': StackHeapView;
  }
}
