/**
 * What every scheme's view is: an element that draws one run of a simulation at one position.
 * `<mem-sim>` owns the cursor, the controls, the sentence and the metrics; a view only draws the
 * state, so adding a scheme to the element means adding one view file (and a line in registry.ts).
 */
import { LitElement, type CSSResultGroup } from 'lit';
import type { Timeline } from '../../engine/timeline.js';
import { base } from '../styles.js';

export class SchemeView extends LitElement {
  static override styles: CSSResultGroup = [base];

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
}

/** A view class as `<mem-sim>` uses it. */
export type SchemeViewClass = typeof SchemeView;
