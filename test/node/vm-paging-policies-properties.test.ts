import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { countFaults, parseScenario, simulate, type PagingState } from '../../engine/index.js';
import { finalFrames } from '../../engine/fast/page-faults.js';

const NEW = ['ENHANCED-CLOCK', 'NRU', 'LFU', 'MFU', 'AGING', 'MRU', 'RANDOM'] as const;

function stepwise(text: string) {
  const r = parseScenario(text);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return simulate(r.scenario).runs[0]!;
}

const options = fc.record({ seed: fc.integer({ min: 0, max: 2 ** 40 }), clearInterval: fc.integer({ min: 1, max: 6 }), agingBits: fc.integer({ min: 1, max: 12 }) });
const refs = fc.array(fc.record({ page: fc.integer({ min: 0, max: 12 }), write: fc.boolean() }), { minLength: 1, maxLength: 80 });

describe('vm-paging, the policies beyond CLOCK: fast path and invariants (fast-check)', () => {
  it('the fast path (countFaults, finalFrames) equals the stepwise path for ENHANCED-CLOCK, NRU, LFU, MFU, AGING, MRU and RANDOM, writes and keys included', () => {
    let checked = 0;
    fc.assert(
      fc.property(refs, fc.integer({ min: 1, max: 8 }), fc.constantFrom(...NEW), options, (rs, frames, policy, o) => {
        const text = (writes: boolean) =>
          `scheme: vm-paging\nframes: ${frames}\npolicy: ${policy}\nseed: ${o.seed}\nclear-interval: ${o.clearInterval}\naging-bits: ${o.agingBits}\nrefs: ${rs.map((r) => `${r.page}${writes && r.write ? ':w' : ''}`).join(' ')}`;
        const pages = rs.map((r) => r.page);
        // countFaults takes no writes: every page is clean (M = 0), as in a reference string without :w.
        const clean = stepwise(text(false));
        const c = clean.metricsAt(clean.length);
        assert.deepEqual(countFaults(pages, frames, policy, o), { faults: c.faults, faultsAfterFill: c.faultsAfterFill, hits: c.hits });
        const t = stepwise(text(true));
        const m = t.metricsAt(t.length);
        const s = t.stateAt(t.length) as PagingState;
        const f = finalFrames(pages, frames, policy, rs.map((r) => (r.write ? 1 : 0)), o);
        assert.deepEqual(
          { faults: f.faults, hits: f.hits, writeBacks: f.writeBacks, contents: f.contents, dirty: f.dirty },
          { faults: m.faults, hits: m.hits, writeBacks: m.writeBacks, contents: s.frames, dirty: s.dirty },
        );
        if (policy === 'ENHANCED-CLOCK' || policy === 'NRU' || policy === 'AGING') assert.deepEqual(f.use, s.use);
        if (policy === 'ENHANCED-CLOCK') assert.equal(f.hand, s.hand);
        checked++;
      }),
      { numRuns: 3000 },
    );
    assert.equal(checked, 3000);
  });

  it('RANDOM with a seed is reproducible, and another seed can give other victims', () => {
    const pages = Array.from({ length: 200 }, (_, i) => (i * 7 + ((i * i) % 5)) % 11);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 40 }), fc.integer({ min: 1, max: 10 }), (seed, frames) => {
        assert.deepEqual(countFaults(pages, frames, 'RANDOM', { seed }), countFaults(pages, frames, 'RANDOM', { seed }));
      }),
      { numRuns: 200 },
    );
    const counts = new Set(Array.from({ length: 20 }, (_, seed) => countFaults(pages, 4, 'RANDOM', { seed }).faults));
    assert.ok(counts.size > 1);
  });

  it('the working set never holds more pages than the window, and holds exactly the distinct pages of the window', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 1, maxLength: 60 }), fc.integer({ min: 1, max: 12 }), (pages, window) => {
        const t = stepwise(`scheme: vm-paging\npolicy: WS\nwindow: ${window}\nrefs: ${pages.join(' ')}`);
        for (let p = 1; p <= t.length; p++) {
          const resident = (t.stateAt(p) as PagingState).frames.filter((x) => x !== null).sort((a, b) => a! - b!);
          assert.ok(resident.length <= window);
          assert.deepEqual(resident, [...new Set(pages.slice(Math.max(0, p - window), p))].sort((a, b) => a - b));
        }
      }),
      { numRuns: 400 },
    );
  });

  it('a WS run capped by frames never holds more than the cap, and the current page is resident', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 1, maxLength: 60 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 6 }), (pages, window, frames) => {
        const t = stepwise(`scheme: vm-paging\npolicy: WS\nwindow: ${window}\nframes: ${frames}\nrefs: ${pages.join(' ')}`);
        for (let p = 1; p <= t.length; p++) {
          const resident = (t.stateAt(p) as PagingState).frames.filter((x) => x !== null);
          assert.ok(resident.length <= Math.min(window, frames));
          assert.ok(resident.includes(pages[p - 1]!));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('LRU and OPT never fault more with more frames, over 1 to 12 frames', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 14 }), { minLength: 1, maxLength: 100 }), (pages) => {
        for (const p of ['LRU', 'OPT']) {
          for (let f = 1; f < 12; f++) assert.ok(countFaults(pages, f + 1, p).faults <= countFaults(pages, f, p).faults, `${p} ${f}`);
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('faultCurve: faults against frames in one pass (stack algorithms)', () => {
  it('equals countFaults at every frame count, for FIFO, LRU and OPT', async () => {
    const { faultCurve } = await import('../../engine/index.js');
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 15 }), { minLength: 0, maxLength: 120 }), fc.integer({ min: 1, max: 20 }), fc.constantFrom('FIFO', 'LRU', 'OPT'), (pages, top, policy) => {
        const frames = Array.from({ length: top }, (_, k) => k + 1);
        assert.deepEqual(faultCurve(pages, frames, policy), frames.map((f) => countFaults(pages, f, policy)));
      }),
      { numRuns: 1500 },
    );
  });
  it("Silberschatz and Tanenbaum, Belady's anomaly: FIFO's curve on 1 2 3 4 1 2 5 1 2 3 4 5 rises from 9 faults (3 frames) to 10 (4)", async () => {
    const { faultCurve } = await import('../../engine/index.js');
    assert.deepEqual(faultCurve([1, 2, 3, 4, 1, 2, 5, 1, 2, 3, 4, 5], [3, 4], 'FIFO').map((c) => c.faults), [9, 10]);
  });
});

