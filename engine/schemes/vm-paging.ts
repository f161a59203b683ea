/**
 * Virtual-memory paging with demand paging and page replacement (FIFO, LRU, OPT, CLOCK).
 *
 * Textbook rules (see the docs for each one):
 * - frames are numbered from 0; empty frames fill lowest first; a new page takes its victim's frame;
 * - FIFO evicts the page loaded earliest; LRU the page used least recently;
 * - OPT evicts the page whose next use is farthest away; among pages never used again, the one loaded earliest;
 * - CLOCK (Stallings): the use bit is set on load and on every hit; the hand starts at frame 0 and a hit
 *   does not move it; on a fault with no empty frame the hand clears use bits until it finds a clear one,
 *   replaces that page and moves one past it (a load into an empty frame also moves the hand past it);
 * - a `:w` reference sets the page's dirty bit; evicting a dirty page is a write-back; pages still dirty
 *   at the end are not counted.
 */
import { mermaidLabel } from '../mermaid.js';
import type { KeyDoc, RunSpec, SchemeModule, StepEvent, TableCell, TableModel, TableOptions, Work } from '../scheme.js';
import type { Timeline } from '../timeline.js';
import type { ScenarioReader } from '../source.js';
import { formatHex, MAX_BYTES_TEXT, parseAddress } from '../units.js';

/** The replacement policies, by the names the scenario and the report use. */
export const POLICIES = ['FIFO', 'LRU', 'OPT', 'CLOCK'] as const;
export type Policy = (typeof POLICIES)[number];

/** Other names textbooks give the same policies. */
export const POLICY_ALIASES: Record<string, Policy> = {
  optimal: 'OPT',
  min: 'OPT',
  belady: 'OPT',
  'second-chance': 'CLOCK',
};

/** The largest frame count a scenario may ask for. */
export const MAX_FRAMES = 1_000_000;

export interface Reference {
  /** The token as written (`7`, `0x1A2B:w`). */
  token: string;
  page: number;
  /** The address, when the reference string gives addresses (with `page-size`). */
  address?: number;
  write: boolean;
  line: number;
  column: number;
}

export interface PagingConfig {
  frames: number[];
  policies: Policy[];
  refs: Reference[];
  pageSize?: number;
  /** nextUse[i]: index of the next reference to the same page after i, or refs.length when none. */
  nextUse: Int32Array;
  /** How many different pages the references name: no run ever fills more frames than this. */
  distinctPages: number;
}

const NONE: number[] = [];

/** Where each per-frame field sits in `PagingState.slots`: block k holds field k for frames 0..n-1. */
const PAGE = 0;
const DIRTY = 1;
const USE = 2;
const LOADED = 3;
const USED = 4;
const NEXT = 5;
const FIELDS = 6;

/**
 * The frames of one run after some number of references. Read-only outside this module.
 *
 * Only the frames that can ever be filled are kept: empty frames fill lowest first, so a run never
 * uses more frames than the references have different pages, and a million frames for ten
 * references cost ten frames of state (the frames above are empty at every step).
 */
export class PagingState {
  constructor(
    /** The run's frame count. */
    readonly frameCount: number,
    /**
     * Per-frame bookkeeping of the frames that can be filled, packed in one flat array of small
     * integers, six blocks of one number per frame: page (-1 when empty), dirty bit, use bit, step
     * loaded, step last used, index of next use.
     */
    public slots: number[],
    /** CLOCK's hand: the frame it points at. */
    public hand: number,
    public faults: number,
    public faultsAfterFill: number,
    public hits: number,
    public writeBacks: number,
    /** References processed so far. */
    public time: number,
  ) {}

  clone(): PagingState {
    return new PagingState(this.frameCount, this.slots.slice(), this.hand, this.faults, this.faultsAfterFill, this.hits, this.writeBacks, this.time);
  }

