/** The relocation scheme's JSON report and its table (a row per access). */
import { addressWords } from '../../../contiguous/translation/relocate.js';
import type { RunSpec, TableCell, TableModel } from '../../../scheme.js';
import type { Timeline } from '../../../timeline.js';
import { metrics } from '../metrics.js';
import type { RelocationConfig, RelocationEvent, RelocationFields, RelocationState } from '../config.js';

export function stepReport(_c: RelocationConfig, _run: RunSpec<RelocationFields>, _s: RelocationState, e: RelocationEvent): Record<string, unknown> {
  return { op: e.op, process: e.process, address: e.address, base: e.base, bounds: e.bounds, physical: e.physical, trap: e.trap };
}

export function finalReport(c: RelocationConfig, run: RunSpec<RelocationFields>, s: RelocationState): Record<string, unknown> {
  return { base: c.base, bounds: c.bounds, memory: c.memory, metrics: metrics(c, run, s) };
}

/** A row per access: the address, whether it is below the bounds, and the physical address or the trap. */
export function table(t: Timeline<RelocationConfig, RelocationState, RelocationEvent, RelocationFields>, from: number, to: number, options?: { titles?: boolean }): TableModel {
  const titles = options?.titles !== false;
  const { base, bounds } = t.config;
  const head: TableCell[] = ['step', 'address', `address < bounds (${bounds})?`, `physical (base ${base} + address)`].map((text) => ({ text }));
  const rows: TableCell[][] = [];
  for (let step = Math.max(1, from); step <= Math.min(to, t.length); step++) {
    const e = t.eventAt(step)!;
    const trap = e.trap !== null;
    const cells: TableCell[] = [
      { text: String(step) },
      { text: addressWords(e.address, e.hex) },
      trap ? { text: 'no', classes: ['trap'] } : { text: 'yes' },
      trap ? { text: `trap: ${e.trap}`, classes: ['trap'] } : { text: String(e.physical) },
    ];
    if (titles) cells[3]!.title = e.sentence;
    rows.push(cells);
  }
  return { caption: `base ${base}, bounds ${bounds}`, head, rows };
}
