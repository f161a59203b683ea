import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ContiguousEvent, ContiguousScheme, DynamicState } from '../../engine/index.js';
import { silberschatzDynamic, stallingsDynamic } from '../textbook-scenarios.js';
import { errorsOf, run } from './helpers.js';

const K = 1024;
const M = 1024 * 1024;

const STALLINGS = stallingsDynamic();

/** Silberschatz's exercise: holes of 100K, 500K, 200K, 300K and 600K, in that order, used memory between. */
const SILBERSCHATZ = (placement: string) => silberschatzDynamic(placement);
// hole addresses in that layout: 0, 150K, 700K, 950K, 1300K

/** Memory from address 0 as [label, size in bytes] pairs: OS, processes, holes and used blocks. */
function layout(s: DynamicState): [string, number][] {
  return s.mem.segments.map((x) => [x.kind === 'process' ? x.name : x.kind, x.size]);
}
const where = (s: DynamicState, name: string) => s.mem.segments.find((x) => x.name === name)?.start;
const ev = (sim: ReturnType<typeof run>, r: number, step: number) => sim.runs[r]!.eventAt(step) as ContiguousEvent;
const at = (sim: ReturnType<typeof run>, r: number, step: number) => sim.runs[r]!.stateAt(step) as DynamicState;

describe('dynamic partitioning: worked examples', () => {
  it('Stallings, OS Internals, effect of dynamic partitioning figure: first-fit ends with OS 8M, P2 14M, hole 6M, P4 8M, hole 6M, P3 18M, hole 4M', () => {
    const sim = run(STALLINGS);
    const final = sim.runs[0]!.final as DynamicState;
    assert.deepEqual(layout(final), [['P2', 14 * M], ['hole', 6 * M], ['P4', 8 * M], ['hole', 6 * M], ['P3', 18 * M], ['hole', 4 * M]]);
    assert.equal(final.mem.segments[0]!.start, 8 * M);
    assert.deepEqual(final.swapped.map((p) => p.name), ['P1']);
  });
  it('Stallings, the same figure step by step: after P3 a 4M hole is left; P4 goes into P2\'s 14M hole leaving 6M', () => {
    const sim = run(STALLINGS);
    assert.deepEqual(layout(at(sim, 0, 3)), [['P1', 20 * M], ['P2', 14 * M], ['P3', 18 * M], ['hole', 4 * M]]);
    assert.equal(ev(sim, 0, 5).sentence, 'P4 (8M) goes to the 14M hole at 28M: the first hole large enough');
    assert.deepEqual(layout(at(sim, 0, 5)), [['P1', 20 * M], ['P4', 8 * M], ['hole', 6 * M], ['P3', 18 * M], ['hole', 4 * M]]);
    assert.equal(ev(sim, 0, 7).sentence, 'P2 (14M) is swapped back in and goes to the 20M hole at 8M: the first hole large enough');
  });
  it('Stallings, the same figure: every placement policy gives the same final layout (one hole fits each time)', () => {
    const sim = run(STALLINGS.replace('placement: first-fit', 'placement: first-fit, next-fit, best-fit, worst-fit'));
    const layouts = sim.runs.map((t) => layout(t.final as DynamicState));
    for (const l of layouts) assert.deepEqual(l, layouts[0]);
  });
  it('Silberschatz, OSC, first-fit exercise: 212K -> 500K hole, 417K -> 600K hole, 112K -> the 288K left of the 500K hole, 426K waits', () => {
    const sim = run(SILBERSCHATZ('first-fit'));
    const s = at(sim, 0, 4);
    assert.equal(where(s, 'A'), 150 * K);
    assert.equal(where(s, 'B'), 1300 * K);
    assert.equal(where(s, 'C'), 362 * K);
    assert.equal(ev(sim, 0, 3).sentence, 'C (112K) goes to the 288K hole at 362K: the first hole large enough');
    assert.deepEqual(s.waiting.map((w) => w.name), ['D']);
    assert.equal(ev(sim, 0, 4).sentence, 'D (426K) waits: the largest hole is 300K');
  });
  it('Silberschatz, OSC, best-fit exercise: 212K -> 300K, 417K -> 500K, 112K -> 200K, 426K -> 600K', () => {
    const s = at(run(SILBERSCHATZ('best-fit')), 0, 4);
    assert.deepEqual(['A', 'B', 'C', 'D'].map((n) => where(s, n)), [950 * K, 150 * K, 700 * K, 1300 * K]);
    assert.deepEqual(s.waiting, []);
  });
  it('Silberschatz, OSC, worst-fit exercise: 212K -> 600K, 417K -> 500K, 112K -> the 388K left of the 600K hole, 426K waits', () => {
    const sim = run(SILBERSCHATZ('worst-fit'));
    const s = at(sim, 0, 4);
    assert.deepEqual(['A', 'B', 'C'].map((n) => where(s, n)), [1300 * K, 150 * K, 1512 * K]);
    assert.equal(ev(sim, 0, 3).sentence, 'C (112K) goes to the 388K hole at 1512K: the largest hole');
    assert.deepEqual(s.waiting.map((w) => w.name), ['D']);
  });
  it('Silberschatz, the same exercise under next-fit (derived): 212K -> 500K, 417K -> 600K, 112K -> the 183K left of the 600K hole, 426K waits', () => {
    const sim = run(SILBERSCHATZ('next-fit'));
    const s = at(sim, 0, 4);
    assert.deepEqual(['A', 'B', 'C'].map((n) => where(s, n)), [150 * K, 1300 * K, 1717 * K]);
    assert.deepEqual(s.waiting.map((w) => w.name), ['D']);
  });
  it('Silberschatz, the same exercise: best-fit is the only policy that places all four processes', () => {
    const sim = run(SILBERSCHATZ('first-fit, next-fit, best-fit, worst-fit'));
    assert.deepEqual(sim.runs.map((t) => (t.final as DynamicState).waiting.length), [1, 1, 0, 1]);
  });
});

