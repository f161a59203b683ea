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
import { bytes, sized, leakText, owner, placementWhy, type StackHeapEvent } from './sentences.js';
import { NULL_POINTER, stackLimit, type Block, type Frame, type Local, type Pointer, type StackHeapState } from './state.js';

type Run = RunSpec<StackHeapFields>;
type Op<K extends HeapOp['kind']> = Extract<HeapOp, { kind: K }>;

/** Applies operation `index` to `s` in place and says what happened. */
export function step(c: StackHeapConfig, run: Run, s: StackHeapState, index: number): StackHeapEvent {
  const e = act(c, run, s, index);
  // V8 keeps a string joined from parts as a tree of those parts until something reads it whole, and
  // a timeline keeps every step's event: reading the sentence once here, as a number (it never is
  // one), leaves one flat string, and a kept event about 330 bytes instead of 850 (issue 16's bench).
  Number(e.sentence);
  return e;
}

function act(c: StackHeapConfig, run: Run, s: StackHeapState, index: number): StackHeapEvent {
  const op = c.ops[index]!;
  const e: StackHeapEvent = { line: op.line, sentence: '', op: op.text, kind: op.kind, trap: null, leaked: [] };
  if (s.stoppedAt) {
    e.skipped = true;
    e.sentence = `skipped: the program stopped at the stack overflow on line ${s.stoppedAt}`;
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

const top = (s: StackHeapState): Frame | undefined => s.frames[s.frames.length - 1];

/** Where a name lives now: the current frame's variable, or a global (made when absent and `create`). */
function lookup(s: StackHeapState, name: string): { local?: Local; global?: Pointer } {
  const f = top(s);
  const local = f?.locals.find((l) => l.name === name);
  if (local) return { local };
  return { global: s.globals.get(name) };
}

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
    overflow(c, s, e, `${name} (${bytes(size)}) in ${f.func}'s frame would start at ${start}`);
    return undefined;
  }
  const l: Local = ptr ? { name, start, size, ptr } : { name, start, size };
  s.frames[s.frames.length - 1] = { ...f, start, size: f.size + size, locals: [...f.locals, l] };
  return l;
}

function overflow(c: StackHeapConfig, s: StackHeapState, e: StackHeapEvent, what: string): void {
  e.trap = 'stack overflow';
  s.stoppedAt = e.line;
  e.sentence = `stack overflow: ${what}, below the stack's end at ${stackLimit(c)} (a ${sized(c.stack)} stack); the program stops`;
}

