import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ContiguousEvent, FixedState } from '../../engine/index.js';
import { errorsOf, run } from './helpers.js';

const K = 1024;
const M = 1024 * 1024;

const EQUAL = 'scheme: fixed\nmemory: 64M\nos: 8M\npartitions: 7 x 8M\n';
const UNEQUAL = 'scheme: fixed\nmemory: 64M\nos: 8M\npartitions: 2M, 4M, 6M, 8M, 8M, 12M, 16M\n';
/** Tanenbaum's figure: the OS below 100K, partitions 1 to 4 at 100K, 200K, 400K and 700K, up to 800K. */
const TANENBAUM = 'scheme: fixed\nmemory: 800K\nos: 100K\npartitions: 100K, 200K, 300K, 100K\n';

const trace = (...ops: string[]) => `trace: |\n${ops.map((o) => `  ${o}`).join('\n')}\n`;
/** Partition index -> holder name (null when free). */
const holders = (s: FixedState) => s.mem.holders.map((h) => h?.name ?? null);
const ev = (sim: ReturnType<typeof run>, step: number) => sim.runs[0]!.eventAt(step) as ContiguousEvent;
const at = (sim: ReturnType<typeof run>, step: number) => sim.runs[0]!.stateAt(step) as FixedState;

describe('fixed partitioning: worked examples', () => {
  it("Stallings, OS Internals, fixed partitioning figure (equal-size): 64M with an 8M OS is seven 8M partitions from 8M up", () => {
    const sim = run(EQUAL + trace('load A 1M'));
    const r = sim.runs[0]!.scheme.finalReport(sim.runs[0]!.config, sim.runs[0]!.run, at(sim, 0)) as any;
    assert.deepEqual(r.partitions.map((p: any) => [p.start / M, p.size / M]), [[8, 8], [16, 8], [24, 8], [32, 8], [40, 8], [48, 8], [56, 8]]);
    assert.deepEqual(r.holes, []);
  });
  it('Stallings, equal-size partitions: any program occupies a whole partition, so a 2M program wastes 6M (internal fragmentation)', () => {
    const sim = run(EQUAL + trace('load A 2M'));
    assert.equal(ev(sim, 1).sentence, 'A (2M) takes partition 0 (8M): the smallest free partition that fits; 6M is lost inside it');
    assert.equal(sim.runs[0]!.metricsAt(1).internalFragmentation, 6 * M);
  });
  it('Stallings, equal-size partitions: a program too big for a partition is refused, it would need overlays', () => {
    const sim = run(EQUAL + trace('load BIG 9M'));
    assert.equal(ev(sim, 1).sentence, 'BIG (9M) is refused: it is larger than every partition (the largest is 8M), so it can never be loaded; it would need overlays');
    assert.deepEqual(at(sim, 1).waiting, []);
  });
  it('Stallings, equal-size partitions: the eighth process waits until one of the seven leaves', () => {
    const loads = Array.from({ length: 8 }, (_, i) => `load P${i} 1M`);
    const sim = run(EQUAL + trace(...loads, 'exit P3'));
    assert.deepEqual(at(sim, 8).waiting.map((w) => w.name), ['P7']);
    assert.equal(ev(sim, 8).sentence, 'P7 (1M) waits: every partition is taken');
    assert.equal(holders(at(sim, 9))[3], 'P7');
  });
  it('Stallings, unequal-size partitions (2M, 4M, 6M, 8M, 8M, 12M, 16M), a single queue: each process gets the smallest free partition that fits', () => {
    const sim = run(UNEQUAL + trace('load A 5M', 'load B 7M', 'load C 7M', 'load D 7M', 'load E 1M'));
    assert.deepEqual(holders(at(sim, 5)), ['E', null, 'A', 'B', 'C', 'D', null]);
    assert.equal(ev(sim, 2).sentence, 'B (7M) takes partition 3 (8M): the smallest free partition that fits; 1M is lost inside it');
    assert.equal(ev(sim, 4).sentence, 'D (7M) takes partition 5 (12M): the smallest free partition that fits; 5M is lost inside it');
  });
  it('Stallings, unequal-size partitions, one queue per partition: a 7M process waits for partition 3 while partition 4 (also 8M) and larger ones stand free', () => {
    const sim = run(UNEQUAL + 'queue: per-partition\n' + trace('load B 7M', 'load C 7M', 'exit B'));
    assert.deepEqual(holders(at(sim, 2)), [null, null, null, 'B', null, null, null]);
    assert.equal(ev(sim, 2).sentence, 'C (7M) waits: it joins the queue of partition 3 (8M), the smallest partition that can hold it, which B holds, although partition 4 (8M) is free');
    assert.equal(holders(at(sim, 3))[3], 'C');
  });
  it('Tanenbaum, MOS, fixed memory partitions with separate input queues figure: small jobs queue for the small partition while the others are free (derived)', () => {
    const sim = run(TANENBAUM + 'queue: per-partition\n' + trace('load J1 50K', 'load J2 60K', 'load J3 150K'));
    const s = at(sim, 3);
    assert.deepEqual(holders(s), ['J1', 'J3', null, null]);
    assert.deepEqual(s.waiting.map((w) => w.name), ['J2']);
    const r = sim.runs[0]!.scheme.finalReport(sim.runs[0]!.config, sim.runs[0]!.run, s) as any;
    assert.deepEqual(r.queues, [{ partition: 0, waiting: ['J2'] }, { partition: 1, waiting: [] }, { partition: 2, waiting: [] }, { partition: 3, waiting: [] }]);
  });
  it('Tanenbaum, MOS, the same partitions with a single input queue (derived): J2 takes the other 100K partition', () => {
    const s = at(run(TANENBAUM + trace('load J1 50K', 'load J2 60K', 'load J3 150K')), 3);
    assert.deepEqual(holders(s), ['J1', 'J3', null, 'J2']);
    assert.deepEqual(s.mem.holders.map((h) => h?.size), [50 * K, 150 * K, undefined, 60 * K]);
  });
});