  /** Frames kept in `slots`: those that can ever be filled; every frame above them stays empty. */
  get capacity(): number {
    return this.slots.length / FIELDS;
  }

  /** The page in frame f, or null while the frame is empty. */
  pageIn(f: number): number | null {
    const p = f < this.capacity ? this.slots[f]! : -1;
    return p < 0 ? null : p;
  }

  /** The page in each frame, null for an empty frame. */
  get frames(): (number | null)[] {
    return Array.from({ length: this.frameCount }, (_, f) => this.pageIn(f));
  }

  /** Whether each frame's page was written since it was loaded. */
  get dirty(): boolean[] {
    return this.block(DIRTY).map((b) => b === 1);
  }

  /** CLOCK's use bit of each frame (kept for every policy, shown for CLOCK). */
  get use(): boolean[] {
    return this.block(USE).map((b) => b === 1);
  }

  private block(field: number): number[] {
    const m = this.capacity;
    const out = this.slots.slice(field * m, field * m + m);
    return m === this.frameCount ? out : out.concat(new Array<number>(this.frameCount - m).fill(0));
  }
}

/** Why a victim was chosen, as the policy sees it (kept so the sentence can be written on demand). */
export type VictimReason =
  | { policy: 'FIFO' | 'LRU' }
  | { policy: 'OPT'; neverUsedAgain: number[]; nextUse: number }
  | { policy: 'CLOCK'; clearedPages: number[] };

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
  cleared: number[] = NONE;
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
    return (this.words ??= describe(this));
  }

  toJSON(): Record<string, unknown> {
    const { words: _, ...fields } = this;
    return { ...fields, sentence: this.sentence };
  }
}

function describe(e: PagingEvent): string {
  const where = e.address === undefined ? '' : `address ${e.ref.split(':')[0]} is page ${e.page}, offset ${formatHex(e.offset!)}; `;
  const writeNote = e.write ? ' (a write: the page is now dirty)' : '';
  if (!e.fault) {
    const why = e.policy === 'LRU' ? '; it becomes the most recently used page' : e.policy === 'CLOCK' ? '; its use bit is set' : '';
    return `${where}page ${e.page} is already in frame ${e.frame}: a hit${why}${writeNote}`;
  }
  if (e.victim === null) return `${where}page ${e.page} is loaded into empty frame ${e.frame}${writeNote}`;
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
  }
  const written = e.writeBack ? `; ${e.victim} was modified, so it is written back first` : '';
  return `${where}page ${e.page} replaces page ${e.victim} in frame ${e.frame}: ${why}${written}${writeNote}`;
}

const KEYS: readonly KeyDoc[] = [
  { key: 'frames', aliases: ['frame-count', 'cachesize', 'cache-size'], summary: 'Frames of physical memory: one count (3) or several to compare (3, 4). Default 3.' },
  { key: 'policy', aliases: ['policies'], summary: 'Replacement policy or policies: FIFO, LRU, OPT, CLOCK, in any letter case. Default FIFO.' },
  { key: 'refs', aliases: ['references', 'reference-string', 'addresses'], summary: 'The reference string: page numbers (or addresses with page-size), separated by spaces or commas, each optionally :r or :w.' },
  { key: 'page-size', aliases: ['pagesize'], summary: 'Bytes per page (4K, 4096). With it, each reference is an address in decimal or 0x hex.' },
];

const TOKEN = /^(0x[0-9a-f]+|\d+)(?::([rw]))?$/i;

