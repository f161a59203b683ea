/**
 * Fitting a table to its view's width without making the browser lay the page out to measure it.
 * Sizes are read in a ResizeObserver's callback, which runs after the browser has laid the page out
 * for the frame, so reading costs nothing there. All tables are measured, then all changed. A change
 * that keeps every block's height is made in the callback and drawn in the same frame; one that
 * would change a height waits for the next frame: the browser records each block's size for
 * `contain-intrinsic-size: auto` (visibility.ts) with observers of its own, and refuses, with an
 * error, a size that changes while they are being called.
 */

/** What a measure found: the change to make, and whether it keeps the view's height. */
export interface Fit {
  write: () => void;
  keepsHeight: boolean;
}

/** Measures a view of the given content width now; returns the change to make, if any. */
export type Measure = (width: number) => Fit | undefined;

const measures = new Map<Element, Measure>();
let sizes: ResizeObserver | undefined;

/**
 * Calls `measure` with the content width of `view` after the next layout, and again whenever the
 * view's size changes. Observing anew measures again.
 */
export function observeWidth(view: Element, measure: Measure): void {
  sizes ??= new ResizeObserver((entries) => {
    // A view out of the page, or not laid out (skipped while out of view), has nothing to measure.
    const fits = entries.flatMap((e) => (e.contentRect.width ? measures.get(e.target)?.(e.contentRect.width) ?? [] : []));
    const later = fits.filter((f) => !f.keepsHeight);
    fits.forEach((f) => f.keepsHeight && f.write());
    if (later.length) requestAnimationFrame(() => later.forEach((f) => f.write()));
  });
  measures.set(view, measure);
  sizes.unobserve(view);
  sizes.observe(view);
}

/** Stops measuring `view`. */
export function unobserveWidth(view: Element): void {
  measures.delete(view);
  sizes?.unobserve(view);
}

const scrolls = new Map<HTMLElement, number>();
let frame = 0;

/**
 * Scrolls `box` to `left` in the next frame, with every other box scrolled then: setting a scroll
 * position lays the page out if it has changed, so the first one does and the rest need not.
 */
export function scrollLater(box: HTMLElement, left: number): void {
  scrolls.set(box, left);
  frame ||= requestAnimationFrame(() => {
    frame = 0;
    for (const [b, to] of scrolls) b.scrollLeft = to;
    scrolls.clear();
  });
}

/**
 * The scroll position nearest `left` that shows the whole of column `current` (0-based, -1 for
 * none) of a row of `width`-pixel columns seen through a window `view` pixels wide, scrolled at most
 * `end`. Positions are multiples of the column width: a column's edge meets the window's.
 */
export function scrollFor(left: number, current: number, width: number, view: number, end: number): number {
  left = Math.min(left, end);
  if (current < 0) return left;
  return Math.min(end, Math.max(Math.min(left, current * width), Math.ceil(((current + 1) * width - view) / width) * width));
}
