/**
 * Simple paging's invariants on random valid scenarios (test/invariants.ts states them): no frame
 * holds two pages; each resident process's table names exactly its frames; the free-frame list is
 * exactly the free frames, so frames used plus free equal all frames; translation is the inverse of
 * placement; the processes alive after each step are those the trace leaves alive.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { SimplePagingEvent, SimplePagingState } from '../../engine/index.js';
import { checkTimeline } from '../invariants.js';
import { run } from './helpers.js';

const command = fc.record({ k: fc.nat(11), pick: fc.nat(), n: fc.integer({ min: 1, max: 12 }), bytes: fc.boolean(), address: fc.nat(), pair: fc.boolean() });

/** A scenario whose trace follows names as the parser does (loads, exits, swaps and accesses of live processes). */
const scenario = fc
  .record({
    frames: fc.integer({ min: 2, max: 40 }),
    pageSize: fc.constantFrom(1, 4, 100, 1024, 4096, 2 ** 30),
    osFrames: fc.integer({ min: 0, max: 2 }),
    freeList: fc.option(fc.func(fc.nat()), { freq: 3 }),
    addressBits: fc.option(fc.integer({ min: 0, max: 6 }), { freq: 3 }),
    commands: fc.array(command, { minLength: 1, maxLength: 50 }),
  })
  .map((generated) => {
    const g = { ...generated, osFrames: Math.min(generated.osFrames, generated.frames - 1) };
    const pow2 = (g.pageSize & (g.pageSize - 1)) === 0;
    const head = [`scheme: paging`, `page-size: ${g.pageSize}`, `frames: ${g.frames}`];
    if (g.osFrames) head.push(`os: ${g.osFrames * g.pageSize}`);
    const bits = pow2 && g.addressBits !== null ? Math.max(1, Math.log2(g.pageSize) + g.addressBits) : undefined;
    if (bits !== undefined) head.push(`address-bits: ${bits}`);
    let usable = g.frames - g.osFrames;
    if (g.freeList && g.frames - g.osFrames > 1) {
      const outside = Array.from({ length: g.frames - g.osFrames }, (_, i) => i + g.osFrames);
      const picked = outside.filter((f) => g.freeList!(f) % 4 !== 0).sort((a, b) => g.freeList!(a + 100) - g.freeList!(b + 100));
      if (picked.length) {
        head.push(`free-frames: ${picked.join(' ')}`);
        usable = picked.length;
      }
    }
    const live = new Map<string, { pages: number; swapped: boolean }>();
    const lines: string[] = [];
    let next = 0;
    for (const c of g.commands) {
      const names = [...live.keys()];
      const pick = names[c.pick % Math.max(1, names.length)];
      if (c.k <= 3 || !pick) {
        const name = `P${next++}`;
        const size = c.bytes ? c.n * g.pageSize - (c.address % g.pageSize) : c.n * g.pageSize;
        lines.push(c.bytes ? `load ${name} ${size}` : `load ${name} ${c.n} pages`);
        const pages = Math.ceil(size / g.pageSize);
        // A load of more pages than could ever be free is refused: its name is not alive after it.
        if (pages <= usable) live.set(name, { pages, swapped: false });
      } else if (c.k <= 5) {
        lines.push(`exit ${pick}`);
        live.delete(pick);
      } else if (c.k === 6) {
        const p = live.get(pick)!;
        lines.push(`${p.swapped ? 'swap-in' : 'swap-out'} ${pick}`);
        p.swapped = !p.swapped;
      } else {
        const p = live.get(pick)!;
        const address = c.address % (Math.ceil(p.pages * 1.3) * g.pageSize);
        lines.push(`access ${pick} ${c.pair ? `${Math.floor(address / g.pageSize)}:${address % g.pageSize}` : address}`);
      }
    }
    return `${head.join('\n')}\ntrace: |\n${lines.map((l) => `  ${l}`).join('\n')}\n`;
  });

describe('paging: properties', () => {
  it('every state of every random scenario keeps the invariants of simple paging', () => {
    fc.assert(
      fc.property(scenario, (text) => {
        const r = run(text);
        for (const t of r.runs) checkTimeline(t);
      }),
      { numRuns: 300 },
    );
  });
  it('an access that does not trap finds its page in the frame its page table names (translation inverts placement)', () => {
    fc.assert(
      fc.property(scenario, (text) => {
        const t = run(text).runs[0]!;
        for (let p = 1; p <= t.length; p++) {
          const a = (t.eventAt(p) as SimplePagingEvent).access;
          if (!a || a.trap) continue;
          const s = t.stateAt(p) as SimplePagingState;
          assert.equal(s.resident.get(a.process)!.table[a.page!], a.frame);
        }
      }),
      { numRuns: 200 },
    );
  });
});
