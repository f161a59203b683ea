/**
 * vm-paging's second half of issue 17: the TLB, the latencies and the effective access time, the
 * split of an address into levels, and frame ranges. Book figures are cited by edition where their
 * numbers differ between editions (recalled, not re-read here: the numbers are checked against
 * DESIGN.md's formula, which the book's arithmetic must match).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { countFaults } from '../../engine/fast/page-faults.js';
import type { PagingEvent, PagingState } from '../../engine/index.js';
import { errorsOf, run } from './helpers.js';

const vm = (keys: string) => run(`scheme: vm-paging\n${keys}`);
const final = (keys: string, r = 0) => {
  const t = vm(keys).runs[r]!;
  return t.metricsAt(t.length);
};

/** A string where every page is referenced `each` times in a row: one fault (a TLB miss) per page, then hits. */
const runs = (pages: number, each: number) => Array.from({ length: pages * each }, (_, i) => Math.floor(i / each) + 1).join(' ');

describe('vm-paging TLB: worked examples', () => {
  // The books' TLB formula assumes every page resident; here the compulsory faults are set to cost what
  // a TLB miss costs (fault-latency), so the string's mean is the book's formula.
  it('Silberschatz, OSC 8th ed., the TLB paragraph: 20 ns TLB, 100 ns memory, 80% hit ratio: 0.80 × 120 + 0.20 × 220 = 140 ns', () => {
    const m = final(`frames: 2\ntlb: 1\ntlb-latency: 20\nmemory-latency: 100\nfault-latency: 220\nrefs: ${runs(2, 5)}`);
    assert.equal(m.tlbHitRatio, 0.8);
    assert.equal(m.effectiveAccessTime, 140);
  });
  it('Silberschatz, OSC 8th ed.: the same with a 98% hit ratio gives 0.98 × 120 + 0.02 × 220 = 122 ns', () => {
    const m = final(`frames: 2\ntlb: 1\ntlb-latency: 20\nmemory-latency: 100\nfault-latency: 220\nrefs: ${runs(2, 50)}`);
    assert.equal(m.tlbHitRatio, 0.98);
    assert.equal(m.effectiveAccessTime, 122);
  });
  it('Silberschatz, OSC 9th ed.: 100 ns memory, TLB search not counted, 80% hit ratio: 0.80 × 100 + 0.20 × 200 = 120 ns', () => {
    assert.equal(final(`frames: 2\ntlb: 4\nmemory-latency: 100\nfault-latency: 200\nrefs: ${runs(2, 5)}`).effectiveAccessTime, 120);
  });
  it('Silberschatz, OSC 10th ed.: 10 ns memory, 99% hit ratio: 0.99 × 10 + 0.01 × 20 = 10.1 ns', () => {
    assert.equal(final(`frames: 1\ntlb: 1\nmemory-latency: 10\nfault-latency: 20\nrefs: ${runs(1, 100)}`).effectiveAccessTime, 10.1);
  });
  it('Silberschatz, OSC, demand paging: 200 ns memory, 8 ms fault service, p = 0.001 gives 200 + 7,999,800 × 0.001 = 8,199.8 ns (8.2 µs)', () => {
    // 1,000 references to one page: the first faults, 999 are resident (no TLB: levels do not count).
    const m = final(`frames: 1\nlevels: 3\nmemory-latency: 200\nfault-latency: 8000000\nrefs: ${runs(1, 1000)}`);
    assert.equal(m.effectiveAccessTime, 8199.8);
    assert.equal(m.tlbHits, undefined);
  });
  it('OSTEP, TLBs chapter, the array example: a[0..9] of 4-byte ints from address 100 with 16-byte pages: miss, hit, hit, miss, hit, hit, hit, miss, hit, hit (70%)', () => {
    const t = vm('frames: 4\ntlb: 4\npage-size: 16\nrefs: 100 104 108 112 116 120 124 128 132 136').runs[0]!;
    assert.deepEqual(t.events.map((e) => (e as PagingEvent).tlbHit), [false, true, true, false, true, true, true, false, true, true]);
    assert.equal(t.metricsAt(t.length).tlbHits, 7);
    assert.equal(t.metricsAt(t.length).tlbHitRatio, 0.7);
  });
  it('derived: a TLB miss on a resident page walks every level: tlb-latency + (levels + 1) × memory-latency', () => {
    // tlb 1: 1 F, 2 F (1 leaves the TLB), 1 resident miss: 5 + 3 × 100 = 305; faults 1,000 each
    const m = final('frames: 2\ntlb: 1\nlevels: 2\ntlb-latency: 5\nmemory-latency: 100\nfault-latency: 1000\nrefs: 1 2 1');
    assert.equal(m.effectiveAccessTime, Math.round(((1000 + 1000 + 305) / 3) * 1000) / 1000);
  });
  it('defaults: memory-latency 100 ns, tlb-latency 0, fault-latency 8,000,000 ns', () => {
    assert.equal(final('frames: 1\ntlb: 1\nrefs: 1 1').effectiveAccessTime, (8_000_000 + 100) / 2);
  });
  it('without tlb or a latency key the report has no TLB or time fields (today\'s reports stay as they were)', () => {
    const m = final('frames: 3\nrefs: 1 2 1');
    for (const k of ['tlbHits', 'tlbHitRatio', 'effectiveAccessTime', 'pageTableBytes']) assert.equal(m[k], undefined);
  });
});

