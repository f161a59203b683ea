/**
 * One step of stack-heap: the stack's rules here, the heap allocator's in heap.ts. The stack's rules:
 * - The stack starts at the top of memory and grows down. `call` pushes a frame: `frame-header` bytes
 *   (the return address and saved frame pointer), then each parameter in order toward lower addresses.
 *   `local` and a pointer's first assignment grow the current frame downward by the variable's size.
 *   A frame or variable that would go below the stack's end is a stack overflow: a trap, after which
 *   the program has stopped and the remaining operations do nothing.
 * - `return` pops the frame; `return v -> r` first gives the caller a pointer `r` to where `v` points.
 * - A block is reached by the pointers (locals of live frames, and globals) made from it; `q = p + N`
 *   reaches p's block while it stays inside it. When its last pointer goes (reassigned, or its frame
 *   popped) the block is leaked, from that step on. A dangling pointer (its block freed) reaches nothing,
 *   even if a later block takes the same address.
 * - `free` of null does nothing; of a pointer whose block was freed, a "double free"; of any other
 *   address malloc did not return (inside a block, on nothing), an "invalid free". Both are traps and
 *   the program goes on.
 */
import type { RunSpec } from '../../scheme.js';
import type { HeapOp, StackHeapConfig, StackHeapFields } from './config.js';
import { blockSize, find, release, take } from './heap.js';
import { FREED, NULL_FREE, StackHeapEvent, TOOK, type Facts } from './sentences.js';
import { NULL_POINTER, stackLimit, type Block, type Frame, type Local, type Pointer, type StackHeapState } from './state.js';

type Run = RunSpec<StackHeapFields>;
type Op<K extends HeapOp['kind']> = Extract<HeapOp, { kind: K }>;

/** Applies operation `index` to `s` in place and says what happened. */
export function step(c: StackHeapConfig, run: Run, s: StackHeapState, index: number): StackHeapEvent {
  const op = c.ops[index]!;
  const e = new StackHeapEvent(op, c);
  if (s.stoppedAt) {
    e.facts = { form: 'skipped', stoppedAt: s.stoppedAt };
    return e;
  }
  switch (op.kind) {
    case 'call':
      return call(c, s, op, e);
    case 'local':
      return local(c, s, op, e);
    case 'malloc':
      return malloc(c, run, s, op, e);
    case 'free':
      return free(c, s, op, e);
    case 'assign':
      return assign(c, s, op, e);
    case 'return':
      return ret(c, s, op, e);
  }
}

/** The current frame. (Reading index -1 of an empty array would be a slow lookup of a property named "-1".) */
function top(s: StackHeapState): Frame | undefined {
  const n = s.frames.length;
  return n ? s.frames[n - 1] : undefined;
}

/** The current frame's variable `name`; a name not there is a global. */
const localOf = (f: Frame | undefined, name: string): Local | undefined => f?.locals.find((l) => l.name === name);

/** Counts a pointer on or off its block; returns a block whose last pointer this was. */
function retarget(s: StackHeapState, p: Pointer | undefined, delta: 1 | -1): Block | undefined {
  const b = s.target(p);
  if (!b) return undefined;
  const refs = b.refs + delta;
  const lost = refs === 0 && !b.leaked;
  s.blocks.set(b.start, { id: b.id, start: b.start, size: b.size, requested: b.requested, returned: b.returned, refs, leaked: b.leaked || lost });
  if (lost) s.leakedBytes += b.size;
  return lost ? s.blocks.get(b.start) : undefined;
}

/**
 * `src + offset`: a pointer keeps the block it was made from, while it stays inside it; past the block
 * it reaches nothing (pointer arithmetic never finds another block), and from a freed block it dangles.
 */
function offsetPointer(s: StackHeapState, src: Pointer, offset: number): Pointer {
  if (src.addr === null) return NULL_POINTER;
  const addr = src.addr + offset;
  if (src.block === null) return { addr, block: null, id: 0 };
  const b = s.target(src);
  if (!b) return { addr, block: src.block, id: src.id };
  return addr < b.start + b.size ? { addr, block: b.start, id: b.id } : { addr, block: null, id: 0 };
}