function parse(r: ScenarioReader): PagingConfig | undefined {
  const src = r.source;
  const frames = r.has('frames') ? r.integers('frames', 1, MAX_FRAMES, 'a whole number of frames') : [3];
  const policies = (r.has('policy') ? r.words('policy', POLICIES, POLICY_ALIASES) : ['FIFO']) as Policy[] | undefined;
  const pageSize = r.size('page-size');
  if (frames && new Set(frames).size !== frames.length) {
    src.error(r.entry('frames')!.value, 'frames: each frame count may be listed once');
  }
  const entry = r.entry('refs');
  if (!entry) {
    r.missing('refs', 'refs: 7 0 1 2 0 3 0 4');
    return undefined;
  }
  const before = src.errors.length;
  const tokens = src.tokens(entry.value, entry.key);
  if (tokens.length === 0) {
    if (src.errors.length > before) return undefined;
    src.error(entry.value ?? entry.keyNode, `refs is empty: expected page numbers separated by spaces, such as refs: 7 0 1 2`);
    return undefined;
  }
  const refs: Reference[] = [];
  for (const t of tokens) {
    const m = TOKEN.exec(t.text);
    if (!m) {
      src.errorAt(
        t.offset,
        `'${t.text}' is not a reference: expected a page number${pageSize ? ' or address' : ''} such as 7, optionally followed by :r or :w (7:w)`,
      );
      continue;
    }
    const number = parseAddress(m[1]!);
    const write = m[2]?.toLowerCase() === 'w';
    const pos = src.position(t.offset);
    if (!pageSize && /^0x/i.test(m[1]!)) {
      src.errorAt(t.offset, `'${t.text}' is an address, but the scenario has no page-size: add page-size (such as page-size: 4K) or write page numbers`);
    } else if (number === undefined) {
      src.errorAt(t.offset, `${pageSize ? 'address' : 'page'} ${t.text} is too large: the largest ${pageSize ? 'address' : 'page number'} is ${MAX_BYTES_TEXT}`);
    } else if (pageSize) {
      refs.push({ token: t.text, page: Math.floor(number / pageSize), address: number, write, line: pos.line, column: pos.column });
    } else {
      refs.push({ token: t.text, page: number, write, line: pos.line, column: pos.column });
    }
  }
  if (src.errors.length || !frames || !policies) return undefined;
  const pages = refs.map((x) => x.page);
  return { frames, policies, refs, pageSize, nextUse: nextUses(pages), distinctPages: new Set(pages).size };
}

/** For each reference, the index of the next reference to the same page (or the length: never). */
export function nextUses(pages: ArrayLike<number>): Int32Array {
  const next = new Int32Array(pages.length);
  const seen = new Map<number, number>();
  for (let i = pages.length - 1; i >= 0; i--) {
    next[i] = seen.get(pages[i]!) ?? pages.length;
    seen.set(pages[i]!, i);
  }
  return next;
}

/** Every step reports every frame (`contents`), so a run costs references times frames. */
function work(c: PagingConfig): Work {
  const refs = c.refs.length;
  const frames = c.frames.reduce((a, f) => a + f, 0);
  return {
    steps: refs * c.frames.length * c.policies.length,
    entries: refs * frames * c.policies.length,
    stepsKey: 'refs',
    entriesKey: Math.max(...c.frames) >= refs ? 'frames' : 'refs',
  };
}

function runs(c: PagingConfig): RunSpec[] {
  return c.policies.flatMap((policy) =>
    c.frames.map((frames) => ({ label: `${policy}, ${frames} frame${frames === 1 ? '' : 's'}`, fields: { policy, frames } })),
  );
}

function initial(c: PagingConfig, run: RunSpec): PagingState {
  const n = run.fields.frames as number;
  const m = Math.min(n, c.distinctPages);
  const slots = new Array<number>(m * FIELDS).fill(0);
  for (const field of [PAGE, LOADED, USED, NEXT]) slots.fill(-1, field * m, field * m + m);
  return new PagingState(n, slots, 0, 0, 0, 0, 0, 0);
}

/** `1, 2 and 3` */
const list = (xs: number[]) => (xs.length < 2 ? xs.join('') : `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1]}`);

function apply(c: PagingConfig, run: RunSpec, s: PagingState, i: number): { state: PagingState; event: PagingEvent } {
  const state = s.clone();
  return { state, event: step(c, run, state, i) };
}