describe('dynamic partitioning: textbook rules', () => {
  it('a hole is split at its low end: the remainder stays a hole at the higher address', () => {
    const s = at(run('scheme: dynamic\nmemory: 100K\nos: 10K\ntrace: |\n  load A 30K'), 0, 1);
    assert.deepEqual(s.mem.segments.map((x) => [x.kind, x.start, x.size]), [['process', 10 * K, 30 * K], ['hole', 40 * K, 60 * K]]);
  });
  it('a freed process coalesces at once with the holes below and above it', () => {
    const sim = run('scheme: dynamic\nmemory: 100K\ntrace: |\n  load A 10K\n  load B 10K\n  load C 10K\n  exit A\n  exit C\n  exit B');
    assert.deepEqual(layout(at(sim, 0, 5)), [['hole', 10 * K], ['B', 10 * K], ['hole', 80 * K]]);
    assert.deepEqual(layout(at(sim, 0, 6)), [['hole', 100 * K]]);
    assert.equal(ev(sim, 0, 5).sentence, 'C exits: its 10K at 20K becomes free and joins the 70K hole above: one 80K hole at 20K');
    assert.equal(ev(sim, 0, 6).sentence, 'B exits: its 10K at 10K becomes free and joins the 10K hole below and the 80K hole above: one 100K hole at 0');
  });
  const TIES = `scheme: dynamic
memory: 100K
placement: best-fit, worst-fit
layout: |
  hole 10K
  used 5K
  hole 20K
  used 5K
  hole 10K
  used 5K
  hole 20K
  used 25K
trace: |
  load A 8K
`;
  it('best-fit ties go to the lower address (derived)', () => {
    const sim = run(TIES);
    assert.equal(where(at(sim, 0, 1), 'A'), 0);
    assert.equal(ev(sim, 0, 1).sentence, 'A (8K) goes to the 10K hole at 0: the smallest hole large enough; of the 2 such holes, the lowest');
  });
  it('worst-fit ties go to the lower address (derived)', () => {
    const sim = run(TIES);
    assert.equal(where(at(sim, 1, 1), 'A'), 15 * K);
  });
  it('next-fit starts at the first hole that ends beyond the end of the last placement, and wraps around (derived)', () => {
    const sim = run(`scheme: dynamic
memory: 100K
placement: next-fit
trace: |
  load A 10K
  load B 10K
  load C 10K
  exit A
  load D 5K
  load E 60K
  load F 20K
  load G 10K
`);
    // D: the pointer is at 30K (end of C), so the search starts at the 70K hole above C, not at A's hole
    assert.equal(where(at(sim, 0, 5), 'D'), 30 * K);
    // E takes 60K of the 65K hole at 35K; F (20K): 5K hole at 95K too small, wraps to A's 10K hole (too small): waits
    assert.equal(where(at(sim, 0, 6), 'E'), 35 * K);
    assert.deepEqual(at(sim, 0, 7).waiting.map((w) => w.name), ['F']);
    assert.equal(ev(sim, 0, 7).examined, 2);
    // G (10K): the search starts at the 5K hole at 95K (the first ending beyond 95K), wraps to A's old hole at 0
    assert.equal(where(at(sim, 0, 8), 'G'), 0);
    assert.match(ev(sim, 0, 8).sentence, /wrapping around past the end of memory/);
  });
  it('next-fit starts from the lowest hole after a compaction (derived)', () => {
    const sim = run('scheme: dynamic\nmemory: 100K\nplacement: next-fit\ntrace: |\n  load A 10K\n  load B 10K\n  exit A\n  compact\n  load C 10K');
    assert.equal(where(at(sim, 0, 5), 'C'), 10 * K);
    assert.match(ev(sim, 0, 5).sentence, /searching from the lowest hole/);
  });
  it('compaction slides processes toward address 0 in their order and leaves one hole at the top', () => {
    const sim = run('scheme: dynamic\nmemory: 64M\nos: 8M\ntrace: |\n  load P1 20M\n  load P2 14M\n  load P3 18M\n  exit P2\n  load P4 8M\n  compact');
    const s = at(sim, 0, 6);
    assert.deepEqual(layout(s), [['P1', 20 * M], ['P4', 8 * M], ['P3', 18 * M], ['hole', 10 * M]]);
    assert.deepEqual(s.mem.segments.map((x) => x.start), [8 * M, 28 * M, 36 * M, 54 * M]);
    assert.equal(ev(sim, 0, 6).sentence, 'compaction: P3 slides toward address 0 and the 10M free is one hole at 54M');
  });
  it('when-full: compact compacts and retries when the total free would hold the process', () => {
    const sim = run('scheme: dynamic\nmemory: 40K\nwhen-full: compact\ntrace: |\n  load A 10K\n  load B 10K\n  load C 10K\n  exit A\n  exit C\n  load D 25K');
    const s = at(sim, 0, 6);
    assert.deepEqual(layout(s), [['B', 10 * K], ['D', 25 * K], ['hole', 5 * K]]);
    assert.equal(
      ev(sim, 0, 6).sentence,
      'D (25K) fits no hole (the largest hole is 20K) but 30K is free in all, so memory is compacted (B slides toward address 0 and the 30K free is one hole at 10K); it goes to the 30K hole at 10K: the first hole large enough',
    );
  });
  it('when-full: compact still waits when the total free memory is too small', () => {
    const sim = run('scheme: dynamic\nmemory: 40K\nwhen-full: compact\ntrace: |\n  load A 10K\n  load B 10K\n  load C 10K\n  exit A\n  load D 25K');
    assert.deepEqual(at(sim, 0, 5).waiting.map((w) => w.name), ['D']);
    assert.equal(ev(sim, 0, 5).sentence, 'D (25K) waits: the largest hole is 10K, and only 20K is free in all, too little even after compaction');
  });
  it('when-full: swap swaps out the processes resident longest, as many as needed', () => {
    const sim = run('scheme: dynamic\nmemory: 40K\nwhen-full: swap\ntrace: |\n  load A 10K\n  load B 10K\n  load C 10K\n  load D 15K');
    const s = at(sim, 0, 4);
    assert.deepEqual(s.swapped.map((p) => p.name), ['A', 'B']);
    assert.deepEqual(layout(s), [['D', 15 * K], ['hole', 5 * K], ['C', 10 * K], ['hole', 10 * K]]);
    assert.deepEqual(ev(sim, 0, 4).swappedOut, ['A', 'B']);
    assert.match(ev(sim, 0, 4).sentence, /^D \(15K\) fits no hole \(the largest hole is 10K\), so A and B, resident longest, are swapped out; it goes to the 20K hole at 0/);
  });
  it('when-full: swap waits when even swapping out every process would leave no hole large enough (derived)', () => {
    const sim = run('scheme: dynamic\nmemory: 40K\nwhen-full: swap\nlayout: |\n  hole 15K\n  used 10K\ntrace: |\n  load A 10K\n  load B 16K');
    assert.deepEqual(at(sim, 0, 2).waiting.map((w) => w.name), ['B']);
    assert.deepEqual(at(sim, 0, 2).swapped, []);
    assert.match(ev(sim, 0, 2).sentence, /even swapping out every process would leave at most 15K in one piece/);
  });
  it('a swapped-out process comes back with swap-in, placed by the policy, or waits', () => {
    const sim = run('scheme: dynamic\nmemory: 30K\ntrace: |\n  load A 10K\n  swap-out A\n  load B 25K\n  swap-in A\n  exit B');
    assert.equal(ev(sim, 0, 4).sentence, 'A (10K) cannot be swapped back in yet and waits: the largest hole is 5K');
    assert.equal(ev(sim, 0, 5).sentence, 'B exits: its 25K at 0 becomes free and joins the 5K hole above: one 30K hole at 0; then A (10K), waiting to be swapped back in, goes to the 30K hole at 0: the first hole large enough');
    assert.equal(where(at(sim, 0, 5), 'A'), 0);
  });
});

