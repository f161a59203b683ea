/**
 * The key under every view: one entry per colour or mark the view draws, each a swatch and its
 * meaning in words. A swatch wears the very classes the view puts on its cells or blocks, inside
 * the view's own shadow root, so it takes their fill, pattern and text in either theme and cannot
 * drift from them; and since each swatch also shows a letter, symbol, outline or pattern, and each
 * entry says what it means, colour is never the only signal. A module of its own, loaded by the
 * views only (never by the core chunk), so every scheme's view inherits it.
 */
import { css, html, type TemplateResult } from 'lit';

/**
 * One entry: the classes its swatch wears (those of the cells it explains), what the swatch shows
 * inside (a letter, a symbol, a sample cell's content, or nothing for a pattern or an empty fill),
 * and what it means. A tuple, so views list their keys tersely.
 */
export type LegendEntry = readonly [classes: string, sample: unknown, meaning: string];

/**
 * The key as a list. Swatches are hidden from assistive technology: the cells they explain carry
 * their meaning in words already (titles, text alternatives), so a screen reader hears each entry's
 * meaning once.
 */
export const renderLegend = (entries: readonly LegendEntry[]): TemplateResult =>
  html`<ul class="legend" part="legend">
    ${entries.map(([classes, sample, meaning]) => html`<li><span class="key ${classes}" aria-hidden="true">${sample}</span> ${meaning}</li>`)}
  </ul>`;

/**
 * The key's layout. It must come after the view's own styles: it only sizes and places the swatch
 * (never its colours, which are the view's), and takes a pattern out of absolute placement (the
 * memory bar's lost space is drawn absolutely inside its block).
 */
export const legendStyles = css`
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
  .key {
    position: relative;
    display: inline-block;
    min-width: 1.5em;
    height: 1.2em;
    border: 1px solid var(--_border);
    text-align: center;
    vertical-align: middle;
  }
  /* The text colour of most cells and blocks, at no specificity: the view's rules for a look win. */
  :where(.key) {
    color: var(--_text);
  }
`;