describe('vm-paging levels: the split of an address', () => {
  const hw = (keys: string) => {
    const t = vm(`frames: 1\n${keys}\nrefs: 0`).runs[0]!;
    return t.scheme.finalReport(t.config, t.run, t.final) as { split?: number[]; pageTableBytes?: number };
  };
  it('Silberschatz, OSC, hierarchical paging: 32-bit addresses, 4K pages, two levels split [10, 10, 12]', () => {
    assert.deepEqual(hw('page-size: 4K\naddress-bits: 32\nlevels: 2').split, [10, 10, 12]);
  });
  it('Silberschatz, OSC, and Stallings, OS, page-table structure: a 32-bit space of 4K pages has 2^20 entries of 4 bytes: a 4 MB linear table', () => {
    assert.equal(hw('page-size: 4K\naddress-bits: 32').pageTableBytes, 4 * 1024 * 1024);
    assert.deepEqual(hw('page-size: 4K\naddress-bits: 32').split, [20, 12]);
  });
  it('Tanenbaum, MOS, the two-level page table figure: a 32-bit address is PT1 10 bits, PT2 10 bits, offset 12 bits', () => {
    assert.deepEqual(hw('page-size: 4096\naddress-bits: 32\npte-size: 4\nlevels: 2').split, [10, 10, 12]);
  });
  it('OSTEP, Paging: Smaller Tables, the detailed multi-level example: a 16K space of 64-byte pages and 4-byte PTEs is [4, 4, 6], a 1K linear table', () => {
    const h = hw('page-size: 64\naddress-bits: 14\nlevels: 2');
    assert.deepEqual(h.split, [4, 4, 6]);
    assert.equal(h.pageTableBytes, 1024);
  });
  it('OSTEP, Paging: Smaller Tables, more than two levels: 30-bit addresses, 512-byte pages: [14, 7, 9] with two levels, [7, 7, 7, 9] with three', () => {
    assert.deepEqual(hw('page-size: 512\naddress-bits: 30\nlevels: 2').split, [14, 7, 9]);
    assert.deepEqual(hw('page-size: 512\naddress-bits: 30\nlevels: 3').split, [7, 7, 7, 9]);
  });
  it('derived: 8-byte entries halve the bits an inner level indexes (48-bit, 4K, four levels: [9, 9, 9, 9, 12])', () => {
    assert.deepEqual(hw('page-size: 4K\naddress-bits: 48\npte-size: 8\nlevels: 4').split, [9, 9, 9, 9, 12]);
  });
});

