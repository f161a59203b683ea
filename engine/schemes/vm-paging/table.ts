/** The textbook table of a paging run: the references across, a row per frame, faults marked. */
import type { TableCell, TableModel, TableOptions } from '../../scheme.js';
import type { Timeline } from '../../timeline.js';
import type { PagingConfig, PagingFields } from './config.js';
import { step } from './replacement.js';
import type { PagingEvent } from './sentences.js';
import { DIRTY, neverFilled, USE, type PagingState } from './state.js';
import { late, needsLate } from './late.js';

export function table(t: Timeline<PagingConfig, PagingState, PagingEvent, PagingFields>, from: number, to: number, options?: TableOptions): TableModel {
  const titles = options?.titles !== false;
  const clockPolicy = t.run.fields.policy === 'CLOCK' || t.run.fields.policy === 'ENHANCED-CLOCK';
  const more = needsLate(t.config) ? late() : undefined;
  const marks = more?.policyMarks(t.config, t.run.fields.policy);
  const extras = more ? more.extraRows(t.config, t.run.fields.policy) : [];
  const frameCount = t.run.fields.frames;
  const head: TableCell[] = [{ text: 'reference' }];
  // One working copy stepped in place: the build plugins draw every table of a site, so this is hot.
  const state = t.stateAt(from - 1).clone();
  const slots = state.slots;
  const n = state.capacity;
  const rows: TableCell[][] = Array.from({ length: n }, (_, f) => [{ text: `frame ${f}` }]);
  // Frames no reference can reach stay empty at every step: one row stands for them all.
  const unreached = neverFilled(frameCount, n);
  if (unreached) rows.push([{ text: unreached }]);
  const faultRow: TableCell[] = [{ text: 'fault' }];
  const extraCells: TableCell[][] = extras.map((x) => [{ text: x.label }]);

  for (let position = from; position <= to; position++) {
    step(t.config, t.run, state, position - 1);
    const e = t.eventAt(position)!;
    head.push(titles ? { text: e.ref, title: `step ${position}: reference ${e.ref}${e.write ? ' (write)' : ''}` } : { text: e.ref });
    for (let f = 0; f < n; f++) {
      const page = slots[f]!;
      const dirty = slots[DIRTY * n + f] === 1;
      const use = slots[USE * n + f] === 1;
      const hand = clockPolicy && state.hand === f;
      const classes: string[] = [];
      if (f === e.frame) {
        classes.push(e.fault ? 'fault' : 'hit');
        if (e.victim !== null) classes.push('victim');
      }
      if (dirty) classes.push('dirty');
      if (hand) classes.push('hand');
      const text = page < 0 ? '' : marks ? marks.text(state, f) : clockPolicy && use ? `${page}*` : String(page);
      const cell: TableCell = classes.length ? { text, classes } : { text };
      if (titles) {
        const notes: string[] = [];
        if (f === e.frame) notes.push(e.fault ? (e.victim !== null ? `fault: replaced page ${e.victim}` : 'fault') : 'hit');
        if (dirty) notes.push('dirty');
        if (marks && page >= 0) notes.push(marks.note(state, f));
        else if (clockPolicy && page >= 0) notes.push(`use bit ${use ? 1 : 0}`);
        if (hand) notes.push('clock hand');
        cell.title = `frame ${f}: ${page < 0 ? 'empty' : `page ${page}`}${notes.length ? ` (${notes.join(', ')})` : ''}`;
      }
      rows[f]!.push(cell);
    }
    if (unreached) {
      const hand = clockPolicy && state.hand >= n;
      const cell: TableCell = hand ? { text: '', classes: ['hand'] } : { text: '' };
      if (titles) cell.title = `${unreached}: empty${hand ? ` (clock hand${frameCount - n > 1 ? ` at frame ${state.hand}` : ''})` : ''}`;
      rows[n]!.push(cell);
    }
    const mark: TableCell = e.fault ? { text: 'F', classes: ['fault'] } : { text: '' };
    if (titles) mark.title = e.fault ? (e.victim === null ? 'fault (into an empty frame)' : 'fault') : 'hit';
    faultRow.push(mark);
    extras.forEach((x, k) => extraCells[k]!.push(x.cell(e, position, titles)));
  }
  // The fault row stays last: the view marks it apart from the rows above.
  return { caption: t.run.label, head, rows: [...rows, ...extraCells, faultRow] };
}
