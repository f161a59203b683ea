import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { PagingEvent, PagingState } from '../../engine/index.js';
import { run } from './helpers.js';

const SILBERSCHATZ = '7 0 1 2 0 3 0 4 2 3 0 3 2 1 2 0 1 7 0 1';
const STALLINGS = '2 3 2 1 5 2 4 5 3 2 5 2';

function faults(policy: string, frames: number | string, refs: string, extra = ''): number[] {
  const sim = run(`scheme: vm-paging\nframes: ${frames}\npolicy: ${policy}\nrefs: ${refs}\n${extra}`);
  return sim.runs.map((t) => t.metricsAt(t.length).faults!);
}

function column(sim: ReturnType<typeof run>, runIndex: number, position: number) {
  return (sim.runs[runIndex]!.stateAt(position) as PagingState).frames;
}

describe('vm-paging: worked examples', () => {
  it('Silberschatz, OSC, FIFO replacement figure: 7 0 1 2 0 3 0 4 2 3 0 3 2 1 2 0 1 7 0 1 with 3 frames gives 15 faults', () => {
    assert.deepEqual(faults('FIFO', 3, SILBERSCHATZ), [15]);
  });
  it('Silberschatz, OSC, optimal replacement figure: the same string gives 9 faults under OPT', () => {
    assert.deepEqual(faults('OPT', 3, SILBERSCHATZ), [9]);
  });
  it('Silberschatz, OSC, LRU replacement figure: the same string gives 12 faults under LRU', () => {
    assert.deepEqual(faults('LRU', 3, SILBERSCHATZ), [12]);
  });
  it('Silberschatz, OSC, FIFO figure: the frame table columns match the book (frames keep their rows)', () => {
    const sim = run(`scheme: vm-paging\nframes: 3\npolicy: FIFO\nrefs: ${SILBERSCHATZ}`);
    // after the 4th reference (2), 2 replaced 7 in frame 0; after the 6th (3), 3 replaced 0 in frame 1
    assert.deepEqual(column(sim, 0, 4), [2, 0, 1]);
    assert.deepEqual(column(sim, 0, 6), [2, 3, 1]);
    assert.deepEqual(column(sim, 0, 20), [7, 0, 1]);
  });
  it("Silberschatz and Tanenbaum, Belady's anomaly: 1 2 3 4 1 2 5 1 2 3 4 5 under FIFO faults 9 times with 3 frames and 10 with 4", () => {
    assert.deepEqual(faults('FIFO', '3, 4', '1 2 3 4 1 2 5 1 2 3 4 5'), [9, 10]);
  });
  it("Tanenbaum, MOS, Belady's anomaly figure: 0 1 2 3 0 1 4 0 1 2 3 4 under FIFO: 9 faults with 3 frames, 10 with 4", () => {
    assert.deepEqual(faults('FIFO', '[3, 4]', '0 1 2 3 0 1 4 0 1 2 3 4'), [9, 10]);
  });
  it('Stallings, OS Internals, figure comparing four policies: 2 3 2 1 5 2 4 5 3 2 5 2 with 3 frames: OPT 6, LRU 7, FIFO 9, CLOCK 8', () => {
    assert.deepEqual(faults('OPT, LRU, FIFO, CLOCK', 3, STALLINGS), [6, 7, 9, 8]);
  });
  it('Stallings, the same figure counting only faults after the frames fill: OPT 3, LRU 4, FIFO 6, CLOCK 5', () => {
    const sim = run(`scheme: vm-paging\nframes: 3\npolicy: OPT, LRU, FIFO, CLOCK\nrefs: ${STALLINGS}`);
    assert.deepEqual(sim.runs.map((t) => t.metricsAt(t.length).faultsAfterFill), [3, 4, 6, 5]);
  });
  it('Stallings, CLOCK in the same figure: the final frames hold 3, 2 and 5 and the hand points at frame 0', () => {
    const sim = run(`scheme: vm-paging\nframes: 3\npolicy: CLOCK\nrefs: ${STALLINGS}`);
    const s = sim.runs[0]!.final as PagingState;
    assert.deepEqual(s.frames, [3, 2, 5]);
    assert.equal(s.hand, 0);
  });
  it('CLOCK on Silberschatz\'s reference string with 3 frames: 14 faults, frames 0, 7, 1 at the end (derived with Stallings\' rules; the fast path agrees)', () => {
    const sim = run(`scheme: vm-paging\nframes: 3\npolicy: CLOCK\nrefs: ${SILBERSCHATZ}`);
    const t = sim.runs[0]!;
    assert.equal(t.metricsAt(t.length).faults, 14);
    assert.deepEqual((t.final as PagingState).frames, [0, 7, 1]);
  });
    it('OSTEP, ch. 22 (Beyond Physical Memory: Policies): stream 0 1 2 0 1 3 0 3 1 2 1 with a cache of 3: OPT 6 hits, FIFO 4, LRU 6', () => {
    const sim = run('scheme: vm-paging\nframes: 3\npolicy: OPT, FIFO, LRU\nrefs: 0 1 2 0 1 3 0 3 1 2 1');
    assert.deepEqual(sim.runs.map((t) => t.metricsAt(t.length).hits), [6, 4, 6]);
  });
  it('Silberschatz, OSC, demand paging: the address trace 0100, 0432, ... 0105 with 100-byte pages faults 3 times with 3 frames and 11 times with 1', () => {
    const addresses = '0100 0432 0101 0612 0102 0103 0104 0101 0611 0102 0103 0104 0101 0610 0102 0103 0104 0101 0609 0102 0105';
    assert.deepEqual(faults('FIFO', '3, 1', addresses, 'page-size: 100'), [3, 11]);
  });
});

