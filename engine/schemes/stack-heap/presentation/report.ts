/** A stack-heap state as the JSON report writes it (DESIGN.md, "`stack-heap`"). */
import type { RunSpec } from '../../../scheme.js';
import type { StackHeapConfig, StackHeapFields } from '../config.js';
import { metrics } from '../report.js';
import type { StackHeapEvent } from '../sentences.js';
import type { Block, StackHeapState } from '../state.js';

type Run = RunSpec<StackHeapFields>;

/** Allocated blocks in address order. */
export const blocksByAddress = (s: StackHeapState): Block[] => [...s.blocks.values()].sort((a, b) => a.start - b.start);

function stateReport(s: StackHeapState): Record<string, unknown> {
  return {
    stack: s.frames.map((f) => ({
      function: f.func,
      start: f.start,
      size: f.size,
      locals: f.locals.map((l) => ({ name: l.name, start: l.start, size: l.size, pointer: !!l.ptr, points: l.ptr?.addr ?? null })),
    })),
    globals: [...s.globals].map(([name, p]) => ({ name, points: p.addr })),
    blocks: blocksByAddress(s).map((b) => ({ start: b.start, size: b.size, requested: b.requested, returned: b.returned, leaked: b.leaked })),
    freeList: s.free.map((f) => ({ start: f.start, size: f.size })),
  };
}

export function stepReport(_c: StackHeapConfig, _run: Run, s: StackHeapState, e: StackHeapEvent): Record<string, unknown> {
  return {
    op: e.op,
    ...(e.kind === 'malloc' ? { returned: e.returned ?? null } : {}),
    ...stateReport(s),
    trap: e.trap,
    leaked: e.leaked.slice(),
    ...(e.examined !== undefined ? { examined: e.examined } : {}),
  };
}

export function finalReport(c: StackHeapConfig, run: Run, s: StackHeapState): Record<string, unknown> {
  return { ...stateReport(s), metrics: metrics(c, run, s) };
}
