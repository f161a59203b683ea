/**
 * Helpers for the tests of the contiguous schemes' views (dynamic, fixed, buddy): read the memory
 * bar, the block tables, the queues and, for the buddy system, the split tree as a reader sees them.
 */
import type { MemSim } from '../../components/mem-sim.js';
import type { ContiguousView } from '../../components/views/contiguous-view.js';

/** The view of run `i` (one per placement policy for dynamic partitioning). */
export function view(el: MemSim, i = 0): ContiguousView {
  const found = el.shadowRoot!.querySelectorAll<ContiguousView>('mem-sim-dynamic, mem-sim-fixed, mem-sim-buddy')[i];
  if (!found) throw new Error(`no contiguous view ${i}`);
  return found;
}

const inView = (el: MemSim, i: number, selector: string) => {
  const found = view(el, i).shadowRoot!.querySelector<HTMLElement>(selector);
  if (!found) throw new Error(`no ${selector} in view ${i}`);
  return found;
};

export interface DrawnBlock {
  /** The block's kind class: os, process, hole, used, unused, free. */
  kind: string;
  /** The name drawn inside the block ('' for a hole). */
  name: string;
  /** The size drawn under the name ('' for blocks too narrow for words, and strips of tiny blocks). */
  size: string;
  /** Left edge and width as a share of the bar, in per cent, rounded to 0.01. */
  left: number;
  width: number;
  current: boolean;
  /** Whether this is a strip standing for several tiny blocks. */
  many: boolean;
  /** Width of the shaded lost space, in whole per cent of the block inside its border (0 when none). */
  lost: number;
  title: string;
}

const round = (x: number) => Math.round(x * 100) / 100;

/** The blocks of run `i`'s memory bar as laid out, from address 0 (strips of tiny blocks in their place). */
export function bar(el: MemSim, i = 0): DrawnBlock[] {
  const box = inView(el, i, '.bar');
  const whole = box.getBoundingClientRect();
  const inner = whole.width - 2; // the bar's 1px border on each side
  const blocks = [...box.querySelectorAll<HTMLElement>('.block')].sort((a, b) => a.getBoundingClientRect().left - b.getBoundingClientRect().left);
  return blocks.map((b) => {
    const r = b.getBoundingClientRect();
    const lost = b.querySelector<HTMLElement>('.lost');
    const size = b.querySelector('small')?.textContent!.trim() ?? '';
    return {
      kind: [...b.classList].find((c) => ['os', 'process', 'hole', 'used', 'unused', 'free'].includes(c))!,
      name: size ? b.textContent!.trim().slice(0, -size.length).trim() : '',
      many: b.classList.contains('many'),
      size,
      left: round(((r.left - whole.left - 1) / inner) * 100),
      width: round((r.width / inner) * 100),
      current: b.classList.contains('current'),
      lost: lost ? Math.round((lost.getBoundingClientRect().width / b.clientWidth) * 100) : 0,
      title: b.title,
    };
  });
}

/** The bar's text alternative. */
export const barLabel = (el: MemSim, i = 0) => inView(el, i, '.bar').getAttribute('aria-label')!;

/** The address labels printed under the bar that are showing. */
export const addresses = (el: MemSim, i = 0) =>
  [...inView(el, i, '.addresses').querySelectorAll<HTMLElement>('span:not(.marker)')]
    .filter((s) => getComputedStyle(s).display !== 'none')
    .map((s) => s.textContent!.trim());

/** A table of run `i` by its caption, as rows of cell texts (header row first). */
export function table(el: MemSim, caption: string, i = 0): string[][] {
  const found = [...view(el, i).shadowRoot!.querySelectorAll('table')].find((t) => t.caption?.textContent === caption);
  if (!found) throw new Error(`no table '${caption}' in view ${i}`);
  return [...found.rows].map((r) => [...r.cells].map((c) => c.textContent!.trim()));
}

/** Classes of the body rows of a table (`current`, `free` or ''). */
export function rowClasses(el: MemSim, caption: string, i = 0): string[] {
  const found = [...view(el, i).shadowRoot!.querySelectorAll('table')].find((t) => t.caption?.textContent === caption)!;
  return [...found.tBodies[0]!.rows].map((r) => r.className);
}

/** The waiting queue and the swapped-out list of run `i`, as written after their labels. */
export const waiting = (el: MemSim, i = 0) => inView(el, i, '[part=queue]').textContent!.replace(/^.*?: /, '').trim();
export const swapped = (el: MemSim, i = 0) => inView(el, i, '[part=swapped]').textContent!.replace(/^.*?: /, '').trim();

/** Waits for the element and every view to finish the update the last action caused. */
export async function settledAll(el: MemSim): Promise<void> {
  await el.updateComplete;
  const views = [...el.shadowRoot!.querySelectorAll<ContiguousView>('mem-sim-dynamic, mem-sim-fixed, mem-sim-buddy')];
  await Promise.all(views.map((v) => v.updateComplete));
}

/** Moves to `step` and waits until it is drawn. */
export async function goTo(el: MemSim, step: number): Promise<void> {
  el.step = step;
  await settledAll(el);
}