/** Grows the current frame by a variable; false (and the trap) when it would overflow. */
function push(c: StackHeapConfig, s: StackHeapState, e: StackHeapEvent, name: string, size: number, ptr?: Pointer): Local | undefined {
  const f = top(s)!;
  const start = f.start - size;
  if (start < stackLimit(c)) {
    overflow(s, e, { form: 'overflow', name, size, func: f.func, start });
    return undefined;
  }
  const l: Local = ptr ? { name, start, size, ptr } : { name, start, size };
  s.frames[s.frames.length - 1] = { ...f, start, size: f.size + size, locals: [...f.locals, l] };
  return l;
}

function overflow(s: StackHeapState, e: StackHeapEvent, facts: Facts & { form: 'overflow' }): void {
  s.stoppedAt = e.line;
  e.facts = facts;
}

function call(c: StackHeapConfig, s: StackHeapState, op: Op<'call'>, e: StackHeapEvent): StackHeapEvent {
  const caller = top(s);
  const sp = caller?.start ?? c.memory;
  const size = c.frameHeader + op.params.reduce((a, p) => a + p.size, 0);
  if (sp - size < stackLimit(c)) {
    overflow(s, e, { form: 'overflow', name: undefined, size, func: op.func, start: sp - size });
    return e;
  }
  let at = sp - c.frameHeader;
  const locals: Local[] = op.params.map((p) => {
    at -= p.size;
    if (p.from === undefined) return { name: p.name, start: at, size: p.size };
    const ptr = lookupPointer(s, p.from);
    return { name: p.name, start: at, size: p.size, ptr };
  });
  s.frames.push({ func: op.func, start: sp - size, size, locals });
  for (const l of locals) if (l.ptr) retarget(s, l.ptr, 1);
  s.maxDepth = Math.max(s.maxDepth, s.frames.length);
  e.facts = { form: 'call', size, start: sp - size, caller: caller?.func, depth: s.frames.length };
  return e;
}

/** The pointer a name holds (the parser made sure it is one). */
function lookupPointer(s: StackHeapState, name: string): Pointer {
  const local = localOf(top(s), name);
  return (local ? local.ptr : s.globals.get(name)) ?? NULL_POINTER;
}

function local(c: StackHeapConfig, s: StackHeapState, op: Op<'local'>, e: StackHeapEvent): StackHeapEvent {
  const l = push(c, s, e, op.name, op.size);
  if (l) e.facts = { form: 'local', func: top(s)!.func, start: l.start, frame: top(s)!.size };
  return e;
}

/**
 * Stores `p` in the variable `name` (made in the current frame, or a global, on first assignment).
 * @param counted p's block counts it already (malloc makes its block with its one pointer, instead of a copy per count)
 */
function store(c: StackHeapConfig, s: StackHeapState, e: StackHeapEvent, name: string, p: Pointer, isGlobal = false, counted = false): { lost?: Block; made?: Local; ok: boolean } {
  const f = isGlobal ? undefined : top(s);
  const local = localOf(f, name);
  const global = local ? undefined : s.globals.get(name);
  if (!counted) retarget(s, p, 1);
  let lost: Block | undefined;
  if (local) {
    lost = retarget(s, local.ptr, -1);
    const locals = f!.locals.map((l) => (l === local ? { ...l, ptr: p } : l));
    s.frames[s.frames.length - 1] = { ...f!, locals };
    return { lost, ok: true };
  }
  if (global || !f) {
    lost = retarget(s, global, -1);
    s.globals.set(name, p);
    return { lost, ok: true };
  }
  const made = push(c, s, e, name, c.pointerSize, p);
  if (!made) retarget(s, p, -1);
  return { made, ok: !!made };
}

function malloc(c: StackHeapConfig, run: Run, s: StackHeapState, op: Op<'malloc'>, e: StackHeapEvent): StackHeapEvent {
  const { total } = blockSize(c, op.size);
  const { index, examined } = find(s, run.fields.placement, total, c.freeList);
  e.examined = examined;
  let p: Pointer = NULL_POINTER;
  let facts: Facts & { form: 'took' | 'refused' };
  if (index < 0) {
    const largest = s.free.reduce((m, f) => Math.max(m, f.size), 0);
    const free = s.free.reduce((a, f) => a + f.size, 0);
    facts = { form: 'refused', largest, free, entries: s.free.length };
  } else {
    const entry = take(s, c.freeList, index, total);
    const b: Block = { id: s.nextId++, start: entry.start, size: total, requested: op.size, returned: entry.start + c.header, refs: 1, leaked: false };
    s.blocks.set(b.start, b);
    s.used += total;
    e.block = b.start;
    p = { addr: b.returned, block: b.start, id: b.id };
    facts = TOOK[run.fields.placement];
    e.entryStart = entry.start;
    e.entrySize = entry.size;
  }
  const r = store(c, s, e, op.name, p, op.global, true);
  if (!r.ok) {
    // The pointer did not fit on the stack: nothing holds the new block (store marked it leaked).
    if (e.block !== undefined) e.leaked = [e.block];
    if (e.facts.form === 'overflow') e.facts.first = facts;
    return e;
  }
  if (r.lost) e.leaked = [r.lost.start];
  e.facts = facts;
  return e;
}

