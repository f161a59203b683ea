/** The table of a stack-heap run: a row per operation with the frames, the allocated blocks, the free list and the result. */
import type { TableCell, TableModel, TableOptions } from '../../../scheme.js';
import type { Timeline } from '../../../timeline.js';
import type { StackHeapConfig, StackHeapFields } from '../config.js';
import type { StackHeapEvent } from '../sentences.js';
import type { StackHeapState } from '../state.js';
import { blocksByAddress } from './report.js';

/** Items a cell spells out before summing up the rest. */
const MAX_ITEMS = 40;

function capped(items: string[], sep = ', '): string {
  if (items.length <= MAX_ITEMS) return items.join(sep);
  return `${items.slice(0, MAX_ITEMS).join(sep)}${sep}… ${(items.length - MAX_ITEMS).toLocaleString('en-US')} more`;
}

/** `main(p → 1008, n)`: a frame with its variables, pointers with where they point. */
function stackText(s: StackHeapState): string {
  const frames = s.frames.map((f) => `${f.func}(${f.locals.map((l) => (l.ptr ? `${l.name} → ${l.ptr.addr ?? 'null'}` : l.name)).join(', ')})`);
  const globals = [...s.globals].map(([n, p]) => `${n} → ${p.addr ?? 'null'}`);
  return [capped(frames, ' › '), globals.length ? `globals: ${capped(globals)}` : ''].filter(Boolean).join('; ') || 'empty';
}

export function table(t: Timeline<StackHeapConfig, StackHeapState, StackHeapEvent, StackHeapFields>, from: number, to: number, options?: TableOptions): TableModel {
  const titles = options?.titles !== false;
  const head: TableCell[] = ['step', 'operation', 'stack (outermost first)', 'allocated blocks', 'free list (in its order)', 'result'].map((text) => ({ text }));
  const rows: TableCell[][] = [];
  const row = (label: string, op: TableCell, s: StackHeapState, e: StackHeapEvent | undefined) => {
    const result: TableCell = !e
      ? { text: '' }
      : e.trap
        ? { text: `trap: ${e.trap}`, classes: ['trap'] }
        : e.kind === 'malloc'
          ? e.returned === null
            ? { text: 'returns null', classes: ['refused'] }
            : { text: `returns ${e.returned}` }
          : { text: e.leaked.length ? `leaks ${e.leaked.map((b) => b + t.config.header).join(', ')}` : '', classes: e.leaked.length ? ['leak'] : [] };
    rows.push([
      { text: label },
      op,
      { text: stackText(s) },
      { text: capped(blocksByAddress(s).map((b) => `${b.returned} (${b.size}${b.leaked ? ', leaked' : ''})`)) || 'none' },
      { text: capped(s.free.map((f) => `${f.start} (${f.size})`)) || 'none' },
      result,
    ]);
  };
  const first = Math.max(1, from);
  if (first === 1 && to >= 0) row('0', titles ? { text: 'start', title: 'the heap is one free block; the stack is empty' } : { text: 'start' }, t.stateAt(0), undefined);
  for (let step = first; step <= Math.min(to, t.length); step++) {
    const e = t.eventAt(step)!;
    const classes = e.trap ? ['trap'] : e.skipped ? ['skipped'] : e.leaked.length ? ['leak'] : [];
    row(String(step), titles ? { text: e.op, classes, title: e.sentence } : { text: e.op, classes }, t.stateAt(step), e);
  }
  return { caption: t.run.label, head, rows };
}
