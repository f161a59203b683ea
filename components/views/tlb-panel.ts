/**
 * The memory hardware beside a vm-paging frame table, for scenarios with `tlb`, a latency,
 * `levels` or `address-bits`: the TLB's entries at the current step and whether the current
 * reference hit it, the walk of an address through the page-table levels, and the effective access
 * time with the formula filled in with the scenario's numbers (DESIGN.md's Silberschatz formulas).
 *
 * In a chunk of its own with the faults chart (vm-paging-extras.ts), which the vm-paging view imports
 * only for a scenario that sets those keys or a frame range: until it arrives `<mem-sim-tlb>` is an
 * empty element, and the frame table is the first render.
 */
import { css, html, LitElement, nothing } from 'lit';
import type { PagingConfig, PagingEvent, PagingFields, PagingState } from '../../engine/schemes/vm-paging/index.js';
import type { Hardware } from '../../engine/schemes/vm-paging/levels.js';
import type { Timeline } from '../../engine/timeline.js';
import { formatHex, formatNumber, formatSize } from '../../engine/units.js';
import { define } from '../define.js';

type PagingTimeline = Timeline<PagingConfig, PagingState, PagingEvent, PagingFields>;

const n = formatNumber;

/**
 * The effective access time after `p` references, as the formula with its numbers and its value.
 * With a TLB, DESIGN.md's three costs weighted by their counts; without, Silberschatz's demand-paging
 * form `(1 − p) × memory + p × fault`, with p the fault rate so far.
 */
export function accessTimeFormula(h: Hardware, s: PagingState): { formula: string; filled: string; value: number } | undefined {
  const tlb = s.tlb;
  if (!tlb || !h.timed || tlb.references === 0) return undefined;
  const refs = tlb.references;
  const value = Math.round((tlb.time(h) / refs) * 1000) / 1000;
  const { memoryLatency: m, tlbLatency: e, faultLatency: f, levels } = h;
  if (h.tlb === undefined) {
    return {
      formula: 'EAT = (1 − p) × memory + p × fault, with p = faults / references',
      filled: `EAT = (1 − ${tlb.faults}/${n(refs)}) × ${n(m)} + ${tlb.faults}/${n(refs)} × ${n(f)}`,
      value,
    };
  }
  const walk = levels === 1 ? `2 × ${n(m)}` : `${levels + 1} × ${n(m)}`;
  return {
    formula: 'EAT = (TLB hits × (TLB + memory) + TLB misses × (TLB + (levels + 1) × memory) + faults × fault) / references',
    filled: `EAT = (${n(tlb.hits)} × (${n(e)} + ${n(m)}) + ${n(tlb.walks)} × (${n(e)} + ${walk}) + ${n(tlb.faults)} × ${n(f)}) / ${n(refs)}`,
    value,
  };
}

/** An address's fields, outermost level first, then the offset: each field's bits and value. */
export function splitAddress(split: readonly number[], address: number): { bits: number; value: number }[] {
  let rest = address;
  const out: { bits: number; value: number }[] = [];
  for (let i = split.length - 1; i >= 0; i--) {
    const size = 2 ** split[i]!;
    out.unshift({ bits: split[i]!, value: rest % size });
    rest = Math.floor(rest / size);
  }
  return out;
}

/**
 * The TLB, the level walk and the effective access time of one run at one step.
 *
 * @tagname mem-sim-tlb
 * @csspart tlb - the TLB's entries
 * @csspart walk - the address split into levels and offset, and its walk
 * @csspart access-time - the effective access time and its formula
 */
export class TlbPanel extends LitElement {
  static override properties = { timeline: { attribute: false }, position: { type: Number } };
  static override styles = css`
    :host {
      display: block;
      font-size: 0.9em;
      margin: 0.4rem 0 0;
    }
    h3 {
      font-size: 1em;
      margin: 0.4rem 0 0.2rem;
    }
    p {
      margin: 0.2rem 0;
    }
    ol.tlb {
      display: flex;
      flex-wrap: wrap;
      gap: 0.3em;
      list-style: none;
      margin: 0;
      padding: 0;
    }
    ol.tlb li,
    .field {
      border: 1px solid var(--_border, currentColor);
      padding: 0.1em 0.4em;
    }
    .hit {
      background: var(--_hit-background);
      color: var(--_hit-text);
      font-weight: bold;
    }
    .fields {
      display: flex;
      flex-wrap: wrap;
      gap: 0.2em;
    }
    .field small {
      display: block;
      color: var(--_muted);
    }
    code {
      overflow-wrap: anywhere;
    }
  `;

