/**
 * The key under every view: one entry per colour or mark the view draws, each a swatch and its
 * meaning in words. A swatch wears the very classes the view puts on its cells or blocks, inside
 * the view's own shadow root (the key renders into its light DOM, which sits there), so it takes
 * their fill, pattern and text in either theme and cannot drift from them; and since each swatch
 * also shows a letter, symbol, outline or pattern, and each entry says what it means, colour is
 * never the only signal.
 *
 * A chunk of its own, imported by SchemeView once a view has drawn its first step: the key explains
 * the picture, it is not the picture, so it costs nothing before the first render (the 45 KB
 * budget). Until the chunk arrives, `<mem-sim-legend>` is an empty element; then every key on the
 * page upgrades at once.
 */
import { css, html, LitElement } from 'lit';
import { define } from '../define.js';

/**
 * One entry: the classes its swatch wears (those of the cells it explains), what the swatch shows
 * inside (a letter, a symbol, a sample cell's content, or nothing for a pattern or an empty fill),
 * and what it means. A tuple, so views list their keys tersely.
 */
export type LegendEntry = readonly [classes: string, sample: unknown, meaning: string];

/**
 * The entries of the memory bar's looks, which the contiguous views' trees and tables share (a
 * table row of a hole or free block is `free`, the row of the block just placed `current`), in key
 * order. Views name them (`'process current hole'`) rather than spell them, so the words live here.
 */
const BAR_KEY: Record<string, LegendEntry> = {
  os: ['os', 'OS', 'operating system'],
  process: ['process', 'P', 'process'],
  current: ['process current', 'P', 'placed by this step'],
  hole: ['hole free', '', 'hole'],
  free: ['free', '', 'free'],
  split: ['split', '', 'split in two (halves below)'],
  lost: ['lost', '', 'lost inside (internal fragmentation)'],
  used: ['used', '', 'used, no process named'],
  unused: ['unused', '', 'in no partition'],
  many: ['many', '', 'small blocks drawn as one'],
};

/**
 * The key's layout. Adopted after the view's own styles: it only sizes and places the swatch
 * (never its colours, which are the view's), and takes a pattern out of absolute placement (the
 * memory bar's lost space is drawn absolutely inside its block).
 */
const legendStyles = css`
  .legend {
    display: flex;
    flex-wrap: wrap;
    gap: 0 1em;
    margin: 0.3rem 0 0;
    padding: 0;
    list-style: none;
    font-size: 0.85em;
    color: var(--_muted);
  }
  /* A swatch two lines high (a victim under its page) stays beside its words, centred on them. */
  .legend li {
    display: flex;
    align-items: center;
    gap: 0.3em;
  }
  .key {
    position: relative;
    display: inline-block;
    min-width: 1.5em;
    min-height: 1.2em;
    border: 1px solid var(--_border);
    text-align: center;
    vertical-align: middle;
  }
  /* The text colour of most cells and blocks, at no specificity: the view's rules for a look win. */
  :where(.key) {
    color: var(--_text);
  }
`;

/**
 * The key to a view's colours and marks, as a list. Swatches are hidden from assistive technology:
 * the cells they explain carry their meaning in words already (titles, text alternatives), so a
 * screen reader hears each entry's meaning once.
 *
 * @tagname mem-sim-legend
 * @csspart legend - the list of entries
 */
export class MemSimLegend extends LitElement {
  static override properties = { entries: { attribute: false }, looks: { attribute: false } };

  /** The entries, in order. */
  entries: readonly LegendEntry[] = [];

  /** Names of the memory bar's looks to explain (`process`, `hole`, `lost`...), listed after `entries` in the key's own order. */
  looks: ReadonlySet<string> = new Set();

  /** Renders into the view's shadow root, where the view's classes give the swatches their looks. */
  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    const root = this.getRootNode();
    const sheet = legendStyles.styleSheet;
    if (root instanceof ShadowRoot && sheet && !root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  }

  override render() {
    const entries = [...this.entries, ...Object.keys(BAR_KEY).flatMap((k) => (this.looks.has(k) ? [BAR_KEY[k]!] : []))];
    return html`<ul class="legend" part="legend">
      ${entries.map(([classes, sample, meaning]) => html`<li><span class="key ${classes}" aria-hidden="true">${sample}</span> ${meaning}</li>`)}
    </ul>`;
  }
}

define('mem-sim-legend', MemSimLegend);

declare global {
  interface HTMLElementTagNameMap {
    'mem-sim-legend': MemSimLegend;
  }
}