describe('dynamic partitioning: admission', () => {
  it('a load that fits is placed at once even while others wait', () => {
    const sim = run('scheme: dynamic\nmemory: 30K\ntrace: |\n  load A 20K\n  load B 20K\n  load C 5K');
    const s = at(sim, 0, 3);
    assert.deepEqual(s.waiting.map((w) => w.name), ['B']);
    assert.equal(where(s, 'C'), 20 * K);
  });
  it('when memory is freed, waiting processes are tried in arrival order and each that fits is placed (a small one may pass a larger one)', () => {
    const sim = run('scheme: dynamic\nmemory: 30K\ntrace: |\n  load A 28K\n  load B 20K\n  load C 15K\n  load D 3K\n  exit A');
    const e = ev(sim, 0, 5);
    assert.deepEqual(e.placed.map((p) => p.name), ['B', 'D']);
    assert.deepEqual(at(sim, 0, 5).waiting.map((w) => w.name), ['C']);
    assert.match(e.sentence, /^A exits: .*; then waiting B \(20K\) goes to .*; then waiting D \(3K\) goes to/);
  });
  it('a process larger than the memory outside the OS is refused in its sentence, not queued', () => {
    const sim = run('scheme: dynamic\nmemory: 64M\nos: 8M\ntrace: |\n  load BIG 57M\n  load BIG 10M');
    assert.equal(ev(sim, 0, 1).refused, true);
    assert.equal(ev(sim, 0, 1).sentence, 'BIG (57M) is refused: it is larger than the memory outside the OS (56M), so it can never be loaded; it would need overlays');
    assert.deepEqual(at(sim, 0, 1).waiting, []);
    assert.equal(where(at(sim, 0, 2), 'BIG'), 8 * M);
  });
  it('a waiting process may exit, and a swapped-out process may exit', () => {
    const sim = run('scheme: dynamic\nmemory: 30K\ntrace: |\n  load A 20K\n  load B 20K\n  exit B\n  swap-out A\n  exit A');
    assert.equal(ev(sim, 0, 3).sentence, 'B exits while still waiting: it leaves the queue without having run');
    assert.equal(ev(sim, 0, 5).sentence, 'A exits while swapped out: it frees no memory');
    const s = at(sim, 0, 5);
    assert.deepEqual([s.waiting, s.swapped], [[], []]);
  });
  it('names may be reused after exit', () => {
    const sim = run('scheme: dynamic\nmemory: 30K\ntrace: |\n  load A 20K\n  exit A\n  load A 5K');
    assert.equal(at(sim, 0, 3).mem.segments[0]!.size, 5 * K);
  });
  it('a starting layout: holes merge, processes are resident and may exit, memory beyond it is one more hole', () => {
    const sim = run('scheme: dynamic\nmemory: 100K\nos: 10K\nlayout: |\n  hole 10K\n  hole 5K\n  P1 20K\n  used 5K\ntrace: |\n  exit P1');
    assert.deepEqual(layout(at(sim, 0, 0)), [['hole', 15 * K], ['P1', 20 * K], ['used', 5 * K], ['hole', 50 * K]]);
    assert.deepEqual(layout(at(sim, 0, 1)), [['hole', 35 * K], ['used', 5 * K], ['hole', 50 * K]]);
  });
});