/** Applies reference i to `s` in place (the timeline's fast stepping) and says what happened. */
function step(c: PagingConfig, run: RunSpec, s: PagingState, i: number): PagingEvent {
  const policy = run.fields.policy as Policy;
  const ref = c.refs[i]!;
  const page = ref.page;
  // Slot blocks are `n` frames long; the clock hand turns over all the run's frames. They differ only
  // when frames outnumber the pages, and then nothing is ever replaced.
  const n = s.capacity;
  const slots = s.slots;
  let frame = firstFrameHolding(slots, n, page);
  const fault = frame < 0;
  let victim: number | null = null;
  let writeBack = false;
  let reason: VictimReason | null = null;
  let cleared = NONE;

  if (!fault) s.hits++;
  else {
    s.faults++;
    frame = firstFrameHolding(slots, n, -1);
    if (frame >= 0) {
      if (policy === 'CLOCK') s.hand = (frame + 1) % s.frameCount;
    } else {
      s.faultsAfterFill++;
      if (policy === 'FIFO') {
        frame = argMin(slots, LOADED * n, n);
        reason = { policy };
      } else if (policy === 'LRU') {
        frame = argMin(slots, USED * n, n);
        reason = { policy };
      } else if (policy === 'OPT') {
        const never = c.refs.length;
        // A page never used again outranks every page that is; among those, the earliest loaded goes.
        const neverUsedAgain: number[] = [];
        let farthest = -1;
        for (let f = 0; f < n; f++) {
          const next = slots[NEXT * n + f]!;
          if (next >= never) {
            if (neverUsedAgain.length === 0 || slots[LOADED * n + f]! < slots[LOADED * n + frame]!) frame = f;
            neverUsedAgain.push(slots[f]!);
          } else if (neverUsedAgain.length === 0 && next > farthest) {
            farthest = next;
            frame = f;
          }
        }
        reason = { policy, neverUsedAgain, nextUse: farthest };
      } else {
        cleared = [];
        let hand = s.hand;
        while (slots[USE * n + hand] === 1) {
          slots[USE * n + hand] = 0;
          cleared.push(hand);
          hand = (hand + 1) % n;
        }
        frame = hand;
        s.hand = (hand + 1) % n;
        reason = { policy, clearedPages: cleared.map((f) => slots[f]!) };
      }
      victim = slots[frame]!;
      writeBack = slots[DIRTY * n + frame] === 1;
      if (writeBack) s.writeBacks++;
    }
    slots[frame] = page;
    slots[DIRTY * n + frame] = 0;
    slots[LOADED * n + frame] = i;
  }
  if (ref.write) slots[DIRTY * n + frame] = 1;
  slots[USE * n + frame] = 1;
  slots[USED * n + frame] = i;
  slots[NEXT * n + frame] = c.nextUse[i]!;
  s.time++;

  const event = new PagingEvent(ref, c.pageSize, policy, fault, frame, victim, writeBack, reason);
  if (cleared.length) event.cleared = cleared;
  return event;
}

function firstFrameHolding(slots: readonly number[], n: number, page: number): number {
  for (let f = 0; f < n; f++) if (slots[f] === page) return f;
  return -1;
}


/** The frame whose time (in the block at `base`) is smallest; times are distinct step numbers, so no tie rule is needed. */
function argMin(slots: readonly number[], base: number, n: number): number {
  let best = 0;
  for (let f = 1; f < n; f++) if (slots[base + f]! < slots[base + best]!) best = f;
  return best;
}

const ratio = (x: number) => Math.round(x * 1000) / 1000;

function metrics(_c: PagingConfig, _run: RunSpec, s: PagingState): Record<string, number> {
  return {
    faults: s.faults,
    faultsAfterFill: s.faultsAfterFill,
    hits: s.hits,
    hitRatio: s.time === 0 ? 0 : ratio(s.hits / s.time),
    writeBacks: s.writeBacks,
  };
}

