import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { countFaults, parseScenario, simulate, type PagingState, type Policy } from '../../engine/index.js';

const POLICIES: Policy[] = ['FIFO', 'LRU', 'OPT', 'CLOCK'];
const refString = fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 1, maxLength: 60 });
const frameCount = fc.integer({ min: 1, max: 8 });

/** Stepwise simulation of one policy and frame count. */
function stepwise(pages: number[], frames: number, policy: Policy) {
  const r = parseScenario(`scheme: vm-paging\nframes: ${frames}\npolicy: ${policy}\nrefs: ${pages.join(' ')}`);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return simulate(r.scenario).runs[0]!;
}

describe('vm-paging properties on random reference strings (fast-check)', () => {
  it('hits + faults = references, for every policy', () => {
    fc.assert(
      fc.property(refString, frameCount, fc.constantFrom(...POLICIES), (pages, frames, policy) => {
        const m = stepwise(pages, frames, policy).metricsAt(pages.length);
        assert.equal(m.hits! + m.faults!, pages.length);
      }),
      { numRuns: 400 },
    );
  });
  it('no page ever sits in two frames, and the referenced page is resident after its step', () => {
    fc.assert(
      fc.property(refString, frameCount, fc.constantFrom(...POLICIES), (pages, frames, policy) => {
        const t = stepwise(pages, frames, policy);
        for (let p = 1; p <= t.length; p++) {
          const resident = (t.stateAt(p) as PagingState).frames.filter((x) => x !== null);
          assert.equal(new Set(resident).size, resident.length);
          assert.ok(resident.includes(pages[p - 1]!));
        }
      }),
      { numRuns: 300 },
    );
  });
  it('OPT never faults more than FIFO, LRU or CLOCK', () => {
    fc.assert(
      fc.property(refString, frameCount, (pages, frames) => {
        const opt = countFaults(pages, frames, 'OPT').faults;
        for (const p of ['FIFO', 'LRU', 'CLOCK']) assert.ok(opt <= countFaults(pages, frames, p).faults, p);
      }),
      { numRuns: 2000 },
    );
  });
  it('LRU and OPT are stack algorithms: more frames never mean more faults (no Belady anomaly)', () => {
    fc.assert(
      fc.property(refString, frameCount, (pages, frames) => {
        for (const p of ['LRU', 'OPT']) assert.ok(countFaults(pages, frames + 1, p).faults <= countFaults(pages, frames, p).faults, p);
      }),
      { numRuns: 2000 },
    );
  });
  it('the fast path equals the stepwise path on thousands of random strings, for every policy', () => {
    let checked = 0;
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 12 }), { minLength: 1, maxLength: 80 }),
        frameCount,
        fc.constantFrom(...POLICIES),
        (pages, frames, policy) => {
          const t = stepwise(pages, frames, policy);
          const m = t.metricsAt(t.length);
          assert.deepEqual(countFaults(Int32Array.from(pages), frames, policy), {
            faults: m.faults,
            faultsAfterFill: m.faultsAfterFill,
            hits: m.hits,
          });
          checked++;
        },
      ),
      { numRuns: 4000 },
    );
    assert.equal(checked, 4000);
  });
  it('the fast path handles large, sparse page numbers the same as dense ones', () => {
    const pages = [7, 0, 1, 2, 0, 3, 0, 4, 2, 3, 0, 3, 2, 1, 2, 0, 1, 7, 0, 1];
    const sparse = pages.map((p) => p * 100_000_007 % 2_000_000_011);
    for (const p of POLICIES) assert.deepEqual(countFaults(sparse, 3, p), countFaults(pages, 3, p));
  });
  it('the fast path rejects bad input with a clear error instead of a wrong answer', () => {
    assert.throws(() => countFaults([1, 2], 0, 'FIFO'), /frames must be a whole number/);
    assert.throws(() => countFaults([1, -2], 3, 'FIFO'), /pages\[1\] is -2/);
    assert.throws(() => countFaults([1, 2], 3, 'MRUU'), /unknown policy 'MRUU'/);
    assert.throws(() => countFaults([1, 2], 3, 'WS'), /WS has no fast path/);
  });
  it('Silberschatz, OSC, replacement figures through the fast path: FIFO 15, LRU 12, OPT 9', () => {
    const s = [7, 0, 1, 2, 0, 3, 0, 4, 2, 3, 0, 3, 2, 1, 2, 0, 1, 7, 0, 1];
    assert.deepEqual(['FIFO', 'lru', 'optimal'].map((p) => countFaults(s, 3, p).faults), [15, 12, 9]);
  });
});

describe('timeline', () => {
  const pages = Array.from({ length: 5000 }, (_, i) => (i * 7919) % 37);
  const r = parseScenario(`scheme: vm-paging\nframes: 5\npolicy: LRU, CLOCK\nrefs: ${pages.join(' ')}`);
  assert.ok(r.ok);
  const sim = simulate(r.scenario);

  it('a jump to any step gives the same state as stepping there one at a time', () => {
    const t = sim.runs[1]!;
    const sequential: PagingState[] = [t.stateAt(0) as PagingState];
    let s = sequential[0]!;
    for (let i = 0; i < t.length; i++) sequential.push((s = t.scheme.apply(t.config, t.run, s, i).state));
    for (const p of [4999, 3, 2500, 64, 63, 65, 0, 5000, 1234, 1233, 1235]) assert.deepEqual(t.stateAt(p), sequential[p]);
  });
  it('stepping back returns the earlier state exactly', () => {
    const t = sim.runs[0]!;
    const forward = t.stateAt(700);
    t.stateAt(701);
    assert.deepEqual(t.stateAt(700), forward);
  });
  it('positions clamp to 0 and the last step', () => {
    const t = sim.runs[0]!;
    assert.deepEqual(t.stateAt(-5), t.stateAt(0));
    assert.deepEqual(t.stateAt(99999), t.stateAt(5000));
    assert.equal(t.eventAt(0), undefined);
  });
});
