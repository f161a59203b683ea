/**
 * What every scheme's view is: an element that draws one run of a simulation at one position.
 * `<mem-sim>` owns the cursor, the controls, the sentence and the metrics; a view only draws the
 * state, so adding a scheme to the element means adding one view file (and a line in registry.ts).
 */
import { css, LitElement, type CSSResultGroup } from 'lit';
import type { Timeline } from '../../engine/timeline.js';
import { base } from '../styles.js';

export class SchemeView extends LitElement {
  static override styles: CSSResultGroup = [
    base,
    // The key's line is kept while its chunk loads, so nothing below the view moves when it comes.
    css`
      mem-sim-legend {
        display: block;
        min-height: 1.6em;
      }
    `,
  ];

  /**
   * True when the view is itself the scheme's textbook table (page replacement), so `<mem-sim>`
   * offers no separate table alternative.
   */
  static drawsTable = false;

  static override properties = { timeline: { attribute: false }, position: { type: Number } };

  /** The run to draw. */
  timeline: Timeline | undefined = undefined;

  /** Steps taken: 0 is before the first operation, `timeline.length` after the last. */
  position = 0;

  /**
   * The key under the picture (legend.ts) is fetched once the picture has been painted: it explains,
   * it is not the picture, so the first render never waits for it.
   */
  protected override firstUpdated(): void {
    legend ??= new Promise((painted) => requestAnimationFrame(() => setTimeout(painted))).then(() => import('./legend.js')).catch(() => undefined);
  }
}

/** The key's chunk, imported once per page; if it cannot be fetched the cells still say what they mean in words. */
let legend: Promise<unknown> | undefined;

/** A view class as `<mem-sim>` uses it. */
export type SchemeViewClass = typeof SchemeView;
