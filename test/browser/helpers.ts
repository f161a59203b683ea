/** Shared helpers for the component tests: build a simulator, find its parts, read its tables. */
import { fixture, html, waitUntil } from '@open-wc/testing';
import '../../components/mem-sim.js';
import type { MemSim } from '../../components/mem-sim.js';
import type { VmPagingView } from '../../components/views/vm-paging-view.js';

/** Silberschatz's reference string of the FIFO, OPT and LRU figures. */
export const SILBERSCHATZ_REFS = '7 0 1 2 0 3 0 4 2 3 0 3 2 1 2 0 1 7 0 1';

export const fifo = (frames: number | string = 3, policy = 'FIFO', refs = SILBERSCHATZ_REFS) =>
  `scheme: vm-paging\ntitle: ${policy} on Silberschatz's reference string\nframes: ${frames}\npolicy: ${policy}\nrefs: ${refs}\n`;

/**
 * How long a wait on a condition may take before it fails: a minute, far above the second or two any
 * wait needs on a quiet machine, so that a busy 2-core machine (the suite beside another heavy job)
 * passes too. open-wc's waitUntil gives up after 1 s by default.
 */
export const PATIENCE_MS = 60_000;

/** Waits until `condition` holds (polled), failing with `message` after PATIENCE_MS. */
export const eventually = (condition: () => unknown, message?: string) => waitUntil(condition, message, { timeout: PATIENCE_MS });

/** A `<mem-sim>` holding `text` as its inline scenario, rendered and ready. */
export async function simulator(text: string): Promise<MemSim> {
  const el = await fixture<MemSim>(html`<mem-sim><pre><code class="language-memsim">${text}</code></pre></mem-sim>`);
  await el.ready;
  return el;
}

export const part = <E extends Element = HTMLElement>(el: MemSim, selector: string): E => {
  const found = el.shadowRoot!.querySelector<E>(selector);
  if (!found) throw new Error(`no ${selector} in the simulator`);
  return found;
};

export const parts = (el: MemSim, selector: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(selector)];

/** An element's text with its white space collapsed, as a reader sees it. */
export const text = (e: Element) => e.textContent!.replace(/\s+/g, ' ').trim();

/**
 * For a scheme's view (its tag, such as `mem-sim-paging`): the view in a simulator, the elements in
 * the view that match a selector, and a move to a step that waits until the element and the view
 * have drawn it.
 */
export function schemeView<V extends HTMLElement & { updateComplete: Promise<boolean> }>(tag: string) {
  const view = (el: MemSim) => part<V>(el, tag);
  return {
    view,
    inView: (el: MemSim, selector: string) => [...view(el).shadowRoot!.querySelectorAll<HTMLElement>(selector)],
    async goTo(el: MemSim, step: number): Promise<void> {
      el.step = step;
      await el.updateComplete;
      await view(el).updateComplete;
    },
  };
}

/** A control by its accessible name (aria-label, else its text). */
export function control(el: MemSim, name: string): HTMLButtonElement {
  const found = parts(el, 'button').find((b) => (b.getAttribute('aria-label') ?? b.textContent!.trim()).endsWith(name));
  if (!found) throw new Error(`no button named ${name}`);
  return found as HTMLButtonElement;
}

export const views = (el: MemSim) => parts(el, 'mem-sim-vm-paging') as VmPagingView[];

/**
 * The frame table of run `i` as a reader sees it: one array per row, label first; the page each
 * cell holds with its marks (`*` use bit, `→` clock hand, `d` dirty), without the victim mark (`←7`).
 */
export function frameTable(el: MemSim, i = 0): string[][] {
  const table = views(el)[i]!.shadowRoot!.querySelector('table')!;
  return [...table.rows].map((r) =>
    [...r.cells].map((c) => {
      const seen = (c.querySelector('[aria-hidden]') ?? c).cloneNode(true) as Element;
      seen.querySelector('.out')?.remove();
      return seen.textContent!.trim();
    }),
  );
}

/** The victims struck through in run `i`'s table, as `step:page`. */
export function victims(el: MemSim, i = 0): string[] {
  const table = views(el)[i]!.shadowRoot!.querySelector('table')!;
  return [...table.tBodies[0]!.rows].flatMap((r) =>
    [...r.cells].filter((c) => c.querySelector('s')).map((c) => `${c.cellIndex}:${c.querySelector('s')!.textContent}`),
  );
}

/** The metrics of run `i` as `{label: value}`. */
export function metrics(el: MemSim, i = 0): Record<string, string> {
  const dl = parts(el, '[part=metrics]')[i]!;
  return Object.fromEntries([...dl.querySelectorAll('div')].map((d) => [d.querySelector('dt')!.textContent, d.querySelector('dd')!.textContent]));
}

export const sentence = (el: MemSim, i = 0) => parts(el, '[part=sentence]')[i]!.textContent!.trim();
export const liveText = (el: MemSim) => part(el, '[aria-live]').textContent!.trim();

/** Waits for every update the last action caused, in the element and its views. */
export async function settled(el: MemSim): Promise<void> {
  await el.updateComplete;
  await Promise.all(views(el).map((v) => v.updateComplete));
}

/**
 * Waits until every view's key is drawn: the key's chunk is imported after a view's first render
 * (SchemeView), so a test that reads the key waits for it as a reader's page does.
 */
export async function keysDrawn(el: MemSim): Promise<void> {
  await settled(el);
  await customElements.whenDefined('mem-sim-legend');
  const keys = parts(el, '*').flatMap((v) => [...(v.shadowRoot?.querySelectorAll('mem-sim-legend') ?? [])]);
  await Promise.all(keys.map((k) => k.updateComplete));
}

/**
 * Scrolls a simulator into view and waits for it to be painted there. Blocks off screen skip their
 * rendering (`content-visibility: auto`), so axe cannot measure their colours: check what a reader
 * looking at the block sees.
 */
export async function inView(el: Element): Promise<void> {
  el.scrollIntoView({ block: 'nearest' });
  await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
}

/** The focused element, looking through shadow roots. */
export function deepActive(): Element | null {
  let a: Element | null = document.activeElement;
  while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
  return a;
}
