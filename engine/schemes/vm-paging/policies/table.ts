/**
 * What the frame table shows for the policies of rules.ts, as it shows CLOCK's use bits: the R
 * (use) bit as `*` (ENHANCED-CLOCK, NRU, AGING; the M bit is the dirty mark every table has), the
 * use count (LFU, MFU: `7(3)`) or the aging counter in binary (`7* 00100000`); and the rows under
 * the frames: the working set after each reference (with `window`) and NRU's and AGING's clock ticks.
 */
import type { TableCell } from '../../../scheme.js';
import type { PagingConfig, Policy } from '../config.js';
import { workingSet } from './rules.js';
import type { PagingEvent } from '../sentences.js';
import { list } from '../sentences.js';
import { COUNT, DIRTY, USE, type PagingState } from '../state.js';

/** A resident page's text and the words for its bits, for a policy that shows bits or counters; undefined otherwise. */
export function policyMarks(c: PagingConfig, policy: Policy): { text(s: PagingState, f: number): string; note(s: PagingState, f: number): string } | undefined {
  const at = (s: PagingState, field: number, f: number) => s.slots[field * s.capacity + f]!;
  const r = (s: PagingState, f: number) => (at(s, USE, f) ? '*' : '');
  const counter = (s: PagingState, f: number) => at(s, COUNT, f).toString(2).padStart(c.agingBits, '0');
  switch (policy) {
    case 'ENHANCED-CLOCK':
    case 'NRU':
      return {
        text: (s, f) => `${s.slots[f]}${r(s, f)}`,
        note: (s, f) => `${policy === 'NRU' ? 'R' : 'use'} bit ${at(s, USE, f)}, ${policy === 'NRU' ? 'M' : 'modify'} bit ${at(s, DIRTY, f)}${policy === 'NRU' ? `, class ${2 * at(s, USE, f) + at(s, DIRTY, f)}` : ''}`,
      };
    case 'LFU':
    case 'MFU':
      return { text: (s, f) => `${s.slots[f]}(${at(s, COUNT, f)})`, note: (s, f) => `used ${at(s, COUNT, f)} time${at(s, COUNT, f) === 1 ? '' : 's'} since loaded` };
    case 'AGING':
      return { text: (s, f) => `${s.slots[f]}${r(s, f)} ${counter(s, f)}`, note: (s, f) => `R bit ${at(s, USE, f)}, counter ${counter(s, f)}` };
    default:
      return undefined;
  }
}

/** The rows under the frames: the working set (with `window`), the clock ticks (NRU, AGING). */
export function extraRows(c: PagingConfig, policy: Policy): { label: string; cell(e: PagingEvent, position: number, titles: boolean): TableCell }[] {
  const rows: { label: string; cell(e: PagingEvent, position: number, titles: boolean): TableCell }[] = [];
  if (c.window !== undefined) {
    rows.push({
      label: `working set (window ${c.window})`,
      cell(_e, position, titles) {
        const set = workingSet(c, position - 1);
        // One page a line, so the column stays as narrow as a frame's.
        const cell: TableCell = { text: set.join('\n'), classes: ['set'] };
        if (titles) cell.title = `working set after reference ${position}: page${set.length > 1 ? 's' : ''} ${list(set)}`;
        return cell;
      },
    });
  }
  if (policy === 'NRU' || policy === 'AGING') {
    const what = policy === 'AGING' ? 'counters shifted, R bits cleared' : 'R bits cleared';
    rows.push({
      label: `clock tick (every ${c.clearInterval})`,
      cell: (e, _position, titles) => (e.ticked ? (titles ? { text: '↺', title: `clock tick after this reference: ${what}` } : { text: '↺' }) : { text: '' }),
    });
  }
  return rows;
}
