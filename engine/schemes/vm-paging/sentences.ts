/**
 * What one reference did, and the sentence that says it: the hit, the load into an empty frame, or
 * the replacement and why each policy chose its victim.
 */
import type { StepEvent } from '../../scheme.js';
import { formatHex } from '../../units.js';
import type { Policy, Reference } from './config.js';
import { isLate, late } from './late.js';

/** The shared empty list of cleared frames (most events clear none). */
export const NO_FRAMES: number[] = [];

/** Why a victim was chosen, as the policy sees it (kept so the sentence can be written on demand). */
export type VictimReason =
  | { policy: 'FIFO' | 'LRU' }
  | { policy: 'OPT'; neverUsedAgain: number[]; nextUse: number }
  | { policy: 'CLOCK'; clearedPages: number[] }
  /** rank: ENHANCED-CLOCK's turn that found the victim (1 to 4), NRU's class, LFU's or MFU's use count, AGING's counter; tied: the pages of equal rank (ENHANCED-CLOCK: the pages whose use bit it cleared). */
  | { policy: 'ENHANCED-CLOCK' | 'NRU' | 'LFU' | 'MFU' | 'AGING'; rank: number; tied: number[]; bits?: number }
  | { policy: 'MRU' | 'WS' }
  /** RANDOM: the random number drawn and the victim's index among the `resident` pages in load order. */
  | { policy: 'RANDOM'; draw: number; index: number; resident: number };

/**
 * What one reference did. The sentence is composed when first read: a 100,000-reference trace
 * under four policies would otherwise build 400,000 strings nobody may ever look at.
 */
export class PagingEvent implements StepEvent {
  /** The token as written (`7`, `0x1A2B:w`). */
  readonly ref: string;
  readonly page: number;
  readonly line: number;
  readonly write: boolean;
  /** Set when the reference string gives addresses (with `page-size`). */
  readonly address?: number;
  readonly offset?: number;
  /** CLOCK: frames whose use bit the hand cleared while looking for a victim, in order. */
  cleared: number[] = NO_FRAMES;
  /** WS: the pages that left the window and were dropped before this reference. */
  dropped?: number[];
  /** NRU, AGING: whether the clock tick came after this reference (R bits cleared, counters shifted). */
  ticked?: boolean;
  /** With a TLB: whether the page's entry was in the TLB (set by translation/tlb.ts). */
  tlbHit?: boolean;
  /** With a TLB: the sentence's words about it (set by translation/tlb.ts, which holds them). */
  tlbWords?: string;
  private words?: string;

  constructor(
    reference: Reference,
    pageSize: number | undefined,
    readonly policy: Policy,
    readonly fault: boolean,
    /** The frame that holds the page after this step. */
    readonly frame: number,
    /** The page evicted, or null. */
    readonly victim: number | null,
    /** Whether the victim was dirty and had to be written back. */
    readonly writeBack: boolean,
    readonly reason: VictimReason | null,
  ) {
    this.ref = reference.token;
    this.page = reference.page;
    this.line = reference.line;
    this.write = reference.write;
    if (reference.address !== undefined) {
      this.address = reference.address;
      this.offset = reference.address % pageSize!;
    }
  }

  /** What happened and why, in one sentence. */
  get sentence(): string {
    return (this.words ??= describe(this) + (this.tlbWords ?? ''));
  }

  toJSON(): Record<string, unknown> {
    const { words: _, tlbWords: __, ...fields } = this;
    return { ...fields, sentence: this.sentence };
  }
}

function describe(e: PagingEvent): string {
  const where = e.address === undefined ? '' : `address ${e.ref.split(':')[0]} is page ${e.page}, offset ${formatHex(e.offset!)}; `;
  const writeNote = e.write ? ' (a write: the page is now dirty)' : '';
  const more = isLate(e.policy) ? late() : undefined;
  const tick = more ? more.tickNote(e) : '';
  const dropped = more ? more.dropNote(e) : '';
  if (!e.fault) {
    const why = e.policy === 'LRU' ? '; it becomes the most recently used page' : e.policy === 'CLOCK' ? '; its use bit is set' : more ? more.hitNote(e.policy) : '';
    return `${dropped}${where}page ${e.page} is already in frame ${e.frame}: a hit${why}${writeNote}${tick}`;
  }
  if (e.victim === null) return `${dropped}${where}page ${e.page} is loaded into empty frame ${e.frame}${writeNote}${tick}`;
  const r = e.reason!;
  let why = '';
  if (r.policy === 'FIFO') why = `${e.victim} was loaded first (FIFO)`;
  else if (r.policy === 'LRU') why = `${e.victim} was used least recently (LRU)`;
  else if (r.policy === 'OPT') {
    const never = r.neverUsedAgain;
    if (never.length === 1) why = `${e.victim} is never used again (OPT)`;
    else if (never.length > 1) why = `${list(never)} are never used again and ${e.victim} was loaded first of them (OPT)`;
    else why = `${e.victim} is not needed again until reference ${r.nextUse + 1}, the farthest ahead (OPT)`;
  } else if (r.policy === 'CLOCK') {
    const cleared = r.clearedPages;
    why =
      cleared.length === 0
        ? 'the clock hand points at it and its use bit is clear (CLOCK)'
        : `the clock hand cleared the use bit${cleared.length > 1 ? 's' : ''} of ${list(cleared)} and stopped at ${e.victim}, whose bit was clear (CLOCK)`;
  } else why = more!.whyVictim(e.victim, r);
  const written = e.writeBack ? `; ${e.victim} was modified, so it is written back first` : '';
  return `${where}page ${e.page} replaces page ${e.victim} in frame ${e.frame}: ${why}${written}${writeNote}${tick}`;
}

/** `1, 2 and 3` */
export const list = (xs: number[]) => (xs.length < 2 ? xs.join('') : `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1]}`);
