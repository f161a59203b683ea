/**
 * When a `<mem-sim>` may do its work. A course page holds dozens of blocks: simulating and drawing
 * them all at load kept the main thread busy for seconds, and the blocks the reader sees waited
 * behind those far below. So a block starts only once it comes within a viewport's height of the
 * viewport (its scenario text shows until then): at once when it is in view, and when the page is
 * next idle when it is only near. Blocks take turns, a few per task, so that no task holds the work
 * of many blocks and the page answers input in between.
 */
import { css } from 'lit';

/**
 * The browser skips the style and layout of a simulator out of view (the page reflowed every block
 * each time one was drawn); 24rem is a typical block's height, held until it is first drawn.
 */
export const offscreen = css`
  :host {
    content-visibility: auto;
    contain-intrinsic-size: auto 24rem;
  }
`;

/** Every block waiting to come near. */
const waiting = new WeakMap<Element, () => void>();
/** Blocks that a script asked for: they never wait to come near. */
const asked = new WeakSet<Element>();

let near: IntersectionObserver | undefined;
let inView: IntersectionObserver | undefined;

function start(element: Element): void {
  const resolve = waiting.get(element);
  if (!resolve) return;
  waiting.delete(element);
  near!.unobserve(element);
  inView!.unobserve(element);
  resolve();
}

/**
 * Runs `task` once the page is idle (or after a short bound), so it never delays the blocks in view.
 * Without requestIdleCallback (Safari) it is a timer, whose delay, given the options object, reads as 0.
 */
const whenIdle = (task: () => void): void => void (self.requestIdleCallback ?? setTimeout)(task, { timeout: 300 } as never);

/**
 * Resolves when `element` may start its work: once it is within a viewport's height of the viewport
 * and its turn has come. Without IntersectionObserver it resolves at once. A second call before the
 * first resolved takes its place (the element reloaded: only the newest load matters).
 */
export function whenNear(element: Element): Promise<void> {
  if (typeof IntersectionObserver === 'undefined' || asked.has(element)) return Promise.resolve();
  return new Promise((resolve) => {
    const reloading = waiting.has(element);
    waiting.set(element, resolve);
    if (reloading) return;
    // A block in view starts at once (inView); one only near it waits until the page is idle, or
    // until it comes into view, so that at load the blocks the reader sees are not kept waiting by
    // those below the fold. Entries come in document order.
    near ??= new IntersectionObserver((entries) => entries.forEach((e) => e.isIntersecting && whenIdle(() => start(e.target))), { rootMargin: '100% 0px' });
    inView ??= new IntersectionObserver((entries) => entries.forEach((e) => e.isIntersecting && start(e.target)));
    near.observe(element);
    inView.observe(element);
  });
}

/**
 * Lets `element` start now wherever it is, and from then on whenever it reloads: a script asked for
 * it (by awaiting `ready`), so the script is not left waiting on the reader's scrolling.
 */
export function startNow(element: Element): Promise<void> {
  asked.add(element);
  start(element);
  return Promise.resolve();
}

let turns = Promise.resolve();
let sliceStart = 0;
/** Work longer than this in one task delays the reader's input noticeably; turns beyond it go to a new task. */
const SLICE_MS = 40;

/**
 * Resolves when the caller's turn comes, after every earlier caller's: blocks whose code arrived
 * together still take turns, several in one task while it is short, the rest in later tasks.
 */
export function nextTurn(): Promise<void> {
  return (turns = turns.then(() =>
    performance.now() - sliceStart < SLICE_MS
      ? undefined
      : new Promise<void>((resolve) =>
          setTimeout(() => {
            sliceStart = performance.now();
            resolve();
          }),
        ),
  ));
}
