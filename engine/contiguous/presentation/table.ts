/** The textbook table every contiguous scheme shares: a row per operation, the memory map and the queues. */
import type { RunFields, TableCell, TableModel } from '../../scheme.js';
import type { Timeline } from '../../timeline.js';
import { names } from '../common.js';
import type { ContiguousConfig, ContiguousDefinition, ContiguousEvent, ContiguousPresentation, ContiguousState } from '../core.js';
import { mapText } from './map.js';

/** Blocks of the memory map a table cell spells out before summing up the rest. */
export const TABLE_MAX_BLOCKS = 40;

/** `a, b, c`, or the first TABLE_MAX_BLOCKS items and `… N more`. */
function listCapped(items: string[]): string {
  if (items.length <= TABLE_MAX_BLOCKS) return items.join(', ');
  return `${items.slice(0, TABLE_MAX_BLOCKS).join(', ')}, … ${(items.length - TABLE_MAX_BLOCKS).toLocaleString('en-US')} more`;
}

/**
 * One row per step: the operation (its sentence as the cell's title), the memory map, free memory,
 * the queues. A range that starts at step 1 also gets a row 0 for memory before the first operation.
 */
export function contiguousTable<C extends ContiguousConfig, M, F extends RunFields>(
  d: ContiguousDefinition<C, M, F>,
  p: ContiguousPresentation<C, M, F>,
  t: Timeline<C, ContiguousState<M>, ContiguousEvent, F>,
  from: number,
  to: number,
  titles: boolean,
): TableModel {
  const head: TableCell[] = ['step', 'operation', 'memory from address 0', p.freeColumn, 'waiting', 'swapped out'].map((text) => ({ text }));
  const rows: TableCell[][] = [];
  const row = (label: string, op: TableCell, s: ContiguousState<M>) => {
    rows.push([
      { text: label },
      op,
      { text: mapText(d.blocks(t.config, t.run, s.mem), TABLE_MAX_BLOCKS) },
      { text: listCapped(p.freeItems(t.config, t.run, s.mem)) || 'none' },
      { text: p.waitingText ? p.waitingText(t.config, t.run, s) : names(s.waiting).join(', ') },
      { text: names(s.swapped).join(', ') },
    ]);
  };
  const first = Math.max(1, from);
  if (first === 1 && to >= 0) row('0', titles ? { text: 'start', title: 'memory before the first operation' } : { text: 'start' }, t.stateAt(0));
  for (let step = first; step <= Math.min(to, t.length); step++) {
    const e = t.eventAt(step)!;
    const classes = e.refused ? ['refused'] : e.waited ? ['wait'] : e.placed.length ? ['placed'] : [];
    row(String(step), titles ? { text: e.op, classes, title: e.sentence } : { text: e.op, classes }, t.stateAt(step));
  }
  return { caption: t.run.label, head, rows };
}