describe('dynamic partitioning: metrics', () => {
  it('utilisation, external fragmentation, hole count, largest hole and total free (Stallings figure)', () => {
    const t = run(STALLINGS).runs[0]!;
    assert.deepEqual(t.metricsAt(t.length), {
      utilisation: 0.714,
      externalFragmentation: 0.625,
      holeCount: 3,
      largestHole: 6 * M,
      totalFree: 16 * M,
      holesExamined: 2,
      waiting: 0,
      swappedOut: 1,
    });
  });
  it('holes examined: first-fit stops at the first fit, best-fit looks at all, a failed search counts every hole (Silberschatz exercise)', () => {
    const sim = run(SILBERSCHATZ('first-fit, best-fit'));
    // first-fit: A looks at 100K and 500K; B at all five; C at 100K and 288K; D fails after all five
    assert.deepEqual([1, 2, 3, 4].map((i) => ev(sim, 0, i).examined), [2, 5, 2, 5]);
    assert.deepEqual([1, 2, 3, 4].map((i) => ev(sim, 1, i).examined), [5, 5, 5, 5]);
    assert.equal(sim.runs[0]!.metricsAt(4).holesExamined, 14);
  });
  it('holes examined: a search with a single hole in memory has no choice to make and costs nothing (the rule behind the report contract\'s example)', () => {
    const sim = run('scheme: dynamic\nmemory: 30K\nplacement: best-fit\ntrace: |\n  load A 10K\n  load B 40K\n  load C 30K');
    assert.deepEqual([1, 2, 3].map((i) => ev(sim, 0, i).examined), [0, 0, 0]);
  });
  it('external fragmentation is 0 when nothing is free', () => {
    const t = run('scheme: dynamic\nmemory: 30K\ntrace: |\n  load A 30K').runs[0]!;
    assert.equal(t.metricsAt(1).externalFragmentation, 0);
    assert.equal(t.metricsAt(1).utilisation, 1);
  });
});

