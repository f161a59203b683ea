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
import type { KeyDoc, RunSpec, SchemeModule, StepEvent, TableCell, TableModel } from '../scheme.js';
import type { Timeline } from '../timeline.js';
import type { ScenarioReader } from '../source.js';
import { formatHex, parseAddress } from '../units.js';

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
}

export interface PagingState {
  /** The page in each frame, or null while the frame is empty. */
  frames: readonly (number | null)[];
  dirty: readonly boolean[];
  /** CLOCK's use bits (kept for every policy, shown for CLOCK). */
  use: readonly boolean[];
  /** Step at which each frame's page was loaded (FIFO, OPT ties). */
  loadedAt: readonly number[];
  /** Step at which each frame's page was last referenced (LRU). */
  usedAt: readonly number[];
  /** Index of the next use of each frame's page (OPT). */
  nextUse: readonly number[];
  /** CLOCK's hand: the frame it points at. */
  hand: number;
  faults: number;
  faultsAfterFill: number;
  hits: number;
  writeBacks: number;
  /** References processed so far. */
  time: number;
}

export interface PagingEvent extends StepEvent {
  ref: string;
  page: number;
  address?: number;
  offset?: number;
  write: boolean;
  fault: boolean;
  /** The frame that holds the page after this step. */
  frame: number;
  /** The page evicted, or null. */
  victim: number | null;
  /** Whether the victim was dirty and had to be written back. */
  writeBack: boolean;
  /** CLOCK: frames whose use bit the hand cleared while looking for a victim, in order. */
  cleared: number[];
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
  const tokens = src.tokens(entry.value);
  if (tokens.length === 0) {
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
    if (number === undefined) {
      src.errorAt(t.offset, `'${t.text}' is too large`);
    } else if (pageSize) {
      refs.push({ token: t.text, page: Math.floor(number / pageSize), address: number, write, ...pos });
    } else if (/^0x/i.test(m[1]!)) {
      src.errorAt(t.offset, `'${t.text}' is an address, but the scenario has no page-size: add page-size (such as page-size: 4K) or write page numbers`);
    } else if (number > 0x7fffffff) {
      src.errorAt(t.offset, `page ${t.text} is too large: expected a page number below 2,147,483,648`);
    } else {
      refs.push({ token: t.text, page: number, write, ...pos });
    }
  }
  if (src.errors.length || !frames || !policies) return undefined;
  return { frames, policies, refs, pageSize, nextUse: nextUses(refs.map((x) => x.page)) };
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

function runs(c: PagingConfig): RunSpec[] {
  return c.policies.flatMap((policy) =>
    c.frames.map((frames) => ({ label: `${policy}, ${frames} frame${frames === 1 ? '' : 's'}`, fields: { policy, frames } })),
  );
}

function initial(_c: PagingConfig, run: RunSpec): PagingState {
  const n = run.fields.frames as number;
  return {
    frames: new Array(n).fill(null),
    dirty: new Array(n).fill(false),
    use: new Array(n).fill(false),
    loadedAt: new Array(n).fill(-1),
    usedAt: new Array(n).fill(-1),
    nextUse: new Array(n).fill(-1),
    hand: 0,
    faults: 0,
    faultsAfterFill: 0,
    hits: 0,
    writeBacks: 0,
    time: 0,
  };
}

/** `1, 2 and 3` */
const list = (xs: number[]) => (xs.length < 2 ? xs.join('') : `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1]}`);

function apply(c: PagingConfig, run: RunSpec, s: PagingState, i: number): { state: PagingState; event: PagingEvent } {
  const policy = run.fields.policy as Policy;
  const ref = c.refs[i]!;
  const page = ref.page;
  const n = s.frames.length;
  const frames = s.frames.slice();
  const dirty = s.dirty.slice();
  const use = s.use.slice();
  const loadedAt = s.loadedAt.slice();
  const usedAt = s.usedAt.slice();
  const nextUse = s.nextUse.slice();
  let { hand, faults, faultsAfterFill, hits, writeBacks } = s;
  const where = ref.address === undefined ? '' : `address ${ref.token.split(':')[0]} is page ${page}, offset ${formatHex(ref.address % c.pageSize!)}; `;
  const writeNote = ref.write ? ' (a write: the page is now dirty)' : '';
  const cleared: number[] = [];
  let frame = frames.indexOf(page);
  const fault = frame < 0;
  let victim: number | null = null;
  let writeBack = false;
  let sentence: string;

  if (!fault) {
    hits++;
    const why =
      policy === 'LRU' ? '; it becomes the most recently used page' : policy === 'CLOCK' ? '; its use bit is set' : '';
    sentence = `${where}page ${page} is already in frame ${frame}: a hit${why}${writeNote}`;
  } else {
    faults++;
    frame = frames.indexOf(null);
    if (frame >= 0) {
      sentence = `${where}page ${page} is loaded into empty frame ${frame}`;
      if (policy === 'CLOCK') hand = (frame + 1) % n;
    } else {
      faultsAfterFill++;
      let why: string;
      if (policy === 'FIFO') {
        frame = argBest(n, (f) => -loadedAt[f]!);
        why = `${frames[frame]} was loaded first (FIFO)`;
      } else if (policy === 'LRU') {
        frame = argBest(n, (f) => -usedAt[f]!);
        why = `${frames[frame]} was used least recently (LRU)`;
      } else if (policy === 'OPT') {
        const never = c.refs.length;
        // A page never used again outranks every page that is; among those, the earliest loaded goes.
        frame = argBest(n, (f) => (nextUse[f]! >= never ? never * 2 - loadedAt[f]! : nextUse[f]!));
        const unused = [...Array(n).keys()].filter((f) => nextUse[f]! >= never).map((f) => frames[f]!);
        if (unused.length === 1) why = `${frames[frame]} is never used again (OPT)`;
        else if (unused.length > 1) why = `${list(unused)} are never used again and ${frames[frame]} was loaded first of them (OPT)`;
        else why = `${frames[frame]} is not needed again until reference ${nextUse[frame]! + 1}, the farthest ahead (OPT)`;
      } else {
        while (use[hand]) {
          use[hand] = false;
          cleared.push(hand);
          hand = (hand + 1) % n;
        }
        frame = hand;
        hand = (hand + 1) % n;
        why =
          cleared.length === 0
            ? `the clock hand points at it and its use bit is clear (CLOCK)`
            : `the clock hand cleared the use bit${cleared.length > 1 ? 's' : ''} of ${list(cleared.map((f) => frames[f]!))} and stopped at ${frames[frame]}, whose bit was clear (CLOCK)`;
      }
      victim = frames[frame]!;
      writeBack = dirty[frame]!;
      if (writeBack) writeBacks++;
      sentence = `${where}page ${page} replaces page ${victim} in frame ${frame}: ${why}${writeBack ? `; ${victim} was modified, so it is written back first` : ''}`;
    }
    frames[frame] = page;
    dirty[frame] = false;
    loadedAt[frame] = i;
    sentence += writeNote;
  }
  if (ref.write) dirty[frame] = true;
  use[frame] = true;
  usedAt[frame] = i;
  nextUse[frame] = c.nextUse[i]!;

  const event: PagingEvent = {
    line: ref.line,
    sentence,
    ref: ref.token,
    page,
    write: ref.write,
    fault,
    frame,
    victim,
    writeBack,
    cleared,
  };
  if (ref.address !== undefined) {
    event.address = ref.address;
    event.offset = ref.address % c.pageSize!;
  }
  return {
    state: { frames, dirty, use, loadedAt, usedAt, nextUse, hand, faults, faultsAfterFill, hits, writeBacks, time: s.time + 1 },
    event,
  };
}

/** The frame with the largest score; scores are distinct, so no tie rule is needed here. */
function argBest(n: number, score: (f: number) => number): number {
  let best = 0;
  let bestScore = -Infinity;
  for (let f = 0; f < n; f++) {
    const v = score(f);
    if (v > bestScore) {
      bestScore = v;
      best = f;
    }
  }
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
    contents: s.frames.slice(),
    write: e.write,
    writeBack: e.writeBack,
    dirty: s.dirty.slice(),
  };
  if (e.address !== undefined) {
    out.address = e.address;
    out.offset = e.offset;
  }
  if (run.fields.policy === 'CLOCK') {
    out.use = s.use.slice();
    out.hand = s.hand;
  }
  return out;
}