describe('fixed partitioning: rules', () => {
  it('first-fit takes the lowest free partition large enough; best-fit the smallest, the lower one on ties (derived)', () => {
    const ops = trace('load A 3M', 'load B 3M');
    const first = at(run(UNEQUAL + 'placement: first-fit\n' + ops), 2);
    const best = at(run(UNEQUAL + ops), 2);
    assert.deepEqual(holders(first), [null, 'A', 'B', null, null, null, null]);
    assert.deepEqual(holders(best), [null, 'A', 'B', null, null, null, null]);
    const sim = run(UNEQUAL + 'placement: first-fit\n' + trace('load A 3M', 'exit A', 'load C 5M'));
    assert.equal(ev(sim, 3).sentence, 'C (5M) takes partition 2 (6M): the first free partition large enough; 1M is lost inside it');
  });
  it('a process that fits is placed at once while another waits; a freed partition goes to the first waiting process that fits (arrival order)', () => {
    const sim = run('scheme: fixed\npartitions: 4M, 8M\n' + trace('load A 8M', 'load B 6M', 'load C 5M', 'load D 3M', 'exit A'));
    assert.deepEqual(holders(at(sim, 4)), ['D', 'A']);
    assert.deepEqual(at(sim, 4).waiting.map((w) => w.name), ['B', 'C']);
    assert.deepEqual(ev(sim, 5).placed.map((p) => p.name), ['B']);
    assert.match(ev(sim, 5).sentence, /^A exits: partition 1 \(8M\) is free again; then waiting B \(6M\) takes partition 1 \(8M\)/);
    assert.deepEqual(at(sim, 5).waiting.map((w) => w.name), ['C']);
  });
  it('a process may be swapped out and in, and a swapped-out or waiting process may exit', () => {
    const sim = run('scheme: fixed\npartitions: 4M\n' + trace('load A 4M', 'load B 2M', 'swap-out A', 'swap-in A', 'exit A', 'exit B'));
    assert.equal(ev(sim, 3).sentence, 'A is swapped out: partition 0 (4M) is free again; then waiting B (2M) takes partition 0 (4M): the smallest free partition that fits; 2M is lost inside it');
    assert.equal(ev(sim, 4).sentence, 'A (4M) cannot be swapped back in yet and waits: every partition is taken');
    assert.equal(ev(sim, 5).sentence, 'A exits while still waiting: it leaves the queue without having run');
    assert.deepEqual(holders(at(sim, 6)), [null]);
  });
  it('memory the partitions leave over is unused, reported as a hole, and not counted as free', () => {
    const t = run('scheme: fixed\nmemory: 64M\nos: 8M\npartitions: 3 x 16M\n').runs[0]!;
    const r = t.scheme.finalReport(t.config, t.run, t.final) as any;
    assert.deepEqual(r.holes, [{ start: 56 * M, size: 8 * M }]);
    assert.equal(r.metrics.unused, 8 * M);
    assert.equal(r.metrics.totalFree, 48 * M);
  });
  it('without memory, memory is the OS region plus the partitions', () => {
    const t = run('scheme: fixed\nos: 1M\npartitions: 2 x 3M\n').runs[0]!;
    assert.equal(t.config.memory, 7 * M);
  });
  it('metrics: internal fragmentation per partition and in total, utilisation, processes waiting', () => {
    const t = run(UNEQUAL + trace('load A 5M', 'load B 7M', 'load C 20M', 'load D 15M', 'load E 16M')).runs[0]!;
    const r = t.scheme.finalReport(t.config, t.run, t.final) as any;
    assert.deepEqual(r.partitions.map((p: any) => p.wasted / M), [0, 0, 1, 1, 0, 0, 1]);
    assert.equal(r.metrics.internalFragmentation, 3 * M);
    assert.equal(r.metrics.utilisation, Math.round((27 / 56) * 1000) / 1000);
    assert.equal(r.metrics.waiting, 1);
  });
  it('the table shows partitions with their holders and waste, free partitions, and each queue', () => {
    const t = run(UNEQUAL + 'queue: per-partition\n' + trace('load B 7M', 'load C 7M')).runs[0]!;
    const table = t.scheme.table(t, 1, 2);
    assert.deepEqual(table.head.map((c) => c.text), ['step', 'operation', 'memory from address 0', 'free partitions', 'waiting', 'swapped out']);
    assert.deepEqual(table.rows[2]!.map((c) => c.text), [
      '2',
      'load C 7M',
      'OS 8M | #0 free 2M | #1 free 4M | #2 free 6M | #3 B 7M/8M | #4 free 8M | #5 free 12M | #6 free 16M',
      '#0 2M, #1 4M, #2 6M, #4 8M, #5 12M, #6 16M',
      'C (#3)',
      '',
    ]);
  });
});