describe('dynamic partitioning: views of a state', () => {
  it('the table has one row per step (and one for the start) with the memory map, holes and queues', () => {
    const t = run(STALLINGS).runs[0]!;
    const table = t.scheme.table(t, 1, t.length);
    assert.deepEqual(table.head.map((c) => c.text), ['step', 'operation', 'memory from address 0', 'holes', 'waiting', 'swapped out']);
    assert.equal(table.rows.length, 8);
    assert.deepEqual(table.rows[5]!.map((c) => c.text), [
      '5',
      'load P4 8M',
      'OS 8M | P1 20M | P4 8M | hole 6M | P3 18M | hole 4M',
      '6M at 36M, 4M at 60M',
      '',
      'P2',
    ]);
    assert.equal(table.rows[5]![1]!.title, 'P4 (8M) goes to the 14M hole at 28M: the first hole large enough');
  });
  it('the memory map for a memory bar: every block from address 0 with its kind, in bytes', () => {
    const t = run(STALLINGS).runs[0]!;
    const blocks = (t.scheme as ContiguousScheme).blocks(t.config, t.run, t.final);
    assert.deepEqual(blocks.map((b) => [b.kind, b.start / M, b.size / M, b.text]), [
      ['os', 0, 8, 'OS 8M'],
      ['process', 8, 14, 'P2 14M'],
      ['hole', 22, 6, 'hole 6M'],
      ['process', 28, 8, 'P4 8M'],
      ['hole', 36, 6, 'hole 6M'],
      ['process', 42, 18, 'P3 18M'],
      ['hole', 60, 4, 'hole 4M'],
    ]);
  });
  it('a table cell spells out the first 40 blocks and sums up the rest, so long traces stay readable', () => {
    const loads = Array.from({ length: 60 }, (_, i) => `  load P${i} 1K`).join('\n');
    const t = run(`scheme: dynamic\nmemory: 1M\ntrace: |\n${loads}\n`).runs[0]!;
    const row = t.scheme.table(t, 60, 60).rows[0]!;
    assert.match(row[2]!.text, /^P0 1K \| P1 1K \| .* \| P39 1K \| … 21 more blocks \(984K\)$/);
  });
  it('a window of the table starting after step 1 has only the steps asked for', () => {
    const t = run(STALLINGS).runs[0]!;
    assert.deepEqual(t.scheme.table(t, 3, 4).rows.map((r) => r[0]!.text), ['3', '4']);
  });
});