function call(c: StackHeapConfig, s: StackHeapState, op: Op<'call'>, e: StackHeapEvent): StackHeapEvent {
  const caller = top(s);
  const sp = caller?.start ?? c.memory;
  const size = c.frameHeader + op.params.reduce((a, p) => a + p.size, 0);
  if (sp - size < stackLimit(c)) {
    overflow(c, s, e, `${op.func}'s ${sized(size)} frame would start at ${sp - size}`);
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
  const parts = [`${bytes(c.frameHeader)} for the return address and saved frame pointer`, ...op.params.map((p) => `${p.name} (${bytes(p.size)}${p.from !== undefined ? `, a copy of ${p.from}` : ''})`)];
  e.sentence = `call ${op.func} pushes a ${sized(size)} frame at ${sp - size}${caller ? `, below ${caller.func}'s` : ', at the top of memory'}: ${parts.join(', ')}; ${s.frames.length} frame${s.frames.length === 1 ? '' : 's'} deep`;
  return e;
}

/** The pointer a name holds (the parser made sure it is one). */
function lookupPointer(s: StackHeapState, name: string): Pointer {
  const { local, global } = lookup(s, name);
  return local?.ptr ?? global ?? NULL_POINTER;
}

function local(c: StackHeapConfig, s: StackHeapState, op: Op<'local'>, e: StackHeapEvent): StackHeapEvent {
  const l = push(c, s, e, op.name, op.size);
  if (l) e.sentence = `local ${op.name} takes ${bytes(op.size)} of ${top(s)!.func}'s frame at ${l.start}; the frame is now ${bytes(top(s)!.size)}`;
  return e;
}

/** Stores `p` in the variable `name` (made in the current frame, or a global, on first assignment). */
function store(c: StackHeapConfig, s: StackHeapState, e: StackHeapEvent, name: string, p: Pointer, isGlobal = false): { lost?: Block; made?: Local; ok: boolean } {
  const f = isGlobal ? undefined : top(s);
  const { local, global } = isGlobal ? { local: undefined, global: s.globals.get(name) } : lookup(s, name);
  retarget(s, p, 1);
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
  const { rounded, total } = blockSize(c, op.size);
  const { index, examined } = find(s, run.fields.placement, total);
  e.examined = examined;
  const call = `${op.name} = malloc(${op.size})`;
  const round = rounded !== op.size ? `${op.size} rounded up to ${rounded} for ${c.align}-byte alignment` : '';
  const how = c.header ? `${round ? `${round}, plus a ` : ''}${c.header}-byte header` : round;
  let text: string;
  let p: Pointer = NULL_POINTER;
  if (index < 0) {
    e.returned = null;
    const largest = s.free.reduce((m, f) => Math.max(m, f.size), 0);
    const free = s.free.reduce((a, f) => a + f.size, 0);
    const why = !s.free.length ? 'the heap has no free block' : largest < free ? `the largest free block is ${bytes(largest)}, though ${bytes(free)} are free in ${s.free.length} blocks: external fragmentation` : `the only free block is ${bytes(largest)}`;
    text = `${call} needs ${bytes(total)}${how ? ` (${how})` : ''}, but ${why}; malloc returns null`;
  } else {
    const entry = take(s, c.freeList, index, total);
    const b: Block = { id: s.nextId++, start: entry.start, size: total, requested: op.size, returned: entry.start + c.header, refs: 0, leaked: false };
    s.blocks.set(b.start, b);
    s.used += total;
    e.returned = b.returned;
    e.block = b.start;
    p = { addr: b.returned, block: b.start, id: b.id };
    const rest = entry.size - total;
    text = `${call} takes ${bytes(total)}${how ? ` (${how})` : ''} from the ${sized(entry.size)} free block at ${entry.start} (${placementWhy(run.fields.placement)}) and returns ${b.returned}; ${rest ? `${bytes(rest)} stay free at ${entry.start + total}` : 'the block is used whole'}`;
  }
  const r = store(c, s, e, op.name, p, op.global);
  if (!r.ok) {
    // The pointer did not fit on the stack: nothing holds the new block (store marked it leaked).
    if (e.block !== undefined) e.leaked.push(e.block);
    e.sentence = `${text}; ${e.sentence}`;
    return e;
  }
  if (r.lost) e.leaked.push(r.lost.start);
  e.sentence = text + leakText(r.lost ? [r.lost] : [], op.name);
  return e;
}

function free(c: StackHeapConfig, s: StackHeapState, op: Op<'free'>, e: StackHeapEvent): StackHeapEvent {
  const p = lookupPointer(s, op.name);
  const call = `free(${op.name})`;
  if (p.addr === null) {
    e.sentence = `${call} does nothing: ${op.name} is null`;
    return e;
  }
  const b = s.target(p);
  if (!b || p.addr !== b.returned) {
    e.trap = p.block !== null && !b ? 'double free' : 'invalid free';
    e.sentence =
      e.trap === 'double free'
        ? `${call} is a double free: the block at ${p.addr} was already freed, so ${op.name} dangles; the heap is unchanged`
        : `${call} is an invalid free: ${p.addr} is not an address malloc returned${b ? ` (it is ${p.addr - b.returned} bytes into the block at ${b.returned})` : ''}; the heap is unchanged`;
    return e;
  }
  s.blocks.delete(b.start);
  s.used -= b.size;
  if (b.leaked) s.leakedBytes -= b.size;
  e.block = b.start;
  const { entry, merged } = release(s, c, b.start, b.size);
  const joined = merged.length ? `; it merges with the free ${merged.length === 1 ? 'block' : 'blocks'} at ${merged.map((m) => m.start).join(' and ')} into ${bytes(entry.size)} free at ${entry.start}` : c.coalesce ? '' : '; coalescing is off';
  e.sentence = `${call} returns the ${sized(b.size)} block at ${b.start} to the free list${joined} (${s.free.length} ${s.free.length === 1 ? 'entry' : 'entries'}); ${op.name} still holds ${p.addr}, now a dangling pointer`;
  return e;
}

function assign(c: StackHeapConfig, s: StackHeapState, op: Op<'assign'>, e: StackHeapEvent): StackHeapEvent {
  const src = op.from === null ? NULL_POINTER : lookupPointer(s, op.from);
  const p = offsetPointer(s, src, op.offset);
  const addr = p.addr;
  const r = store(c, s, e, op.name, p);
  if (!r.ok) return e;
  if (r.lost) e.leaked.push(r.lost.start);
  const target = s.target(p);
  const what = addr === null ? 'nothing (null)' : target ? `${addr}, ${addr === target.returned ? 'the block' : `${addr - target.returned} bytes into the block`} at ${target.returned}` : src.block !== null && !s.target(src) ? `${addr}, a block already freed (dangling)` : `${addr}, which is not in any block`;
  const rhs = op.from === null ? 'null' : `${op.from}${op.offset ? ` + ${op.offset}` : ''}`;
  e.sentence = `${op.name} = ${rhs}: ${op.name} ${r.made ? `(a new ${sized(c.pointerSize)} pointer at ${r.made.start}) ` : ''}now points at ${what}${leakText(r.lost ? [r.lost] : [], op.name)}`;
  return e;
}

function ret(c: StackHeapConfig, s: StackHeapState, op: Op<'return'>, e: StackHeapEvent): StackHeapEvent {
  const f = s.frames[s.frames.length - 1]!;
  const value = op.value === undefined ? undefined : lookupPointer(s, op.value);
  s.frames.pop();
  const caller = top(s);
  let handed = '';
  let lostBefore: Block | undefined;
  if (value && op.to !== undefined) {
    const r = storeCaller(c, s, e, op.to, value);
    lostBefore = r;
    const b = s.target(value);
    handed = b ? `, but the block at ${b.returned} stays allocated, now reached through ${owner(caller?.func, op.to)}` : `; ${owner(caller?.func, op.to)} gets ${value.addr ?? 'null'}`;
  }
  const lost: Block[] = lostBefore ? [lostBefore] : [];
  for (const l of f.locals) {
    const b = retarget(s, l.ptr, -1);
    if (b) lost.push(b);
  }
  e.leaked = lost.map((b) => b.start);
  if (e.trap) return e;
  const last = lost.length === 1 && !lostBefore ? f.locals.find((l) => l.ptr && l.ptr.block === lost[0]!.start)?.name : undefined;
  e.sentence = `${f.func} returns: its ${sized(f.size)} frame at ${f.start} is popped${handed}${leakText(lost, last)}`;
  return e;
}

/** `return v -> r`: the caller's pointer `r`, made in its frame if new (the caller's frame grows). */
function storeCaller(c: StackHeapConfig, s: StackHeapState, e: StackHeapEvent, name: string, p: Pointer): Block | undefined {
  const f = top(s);
  const local = f?.locals.find((l) => l.name === name);
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