function finalReport(c: PagingConfig, run: RunSpec, s: PagingState): Record<string, unknown> {
  return { ...metrics(c, run, s), contents: s.frames.slice() };
}

function table(t: Timeline<PagingConfig, PagingState, PagingEvent>, from: number, to: number): TableModel {
  const clockPolicy = t.run.fields.policy === 'CLOCK';
  const n = t.run.fields.frames as number;
  const head: TableCell[] = [{ text: 'reference' }];
  const rows: TableCell[][] = Array.from({ length: n }, (_, f) => [{ text: `frame ${f}` }]);
  const faultRow: TableCell[] = [{ text: 'fault' }];
  let state = t.stateAt(from - 1);
  for (let step = from; step <= to; step++) {
    const e = t.eventAt(step)!;
    const prev = state;
    state = t.stateAt(step);
    head.push({ text: e.ref, title: `step ${step}: reference ${e.ref}${e.write ? ' (write)' : ''}` });
    for (let f = 0; f < n; f++) {
      const page = state.frames[f];
      const classes: string[] = [];
      if (f === e.frame) classes.push(e.fault ? 'fault' : 'hit');
      if (f === e.frame && e.victim !== null) classes.push('victim');
      if (state.dirty[f]) classes.push('dirty');
      let text = page === null ? '' : String(page);
      if (clockPolicy && page !== null) text += state.use[f] ? '*' : '';
      if (clockPolicy && state.hand === f) classes.push('hand');
      const notes = [
        f === e.frame ? (e.fault ? (e.victim !== null ? `fault: replaced page ${e.victim}` : 'fault') : 'hit') : '',
        state.dirty[f] ? 'dirty' : '',
        clockPolicy && page !== null ? `use bit ${state.use[f] ? 1 : 0}` : '',
        clockPolicy && state.hand === f ? 'clock hand' : '',
      ].filter(Boolean);
      rows[f]!.push({ text, classes, title: `frame ${f}: ${page === null ? 'empty' : `page ${page}`}${notes.length ? ` (${notes.join(', ')})` : ''}` });
    }
    faultRow.push({ text: e.fault ? 'F' : '', classes: e.fault ? ['fault'] : [], title: e.fault ? (prev.frames.includes(null) && e.victim === null ? 'fault (compulsory)' : 'fault') : 'hit' });
  }
  return { caption: t.run.label, head, rows: [...rows, faultRow] };
}