describe('dynamic partitioning: positioned errors', () => {
  const one = (text: string) => {
    const errors = errorsOf(text);
    assert.equal(errors.length, 1, JSON.stringify(errors));
    return errors[0]!;
  };
  it('a size that does not parse, at its column', () => {
    const e = one('scheme: dynamic\nmemory: 64M\ntrace: |\n  load P1 20Q');
    assert.deepEqual([e.line, e.column], [4, 11]);
    assert.match(e.message, /'20Q' is not a size/);
  });
  it('a size written before the name says the name comes first', () => {
    assert.match(one('scheme: dynamic\nmemory: 64M\ntrace: |\n  load 20M P1').message, /the name comes first: load NAME SIZE/);
  });
  it('a memory size that does not parse', () => {
    const e = one('scheme: dynamic\nmemory: lots\n');
    assert.deepEqual([e.line, e.column], [2, 9]);
  });
  it('a layout larger than memory, at the entry that overflows', () => {
    const e = one('scheme: dynamic\nmemory: 64M\nos: 8M\nlayout: |\n  P1 20M\n  hole 30M\n  used 10M\n');
    assert.deepEqual([e.line, e.column], [7, 3]);
    assert.match(e.message, /would end at 68M, beyond the end of memory \(64M\): the layout is 4M too large/);
  });
  it('a layout line that is not hole SIZE, used SIZE or NAME SIZE', () => {
    assert.match(one('scheme: dynamic\nmemory: 64M\nlayout: |\n  hole\n').message, /expected 'hole SIZE', 'used SIZE' or 'NAME SIZE'/);
  });
  it('an unknown operation written as two words suggests the verb they make (swap out: swap-out), and a misspelt alias its own spelling', () => {
    const e = one('scheme: dynamic\nmemory: 64M\ntrace: |\n  load P1 1M\n  swap out P1');
    assert.deepEqual([e.line, e.column], [5, 3]);
    assert.match(e.message, /unknown operation 'swap': .*; did you mean 'swap-out'\?$/);
    assert.match(one('scheme: dynamic\nmemory: 64M\ntrace: |\n  reqest P1 1M').message, /did you mean 'request'\?$/);
  });
  it('an unknown operation suggests the nearest one', () => {
    const e = one('scheme: dynamic\nmemory: 64M\ntrace: |\n  load P1 1M\n  swap-ot P1');
    assert.deepEqual([e.line, e.column], [5, 3]);
    assert.match(e.message, /unknown operation 'swap-ot': expected 'load', 'exit', 'swap-out', 'swap-in', 'compact' or 'access'; did you mean 'swap-out'\?/);
  });
  it('exiting a process that is not there, with the nearest live name', () => {
    const e = one('scheme: dynamic\nmemory: 64M\ntrace: |\n  load P1 1M\n  exit P2');
    assert.deepEqual([e.line, e.column], [5, 8]);
    assert.match(e.message, /cannot exit 'P2': no process of that name has been loaded; did you mean 'P1'\?/);
  });
  it('exiting a process twice names the line where it exited', () => {
    assert.match(one('scheme: dynamic\nmemory: 64M\ntrace: |\n  load P1 1M\n  exit P1\n  exit P1').message, /it exited at line 5/);
  });
  it('swapping out a process that is not there, or one already swapped out', () => {
    assert.match(one('scheme: dynamic\nmemory: 64M\ntrace: |\n  swap-out X').message, /cannot swap-out 'X'/);
    assert.match(one('scheme: dynamic\nmemory: 64M\ntrace: |\n  load X 1M\n  swap-out X\n  swap-out X').message, /already swapped out \(line 5\)/);
  });
  it('swapping in a process that is not swapped out (unless when-full: swap may have done it)', () => {
    assert.match(one('scheme: dynamic\nmemory: 64M\ntrace: |\n  load X 1M\n  swap-in X').message, /'X' is not swapped out/);
    assert.ok(run('scheme: dynamic\nmemory: 64M\nwhen-full: swap\ntrace: |\n  load X 1M\n  swap-in X'));
  });
  it('a duplicate live name, also against the layout', () => {
    const e = one('scheme: dynamic\nmemory: 64M\ntrace: |\n  load P1 1M\n  load P1 2M');
    assert.deepEqual([e.line, e.column], [5, 8]);
    assert.match(e.message, /a process named 'P1' is still alive \(loaded at line 4\)/);
    assert.match(one('scheme: dynamic\nmemory: 64M\nlayout: |\n  P1 1M\ntrace: |\n  load P1 2M').message, /still alive \(loaded at line 4\)/);
  });
  it('an exit of a refused process says it was refused', () => {
    assert.match(one('scheme: dynamic\nmemory: 1M\ntrace: |\n  load A 2M\n  exit A').message, /it was refused at line 4/);
  });
  it('an unknown placement policy or when-full value suggests the nearest', () => {
    assert.match(one('scheme: dynamic\nmemory: 1M\nplacement: first-fit, bset-fit').message, /did you mean 'best-fit'\?/);
    assert.match(one('scheme: dynamic\nmemory: 1M\nwhen-full: compcat').message, /did you mean 'compact'\?/);
  });
  it('an OS region as large as memory, and a missing memory', () => {
    assert.match(one('scheme: dynamic\nmemory: 8M\nos: 8M').message, /must be smaller than memory/);
    assert.match(one('scheme: dynamic\nos: 8M').message, /missing key 'memory'/);
  });
  it('lines count from the markdown file when the block is inside one', () => {
    const e = errorsOf('scheme: dynamic\nmemory: 64M\ntrace: |\n  lod P1 1M', { lineOffset: 10 })[0]!;
    assert.equal(e.line, 14);
    assert.match(e.message, /did you mean 'load'\?/);
  });
});
