/**
 * Final reports on a fast path, for summaries (`mem-sim run --summary`) of long traces: a scheme
 * that has one gives the same `final` object as its stepwise path (tested), without a step's state
 * or event. Kept beside the schemes rather than on their modules so the browser bundle, which
 * always steps, does not carry it.
 */
import type { Scenario } from '../scenario.js';
import { ratio } from '../metrics.js';
import type { RunSpec } from '../scheme.js';
import type { PagingConfig, PagingFields } from '../schemes/vm-paging/index.js';
import { mermaid } from '../schemes/vm-paging/presentation/mermaid.js';
import { stateOfFrames } from '../schemes/vm-paging/state.js';
import { finalFrames, type FinalFrames } from './page-faults.js';

function vmPagingFinal(c: PagingConfig, run: RunSpec<PagingFields>): Record<string, unknown> {
  const pages = Int32Array.from(c.refs, (r) => r.page);
  const writes = c.refs.some((r) => r.write) ? Uint8Array.from(c.refs, (r) => (r.write ? 1 : 0)) : undefined;
  const f = finalFrames(pages, run.fields.frames, run.fields.policy, writes, c);
  const time = c.refs.length;
  return {
    faults: f.faults,
    faultsAfterFill: f.faultsAfterFill,
    hits: f.hits,
    hitRatio: time === 0 ? 0 : ratio(f.hits / time),
    writeBacks: f.writeBacks,
    contents: f.contents,
    // The last step's picture, as the stepwise report draws it: its page in its frame, its victim.
    mermaid: mermaid(c, run, stateOfFrames(c, run, f), lastStep(c, f)),
  };
}

/** What the last reference did, as the diagram marks it; undefined for a run with no references. */
function lastStep(c: PagingConfig, f: FinalFrames) {
  const last = c.refs[c.refs.length - 1];
  return last && { page: last.page, frame: f.contents.indexOf(last.page), victim: f.lastVictim };
}

/** The run's final report on the scheme's fast path, or undefined when the scheme has none. */
export function fastFinalReport(scenario: Scenario, run: RunSpec): Record<string, unknown> | undefined {
  // WS needs its window, and the TLB and the access times are stepped (translation/tlb.ts): the fast path counts frames only.
  const c = scenario.config as PagingConfig;
  return scenario.scheme === 'vm-paging' && (run as RunSpec<PagingFields>).fields.policy !== 'WS' && !c.hardware ? vmPagingFinal(c, run as RunSpec<PagingFields>) : undefined;
}
