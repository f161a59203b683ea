/**
 * Reads a stack-heap scenario's keys: the address space (`memory`, `stack`), the heap (`base`,
 * `heap`), the allocator (`placement`, `header`, `align`, `coalesce`, `free-list`), the stack's
 * sizes (`pointer-size`, `frame-header`) and the trace (trace.ts). The keys OSTEP's malloc.py has
 * as flags mean what its flags mean; its defaults differ from ours and site/schemes/stack-heap.md
 * lists them flag by flag.
 */
import type { ScenarioReader } from '../../source.js';
import { formatNumber } from '../../units.js';
import { FREE_LIST_ALIASES, FREE_LIST_ORDERS, PLACEMENT_ALIASES, PLACEMENTS, type FreeListOrder, type Placement, type StackHeapConfig } from './config.js';
import { parseTrace } from './trace.js';

const DEFAULT_MEMORY = 64 * 1024;
const DEFAULT_STACK = 1024;
const DEFAULT_BASE = 1000;

const TRUE = new Set(['true', 'yes', 'on', '1']);
const FALSE = new Set(['false', 'no', 'off', '0']);

export function parse(r: ScenarioReader): StackHeapConfig | undefined {
  const src = r.source;
  const before = src.errors.length;
  const memory = r.has('memory') ? r.size('memory') : DEFAULT_MEMORY;
  const stack = r.has('stack') ? r.size('stack', { min: 0 }) : DEFAULT_STACK;
  const base = r.has('base') ? r.size('base', { min: 0 }) : DEFAULT_BASE;
  const header = r.has('header') ? r.size('header', { min: 0 }) : 0;
  const align = r.has('align') ? readAlign(r) : 1;
  const pointerSize = r.has('pointer-size') ? r.size('pointer-size') : 8;
  const frameHeader = r.has('frame-header') ? r.size('frame-header', { min: 0 }) : 16;
  const placements = (r.has('placement') ? r.words('placement', PLACEMENTS, PLACEMENT_ALIASES) : ['first-fit']) as Placement[] | undefined;
  const freeList = r.has('free-list') ? readOne(r, 'free-list', FREE_LIST_ORDERS, FREE_LIST_ALIASES) : 'address';
  const coalesce = r.has('coalesce') ? readBoolean(r, 'coalesce') : true;
  if (src.errors.length > before) return undefined;
  if (memory === undefined || stack === undefined || base === undefined || header === undefined || align === undefined) return undefined;
  if (pointerSize === undefined || frameHeader === undefined || !placements || !freeList || coalesce === undefined) return undefined;

  const stackStart = memory - stack;
  if (stackStart < 0) {
    // Without a stack key the default stack does not fit the memory given: the error is at memory.
    const given = r.entry('stack');
    if (given) src.error(given.value, `stack: ${formatNumber(stack)} bytes do not fit in the ${formatNumber(memory)}-byte address space (memory)`);
    else src.error(r.entry('memory')!.value, `memory: the ${formatNumber(memory)}-byte address space is smaller than the default stack of ${formatNumber(stack)} bytes: give more memory, or a smaller stack (such as stack: 256)`);
    return undefined;
  }
  if (base >= stackStart) {
    const e = r.entry('base') ?? r.entry('stack') ?? r.entry('memory');
    src.error(e?.value ?? null, `base: the heap starts at ${base}, which leaves no room below the stack at ${stackStart} (memory ${formatNumber(memory)} minus stack ${formatNumber(stack)})`);
    return undefined;
  }
  let heap = stackStart - base;
  if (r.has('heap')) {
    const h = r.size('heap');
    if (h === undefined) return undefined;
    if (base + h > stackStart) {
      src.error(r.entry('heap')!.value, `heap: ${formatNumber(h)} bytes from ${base} run into the stack at ${stackStart}; the most is ${formatNumber(heap)}`);
      return undefined;
    }
    heap = h;
  }
  const config: StackHeapConfig = { memory, stack, base, heap, placements, header, align, coalesce, freeList, pointerSize, frameHeader, ops: [] };
  const ops = parseTrace(r, config);
  if (!ops) return undefined;
  config.ops = ops;
  return config;
}

/** `align`: a whole number of bytes; malloc.py's -1 (no alignment) reads as 1. */
function readAlign(r: ScenarioReader): number | undefined {
  const e = r.entry('align')!;
  const w = r.source.word(e.value, e.key);
  if (w?.text === '-1') return 1;
  return r.size('align');
}

function readOne<T extends string>(r: ScenarioReader, key: string, allowed: readonly T[], aliases: Record<string, T>): T | undefined {
  const ws = r.words(key, allowed, aliases);
  if (ws && ws.length > 1) {
    r.source.error(r.entry(key)!.value, `${key}: expected one of its values, got ${ws.length}`);
    return undefined;
  }
  return ws?.[0] as T | undefined;
}

function readBoolean(r: ScenarioReader, key: string): boolean | undefined {
  const e = r.entry(key)!;
  const w = r.source.word(e.value, e.key);
  const t = w?.text.toLowerCase() ?? '';
  if (TRUE.has(t)) return true;
  if (FALSE.has(t)) return false;
  r.source.error(e.value ?? e.keyNode, `${key}: expected true or false, got '${w?.text ?? ''}'`);
  return undefined;
}
export type { FreeListOrder };
