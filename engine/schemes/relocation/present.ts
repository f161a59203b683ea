/**
 * The relocation scheme's report, table and diagram. Small enough to stay in the scheme's own chunk
 * (see engine/presentation.ts for how a larger scheme splits them off).
 */
import { addressWords } from '../../relocate.js';
import type { RunSpec, TableCell, TableModel } from '../../scheme.js';
import type { Timeline } from '../../timeline.js';
import { translationMermaid } from '../../relocate-mermaid.js';
import type { RelocationConfig, RelocationEvent, RelocationFields, RelocationState } from './config.js';

export function metrics(_c: RelocationConfig, _run: RunSpec<RelocationFields>, s: RelocationState): Record<string, number> {
  return { accesses: s.accesses, translated: s.accesses - s.traps, traps: s.traps };
}

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

/** The registers, the address, the comparison and the sum (or the trap), as a small flowchart. */
export function mermaid(c: RelocationConfig, _run: RunSpec<RelocationFields>, _s: RelocationState, e: RelocationEvent | undefined): string {
  return translationMermaid(c.base, c.bounds, e);
}