describe('vm-paging frames as a range', () => {
  it("Silberschatz and Tanenbaum, Belady's anomaly: frames 1-7 under FIFO on 1 2 3 4 1 2 5 1 2 3 4 5 fault 12 12 9 10 5 5 5 times", () => {
    const sim = vm('frames: 1-7\npolicy: FIFO\nrefs: 1 2 3 4 1 2 5 1 2 3 4 5');
    assert.deepEqual(sim.runs.map((t) => t.run.fields.frames), [1, 2, 3, 4, 5, 6, 7]);
    assert.deepEqual(sim.runs.map((t) => t.metricsAt(t.length).faults), [12, 12, 9, 10, 5, 5, 5]);
  });
  it('a range mixes with single counts, in the order written, one run per policy and count', () => {
    const sim = vm('frames: 2, 4-5\npolicy: LRU, OPT\nrefs: 1 2 3 1');
    assert.deepEqual(sim.runs.map((t) => t.run.label), ['LRU, 2 frames', 'LRU, 4 frames', 'LRU, 5 frames', 'OPT, 2 frames', 'OPT, 4 frames', 'OPT, 5 frames']);
  });
  it("property: a range's counts equal separate runs, and the fast path's counts (every policy)", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 1, maxLength: 30 }), fc.integer({ min: 1, max: 4 }), fc.integer({ min: 0, max: 4 }), (pages, low, span) => {
        const refs = pages.join(' ');
        const sim = vm(`frames: ${low}-${low + span}\npolicy: FIFO, LRU, OPT, CLOCK\nrefs: ${refs}`);
        for (const t of sim.runs) {
          const { policy, frames } = t.run.fields as { policy: string; frames: number };
          const alone = final(`frames: ${frames}\npolicy: ${policy}\nrefs: ${refs}`);
          assert.deepEqual(t.metricsAt(t.length), alone);
          assert.equal(alone.faults, countFaults(pages, frames, policy).faults);
        }
      }),
      { numRuns: 60 },
    );
  });
});

describe('vm-paging TLB: properties', () => {
  it('the TLB holds only resident pages, never more than tlb entries, and TLB hits plus misses are the references', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 8 }), { minLength: 1, maxLength: 40 }),
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 1, max: 6 }),
        fc.constantFrom('FIFO', 'LRU', 'OPT', 'CLOCK'),
        (pages, frames, tlb, policy) => {
          const t = vm(`frames: ${frames}\ntlb: ${tlb}\npolicy: ${policy}\nrefs: ${pages.join(' ')}`).runs[0]!;
          let hits = 0;
          let misses = 0;
          for (let p = 1; p <= t.length; p++) {
            const s = t.stateAt(p) as PagingState;
            const e = t.eventAt(p) as PagingEvent;
            const resident = new Set(s.frames.filter((x) => x !== null));
            assert.ok(s.tlb!.entries.length <= tlb);
            for (const page of s.tlb!.entries) assert.ok(resident.has(page), `page ${page} in the TLB is not resident`);
            assert.ok(s.tlb!.entries.includes(e.page), 'the page just referenced is in the TLB');
            if (e.fault) assert.equal(e.tlbHit, false, 'a fault is a TLB miss');
            if (e.tlbHit) hits++;
            else if (e.tlbHit === false) misses++;
          }
          const m = t.metricsAt(t.length);
          assert.equal(hits + misses, pages.length);
          assert.equal(m.tlbHits, hits);
        },
      ),
      { numRuns: 200 },
    );
  });
  it('stepping back and forth gives the same TLB (states are values: apply never changes the old state)', () => {
    const t = vm('frames: 2\ntlb: 2\nrefs: 1 2 3 1 2 4 1').runs[0]!;
    const before = (t.stateAt(3) as PagingState).tlb!.entries.slice();
    t.stateAt(7);
    assert.deepEqual((t.stateAt(3) as PagingState).tlb!.entries, before);
    assert.deepEqual(before, [2, 3]);
  });
  it('the report names tlbHit on every step and the new final fields', () => {
    const t = vm('frames: 3\npage-size: 4K\naddress-bits: 32\nlevels: 2\ntlb: 2\nrefs: 0x1000 0x1004').runs[0]!;
    const steps = t.events.map((e, i) => t.scheme.stepReport(t.config, t.run, t.stateAt(i + 1), e));
    assert.deepEqual(steps.map((s) => s.tlbHit), [false, true]);
    const f = t.scheme.finalReport(t.config, t.run, t.final);
    assert.deepEqual(Object.keys(f).filter((k) => /tlb|Time|Bytes|split/.test(k)), ['tlbHits', 'tlbHitRatio', 'effectiveAccessTime', 'pageTableBytes', 'split']);
    assert.match(t.eventAt(2)!.sentence, /a TLB hit$/);
  });
});

