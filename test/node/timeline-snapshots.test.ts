/**
 * A timeline keeps fewer snapshots of a large state (engine/timeline.ts): whatever snapshots it
 * kept, the state it gives at any position, read in any order, is the state stepping from the
 * start reaches there.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { forEachStep } from '../../engine/index.js';
import { run } from './helpers.js';

/** OSTEP's +SIZE and -K: `allocs` allocations first, so the state holds hundreds of entries, then a random mix. */
function program(allocs: number, commands: readonly { free: boolean; pick: number; size: number }[]): string[] {
  const lines: string[] = [];
  for (let k = 0; k < allocs; k++) lines.push(`+${1 + (k % 7)}`);
  let n = allocs;
  for (const c of commands) lines.push(c.free ? `-${c.pick % n}` : (n++, `+${c.size}`));
  return lines;
}

const scenario = fc.record({
  allocs: fc.integer({ min: 200, max: 700 }),
  commands: fc.array(fc.record({ free: fc.boolean(), pick: fc.nat(), size: fc.integer({ min: 1, max: 24 }) }), { minLength: 100, maxLength: 800 }),
  placement: fc.constantFrom('first-fit', 'next-fit', 'best-fit', 'worst-fit'),
  order: fc.constantFrom('address', 'size', 'insert-front'),
  reads: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 40 }),
});

describe('timeline: snapshots of a large state', () => {
  it('a state read at any position, in any order, is the state stepping from the start reaches there', () => {
    fc.assert(
      fc.property(scenario, (g) => {
        const lines = program(g.allocs, g.commands);
        const t = run(`scheme: stack-heap\nheap: 60K\nplacement: ${g.placement}\nfree-list: ${g.order}\ntrace: |\n${lines.map((l) => `  ${l}`).join('\n')}\n`).runs[0]!;
        const positions = g.reads.map((r) => Math.round(r * t.length));
        const want = new Map<number, string>();
        const report = (s: unknown) => JSON.stringify(t.scheme.finalReport(t.config, t.run, s));
        want.set(0, report(t.scheme.initial(t.config, t.run)));
        forEachStep(t.scheme, t.config, t.run, (s, _e, i) => {
          if (positions.includes(i + 1)) want.set(i + 1, report(s));
        });
        for (const p of positions) assert.equal(report(t.stateAt(p)), want.get(p), `the state after step ${p} of ${t.length}`);
      }),
      { numRuns: 25 },
    );
  });
});