describe('fixed partitioning: positioned errors', () => {
  const one = (text: string) => {
    const errors = errorsOf(text);
    assert.equal(errors.length, 1, JSON.stringify(errors));
    return errors[0]!;
  };
  it('partitions larger than memory', () => {
    const e = one('scheme: fixed\nmemory: 64M\nos: 8M\npartitions: 8 x 8M\n');
    assert.deepEqual([e.line, e.column], [4, 13]);
    assert.match(e.message, /the partitions \(64M\) and the OS region \(8M\) add up to 72M, more than memory \(64M\)/);
  });
  it('a partition size that does not parse, at its column', () => {
    const e = one('scheme: fixed\npartitions: 2M, 4Q, 6M\n');
    assert.deepEqual([e.line, e.column], [2, 17]);
    assert.match(e.message, /'4Q' is not a size/);
  });
  it('N x without a size, and a count of zero', () => {
    assert.match(one('scheme: fixed\npartitions: 7 x\n').message, /needs a size after it/);
    assert.match(one('scheme: fixed\npartitions: 0 x 8M\n').message, /expected from 1 to 4,096 partitions/);
  });
  it('a missing partitions key', () => {
    assert.match(one('scheme: fixed\nmemory: 64M\n').message, /missing key 'partitions'/);
  });
  it('a load size that does not parse', () => {
    const e = one('scheme: fixed\npartitions: 7 x 8M\ntrace: |\n  load A lots\n');
    assert.deepEqual([e.line, e.column], [4, 10]);
  });
  it('a count that is not a number before x is one error, at the count', () => {
    const e = one('scheme: fixed\npartitions: three x 8M\n');
    assert.deepEqual([e.line, e.column], [2, 13]);
    assert.match(e.message, /^partitions: 'three' before x is not a count: expected a whole number, such as 7 x 8M$/);
  });
  it('next fit and worst fit are said to be dynamic partitioning\'s, not suggested a fixed placement', () => {
    const e = one('scheme: fixed\npartitions: 7 x 8M\nplacement: next-fit\n');
    assert.deepEqual([e.line, e.column], [3, 12]);
    assert.match(e.message, /^placement 'next-fit' is for dynamic partitioning \(scheme: dynamic\); fixed partitions are placed best-fit or first-fit$/);
    assert.match(one('scheme: fixed\npartitions: 7 x 8M\nplacement: Worst_Fit\n').message, /^placement 'Worst_Fit' is for dynamic partitioning/);
  });
  it('an unknown operation, and compact, which fixed partitions do not have', () => {
    assert.match(one('scheme: fixed\npartitions: 7 x 8M\ntrace: |\n  laod A 1M\n').message, /unknown operation 'laod': expected 'load', 'exit', 'swap-out', 'swap-in' or 'access'; did you mean 'load'\?/);
    assert.match(one('scheme: fixed\npartitions: 7 x 8M\ntrace: |\n  compact\n').message, /'compact' does not apply to fixed partitioning: partitions never move/);
  });
  it('a duplicate live name, and exiting a process that is not there', () => {
    const e = one('scheme: fixed\npartitions: 7 x 8M\ntrace: |\n  load A 1M\n  load A 2M\n');
    assert.deepEqual([e.line, e.column], [5, 8]);
    assert.match(e.message, /still alive \(loaded at line 4\)/);
    assert.match(one('scheme: fixed\npartitions: 7 x 8M\ntrace: |\n  exit A\n').message, /cannot exit 'A'/);
  });
  it('an unknown queue suggests the nearest', () => {
    assert.match(one('scheme: fixed\npartitions: 7 x 8M\nqueue: per-partiton\n').message, /did you mean 'per-partition'\?/);
  });
});