function stepReport(_c: PagingConfig, run: RunSpec, s: PagingState, e: PagingEvent): Record<string, unknown> {
  const out: Record<string, unknown> = {
    ref: e.ref,
    page: e.page,
    fault: e.fault,
    frame: e.frame,
    victim: e.victim,
    contents: s.frames,
    write: e.write,
    writeBack: e.writeBack,
    dirty: s.dirty,
  };
  if (e.address !== undefined) {
    out.address = e.address;
    out.offset = e.offset;
  }
  if (run.fields.policy === 'CLOCK') {
    out.use = s.use;
    out.hand = s.hand;
  }
  return out;
}

function finalReport(c: PagingConfig, run: RunSpec, s: PagingState): Record<string, unknown> {
  return { ...metrics(c, run, s), contents: s.frames.slice() };
}

function table(t: Timeline<PagingConfig, PagingState, PagingEvent>, from: number, to: number, options?: TableOptions): TableModel {
  const titles = options?.titles !== false;
  const clockPolicy = t.run.fields.policy === 'CLOCK';
  const frameCount = t.run.fields.frames as number;
  const head: TableCell[] = [{ text: 'reference' }];
  // One working copy stepped in place: the build plugins draw every table of a site, so this is hot.
  const state = t.stateAt(from - 1).clone();
  const slots = state.slots;
  const n = state.capacity;
  const rows: TableCell[][] = Array.from({ length: n }, (_, f) => [{ text: `frame ${f}` }]);
  // Frames no reference can reach stay empty at every step: one row stands for them all.
  const unreached = neverFilled(frameCount, n);
  if (unreached) rows.push([{ text: unreached }]);
  const faultRow: TableCell[] = [{ text: 'fault' }];

  for (let position = from; position <= to; position++) {
    step(t.config, t.run, state, position - 1);
    const e = t.eventAt(position)!;
    head.push(titles ? { text: e.ref, title: `step ${position}: reference ${e.ref}${e.write ? ' (write)' : ''}` } : { text: e.ref });
    for (let f = 0; f < n; f++) {
      const page = slots[f]!;
      const dirty = slots[DIRTY * n + f] === 1;
      const use = slots[USE * n + f] === 1;
      const hand = clockPolicy && state.hand === f;
      const classes: string[] = [];
      if (f === e.frame) {
        classes.push(e.fault ? 'fault' : 'hit');
        if (e.victim !== null) classes.push('victim');
      }
      if (dirty) classes.push('dirty');
      if (hand) classes.push('hand');
      const text = page < 0 ? '' : clockPolicy && use ? `${page}*` : String(page);
      const cell: TableCell = classes.length ? { text, classes } : { text };
      if (titles) {
        const notes: string[] = [];
        if (f === e.frame) notes.push(e.fault ? (e.victim !== null ? `fault: replaced page ${e.victim}` : 'fault') : 'hit');
        if (dirty) notes.push('dirty');
        if (clockPolicy && page >= 0) notes.push(`use bit ${use ? 1 : 0}`);
        if (hand) notes.push('clock hand');
        cell.title = `frame ${f}: ${page < 0 ? 'empty' : `page ${page}`}${notes.length ? ` (${notes.join(', ')})` : ''}`;
      }
      rows[f]!.push(cell);
    }
    if (unreached) {
      const hand = clockPolicy && state.hand >= n;
      const cell: TableCell = hand ? { text: '', classes: ['hand'] } : { text: '' };
      if (titles) cell.title = `${unreached}: empty${hand ? ` (clock hand${frameCount - n > 1 ? ` at frame ${state.hand}` : ''})` : ''}`;
      rows[n]!.push(cell);
    }
    const mark: TableCell = e.fault ? { text: 'F', classes: ['fault'] } : { text: '' };
    if (titles) mark.title = e.fault ? (e.victim === null ? 'fault (into an empty frame)' : 'fault') : 'hit';
    faultRow.push(mark);
  }
  return { caption: t.run.label, head, rows: [...rows, faultRow] };
}