describe('vm-paging: textbook rules', () => {
  it('empty frames fill lowest first and a new page takes its victim\'s frame', () => {
    const sim = run('scheme: vm-paging\nframes: 3\npolicy: LRU\nrefs: 5 6 7 5 8');
    assert.deepEqual(column(sim, 0, 3), [5, 6, 7]);
    const e = sim.runs[0]!.eventAt(5) as PagingEvent;
    assert.equal(e.victim, 6);
    assert.equal(e.frame, 1);
    assert.deepEqual(column(sim, 0, 5), [5, 8, 7]);
  });
  it('OPT: among pages never used again, the one loaded earliest is the victim (derived)', () => {
    // at the 4th reference, pages 1, 2 and 3 are all never used again: 1 was loaded first
    const sim = run('scheme: vm-paging\nframes: 3\npolicy: OPT\nrefs: 1 2 3 4 4');
    const e = sim.runs[0]!.eventAt(4) as PagingEvent;
    assert.equal(e.victim, 1);
    assert.match(e.sentence, /1, 2 and 3 are never used again and 1 was loaded first/);
  });
  it('OPT prefers a page never used again to one used later, whenever it was loaded (derived)', () => {
    const sim = run('scheme: vm-paging\nframes: 2\npolicy: OPT\nrefs: 1 2 3 1');
    assert.equal((sim.runs[0]!.eventAt(3) as PagingEvent).victim, 2);
  });
  it('CLOCK: a hit sets the use bit and does not move the hand (Stallings)', () => {
    const sim = run('scheme: vm-paging\nframes: 3\npolicy: CLOCK\nrefs: 1 2 3 2');
    const before = sim.runs[0]!.stateAt(3) as PagingState;
    const after = sim.runs[0]!.stateAt(4) as PagingState;
    assert.equal(before.hand, 0);
    assert.equal(after.hand, 0);
    assert.deepEqual(after.use, [true, true, true]);
  });
  it('CLOCK: on a fault the hand clears use bits until a clear one, replaces it and moves past it (Stallings)', () => {
    const sim = run('scheme: vm-paging\nframes: 3\npolicy: CLOCK\nrefs: 1 2 3 4');
    const e = sim.runs[0]!.eventAt(4) as PagingEvent;
    const s = sim.runs[0]!.stateAt(4) as PagingState;
    assert.deepEqual(e.cleared, [0, 1, 2]);
    assert.equal(e.victim, 1);
    assert.equal(s.hand, 1);
    assert.deepEqual(s.use, [true, false, false]);
  });
  it('a write sets the dirty bit; evicting a dirty page counts a write-back; pages still dirty at the end do not', () => {
    const sim = run('scheme: vm-paging\nframes: 2\npolicy: FIFO\nrefs: 1:w 2 3 4:w 5:r');
    const t = sim.runs[0]!;
    assert.equal((t.eventAt(3) as PagingEvent).writeBack, true);
    assert.match(t.eventAt(3)!.sentence, /1 was modified, so it is written back first/);
    assert.equal((t.eventAt(4) as PagingEvent).writeBack, false);
    assert.deepEqual(t.metricsAt(t.length).writeBacks, 1);
    assert.deepEqual((t.final as PagingState).frames, [5, 4]);
    assert.deepEqual((t.final as PagingState).dirty, [false, true]);
  });
  it('addresses with page-size: page = address / page size, and the sentence names the offset', () => {
    const sim = run('scheme: vm-paging\nframes: 2\npage-size: 4K\nrefs: 0x1A2B:w 4096 0x0FFF');
    const e = sim.runs[0]!.eventAt(1) as PagingEvent;
    assert.equal(e.page, 1);
    assert.equal(e.offset, 0xa2b);
    assert.match(e.sentence, /^address 0x1A2B is page 1, offset 0xA2B; page 1 is loaded into empty frame 0/);
    assert.equal((sim.runs[0]!.eventAt(2) as PagingEvent).fault, false);
    assert.equal((sim.runs[0]!.eventAt(3) as PagingEvent).page, 0);
  });
  it('sentences say what happened and why, policy by policy', () => {
    const sim = run(`scheme: vm-paging\nframes: 3\npolicy: FIFO, LRU, OPT\nrefs: ${SILBERSCHATZ}`);
    assert.equal(sim.runs[0]!.eventAt(1)!.sentence, 'page 7 is loaded into empty frame 0');
    assert.equal(sim.runs[0]!.eventAt(4)!.sentence, 'page 2 replaces page 7 in frame 0: 7 was loaded first (FIFO)');
    assert.equal(sim.runs[0]!.eventAt(5)!.sentence, 'page 0 is already in frame 1: a hit');
    assert.equal(sim.runs[1]!.eventAt(6)!.sentence, 'page 3 replaces page 1 in frame 2: 1 was used least recently (LRU)');
    assert.match(sim.runs[2]!.eventAt(4)!.sentence, /^page 2 replaces page 7 in frame 0: 7 is not needed again until reference 18, the farthest ahead \(OPT\)$/);
  });
  it('runs are listed policy by policy, each with every frame count, in the order written', () => {
    const sim = run('scheme: vm-paging\nframes: 4, 3\npolicy: lru, Fifo\nrefs: 1 2 3');
    assert.deepEqual(sim.runs.map((t) => t.run.fields), [
      { policy: 'LRU', frames: 4 },
      { policy: 'LRU', frames: 3 },
      { policy: 'FIFO', frames: 4 },
      { policy: 'FIFO', frames: 3 },
    ]);
  });
  it('defaults: 3 frames and FIFO when the scenario gives neither; the scheme may come from the element', () => {
    const sim = run('scheme: vm-paging\nrefs: 1 2 3 4');
    assert.deepEqual(sim.runs[0]!.run.fields, { policy: 'FIFO', frames: 3 });
  });
  it('long forms of the scheme name and policy aliases are accepted', () => {
    const sim = run('scheme: virtual-memory-paging\npolicy: optimal, second-chance\nrefs: 1 2 3 4');
    assert.deepEqual(sim.runs.map((t) => t.run.fields.policy), ['OPT', 'CLOCK']);
  });
  it('metrics: faults, faults after fill, hits, hit ratio and write-backs', () => {
    const sim = run(`scheme: vm-paging\nframes: 3\npolicy: FIFO\nrefs: ${SILBERSCHATZ}`);
    assert.deepEqual(sim.runs[0]!.metricsAt(20), { faults: 15, faultsAfterFill: 12, hits: 5, hitRatio: 0.25, writeBacks: 0 });
  });
  it('the textbook table: references across, a row per frame and a fault row', () => {
    const sim = run('scheme: vm-paging\nframes: 2\npolicy: FIFO\nrefs: 1 2 1 3');
    const t = sim.runs[0]!;
    const table = t.scheme.table(t, 1, 4);
    assert.deepEqual(table.head.map((c) => c.text), ['reference', '1', '2', '1', '3']);
    assert.deepEqual(table.rows.map((r) => r.map((c) => c.text)), [
      ['frame 0', '1', '1', '1', '3'],
      ['frame 1', '', '2', '2', '2'],
      ['fault', 'F', 'F', '', 'F'],
    ]);
    assert.ok(table.rows[0]![4]!.classes!.includes('victim'));
  });
  it('the Mermaid source maps resident pages to frames and escapes labels', () => {
    const sim = run('scheme: vm-paging\ntitle: "<b>x</b>"\nframes: 2\nrefs: 1 2 3');
    const src = sim.runs[0]!.mermaidAt(3);
    assert.match(src, /^flowchart LR/);
    assert.match(src, /p3 --> f0/);
    assert.match(src, /p2 --> f1/);
    assert.doesNotMatch(src, /<b>/);
  });
});