function mermaid(_c: PagingConfig, run: RunSpec, s: PagingState, e: PagingEvent | undefined): string {
  const lines = ['flowchart LR'];
  const resident = s.frames.map((p, f) => ({ p, f })).filter((x) => x.p !== null) as { p: number; f: number }[];
  lines.push(`  subgraph pages[${mermaidLabel('Process pages')}]`, '    direction TB');
  for (const { p } of [...resident].sort((a, b) => a.p - b.p)) lines.push(`    p${p}[${mermaidLabel(`page ${p}`)}]`);
  if (e && e.victim !== null) lines.push(`    v${e.victim}[${mermaidLabel(`page ${e.victim} (evicted)`)}]`);
  if (resident.length === 0) lines.push(`    none[${mermaidLabel('no page loaded yet')}]`);
  lines.push('  end');
  lines.push(`  subgraph memory[${mermaidLabel(`Main memory: ${run.label}`)}]`, '    direction TB');
  s.frames.forEach((p, f) => {
    const flags = [s.dirty[f] ? 'dirty' : '', run.fields.policy === 'CLOCK' ? `use ${s.use[f] ? 1 : 0}` : '', run.fields.policy === 'CLOCK' && s.hand === f ? 'hand' : '']
      .filter(Boolean)
      .join(', ');
    lines.push(`    f${f}[${mermaidLabel(`frame ${f}: ${p === null ? 'empty' : `page ${p}`}${flags ? ` (${flags})` : ''}`)}]`);
  });
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
  // Each step copies the frame table, so very large frame counts cost more than one step each.
  work: (c) => c.refs.length * c.policies.length * c.frames.reduce((a, f) => a + Math.max(1, f / 64), 0),
  initial,
  apply,
  metrics,
  stepReport,
  finalReport,
  table,
  mermaid,
};

export default vmPaging;
