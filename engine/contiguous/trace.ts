/**
 * The trace of the contiguous schemes: `load NAME SIZE`, `exit NAME`, `swap-out NAME`,
 * `swap-in NAME`, `compact`, `access NAME ADDRESS` (base and bounds: see access.ts), one per line. Parsing also follows every name through the trace, so a
 * name used twice while alive, or an exit of a process that is not there, is a positioned error
 * before anything runs: which processes are alive does not depend on the placement policy, only
 * where they sit does.
 */
import { nearestWord, oneOf } from '../errors.js';
import type { ScenarioReader, SourceLine } from '../source.js';
import { formatSize, parseSize } from '../units.js';

/**
 * The `access` operation's own code (translation/, a chunk of its own): reading its address here,
 * translating it in core.ts. `loadAccess` (the contiguous schemes' `prepare`) fetches it before a
 * trace that may hold an access is parsed, so pages whose traces have none never do.
 */
export let access: typeof import('./translation/access.js') | undefined;

/** Loads `access` once: for a scenario whose text names the operation (or an alias), or for any when `text` is undefined (Node). */
export async function loadAccess(text?: string): Promise<void> {
  if (text === undefined || /access|translate/i.test(text)) access ??= await import('./translation/access.js');
}

export const OP_KINDS = ['load', 'exit', 'swap-out', 'swap-in', 'compact', 'access'] as const;
export type OpKind = (typeof OP_KINDS)[number];

/** Other words authors use for the same operations (Stallings writes "request" and "release"). */
export const OP_ALIASES: Record<string, OpKind> = {
  request: 'load',
  allocate: 'load',
  alloc: 'load',
  arrive: 'load',
  release: 'exit',
  free: 'exit',
  terminate: 'exit',
  end: 'exit',
  swapout: 'swap-out',
  swapin: 'swap-in',
  compaction: 'compact',
  translate: 'access',
};

/** Words a process may not be called, since the layout and the views use them. */
const RESERVED = ['hole', 'used'];

/** One operation of the trace. */
export interface Operation {
  kind: OpKind;
  /** The process named (empty for `compact`). */
  name: string;
  /** Bytes asked for (`load` only; 0 otherwise). */
  size: number;
  /** The logical address (`access` only): translated with the process's start as base and its size as bounds. */
  address?: number;
  /** Whether the address was written in hex. */
  hex?: boolean;
  /** The line as written, comment removed (`load P1 20M`). */
  text: string;
  line: number;
  column: number;
  /**
   * Why this load can never be met, whatever else happens (larger than memory or every partition):
   * the scenario is valid, the request is impossible, so the step refuses it in its sentence.
   */
  refused?: string;
}

export interface TraceRules {
  /** The scheme's name in messages (`fixed partitioning`). */
  scheme: string;
  /** Operations the scheme does not have, with the reason (fixed partitions never move, so no compact). */
  unsupported?: Partial<Record<OpKind, string>>;
  /** Why a load of `size` bytes can never be met, or undefined when it might be. */
  refusal(size: number): string | undefined;
  /** Processes resident before the trace starts (a starting layout), with the line naming each. */
  initial?: ReadonlyMap<string, number>;
  /**
   * Whether the scheme swaps processes out by itself (`when-full: swap`): then any live process may
   * be out when the trace says `swap-in`, and the step says so if it is already in.
   */
  autoSwap?: boolean;
}

/** Operation words as written most of the time, looked up before normalising case and spelling. */
const KIND_OF = new Map<string, OpKind>(OP_KINDS.map((k) => [k, k]));

function kindOf(word: string): OpKind | undefined {
  const norm = word.toLowerCase().replace(/_/g, '-');
  // What the alias table gives must be an operation: a plain object's lookup also finds `constructor`.
  const kind = OP_ALIASES[norm] ?? norm;
  return (OP_KINDS as readonly string[]).includes(kind) ? (kind as OpKind) : undefined;
}

/** How an operation is written, for messages. */
function usage(kind: OpKind): string {
  if (kind === 'access') return 'access NAME ADDRESS (access P1 1000)';
  return kind === 'load' ? 'load NAME SIZE (load P1 20M)' : kind === 'compact' ? 'compact' : `${kind} NAME (${kind} P1)`;
}

interface Word {
  text: string;
  offset: number;
}

function words(l: SourceLine): Word[] {
  const out: Word[] = [];
  const re = /[^\s,]+/g;
  for (let m = re.exec(l.text); m; m = re.exec(l.text)) out.push({ text: m[0], offset: l.offset + m.index });
  return out;
}

/** What the static pass knows about a name at some line. */
type Fate =
  | { alive: true; swapped: boolean; line: number; swappedAt?: number }
  | { alive: false; why: 'exited' | 'refused'; line: number };

/**
 * Reads the `trace` key. Reports every error it finds on the reader's source (so one pass shows an
 * author all of them) and returns undefined if there was any. A scenario without a trace has no steps.
 */
