/** The words for the policies of rules.ts: why each victim went, what a hit does, the clock tick and the working set's drops. */
import type { Policy } from '../config.js';
import { list, type PagingEvent, type VictimReason } from '../sentences.js';

/** Why `victim` went, for a reason given by rules.ts. */
export function whyVictim(victim: number, r: VictimReason): string {
  const others = 'tied' in r ? r.tied.filter((p) => p !== victim) : [];
  const first = others.length ? `; ${list([victim, ...others])} tie and ${victim} was loaded first` : '';
  switch (r.policy) {
    case 'ENHANCED-CLOCK': {
      const modified = r.rank % 2 === 0 ? 1 : 0;
      const cleared = r.tied.length ? `, clearing the use bit${r.tied.length > 1 ? 's' : ''} of ${list(r.tied)},` : '';
      const before = r.rank === 1 ? 'the first turn from the hand' : r.rank === 2 ? 'no page has use 0 and modify 0, so the second turn' : 'no page had use 0, so after turns';
      return `${before}${cleared} found ${victim} with use 0 and modify ${modified} (ENHANCED-CLOCK)`;
    }
    case 'NRU':
      return `${victim} is in the lowest class, ${r.rank} (R = ${r.rank >> 1}, M = ${r.rank & 1})${first} (NRU)`;
    case 'LFU':
    case 'MFU':
      return `${victim} has the ${r.policy === 'LFU' ? 'fewest' : 'most'} uses since it was loaded, ${r.rank}${first} (${r.policy})`;
    case 'AGING':
      return `${victim} has the lowest counter, ${r.rank.toString(2).padStart(r.bits!, '0')}${others.length ? `, as ${list(others)} do; ties go to R = 0, then to the page loaded first` : ''} (AGING)`;
    case 'MRU':
      return `${victim} was used most recently (MRU)`;
    case 'WS':
      return `the working set fills every frame and ${victim} was used least recently (WS)`;
    case 'RANDOM':
      return `random() gave ${r.draw.toFixed(3)}, and int(${r.draw.toFixed(3)} × ${r.resident}) = ${r.index} picks ${victim}, number ${r.index} from 0 in load order (RANDOM)`;
    default:
      return '';
  }
}

/** What a hit changes under the policy. */
export function hitNote(policy: Policy): string {
  return policy === 'MRU' ? '; it becomes the most recently used page'
    : policy === 'LFU' || policy === 'MFU' ? '; its use count grows by 1'
    : policy === 'NRU' || policy === 'AGING' || policy === 'ENHANCED-CLOCK' ? '; its R bit is set'
    : '';
}

/** The clock tick after the reference (NRU, AGING), or ''. */
export function tickNote(e: PagingEvent): string {
  if (!e.ticked) return '';
  return e.policy === 'AGING' ? '; then the clock tick shifts every counter right, its R bit entering at the top, and clears the R bits' : '; then the clock tick clears every R bit';
}

/** The pages a working set dropped before the reference, or ''. */
export function dropNote(e: PagingEvent): string {
  const d = e.dropped;
  return d ? `page${d.length > 1 ? 's' : ''} ${list(d)} left the window and ${d.length > 1 ? 'are' : 'is'} dropped; ` : '';
}
