/** A simple-paging state as metrics, as the JSON report's step and final objects, and as runs of frames. */
import type { RunSpec } from '../../scheme.js';
import type { SimplePagingConfig, SimplePagingFields } from './config.js';
import type { SimplePagingEvent } from './sentences.js';
import { unusedInLastPage, type FrameEntry, type SimplePagingState } from './state.js';

type Run = RunSpec<SimplePagingFields>;

export function metrics(c: SimplePagingConfig, _run: Run, s: SimplePagingState): Record<string, number> {
  let internal = 0;
  for (const p of s.resident.values()) internal += unusedInLastPage(p, c.pageSize);
  return { framesUsed: s.frames.length - s.free.length, framesFree: s.free.length, internalFragmentation: internal };
}

/** The resident processes' page tables, as the report writes them. */
export const pageTables = (s: SimplePagingState): Record<string, (number | null)[]> =>
  Object.fromEntries([...s.resident.values()].map((r) => [r.name, r.table.slice()]));

function stateReport(s: SimplePagingState): Record<string, unknown> {
  return {
    frames: s.frames.slice(),
    pageTables: pageTables(s),
    free: s.free.slice(),
    waiting: s.waiting.map((w) => w.name),
    swapped: s.swapped.map((w) => w.name),
  };
}

export function stepReport(_c: SimplePagingConfig, _run: Run, s: SimplePagingState, e: SimplePagingEvent): Record<string, unknown> {
  return { op: e.op, ...(e.access ?? {}), ...stateReport(s), placed: e.placed, freed: e.freed };
}

export function finalReport(c: SimplePagingConfig, run: Run, s: SimplePagingState): Record<string, unknown> {
  return { ...stateReport(s), metrics: metrics(c, run, s) };
}

/** Consecutive frames of one kind: a page of a process is a run of its own; free, OS and unnamed frames merge. */
export interface FrameRun {
  from: number;
  to: number;
  entry: FrameEntry;
}

export function frameRuns(frames: readonly FrameEntry[]): FrameRun[] {
  const out: FrameRun[] = [];
  const kind = (e: FrameEntry) => (e === null ? 'free' : 'os' in e ? 'os' : 'used' in e ? 'used' : '');
  for (let f = 0; f < frames.length; f++) {
    const e = frames[f]!;
    const last = out[out.length - 1];
    if (last && kind(e) !== '' && kind(last.entry) === kind(e)) last.to = f;
    else out.push({ from: f, to: f, entry: e });
  }
  return out;
}

/** `frame 3: A page 1`, `frames 4 to 9: free`: a run of frames in words. */
export function runText(r: FrameRun): string {
  const where = r.from === r.to ? `frame ${r.from}` : `frames ${r.from} to ${r.to}`;
  const e = r.entry;
  return `${where}: ${e === null ? 'free' : 'os' in e ? 'OS' : 'used' in e ? 'in use (not in this scenario)' : `${e.process} page ${e.page}`}`;
}
