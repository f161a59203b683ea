/** What each step of stack-heap did: the event the view shows, and its sentence composed from what the step kept. */
import type { StepEvent } from '../../scheme.js';
import { formatNumber } from '../../units.js';
import { PLACEMENTS, type HeapOp, type OpKind, type Placement, type StackHeapConfig } from './config.js';
import { blockSize } from './heap.js';
import { stackLimit } from './state.js';

export const HEAP_TRAPS = ['invalid free', 'double free', 'stack overflow'] as const;
export type HeapTrap = (typeof HEAP_TRAPS)[number];

/** The shared list of a step that leaked nothing (most steps): never changed, a leaking step gets its own. */
export const NO_LEAKS: readonly number[] = Object.freeze([]);

type MallocFacts =
  /** The block was taken from the front of the free entry in the event's fields (one shared object per placement: most steps are mallocs). */
  | { form: 'took'; placement: Placement }
  /** No entry was large enough: the largest, the free bytes in all, and how many entries there were. */
  | { form: 'refused'; largest: number; free: number; entries: number };

/**
 * What a step's sentence says beyond the event's own fields, kept at the step as numbers and names:
 * the state changes in place after the step, so the sentence never reads it.
 */
export type Facts =
  | { form: 'skipped'; stoppedAt: number }
  /** A frame (`name` undefined) or a variable that would start at `start`, below the stack's end; `first`: what the malloc that overflowed did. */
  | { form: 'overflow'; name: string | undefined; size: number; func: string; start: number; first?: MallocFacts }
  | { form: 'call'; size: number; start: number; caller: string | undefined; depth: number }
  | { form: 'local'; func: string; start: number; frame: number }
  | MallocFacts
  | { form: 'null free' }
  /** A free the heap refused; `into`: the returned address of the block `addr` is inside, if any. */
  | { form: 'not freed'; trap: 'double free' | 'invalid free'; addr: number; into: number | undefined }
  /** The block went back to the free list: what it became is in the event's own fields (one shared object, as for malloc). */
  | { form: 'freed' }
  /** `into`: the returned address of the block the pointer reaches; `made`: where a new pointer variable went. */
  | { form: 'assign'; addr: number | null; into: number | undefined; dangling: boolean; made: number | undefined }
  /** `handed`: `return v -> r` gave the caller's `r` the address `given`, inside the block returned at `reached` (if any). */
  | { form: 'return'; func: string; size: number; start: number; caller: string | undefined; handed: boolean; reached: number | undefined; given: number | null; last: string | undefined };

/** `free` of a null pointer, which needs no facts; also the facts of an event until its step sets them. */
export const NULL_FREE: Facts = { form: 'null free' };

/** The facts of every malloc that found a block, by placement (the entry it took the block from is in the event's fields). */
export const TOOK = Object.fromEntries(PLACEMENTS.map((placement) => [placement, { form: 'took', placement }])) as Record<Placement, MallocFacts>;

/** The facts of every free that released a block (what it became is in the event's fields). */
export const FREED: Facts = { form: 'freed' };

/**
 * What one operation did. The sentence is composed when read, not kept: a long trace would otherwise
 * build a string per step that nobody may ever read. Every field is always present, so all events
 * share one shape; what follows from the others (the trap, a malloc's answer, whether the step was
 * skipped) is read from them, not kept, and the placement is in a malloc's facts: a timeline keeps
 * every event, and the garbage collector copies each kept object out of the young generation, so
 * every field and object per step costs time in proportion to the trace (issue 16's bench).
 */
export class StackHeapEvent implements StepEvent {
  /** Starts of the blocks this step leaked (their last pointer went). */
  leaked: readonly number[] = NO_LEAKS;
  /** The block a malloc made or a free released (its start). */
  block: number | undefined = undefined;
  /** Free-list entries this step's search examined. */
  examined: number | undefined = undefined;
  /**
   * The free-list entry a malloc took its block from, as it was, or the one a freed block became
   * (the free neighbours it merged with are the parts of it before and after the block). Numbers, not
   * the list's object: most entries are soon replaced, and one kept by an event would outlive its place.
   */
  entryStart = 0;
  entrySize = 0;
  /** A free that released a block: the block's bytes, and the free list's entries after it. */
  freed = 0;
  entries = 0;
  /** What the sentence needs beyond the fields above (the rules set it). */
  facts: Facts = NULL_FREE;