export function parseTrace(r: ScenarioReader, rules: TraceRules): Operation[] | undefined {
  const src = r.source;
  const lines = r.lines('trace');
  if (lines === undefined) return r.has('trace') ? undefined : [];
  const before = src.errors.length;
  const fates = new Map<string, Fate>();
  for (const [name, line] of rules.initial ?? []) fates.set(name, { alive: true, swapped: false, line });
  const kinds = OP_KINDS.filter((k) => !rules.unsupported?.[k]);
  const ops: Operation[] = [];

  const liveNames = () => [...fates].filter(([, f]) => f.alive).map(([n]) => n);
  const notThere = (w: Word, verb: string) => {
    const f = fates.get(w.text);
    let why: string;
    if (f && !f.alive) {
      why = f.why === 'refused' ? `it was refused at line ${f.line} (it can never fit)` : `it exited at line ${f.line}`;
    } else {
      const near = nearestWord(w.text, liveNames());
      why = `no process of that name has been loaded${near ? `; did you mean '${near}'?` : ''}`;
    }
    src.errorAt(w.offset, `cannot ${verb} '${w.text}': ${why}`);
  };

  for (const l of lines) {
    const ws = words(l);
    const head = ws[0]!;
    const kind = KIND_OF.get(head.text) ?? kindOf(head.text);
    if (kind === undefined) {
      // `swap out A` is swap-out written as two words; otherwise the nearest verb, in the spelling
      // nearest to the one typed (`reqest`: request, which the scheme reads as load).
      const two = `${head.text}-${ws[1]?.text}`;
      const near = kindOf(two) ? two : nearestWord(head.text, [...kinds, ...Object.keys(OP_ALIASES).filter((a) => kinds.includes(OP_ALIASES[a]!))]);
      const suggestion = near === undefined ? '' : `; did you mean '${near}'?`;
      src.errorAt(head.offset, `unknown operation '${head.text}': expected ${oneOf(kinds)}${suggestion}`);
      continue;
    }
    const unsupported = rules.unsupported?.[kind];
    if (unsupported) {
      src.errorAt(head.offset, `'${kind}' does not apply to ${rules.scheme}: ${unsupported}`);
      continue;
    }
    const argc = kind === 'load' || kind === 'access' ? 2 : kind === 'compact' ? 0 : 1;
    if (ws.length - 1 < argc) {
      const what = argc === 2 ? (kind === 'access' ? 'a name and an address' : 'a name and a size') : 'a process name';
      src.errorAt(head.offset, `'${head.text}' expects ${what}: ${usage(kind)}`);
      continue;
    }
    if (ws.length - 1 > argc) {
      const extra = ws[argc + 1]!;
      src.errorAt(extra.offset, `unexpected '${extra.text}' after ${ws.slice(0, argc + 1).map((w) => w.text).join(' ')}: expected ${usage(kind)}`);
      continue;
    }
    const op: Operation = { kind, name: '', size: 0, text: l.text, line: l.line, column: l.column };
    if (kind === 'compact') {
      ops.push(op);
      continue;
    }
    const nameWord = ws[1]!;
    op.name = nameWord.text;
    if (kind === 'load') {
      const sizeWord = ws[2]!;
      const parsed = parseSize(sizeWord.text);
      if ('error' in parsed || parsed.value < 1) {
        const hint = 'error' in parseSize(nameWord.text) ? '' : ' (the name comes first: load NAME SIZE)';
        src.errorAt(sizeWord.offset, 'error' in parsed ? `${parsed.error}${hint}` : `a process needs at least 1 byte, got '${sizeWord.text}'`);
        continue;
      }
      if (nameWord.text.length === 4 && RESERVED.includes(nameWord.text.toLowerCase())) {
        src.errorAt(nameWord.offset, `'${nameWord.text}' is a layout word, not a process name: choose another name`);
        continue;
      }
      const f = fates.get(op.name);
      if (f?.alive) {
        src.errorAt(
          nameWord.offset,
          `a process named '${op.name}' is still alive (loaded at line ${f.line}): names must be unique until the process exits`,
        );
        continue;
      }
      op.size = parsed.value;
      op.refused = rules.refusal(op.size);
      fates.set(op.name, op.refused ? { alive: false, why: 'refused', line: l.line } : { alive: true, swapped: false, line: l.line });
      ops.push(op);
      continue;
    }
    const f = fates.get(op.name);
    if (!f?.alive) {
      notThere(nameWord, kind === 'exit' ? 'exit' : kind);
      continue;
    }
    if (kind === 'access') {
      const addressWord = ws[2]!;
      // Unloaded only when a caller parses without the scheme's `prepare`: said, never thrown.
      const a = access?.readFlatAddress(addressWord.text) ?? { error: "'access' needs its code loaded first: await the scheme's prepare(text) before parsing" };
      if ('error' in a) {
        src.errorAt(addressWord.offset, a.error);
        continue;
      }
      op.address = a.value;
      op.hex = a.hex;
    } else if (kind === 'exit') fates.set(op.name, { alive: false, why: 'exited', line: l.line });
    else if (kind === 'swap-out') {
      if (f.swapped) {
        src.errorAt(nameWord.offset, `'${op.name}' is already swapped out (line ${f.swappedAt}): swap it in first`);
        continue;
      }
      fates.set(op.name, { ...f, swapped: true, swappedAt: l.line });
    } else {
      if (!f.swapped && !rules.autoSwap) {
        src.errorAt(nameWord.offset, `'${op.name}' is not swapped out: only a swapped-out process can be swapped in (swap-out ${op.name} first)`);
        continue;
      }
      fates.set(op.name, { ...f, swapped: false });
    }
    ops.push(op);
  }
  return src.errors.length > before ? undefined : ops;
}

/** The refusal sentence for a request larger than any place that could ever hold it. */
export function tooLarge(size: number, room: number, what: string): string | undefined {
  return size > room ? `it is larger than ${what} (${formatSize(room)}), so it can never be loaded; it would need overlays` : undefined;
}