describe('vm-paging hardware keys: errors', () => {
  const one = (keys: string) => {
    const errors = errorsOf(`scheme: vm-paging\n${keys}`);
    assert.equal(errors.length, 1, errors.map((e) => e.message).join('; '));
    return errors[0]!;
  };
  const cases: [string, string, [number, number], RegExp][] = [
    ['a range that runs down', 'frames: 7-1\nrefs: 1', [2, 9], /frames: a range runs from the smaller count up, such as 1-7, got '7-1'/],
    ['a range from 0', 'frames: 0-3\nrefs: 1', [2, 9], /frames: expected a whole number of frames from 1 .* or a range such as 1-7, got '0'/],
    ['a count listed twice through a range', 'frames: 3, 2-4\nrefs: 1', [2, 12], /each frame count may be listed once/],
    ['tlb: 0', 'tlb: 0\nrefs: 1', [2, 6], /tlb: expected number of TLB entries from 1 to 1,000,000, got '0'/],
    ['tlb: two values', 'tlb: 2, 4\nrefs: 1', [2, 6], /tlb: expected one number of TLB entries, not a list/],
    ['levels: 0', 'levels: 0\nrefs: 1', [2, 9], /levels: expected number of page-table levels from 1 to 16/],
    ['levels too many for the bits', 'page-size: 4K\naddress-bits: 32\nlevels: 3\nrefs: 0', [4, 9], /levels: 20 page-number bits at 10 bits per inner level allow at most 2 levels/],
    ['levels too many for the bits, one allowed', 'page-size: 4K\naddress-bits: 22\nlevels: 2\nrefs: 0', [4, 9], /allow at most 1 level$/],
    ['page-size not a power of two with address-bits', 'page-size: 1000\naddress-bits: 16\nrefs: 0', [2, 12], /page-size: expected a power of two/],
    ['pte-size larger than the page', 'page-size: 4\naddress-bits: 8\npte-size: 8\nrefs: 0', [4, 11], /pte-size: entries of 8 bytes do not fit in pages of 4/],
    ['a page smaller than the default 4-byte entry', 'page-size: 2\naddress-bits: 8\nrefs: 0', [2, 12], /page-size: entries of 4 bytes do not fit in pages of 2/],
    ['pte-size not a power of two', 'page-size: 4K\naddress-bits: 32\npte-size: 3\nrefs: 0', [4, 11], /pte-size: expected a power of two/],
    ['address-bits without page-size', 'address-bits: 32\nrefs: 0', [2, 15], /address-bits: give page-size too/],
    ['address-bits too few for the offset', 'page-size: 4K\naddress-bits: 12\nrefs: 0', [3, 15], /address-bits: 12-bit addresses leave no page-number bits/],
    ['address-bits past 50', 'page-size: 4K\naddress-bits: 64\nrefs: 0', [3, 15], /address-bits: expected number of bits from 1 to 50/],
    ['an address wider than address-bits', 'page-size: 16\naddress-bits: 8\nrefs: 0 256', [4, 9], /address 256 is too large for 8-bit addresses \(address-bits\)/],
    ['a latency that is not a number', 'memory-latency: fast\nrefs: 1', [2, 17], /memory-latency: expected whole number of nanoseconds from 0 to 1,000,000,000,000, got 'fast'/],
    ['a negative latency', 'fault-latency: -5\nrefs: 1', [2, 16], /fault-latency: expected whole number of nanoseconds/],
    ['a latency with a unit', 'tlb-latency: 5ms\nrefs: 1', [2, 14], /tlb-latency: expected whole number of nanoseconds/],
    ['two latencies', 'tlb-latency: 5, 6\nrefs: 1', [2, 14], /tlb-latency: expected one whole number of nanoseconds, not a list/],
  ];
  for (const [name, keys, at, message] of cases) {
    it(`${name} is an error at its value`, () => {
      const e = one(keys);
      assert.deepEqual([e.line, e.column], at, e.message);
      assert.match(e.message, message);
    });
  }
  it('a misspelt key suggests the hardware key', () => {
    assert.match(one('tlb-latncy: 5\nrefs: 1').message, /did you mean 'tlb-latency'\?/);
  });
});