  constructor(
    private readonly source: HeapOp,
    private readonly config: StackHeapConfig,
  ) {}

  /** The trap this step raised, or null. */
  get trap(): HeapTrap | null {
    const f = this.facts;
    return f.form === 'overflow' ? 'stack overflow' : f.form === 'not freed' ? f.trap : null;
  }

  /** After a stack overflow the program has stopped: later operations do nothing. */
  get skipped(): boolean {
    return this.facts.form === 'skipped';
  }

  /** A malloc's answer: the address, or null when no free block was large enough (undefined for other operations). */
  get returned(): number | null | undefined {
    if (this.source.kind !== 'malloc' || this.skipped) return undefined;
    return this.block === undefined ? null : this.block + this.config.header;
  }

  get line(): number {
    return this.source.line;
  }

  /** The operation as written. */
  get op(): string {
    return this.source.text;
  }

  get kind(): OpKind {
    return this.source.kind;
  }

  /** What happened and why, in one sentence. */
  get sentence(): string {
    return describe(this, this.source, this.config);
  }

  /** The fields as plain data (the sentence second, the optional ones only when set). */
  toJSON(): Record<string, unknown> {
    const { line, op, kind, trap, leaked, examined, returned, block, skipped } = this;
    return { line, sentence: this.sentence, op, kind, trap, leaked, ...(examined !== undefined && { examined }), ...(returned !== undefined && { returned }), ...(block !== undefined && { block }), ...(skipped && { skipped }) };
  }
}

const WHY: Record<Placement, string> = {
  'first-fit': 'first fit',
  'next-fit': 'next fit, searching on from where the last search ended',
  'best-fit': 'best fit: the smallest free block that fits',
  'worst-fit': 'worst fit: the largest free block',
};

/** `16 bytes` and `1 byte`. */
export const bytes = (n: number): string => `${n < 1000 ? n : formatNumber(n)} byte${n === 1 ? '' : 's'}`;

/** `16-byte`, as an adjective. */
export const sized = (n: number): string => `${n < 1000 ? n : formatNumber(n)}-byte`;

/**
 * The leak phrase for the blocks a step lost (by their starts; malloc returned each plus the header):
 * `; the block at 1008 is now leaked: no pointer reaches it`.
 */
function leakText(c: StackHeapConfig, leaked: readonly number[], lastPointer?: string): string {
  if (!leaked.length) return '';
  const last = lastPointer ? ` (${lastPointer} was the last)` : '';
  if (leaked.length === 1) return `; the block at ${leaked[0]! + c.header} is now leaked: no pointer reaches it${last}`;
  return `; the blocks at ${leaked.map((b) => b + c.header).join(', ')} are now leaked: no pointer reaches them`;
}

/** `main's p`, or `the global p`. */
const owner = (func: string | undefined, name: string): string => (func === undefined ? `the global ${name}` : `${func}'s ${name}`);

type Op<K extends OpKind> = Extract<HeapOp, { kind: K }>;

