/**
 * The fits on long free lists: the index that lets a search skip most of the list (free-index.ts) must
 * pick what reading every entry in order picks, with the same count of entries examined, whatever
 * the list's order, as entries are split, merged, inserted and removed over thousands of operations.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { parseScenario, stackHeap, type StackHeapConfig, type StackHeapState } from '../../engine/index.js';
import { FREE_LIST_ORDERS, PLACEMENTS, type HeapOp } from '../../engine/schemes/stack-heap/index.js';

/** Random mallocs and frees over `slots` global pointers; now and then a malloc into a pointer that holds a block (a leak). */
function ops(seed: number, count: number, slots: number, maxSize: number): HeapOp[] {
  let a = seed >>> 0;
  const rand = () => ((a = (Math.imul(a, 1103515245) + 12345) >>> 0) / 2 ** 32);
  const out: HeapOp[] = [];
  const live = new Array<boolean>(slots).fill(false);
  for (let i = 0; i < count; i++) {
    const k = Math.floor(rand() * slots);
    if (live[k] && rand() < 0.9) out.push({ text: `free s${k}`, line: i + 1, column: 1, kind: 'free', name: `s${k}` });
    else {
      const size = 1 + Math.floor(rand() * maxSize);
      out.push({ text: `s${k} = malloc ${size}`, line: i + 1, column: 1, kind: 'malloc', name: `s${k}`, size, global: false });
    }
    live[k] = !live[k] || out[out.length - 1]!.kind === 'malloc';
  }
  return out;
}

/**
 * The rule read literally: every entry in list order; next fit from where the last search ended (in an
 * address-ordered list the first entry ending beyond the last placement, else the rover), wrapping around.
 */
function scan(s: StackHeapState, placement: string, need: number, order: string): { index: number; examined: number } {
  const list = s.free;
  const n = list.length;
  if (placement === 'first-fit' || placement === 'next-fit') {
    const beyond = list.findIndex((f) => f.start + f.size > s.placedEnd);
    const from = placement !== 'next-fit' || !n ? 0 : order === 'address' ? Math.max(0, beyond) : s.rover % n;
    for (let k = 0; k < n; k++) if (list[(from + k) % n]!.size >= need) return { index: (from + k) % n, examined: k + 1 };
    return { index: -1, examined: n };
  }
  let index = -1;
  for (let i = 0; i < n; i++) {
    const size = list[i]!.size;
    if (size >= need && (index < 0 || (placement === 'best-fit' ? size < list[index]!.size : size > list[index]!.size))) index = i;
  }
  return { index, examined: n };
}

describe('stack-heap: the fits on long free lists', () => {
  it('every malloc takes the entry, and counts the entries, that reading the whole list in order gives', () => {
    fc.assert(
      fc.property(fc.nat(), fc.constantFrom(...FREE_LIST_ORDERS), fc.boolean(), fc.integer({ min: 1, max: 300 }), (seed, order, coalesce, maxSize) => {
        const r = parseScenario(`scheme: stack-heap\nmemory: 1M\nheap: 256K\nheader: 8\nalign: 4\ncoalesce: ${coalesce}\nfree-list: ${order}\nplacement: ${PLACEMENTS.join(', ')}\n`);
        assert.ok(r.ok);
        const c: StackHeapConfig = { ...(r.scenario.config as StackHeapConfig), ops: ops(seed, 2500, 600, maxSize) };
        for (const run of stackHeap.runs(c)) {
          const s = stackHeap.initial(c, run);
          for (let i = 0; i < c.ops.length; i++) {
            const op = c.ops[i]!;
            const want = op.kind === 'malloc' ? scan(s, run.fields.placement, Math.ceil(op.size / c.align) * c.align + c.header, order) : undefined;
            const start = want && want.index >= 0 ? s.free[want.index]!.start : undefined;
            const e = stackHeap.step!(c, run, s, i);
            if (!want) continue;
            assert.equal(e.examined, want.examined, `${run.label}, step ${i + 1}: entries examined`);
            assert.equal(e.block ?? null, start ?? null, `${run.label}, step ${i + 1}: the entry taken`);
          }
        }
      }),
      { numRuns: 12 },
    );
  });
});
