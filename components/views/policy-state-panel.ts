/**
 * What a replacement policy knows beside the frame table, behind a toggle under LRU, OPT and FIFO
 * tables: the recency stack, each resident page's next use, or the load queue, with the page the
 * next fault would evict marked in words. Part of the vm-paging view (its chunk).
 */
import { css, html, nothing, type TemplateResult } from 'lit';
import type { PagingConfig, PagingEvent, PagingFields, PagingState, Policy } from '../../engine/schemes/vm-paging/index.js';
import { framesFull, loadOrder, nextUseOrder, recencyOrder, type ResidentPage } from '../../engine/schemes/vm-paging/policy-state.js';
import type { Timeline } from '../../engine/timeline.js';

type PagingTimeline = Timeline<PagingConfig, PagingState, PagingEvent, PagingFields>;

/**
 * What each policy knows beside the frame table, as its toggle names it: the resident pages from
 * the one it keeps longest to the next victim, the heading of the list, and what each page's line says.
 */
const POLICY_STATE: Partial<Record<Policy, [string, (c: PagingConfig, s: PagingState) => ResidentPage[], string, (r: ResidentPage, p: number) => string]>> = {
  LRU: ['Show LRU stack', recencyOrder, 'LRU stack, most recently used at the top', (r) => `last used at reference ${r.lastUsed + 1}`],
  OPT: [
    'Show next uses',
    nextUseOrder,
    'Next uses, soonest at the top',
    (r, p) => (r.nextUse === null ? 'never used again' : `next used at reference ${r.nextUse + 1} (in ${r.nextUse + 1 - p})`),
  ],
  FIFO: ['Show FIFO queue', loadOrder, 'FIFO queue, last loaded at the top', (r) => `loaded at reference ${r.loaded + 1}`],
};

/** The toggle and the list of resident pages in the policy's order (nothing for a policy without one). */
export function renderPolicyState(t: PagingTimeline, p: number, open: boolean, toggle: () => void): TemplateResult | typeof nothing {
  const view = POLICY_STATE[t.run.fields.policy];
  if (!view) return nothing;
  const [label, order, heading, line] = view;
  const state = open ? t.stateAt(p) : undefined;
  const pages = state ? order(t.config, state) : [];
  const full = state !== undefined && framesFull(state);
  return html`<button
      part="policy-toggle"
      aria-expanded=${String(open)}
      aria-controls="policy-state"
      @click=${toggle}
    >
      ${label}
    </button>
    <div id="policy-state" class="policy" part="policy-state" ?hidden=${!open}>
      ${pages.length === 0
        ? html`<p>No page is resident yet.</p>`
        : html`<p>${heading}, after reference ${p}:</p>
            <ol>
              ${pages.map((r, i) => {
                const next = full && i === pages.length - 1;
                return html`<li class=${next ? 'next' : ''}>page ${r.page}: ${line(r, p)}${next ? ' (next to go on a fault)' : ''}</li>`;
              })}
            </ol>
            ${full ? nothing : html`<p>A frame is still free: the next fault fills it and evicts no page.</p>`}`}
    </div>`;
}

/** The toggle's and the list's looks, in the view's shadow root. */
export const policyStateStyles = css`
  button {
    font: inherit;
    font-size: 0.85em;
    color: var(--_text);
    background: var(--_background);
    border: 1px solid var(--_border);
    border-radius: var(--mem-sim-radius, 6px);
    min-height: 2.2rem;
    padding: 0 0.5rem;
    margin-top: 0.4rem;
    cursor: pointer;
  }
  button[aria-expanded='true'] {
    border-color: var(--_accent);
    box-shadow: inset 0 0 0 1px var(--_accent);
  }
  .policy {
    margin: 0.3rem 0 0;
    font-size: 0.85em;
  }
  .policy p {
    margin: 0.2rem 0 0;
  }
  .policy ol {
    margin: 0.2rem 0 0;
    padding-inline-start: 0;
    list-style: none;
    display: inline-block;
  }
  .policy li {
    border: 1px solid var(--_border);
    border-top-width: 0;
    padding: 0.15em 0.5em;
  }
  .policy li:first-child {
    border-top-width: 1px;
  }
  .policy li.next {
    background: var(--_victim-background);
    font-weight: bold;
  }
`;