function describe(e: StackHeapEvent, op: HeapOp, c: StackHeapConfig): string {
  const f = e.facts;
  switch (f.form) {
    case 'skipped':
      return `skipped: the program stopped at the stack overflow on line ${f.stoppedAt}`;
    case 'overflow': {
      const what = f.name !== undefined ? `${f.name} (${bytes(f.size)}) in ${f.func}'s frame would start at ${f.start}` : `${f.func}'s ${sized(f.size)} frame would start at ${f.start}`;
      const first = f.first ? `${mallocText(e, op as Op<'malloc'>, c, f.first)}; ` : '';
      return `${first}stack overflow: ${what}, below the stack's end at ${stackLimit(c)} (a ${sized(c.stack)} stack); the program stops`;
    }
    case 'call': {
      const { func, params } = op as Op<'call'>;
      const parts = [`${bytes(c.frameHeader)} for the return address and saved frame pointer`, ...params.map((p) => `${p.name} (${bytes(p.size)}${p.from !== undefined ? `, a copy of ${p.from}` : ''})`)];
      return `call ${func} pushes a ${sized(f.size)} frame at ${f.start}${f.caller !== undefined ? `, below ${f.caller}'s` : ', at the top of memory'}: ${parts.join(', ')}; ${f.depth} frame${f.depth === 1 ? '' : 's'} deep`;
    }
    case 'local': {
      const { name, size } = op as Op<'local'>;
      return `local ${name} takes ${bytes(size)} of ${f.func}'s frame at ${f.start}; the frame is now ${bytes(f.frame)}`;
    }
    case 'took':
    case 'refused':
      return mallocText(e, op as Op<'malloc'>, c, f) + leakText(c, e.leaked, (op as Op<'malloc'>).name);
    case 'null free': {
      const { name } = op as Op<'free'>;
      return `free(${name}) does nothing: ${name} is null`;
    }
    case 'not freed': {
      const { name } = op as Op<'free'>;
      return f.trap === 'double free'
        ? `free(${name}) is a double free: the block at ${f.addr} was already freed, so ${name} dangles; the heap is unchanged`
        : `free(${name}) is an invalid free: ${f.addr} is not an address malloc returned${f.into !== undefined ? ` (it is ${f.addr - f.into} bytes into the block at ${f.into})` : ''}; the heap is unchanged`;
    }
    case 'freed': {
      const { name } = op as Op<'free'>;
      const { entryStart: start, entrySize: size } = e;
      const block = e.block!;
      const m = [...(start < block ? [start] : []), ...(start + size > block + e.freed ? [block + e.freed] : [])];
      const joined = m.length ? `; it merges with the free ${m.length === 1 ? 'block' : 'blocks'} at ${m.join(' and ')} into ${bytes(size)} free at ${start}` : c.coalesce ? '' : '; coalescing is off';
      return `free(${name}) returns the ${sized(e.freed)} block at ${block} to the free list${joined} (${e.entries} ${e.entries === 1 ? 'entry' : 'entries'}); ${name} still holds ${block + c.header}, now a dangling pointer`;
    }
    case 'assign': {
      const { name, from, offset } = op as Op<'assign'>;
      const { addr, into } = f;
      const what = addr === null ? 'nothing (null)' : into !== undefined ? `${addr}, ${addr === into ? 'the block' : `${addr - into} bytes into the block`} at ${into}` : f.dangling ? `${addr}, a block already freed (dangling)` : `${addr}, which is not in any block`;
      const rhs = from === null ? 'null' : `${from}${offset ? ` + ${offset}` : ''}`;
      return `${name} = ${rhs}: ${name} ${f.made !== undefined ? `(a new ${sized(c.pointerSize)} pointer at ${f.made}) ` : ''}now points at ${what}${leakText(c, e.leaked, name)}`;
    }
    case 'return': {
      const to = (op as Op<'return'>).to!;
      const handed = !f.handed ? '' : f.reached !== undefined ? `, but the block at ${f.reached} stays allocated, now reached through ${owner(f.caller, to)}` : `; ${owner(f.caller, to)} gets ${f.given ?? 'null'}`;
      return `${f.func} returns: its ${sized(f.size)} frame at ${f.start} is popped${handed}${leakText(c, e.leaked, f.last)}`;
    }
  }
}

/** A malloc's sentence before any leak: what it needs or takes, from where and why, and what it returns. */
function mallocText(e: StackHeapEvent, op: Op<'malloc'>, c: StackHeapConfig, f: MallocFacts): string {
  const { rounded, total } = blockSize(c, op.size);
  const round = rounded !== op.size ? `${op.size} rounded up to ${rounded} for ${c.align}-byte alignment` : '';
  const how = c.header ? `${round ? `${round}, plus a ` : ''}${c.header}-byte header` : round;
  const needs = `${op.name} = malloc(${op.size}) ${f.form === 'took' ? 'takes' : 'needs'} ${bytes(total)}${how ? ` (${how})` : ''}`;
  if (f.form === 'took') {
    const from = e.entrySize;
    const rest = from - total;
    return `${needs} from the ${sized(from)} free block at ${e.block} (${WHY[f.placement]}) and returns ${e.returned}; ${rest ? `${bytes(rest)} stay free at ${e.block! + total}` : 'the block is used whole'}`;
  }
  const why = !f.entries ? 'the heap has no free block' : f.largest < f.free ? `the largest free block is ${bytes(f.largest)}, though ${bytes(f.free)} are free in ${f.entries} blocks: external fragmentation` : `the only free block is ${bytes(f.largest)}`;
  return `${needs}, but ${why}; malloc returns null`;
}
