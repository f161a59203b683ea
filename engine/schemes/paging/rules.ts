/**
 * The rules of simple paging, one operation at a time:
 * - A load takes `ceil(size / page-size)` frames from the front of the free-frame list, page 0
 *   first; `load ... at F0 F1` takes the frames named (parse.ts checks that they are free).
 * - Without `free-frames` the list is kept in frame order, so the lowest free frame is taken first;
 *   with it, frames freed later join the list's end, lowest first.
 * - Admission, as in the contiguous schemes: a load that finds enough free frames is placed at once,
 *   even while others wait; one that does not waits. Whenever frames are freed (exit, swap-out) the
 *   waiting processes are tried in arrival order and each that now fits is placed. A load of more
 *   pages than the frames it could ever have is refused in its sentence. `swap-in` takes frames
 *   anew, or waits.
 * - An access translates `page = floor(address / page-size)`, `offset = address mod page-size`,
 *   `physical = frame * page-size + offset`; the checks run in DESIGN.md's order (engine/translation/address.ts).
 */
import { tooWide, type Trap } from '../../translation/address.js';
import type { PagingOp, SimplePagingConfig } from './config.js';
import { framesText, needsText, type AccessResult, type SimplePagingEvent } from './sentences.js';
import type { PagedProc, SimplePagingState } from './state.js';

/** Gives `p` the frames `chosen` (or the front of the free list), page 0 first. */
function place(s: SimplePagingState, p: PagedProc, chosen?: readonly number[]): number[] {
  let frames: number[];
  if (chosen) {
    const taken = new Set(chosen);
    s.free = s.free.filter((f) => !taken.has(f));
    frames = chosen.slice();
  } else frames = s.free.splice(0, p.pages);
  frames.forEach((f, page) => (s.frames[f] = { process: p.name, page }));
  s.resident.set(p.name, { name: p.name, size: p.size, pages: p.pages, table: frames });
  return frames;
}

/** Frees a resident process's frames onto the free-frame list. */
function release(c: SimplePagingConfig, s: SimplePagingState, name: string): { proc: PagedProc; frames: number[] } {
  const r = s.resident.get(name)!;
  s.resident.delete(name);
  const frames = r.table.filter((f): f is number => f !== null).sort((a, b) => a - b);
  for (const f of frames) s.frames[f] = null;
  if (c.freeFrames) s.free.push(...frames);
  else mergeInto(s.free, frames);
  return { proc: { name: r.name, size: r.size, pages: r.pages }, frames };
}

/**
 * Merges the sorted `b` into the sorted `a` in place, from the back, so freeing a few frames costs
 * no new list of every free frame (a run frees frames thousands of times).
 */
function mergeInto(a: number[], b: readonly number[]): void {
  let i = a.length - 1;
  let j = b.length - 1;
  a.push(...b); // room at the end (keeps the list packed); the merge overwrites it
  for (let k = a.length - 1; j >= 0; k--) a[k] = i >= 0 && a[i]! > b[j]! ? a[i--]! : b[j--]!;
}

/** Tries every waiting process in arrival order; each that now finds enough free frames is placed. */
function admit(c: SimplePagingConfig, s: SimplePagingState, e: SimplePagingEvent, clauses: string[]): void {
  const still = [];
  for (const w of s.waiting) {
    if (w.pages > s.free.length) {
      still.push(w);
      continue;
    }
    const frames = place(s, w);
    e.placed.push({ name: w.name, frames });
    clauses.push(`then ${w.swapIn ? `${w.name}, waiting to be swapped back in,` : `waiting ${w.name}`} takes ${framesText(frames)}`);
  }
  s.waiting = still;
}

/** Places a process now, or queues it, and says which. */
function placeOrQueue(c: SimplePagingConfig, s: SimplePagingState, p: PagedProc, inPages: boolean, swapIn: boolean, e: SimplePagingEvent, clauses: string[]): void {
  const who = swapIn ? `${p.name} is swapped back in: it` : p.name;
  const needs = needsText(p, c.pageSize, inPages);
  if (p.pages > s.free.length) {
    e.waited = true;
    s.waiting.push({ ...p, swapIn });
    const free = s.free.length;
    clauses.push(`${p.name} ${needs} but ${free === 0 ? 'no frame is' : free === 1 ? 'only 1 frame is' : `only ${free} frames are`} free: ${p.name} waits`);
    return;
  }
  const frames = place(s, p);
  e.placed.push({ name: p.name, frames });
  clauses.push(`${who} ${needs} and takes ${framesText(frames)} from the free-frame list`);
}