describe('vm-paging hardware in the static fallback', () => {
  it('the Eleventy / markdown-it fallback lists the TLB hit ratio, the access time and the page table beside the faults', async () => {
    const { renderFallback } = await import('../../plugin/fallback.js');
    const html = renderFallback(vm('frames: 4\ntlb: 4\npage-size: 16\naddress-bits: 8\nrefs: 100 104 108 112 116 120 124 128 132 136'));
    assert.match(html, /TLB hit ratio<\/dt><dd>70%/);
    assert.match(html, /effective access time \(ns\)<\/dt><dd>2,400,070/);
    assert.match(html, /page table<\/dt><dd>64B/);
  });
});

describe('vm-paging hardware keys: any combination', () => {
  it('property: any values of the hardware keys give a valid scenario or positioned errors, never an exception', async () => {
    const { parseScenario } = await import('../../engine/index.js');
    const value = fc.oneof(fc.integer({ min: -2, max: 70 }).map(String), fc.constantFrom('1K', '4K', '3', '0', 'x', '2, 4', '1-3', ''));
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom('tlb', 'levels', 'address-bits', 'pte-size', 'page-size', 'memory-latency', 'fault-latency'), value), { maxLength: 6 }), (pairs) => {
        const keys = [...new Map(pairs)].map(([k, v]) => `${k}: ${v}`).join('\n');
        const text = `scheme: vm-paging\n${keys}\nrefs: 0 1 4096 70000`;
        const r = parseScenario(text);
        if (r.ok) return;
        const lines = text.split('\n').length;
        for (const e of r.errors) assert.ok(e.line >= 1 && e.line <= lines && e.column >= 1, `${e.line}:${e.column} ${e.message}`);
      }),
      { numRuns: 1500 },
    );
  });
});

describe('vm-paging frame ranges and the work cap', () => {
  it('a range adds up its runs: 1-3000 frames over 2,000 references is refused at frames (6 million steps)', () => {
    const errors = errorsOf(`scheme: vm-paging\nframes: 1-3000\nrefs: ${Array.from({ length: 2000 }, (_, i) => i % 50).join(' ')}`);
    assert.equal(errors.length, 1);
    assert.equal(errors[0]!.line, 2);
    assert.match(errors[0]!.message, /needs about 6,000,000 simulated steps; the limit is 5,000,000/);
  });
  it('a range of a million frame counts is refused with a positioned error, not a hang or a crash', () => {
    const errors = errorsOf('scheme: vm-paging\nframes: 1-1000000\nrefs: 1 2 3');
    assert.equal(errors.length, 1);
    assert.equal(errors[0]!.line, 2);
  });
});
