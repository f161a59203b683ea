/**
 * A scheme's presentation half loaded late: the JSON report, the table model and the Mermaid source,
 * which a browser needs only once a reader opens the Table or the Diagram (and Node for its reports).
 * Kept out of the scheme's own chunk, they no longer count in what a page loads before its first render.
 */
import type { RunFields, SchemeModule, StepEvent } from './scheme.js';

/** The members of the SchemeModule contract that a scheme may load late. */
export type PresentationHalf<C = any, S = any, E extends StepEvent = StepEvent, F extends RunFields = any> = Pick<
  SchemeModule<C, S, E, F>,
  'stepReport' | 'finalReport' | 'table' | 'mermaid'
>;

/**
 * The four members as delegates to the half that `load` brings, plus the `present` that loads it
 * (once per module; again after a failed load, so a reader may retry). A delegate called before
 * `present()` settled throws: the caller forgot to await it.
 */
export function latePresentation<C, S, E extends StepEvent, F extends RunFields>(
  load: () => Promise<PresentationHalf<C, S, E, F>>,
): PresentationHalf<C, S, E, F> & { present(): Promise<void> } {
  let half: PresentationHalf<C, S, E, F> | undefined;
  let loading: Promise<void> | undefined;
  const ready = (): PresentationHalf<C, S, E, F> => {
    if (half) return half;
    throw new Error("The scheme's report, table and diagram are loaded on demand: await its present() first");
  };
  return {
    present: () =>
      (loading ??= load().then(
        (h) => void (half = h),
        (e: unknown) => {
          loading = undefined;
          throw e;
        },
      )),
    stepReport: (c, run, s, e) => ready().stepReport(c, run, s, e),
    finalReport: (c, run, s) => ready().finalReport(c, run, s),
    table: (t, from, to, options) => ready().table(t, from, to, options),
    mermaid: (c, run, s, e) => ready().mermaid(c, run, s, e),
  };
}