  declare timeline?: PagingTimeline;
  declare position: number;

  constructor() {
    super();
    this.position = 0;
  }

  override render() {
    const t = this.timeline;
    const h = t?.config.hardware;
    if (!t || !h) return nothing;
    const p = this.position;
    const s = t.stateAt(p);
    const e = p > 0 ? t.eventAt(p) : undefined;
    const eat = accessTimeFormula(h, s);
    const frameOf = (page: number) => s.frames.indexOf(page);
    return html`${h.tlb === undefined
        ? nothing
        : html`<section part="tlb" aria-label="TLB">
            <h3>TLB (${h.tlb} ${h.tlb === 1 ? 'entry' : 'entries'}, least recently used first)</h3>
            ${s.tlb!.entries.length === 0
              ? html`<p>The TLB is empty.</p>`
              : html`<ol class="tlb">
                  ${s.tlb!.entries.map(
                    (page) => html`<li class=${e?.tlbHit && e.page === page ? 'hit' : ''}>page ${page} → frame ${frameOf(page)}</li>`,
                  )}
                </ol>`}
            ${e ? html`<p>Reference ${p} (page ${e.page}): ${e.tlbHit ? 'a TLB hit' : e.fault ? 'a page fault, so a TLB miss' : 'a TLB miss'}.</p>` : nothing}
          </section>`}
      ${h.split ? this._walk(h, e) : nothing}
      ${eat
        ? html`<section part="access-time" aria-label="effective access time">
            <h3>Effective access time after ${n(p)} reference${p === 1 ? '' : 's'}</h3>
            <p><code>${eat.formula}</code></p>
            <p><code>${eat.filled} = ${n(eat.value)} ns</code></p>
          </section>`
        : nothing}`;
  }

  /** The address split into its fields, and the walk through the levels to the frame (or why there is none). */
  private _walk(h: Hardware, e: PagingEvent | undefined) {
    const split = h.split!;
    const levels = split.length - 1;
    const bits = split.reduce((a, b) => a + b);
    const table = `linear page table: 2^${bits - split[levels]!} entries × ${h.pageTableBytes! / 2 ** (bits - split[levels]!)} B = ${formatSize(h.pageTableBytes!)}`;
    const fields = e?.address === undefined ? undefined : splitAddress(split, e.address);
    const name = (i: number) => (i === levels ? 'offset' : levels === 1 ? 'page' : `level ${i + 1}`);
    return html`<section part="walk" aria-label="address split">
      <h3>${bits}-bit address: ${split.map((b, i) => `${name(i)} ${b} bits`).join(', ')}</h3>
      <p>${table}</p>
      ${fields && e
        ? html`<div class="fields" role="list">
              ${fields.map(
                (f, i) => html`<span class="field" role="listitem"><small>${name(i)} (${f.bits} bits)</small>${i === levels ? formatHex(f.value) : f.value}</span>`,
              )}
            </div>
            <p>
              ${e.tlbHit
                ? `The TLB gives frame ${e.frame} at once: no walk.`
                : `${e.fault ? 'Walk: ' : 'TLB miss, walk: '}${fields
                    .slice(0, levels)
                    .map((f, i) => `${levels === 1 ? 'page table' : i === 0 ? 'outer table' : `level-${i + 1} table`} entry ${f.value}`)
                    .join(' → ')} → ${e.fault ? `not resident: a page fault loads page ${e.page} into frame ${e.frame}` : `frame ${e.frame}`}; physical address ${formatHex(
                    e.frame * (2 ** split[levels]!) + fields[levels]!.value,
                  )}.`}
            </p>`
        : nothing}
    </section>`;
  }
}

define('mem-sim-tlb', TlbPanel);

declare global {
  interface HTMLElementTagNameMap {
    'mem-sim-tlb': TlbPanel;
  }
}
