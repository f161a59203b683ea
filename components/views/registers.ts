/**
 * The base and bounds registers at one access, drawn the same in every view that translates flat
 * addresses (relocation, and an `access` step of the contiguous schemes): the address, the comparison
 * `address < bounds` with its answer in words, then the sum or the trap. A render function that
 * carries its own styles, so a contiguous view can load it the first time an access is shown.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { Translation } from '../../engine/contiguous/relocate.js';

// Static text (no bindings inside a style element): the same in every view that draws registers.
const STYLE = html`<style>
  .registers {
    display: flex;
    flex-wrap: wrap;
    gap: 0.3rem 0.6rem;
    margin: 0.3rem 0;
    font-variant-numeric: tabular-nums;
  }
  .registers div {
    border: 1px solid var(--_border);
    border-radius: 3px;
    padding: 0.15rem 0.4rem;
  }
  .registers dt {
    font-size: 0.8em;
    color: var(--_muted);
  }
  .registers dd {
    margin: 0;
    font-weight: 600;
  }
  /* A trap is said in words and drawn dashed, so its colour is not the only signal. */
  .registers .trap,
  .registers .check.no {
    border: 2px dashed var(--_fault-text, currentColor);
  }
</style>`;

/** The registers and the translation of `t`; without `t`, the registers alone (before any access). */
export function renderRegisters(base: number | null, bounds: number | null, t: Translation | undefined): TemplateResult {
  const trapped = t?.trap != null;
  return html`${STYLE}<dl class="registers" part="registers">
    <div><dt>base</dt><dd>${base ?? 'none (not in memory)'}</dd></div>
    <div><dt>bounds</dt><dd>${bounds ?? 'none'}</dd></div>
    ${t
      ? html`<div><dt>address</dt><dd>${t.address} of ${t.process}</dd></div>
          ${t.trap === 'not resident'
            ? nothing
            : html`<div class=${trapped ? 'check no' : 'check yes'}>
                <dt>address &lt; bounds?</dt>
                <dd>${t.address} &lt; ${t.bounds}: ${trapped ? 'false' : 'true'}</dd>
              </div>`}
          ${trapped
            ? html`<div class="trap"><dt>trap</dt><dd>${t.trap}: no physical address</dd></div>`
            : html`<div class="sum"><dt>physical = base + address</dt><dd>${t.base} + ${t.address} = <strong>${t.physical}</strong></dd></div>`}`
      : html`<div><dt>address</dt><dd>none yet</dd></div>`}
  </dl>`;
}
