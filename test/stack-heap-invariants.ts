/**
 * The rules every stack-heap state keeps (test/invariants.ts runs them with the other schemes'): the
 * heap's blocks and free entries tile it exactly; with coalescing no two free entries touch; every
 * block is its request rounded up to `align`, plus `header`; the free list keeps its order; frames nest
 * from the top of memory down, each holding its variables; a block is leaked exactly when no pointer
 * reaches it; the metrics agree with the state.
 */
import assert from 'node:assert/strict';
import type { Timeline } from '../engine/index.js';
import type { StackHeapConfig, StackHeapEvent, StackHeapState } from '../engine/schemes/stack-heap/index.js';
import { stackLimit } from '../engine/schemes/stack-heap/index.js';

type Rule = [name: string, check: (t: Timeline<StackHeapConfig, StackHeapState>, position: number, s: StackHeapState) => void];

/** Every pointer the program holds: the variables of live frames and the globals. */
const pointers = (s: StackHeapState) => [...s.frames.flatMap((f) => f.locals.flatMap((l) => (l.ptr ? [l.ptr] : []))), ...s.globals.values()];

export const STACK_HEAP_RULES: Rule[] = [
  [
    'blocks and free entries never overlap and add up to the heap',
    (t, _p, s) => {
      const areas = [...[...s.blocks.values()].map((b) => ({ start: b.start, size: b.size })), ...s.free].sort((a, b) => a.start - b.start);
      let at = t.config.base;
      for (const a of areas) {
        assert.ok(a.size > 0, `an empty area at ${a.start}`);
        assert.equal(a.start, at, `an area starts at ${a.start}, expected ${at} (a gap or an overlap)`);
        at += a.size;
      }
      assert.equal(at, t.config.base + t.config.heap);
    },
  ],
  [
    'with coalescing, no two free entries touch in memory',
    (t, _p, s) => {
      if (!t.config.coalesce) return;
      const free = [...s.free].sort((a, b) => a.start - b.start);
      for (let i = 1; i < free.length; i++) assert.notEqual(free[i - 1]!.start + free[i - 1]!.size, free[i]!.start, `free entries at ${free[i - 1]!.start} and ${free[i]!.start} touch`);
    },
  ],
  [
    "every block's size is its request rounded up to a multiple of align, plus header; malloc returned its start plus header",
    (t, _p, s) => {
      const { align, header } = t.config;
      for (const b of s.blocks.values()) {
        assert.equal((b.size - header) % align, 0, `block at ${b.start}: ${b.size} bytes`);
        assert.ok(b.size - header >= b.requested && b.size - header - b.requested < align);
        assert.equal(b.returned, b.start + header);
      }
    },
  ],
  [
    'the free list keeps its order',
    (t, _p, s) => {
      const key = { address: (e: { start: number }) => e.start, size: (e: { size: number }) => e.size, 'size-desc': (e: { size: number }) => -e.size }[t.config.freeList as 'address'];
      if (!key) return;
      for (let i = 1; i < s.free.length; i++) assert.ok(key(s.free[i - 1]!) <= key(s.free[i]!), `${t.config.freeList} order broken at entry ${i}`);
    },
  ],
  [
    'frames nest from the top of memory down, each holding its header and variables, inside the stack',
    (t, _p, s) => {
      let top = t.config.memory;
      for (const f of s.frames) {
        assert.equal(f.start + f.size, top, `${f.func}'s frame does not start right below its caller`);
        assert.ok(f.start >= stackLimit(t.config), `${f.func}'s frame is below the stack`);
        let at = top - t.config.frameHeader;
        for (const l of f.locals) {
          assert.equal(l.start + l.size, at, `${f.func}'s ${l.name} is not right below the variable before it`);
          at = l.start;
        }
        assert.equal(at, f.start, `${f.func}'s frame has room no variable takes`);
        top = f.start;
      }
    },
  ],
  [
    'a block is leaked exactly when no pointer reaches it, and its pointer count is the pointers that reach it',
    (_t, _p, s) => {
      const counts = new Map<number, number>();
      for (const p of pointers(s)) {
        const b = s.target(p);
        if (b) counts.set(b.start, (counts.get(b.start) ?? 0) + 1);
      }
      for (const b of s.blocks.values()) {
        assert.equal(b.refs, counts.get(b.start) ?? 0, `block at ${b.start}`);
        assert.equal(b.leaked, b.refs === 0, `block at ${b.start}: leaked ${b.leaked} with ${b.refs} pointers`);
      }
    },
  ],
  [
    'a step leaks the blocks it reports, and only those become leaked',
    (t, p, s) => {
      if (p === 0) return;
      const before = t.stateAt(p - 1);
      const e = t.eventAt(p) as StackHeapEvent;
      const now = [...s.blocks.values()].filter((b) => b.leaked && !before.blocks.get(b.start)?.leaked).map((b) => b.start);
      assert.deepEqual(now.sort((a, b) => a - b), [...e.leaked].sort((a, b) => a - b));
    },
  ],
  [
    'the metrics agree with the state',
    (t, p, s) => {
      const m = t.metricsAt(p);
      const used = [...s.blocks.values()].reduce((a, b) => a + b.size, 0);
      const leaked = [...s.blocks.values()].reduce((a, b) => a + (b.leaked ? b.size : 0), 0);
      assert.deepEqual([m.heapUsed, m.heapFree, m.freeBlocks, m.leakedBytes], [used, t.config.heap - used, s.free.length, leaked]);
      assert.ok(m.maxDepth! >= s.frames.length);
    },
  ],
];