/** The label of the frames above `capacity` that are never filled (`frame 3`, `frames 3 to 999`), or '' when there are none. */
function neverFilled(frameCount: number, capacity: number): string {
  const last = frameCount - 1;
  return capacity > last ? '' : capacity === last ? `frame ${last}` : `frames ${capacity} to ${last}`;
}

function mermaid(_c: PagingConfig, run: RunSpec, s: PagingState, e: PagingEvent | undefined): string {
  const lines = ['flowchart LR'];
  const clock = run.fields.policy === 'CLOCK';
  const m = s.capacity;
  const frames = Array.from({ length: m }, (_, f) => s.pageIn(f));
  const resident = frames.map((p, f) => ({ p, f })).filter((x) => x.p !== null) as { p: number; f: number }[];
  lines.push(`  subgraph pages[${mermaidLabel('Process pages')}]`, '    direction TB');
  for (const { p } of [...resident].sort((a, b) => a.p - b.p)) lines.push(`    p${p}[${mermaidLabel(`page ${p}`)}]`);
  if (e && e.victim !== null) lines.push(`    v${e.victim}[${mermaidLabel(`page ${e.victim} (evicted)`)}]`);
  if (resident.length === 0) lines.push(`    none[${mermaidLabel('no page loaded yet')}]`);
  lines.push('  end');
  lines.push(`  subgraph memory[${mermaidLabel(`Main memory: ${run.label}`)}]`, '    direction TB');
  const flagsOf = (f: number, dirty: boolean, use: boolean) =>
    [dirty ? 'dirty' : '', clock ? `use ${use ? 1 : 0}` : '', clock && s.hand === f ? 'hand' : ''].filter(Boolean).join(', ');
  frames.forEach((p, f) => {
    const flags = flagsOf(f, s.slots[DIRTY * m + f] === 1, s.slots[USE * m + f] === 1);
    lines.push(`    f${f}[${mermaidLabel(`frame ${f}: ${p === null ? 'empty' : `page ${p}`}${flags ? ` (${flags})` : ''}`)}]`);
  });
  // Frames no reference can reach: one node, so a million frames stay drawable.
  const unreached = neverFilled(s.frameCount, m);
  if (unreached === `frame ${m}`) {
    const flags = flagsOf(m, false, false);
    lines.push(`    f${m}[${mermaidLabel(`frame ${m}: empty${flags ? ` (${flags})` : ''}`)}]`);
  } else if (unreached) {
    const hand = clock && s.hand >= m ? ` (hand at frame ${s.hand})` : '';
    lines.push(`    f${m}[${mermaidLabel(`${unreached}: empty${hand}`)}]`);
  }
  lines.push('  end');
  for (const { p, f } of resident) lines.push(`  p${p} --> f${f}`);
  if (e) {
    lines.push(`  classDef current stroke-width:3px`);
    lines.push(`  class p${e.page},f${e.frame} current`);
    if (e.victim !== null) {
      lines.push(`  classDef evicted stroke-dasharray: 4 2`);
      lines.push(`  class v${e.victim} evicted`);
    }
  }
  return lines.join('\n');
}

/** Virtual-memory paging: demand paging with FIFO, LRU, OPT and CLOCK replacement. */
export const vmPaging: SchemeModule<PagingConfig, PagingState, PagingEvent> = {
  name: 'vm-paging',
  keys: KEYS,
  parse,
  runs,
  stepCount: (c) => c.refs.length,
  work,
  initial,
  apply,
  step,
  clone: (s) => s.clone(),
  metrics,
  stepReport,
  finalReport,
  table,
  mermaid,
};

export default vmPaging;