/** Translates one access of a live process, checking in DESIGN.md's order. */
export function translate(c: SimplePagingConfig, s: SimplePagingState, op: PagingOp, proc: PagedProc | undefined): { result: AccessResult; sentence: string } {
  const a = op.address!;
  const size = c.pageSize;
  const name = op.name;
  let page: number;
  let offset: number;
  if (a.kind === 'flat') {
    page = Math.floor(a.address / size);
    offset = a.address % size;
  } else {
    page = a.kind === 'pair' ? a.number : -1;
    offset = a.offset;
  }
  const address = a.kind === 'flat' ? a.address : page * size + offset;
  const result: AccessResult = { process: name, address, page, offset, frame: null, physical: null, trap: null };
  const head = `address ${op.addressText} of ${name}`;
  const trap = (t: Trap, why: string) => {
    result.trap = t;
    return { result, sentence: `${why}, so the access traps: ${t}` };
  };
  const wide = tooWide({ address, offset, pair: a.kind !== 'flat' }, { unit: size, addressBits: c.addressBits });
  if (wide) {
    if (a.kind === 'pair' && offset >= size) result.address = null;
    return trap('address too large', `${head} ${wide}`);
  }
  const split = `${head} is page ${page}, offset ${offset}${a.kind === 'flat' ? '' : ` (address ${address})`}`;
  const r = s.resident.get(name);
  const pages = r?.pages ?? proc?.pages ?? 0;
  if (page >= pages) {
    return trap('invalid page', `${split}; ${name} has only ${pages} page${pages === 1 ? '' : 's'} (${pages === 1 ? 'page 0' : `pages 0 to ${pages - 1}`})`);
  }
  if (!r) {
    const where = s.waiting.some((w) => w.name === name) ? 'is waiting for frames' : 'is swapped out';
    return trap('not resident', `${split}; ${name} ${where} and page ${page} is in no frame`);
  }
  const frame = r.table[page] ?? null;
  if (frame === null) return trap('invalid page', `${split}; page ${page}'s entry in the page table is invalid`);
  result.frame = frame;
  result.physical = frame * size + offset;
  return { result, sentence: `${split}; page ${page} is in frame ${frame}, so the physical address is ${frame} x ${size} + ${offset} = ${result.physical}` };
}

/** Finds a live process that is not resident: waiting or swapped out. */
function away(s: SimplePagingState, name: string): PagedProc | undefined {
  return s.waiting.find((w) => w.name === name) ?? s.swapped.find((w) => w.name === name);
}

/** Applies operation `index` to `s` in place and says what happened. */
export function step(c: SimplePagingConfig, s: SimplePagingState, index: number): SimplePagingEvent {
  const op = c.ops[index]!;
  const e: SimplePagingEvent = { line: op.line, sentence: '', op: op.text, kind: op.kind, name: op.name, placed: [], freed: [], waited: false, refused: false };
  const clauses: string[] = [];
  const p: PagedProc = { name: op.name, size: op.size, pages: op.pages };
  let freed = false;
  const waiter = s.waiting.find((w) => w.name === op.name);
  const out = s.swapped.find((w) => w.name === op.name);
  switch (op.kind) {
    case 'load':
      if (op.refused) {
        e.refused = true;
        clauses.push(`${op.name} ${needsText(p, c.pageSize, op.inPages)} but ${op.refused}: ${op.name} is refused, it can never be loaded`);
      } else if (op.at) {
        const bad = op.at.find((x) => s.frames[x.frame] !== null);
        if (bad) {
          const h = s.frames[bad.frame]!;
          e.badFrame = { ...bad, holder: 'os' in h ? 'the OS' : 'used' in h ? 'a process the scenario does not name' : `page ${h.page} of ${h.process}` };
          clauses.push(`frame ${bad.frame} is not free`);
        } else {
          const frames = place(s, p, op.at.map((x) => x.frame));
          e.placed.push({ name: op.name, frames });
          clauses.push(`${op.name} ${needsText(p, c.pageSize, op.inPages)} and takes ${framesText(frames)}, as the trace names them`);
        }
      } else placeOrQueue(c, s, p, op.inPages, false, e, clauses);
      break;
    case 'exit':
    case 'swap-out':
      if (waiter) {
        s.waiting = s.waiting.filter((w) => w !== waiter);
        if (op.kind === 'exit') clauses.push(`${op.name} exits while still waiting: it leaves the queue without having run`);
        else {
          s.swapped.push({ name: waiter.name, size: waiter.size, pages: waiter.pages });
          clauses.push(`${op.name} is swapped out while waiting: it leaves the queue until it is swapped back in`);
        }
      } else if (out) {
        s.swapped = s.swapped.filter((w) => w !== out);
        clauses.push(`${op.name} exits while swapped out: it frees no frame`);
      } else {
        const r = release(c, s, op.name);
        if (op.kind === 'swap-out') s.swapped.push(r.proc);
        e.freed = r.frames;
        freed = true;
        const verb = op.kind === 'exit' ? 'exits' : 'is swapped out';
        clauses.push(`${op.name} ${verb}: ${r.frames.length ? `${framesText(r.frames)} ${r.frames.length === 1 ? 'joins' : 'join'} the free-frame list` : 'it held no frame'}`);
      }
      break;
    case 'swap-in':
      if (out) {
        s.swapped = s.swapped.filter((w) => w !== out);
        placeOrQueue(c, s, out, false, true, e, clauses);
      } else clauses.push(`${op.name} is ${waiter ? 'already waiting' : 'already in memory'}: nothing to swap in`);
      break;
    case 'access': {
      const t = translate(c, s, op, away(s, op.name));
      e.access = t.result;
      clauses.push(t.sentence);
      break;
    }
  }
  if (freed) admit(c, s, e, clauses);
  e.sentence = clauses.join('; ');
  return e;
}
