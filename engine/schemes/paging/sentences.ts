/** What each step of simple paging did, in words: the phrases the rules (paging.ts) join into sentences. */
import type { StepEvent } from '../../scheme.js';
import type { Trap } from '../../translation/address.js';
import { formatNumber, formatSize } from '../../units.js';
import type { OpKind } from './config.js';
import type { PagedProc } from './state.js';

/** The translation of one access, as the report writes it. */
export interface AccessResult {
  process: string;
  /** The flat logical address, when one was given or can be formed. */
  address: number | null;
  page: number | null;
  offset: number | null;
  frame: number | null;
  physical: number | null;
  trap: Trap | null;
}

export interface SimplePagingEvent extends StepEvent {
  /** The operation as written. */
  op: string;
  kind: OpKind;
  name: string;
  /** Processes given frames by this step (the operation's own first, then any admitted from the queue). */
  placed: { name: string; frames: number[] }[];
  /** Frames this step returned to the free-frame list. */
  freed: number[];
  waited: boolean;
  refused: boolean;
  access?: AccessResult;
  /** Set only while parse.ts checks a trace: a frame a `load ... at` names that is not free. */
  badFrame?: { frame: number; offset: number; holder: string };
}

/** `frame 4`, `frames 0, 1, 2, 3`; a run of five or more frames reads `frames 10 to 99`. */
export function framesText(frames: readonly number[]): string {
  if (frames.length === 1) return `frame ${frames[0]}`;
  const parts: string[] = [];
  for (let i = 0; i < frames.length; ) {
    let j = i;
    while (j + 1 < frames.length && frames[j + 1] === frames[j]! + 1) j++;
    if (j - i >= 4) parts.push(`${frames[i]} to ${frames[j]}`);
    else for (let k = i; k <= j; k++) parts.push(String(frames[k]));
    i = j + 1;
  }
  return `frames ${parts.join(', ')}`;
}

const plural = (n: number, word: string) => `${formatNumber(n)} ${word}${n === 1 ? '' : 's'}`;

/**
 * `needs 4 frames (3,500 bytes in 1K pages, 596 bytes unused in its last page)`: why a process
 * takes the frames it does, and the internal fragmentation that paging leaves.
 */
export function needsText(p: PagedProc, pageSize: number, inPages: boolean): string {
  const frames = plural(p.pages, 'frame');
  if (inPages) return `needs ${frames} (${plural(p.pages, 'page')} of ${formatSize(pageSize)})`;
  const unused = p.pages * pageSize - p.size;
  const last = unused === 0 ? 'its last page full' : `${plural(unused, 'byte')} unused in its last page`;
  return `needs ${frames} (${plural(p.size, 'byte')} in ${formatSize(pageSize)} pages, ${last})`;
}