describe('mem-sim run --summary: the fast final report of the new policies equals the stepwise one', () => {
  it('faults, hits, write-backs, contents and the last diagram, for ENHANCED-CLOCK to RANDOM with their keys; WS steps (no fast report)', async () => {
    const { fastFinalReport } = await import('../../engine/fast/final.js');
    fc.assert(
      fc.property(refs, fc.integer({ min: 1, max: 8 }), fc.constantFrom(...NEW, 'WS'), options, (rs, frames, policy, o) => {
        const text = `scheme: vm-paging\nframes: ${frames}\npolicy: ${policy}\nwindow: 3\nseed: ${o.seed}\nclear-interval: ${o.clearInterval}\naging-bits: ${o.agingBits}\nrefs: ${rs.map((r) => `${r.page}${r.write ? ':w' : ''}`).join(' ')}`;
        const parsed = parseScenario(text);
        assert.ok(parsed.ok);
        const t = simulate(parsed.scenario).runs[0]!;
        const fast = fastFinalReport(parsed.scenario, t.run);
        if (policy === 'WS') assert.equal(fast, undefined);
        else assert.deepEqual(fast, { ...t.scheme.finalReport(t.config, t.run, t.final), mermaid: t.mermaidAt(t.length) });
      }),
      { numRuns: 1000 },
    );
  });
});