function free(c: StackHeapConfig, s: StackHeapState, op: Op<'free'>, e: StackHeapEvent): StackHeapEvent {
  const p = lookupPointer(s, op.name);
  if (p.addr === null) {
    e.facts = NULL_FREE;
    return e;
  }
  const b = s.target(p);
  if (!b || p.addr !== b.returned) {
    e.facts = { form: 'not freed', trap: p.block !== null && !b ? 'double free' : 'invalid free', addr: p.addr, into: b?.returned };
    return e;
  }
  s.blocks.delete(b.start);
  s.used -= b.size;
  if (b.leaked) s.leakedBytes -= b.size;
  e.block = b.start;
  const entry = release(s, c, b.start, b.size);
  e.entryStart = entry.start;
  e.entrySize = entry.size;
  e.freed = b.size;
  e.entries = s.free.length;
  e.facts = FREED;
  return e;
}

function assign(c: StackHeapConfig, s: StackHeapState, op: Op<'assign'>, e: StackHeapEvent): StackHeapEvent {
  const src = op.from === null ? NULL_POINTER : lookupPointer(s, op.from);
  const p = offsetPointer(s, src, op.offset);
  const r = store(c, s, e, op.name, p);
  if (!r.ok) return e;
  if (r.lost) e.leaked = [r.lost.start];
  e.facts = { form: 'assign', addr: p.addr, into: s.target(p)?.returned, dangling: src.block !== null && !s.target(src), made: r.made?.start };
  return e;
}

function ret(c: StackHeapConfig, s: StackHeapState, op: Op<'return'>, e: StackHeapEvent): StackHeapEvent {
  const f = s.frames[s.frames.length - 1]!;
  const value = op.value === undefined ? undefined : lookupPointer(s, op.value);
  s.frames.pop();
  const caller = top(s)?.func;
  const handed = value !== undefined && op.to !== undefined;
  const lostBefore = handed ? storeCaller(c, s, e, op.to!, value) : undefined;
  const lost: Block[] = lostBefore ? [lostBefore] : [];
  const reached = handed ? s.target(value)?.returned : undefined;
  for (const l of f.locals) {
    const b = retarget(s, l.ptr, -1);
    if (b) lost.push(b);
  }
  if (lost.length) e.leaked = lost.map((b) => b.start);
  if (e.trap) return e;
  const last = lost.length === 1 && !lostBefore ? f.locals.find((l) => l.ptr && l.ptr.block === lost[0]!.start)?.name : undefined;
  e.facts = { form: 'return', func: f.func, size: f.size, start: f.start, caller, handed, reached, given: value?.addr ?? null, last };
  return e;
}

/** `return v -> r`: the caller's pointer `r`, made in its frame if new (the caller's frame grows). */
function storeCaller(c: StackHeapConfig, s: StackHeapState, e: StackHeapEvent, name: string, p: Pointer): Block | undefined {
  const f = top(s);
  const local = localOf(f, name);
  retarget(s, p, 1);
  if (local) {
    const lost = retarget(s, local.ptr, -1);
    s.frames[s.frames.length - 1] = { ...f!, locals: f!.locals.map((l) => (l === local ? { ...l, ptr: p } : l)) };
    return lost;
  }
  if (s.globals.has(name)) {
    const lost = retarget(s, s.globals.get(name), -1);
    s.globals.set(name, p);
    return lost;
  }
  // The caller's new pointer: its frame grows by it, as a first assignment does.
  if (!push(c, s, e, name, c.pointerSize, p)) retarget(s, p, -1);
  return undefined;
}
