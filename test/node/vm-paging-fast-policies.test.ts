import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { countFaults, parseScenario, simulate, type PagingState } from '../../engine/index.js';
import { finalFrames } from '../../engine/fast/page-faults.js';

function stepwise(text: string) {
  const r = parseScenario(text);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return simulate(r.scenario).runs[0]!;
}

/** The fast path's counts, contents and R bits against the stepwise path's end. */
function assertSameEnd(pages: number[], frames: number, policy: string, keys: { clearInterval?: number; agingBits?: number } = {}) {
  const lines = [`scheme: vm-paging`, `frames: ${frames}`, `policy: ${policy}`, `refs: ${pages.join(' ')}`];
  if (keys.clearInterval) lines.push(`clear-interval: ${keys.clearInterval}`);
  if (keys.agingBits) lines.push(`aging-bits: ${keys.agingBits}`);
  const t = stepwise(lines.join('\n'));
  const m = t.metricsAt(t.length);
  const s = t.stateAt(t.length) as PagingState;
  assert.deepEqual(countFaults(pages, frames, policy, keys), { faults: m.faults, faultsAfterFill: m.faultsAfterFill, hits: m.hits });
  const f = finalFrames(pages, frames, policy, undefined, keys);
  assert.deepEqual(f.contents, s.frames);
  if (policy === 'AGING' || policy === 'NRU') assert.deepEqual(f.use, s.use);
}

describe('vm-paging fast path: the policies that count or tick, at the edges of their bookkeeping (fast-check)', () => {
  it('AGING with counters of 25 to 32 bits equals the stepwise path, pages idle for more ticks than the counter has bits included', () => {
    // Hot pages 0..2 and cold pages 3..40 that come back after many ticks: the fast path ages a
    // counter only when it reads it, so a page idle for 32 ticks or more must read as 0.
    const page = fc.oneof({ arbitrary: fc.integer({ min: 0, max: 2 }), weight: 3 }, { arbitrary: fc.integer({ min: 3, max: 40 }), weight: 1 });
    fc.assert(
      fc.property(fc.array(page, { minLength: 40, maxLength: 240 }), fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 2 }), fc.integer({ min: 25, max: 32 }), (pages, frames, clearInterval, agingBits) => {
        assertSameEnd(pages, frames, 'AGING', { clearInterval, agingBits });
      }),
      { numRuns: 300 },
    );
  });

  it('NRU equals the stepwise path over long strings, where most R bits were set many ticks ago', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 40, maxLength: 240 }), fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 3 }), (pages, frames, clearInterval) => {
        assertSameEnd(pages, frames, 'NRU', { clearInterval });
      }),
      { numRuns: 200 },
    );
  });

  it('LFU and MFU equal the stepwise path when every resident page has been used more than once (no page used once is left to take first)', () => {
    // Each page referenced two to four times in a row: by each fault every other frame's page has
    // been used again, so the victim comes from the counts of two or more.
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 12 }), fc.integer({ min: 2, max: 4 })), { minLength: 1, maxLength: 50 }), fc.integer({ min: 1, max: 7 }), fc.constantFrom('LFU', 'MFU'), (runs, frames, policy) => {
        assertSameEnd(runs.flatMap(([p, k]) => Array<number>(k).fill(p)), frames, policy);
      }),
      { numRuns: 400 },
    );
  });

  it('agingBits outside 1 to 32 (a scenario\'s aging-bits range) is a RangeError that names it', () => {
    for (const agingBits of [0, 33, 2.5]) assert.throws(() => countFaults([1, 2, 3], 2, 'AGING', { agingBits }), /agingBits must be a whole number from 1 to 32, got/);
    assert.equal(countFaults([1, 2, 3, 1], 2, 'AGING', { agingBits: 32 }).faults, 4);
  });
  it("a policy named after a built-in object property ('constructor') is an unknown policy, not a crash later", () => {
    assert.throws(() => countFaults([1, 2, 3], 2, 'constructor'), /^RangeError: unknown policy 'constructor'/);
    assert.equal(countFaults([1, 2, 3, 1], 2, 'optimal').faults, 3, 'an alias still reads');
  });
});
