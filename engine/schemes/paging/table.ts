/** The textbook table of a simple-paging run: a row per operation, the frames, the page tables and the free-frame list. */
import type { TableCell, TableModel, TableOptions } from '../../scheme.js';
import type { Timeline } from '../../timeline.js';
import type { SimplePagingConfig, SimplePagingFields } from './config.js';
import { frameRuns, runText } from './report.js';
import type { SimplePagingEvent } from './sentences.js';
import type { SimplePagingState } from './state.js';

/** Items a cell spells out before summing up the rest. */
const MAX_ITEMS = 40;

function capped(items: string[], sep = ', '): string {
  if (items.length <= MAX_ITEMS) return items.join(sep);
  return `${items.slice(0, MAX_ITEMS).join(sep)}${sep}… ${(items.length - MAX_ITEMS).toLocaleString('en-US')} more`;
}

export function table(t: Timeline<SimplePagingConfig, SimplePagingState, SimplePagingEvent, SimplePagingFields>, from: number, to: number, options?: TableOptions): TableModel {
  const titles = options?.titles !== false;
  const head: TableCell[] = ['step', 'operation', 'frames from 0', 'page tables', 'free-frame list', 'waiting', 'swapped out', 'translation'].map((text) => ({ text }));
  const rows: TableCell[][] = [];
  const row = (label: string, op: TableCell, s: SimplePagingState, e: SimplePagingEvent | undefined) => {
    const a = e?.access;
    rows.push([
      { text: label },
      op,
      { text: capped(frameRuns(s.frames).map(runText), '; ') },
      { text: capped([...s.resident.values()].map((r) => `${r.name}: ${capped(r.table.map((f) => (f === null ? '-' : String(f))), ' ')}`), '; ') || 'none' },
      { text: capped(s.free.map(String)) || 'none' },
      { text: s.waiting.map((w) => w.name).join(', ') },
      { text: s.swapped.map((w) => w.name).join(', ') },
      a ? (a.trap ? { text: `trap: ${a.trap}`, classes: ['trap'] } : { text: `page ${a.page}, offset ${a.offset} → frame ${a.frame}: ${a.physical}` }) : { text: '' },
    ]);
  };
  const first = Math.max(1, from);
  if (first === 1 && to >= 0) row('0', titles ? { text: 'start', title: 'memory before the first operation' } : { text: 'start' }, t.stateAt(0), undefined);
  for (let step = first; step <= Math.min(to, t.length); step++) {
    const e = t.eventAt(step)!;
    const classes = e.refused ? ['refused'] : e.waited ? ['wait'] : e.access?.trap ? ['trap'] : e.placed.length ? ['placed'] : [];
    row(String(step), titles ? { text: e.op, classes, title: e.sentence } : { text: e.op, classes }, t.stateAt(step), e);
  }
  return { caption: t.run.label, head, rows };
}
