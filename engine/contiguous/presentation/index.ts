/**
 * The presentation half every contiguous scheme shares (see engine/presentation.ts): the JSON
 * report's shape, the table and the default Mermaid map, around what the scheme's own presentation
 * module writes. A chunk of its own, loaded when a page first needs a table or a diagram.
 */
import type { PresentationHalf } from '../../presentation.js';
import type { RunFields, RunSpec } from '../../scheme.js';
import { names } from '../common.js';
import type { ContiguousConfig, ContiguousDefinition, ContiguousEvent, ContiguousPresentation, ContiguousState } from '../core.js';
import { contiguousTable } from './table.js';
import { translationMermaid } from './translation.js';

/** The report, table and Mermaid members of a contiguous scheme's module. */
export function presentContiguous<C extends ContiguousConfig, M, F extends RunFields>(
  d: ContiguousDefinition<C, M, F>,
  p: ContiguousPresentation<C, M, F>,
): PresentationHalf<C, ContiguousState<M>, ContiguousEvent, F> {
  const mapReport = (c: C, run: RunSpec<F>, s: ContiguousState<M>) => {
    const r = p.report(c, run, s);
    return { os: r.os, allocations: r.allocations, holes: r.holes, waiting: names(s.waiting), swapped: names(s.swapped), ...r.extra };
  };
  return {
    stepReport(c, run, s, e) {
      const out: Record<string, unknown> = { op: e.op, ...mapReport(c, run, s), placed: e.placed, examined: e.examined };
      if (e.access) {
        const { hex: _, ...translation } = e.access;
        Object.assign(out, translation);
      }
      return out;
    },
    finalReport(c, run, s) {
      const m = d.metrics(c, run, s);
      const metrics = d.contractMetrics ? Object.fromEntries(d.contractMetrics.map((k) => [k, m[k]])) : m;
      return { ...mapReport(c, run, s), metrics };
    },
    table: (t, from, to, options) => contiguousTable(d, p, t, from, to, options?.titles !== false),
    // An access changes no memory: its diagram is the translation, as the relocation scheme draws it.
    mermaid: (c, run, s, e) => (e?.access ? translationMermaid(e.access.base, e.access.bounds, e.access) : p.mermaid(c, run, s, e)),
  };
}
