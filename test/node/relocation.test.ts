import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { reportBlock, type ContiguousEvent } from '../../engine/index.js';
import type { RelocationEvent } from '../../engine/schemes/relocation/index.js';
import { errorsOf, run } from './helpers.js';

const K = 1024;
const events = (text: string) => {
  const t = run(text).runs[0]!;
  return Array.from({ length: t.length }, (_, i) => t.eventAt(i + 1) as RelocationEvent);
};

describe('relocation (base and bounds): worked examples', () => {
  it('OSTEP, Address Translation, dynamic relocation: base 32K, a 16K address space; virtual 128 is physical 32896, an address at or past 16K traps', () => {
    const [a, b, c] = events('scheme: relocation\nbase: 32K\nbounds: 16K\naccess: 128 16384 20000\n');
    assert.deepEqual([a!.physical, a!.trap], [32896, null]);
    assert.deepEqual([b!.physical, b!.trap], [null, 'out of bounds']);
    assert.deepEqual([c!.physical, c!.trap], [null, 'out of bounds']);
  });
  it('OSTEP, Address Translation, the example translations: base 16K, 4K address space; 0 -> 16K, 1K -> 17K, 3000 -> 19384, 4400 faults', () => {
    const es = events('scheme: base-and-bounds\nbase: 16K\nlimit: 4K\naccess: 0 1K 3000 4400\n'.replace('1K', '1024'));
    assert.deepEqual(es.map((e) => e.physical), [16 * K, 17 * K, 19384, null]);
    assert.deepEqual(es.map((e) => e.trap), [null, null, null, 'out of bounds']);
  });
  it('Silberschatz, OS Concepts, the relocation register figure: relocation register 14000, logical 346 -> physical 14346 (bounds 1000 derived: the figure gives none)', () => {
    const [e] = events('scheme: relocation\nbase: 14000\nbounds: 1000\naccess: 346\n');
    assert.equal(e!.physical, 14346);
  });
  it('each sentence says why: the comparison and the sum, or the trap', () => {
    const es = events('scheme: relocation\nbase: 32768\nbounds: 4096\naccess: 1000 4400 0x3E8\n');
    assert.equal(es[0]!.sentence, 'address 1000 of P: 1000 < bounds 4096, so the physical address is base 32768 + 1000 = 33768');
    assert.equal(es[1]!.sentence, 'address 4400 of P is not below bounds 4096: the hardware traps (out of bounds)');
    assert.match(es[2]!.sentence, /^address 0x3E8 \(1000\) of P: 1000 < bounds 4096/);
  });
  it('the report: op is access ADDRESS; process, address, base, bounds, physical, trap on every step; final has metrics and mermaid', () => {
    const r = reportBlock('scheme: base-bounds\nbase: 32K\nbounds: 16K\naccess: 128 20000\n', 3, 0);
    assert.ok(!('errors' in r));
    const run0 = r.runs[0]! as { steps: Record<string, unknown>[]; final: unknown };
    assert.deepEqual(run0.steps[0], {
      line: 4, op: 'access 128', process: 'P', address: 128, base: 32768, bounds: 16384, physical: 32896, trap: null,
      sentence: 'address 128 of P: 128 < bounds 16384, so the physical address is base 32768 + 128 = 32896',
    });
    assert.equal((run0.steps[1] as { trap: unknown }).trap, 'out of bounds');
    const final = run0.final as { metrics: Record<string, number>; mermaid: string };
    assert.deepEqual(final.metrics, { accesses: 2, translated: 1, traps: 1 });
    assert.match(final.mermaid, /^flowchart LR/);
    assert.match(final.mermaid, /trap: out of bounds/);
  });
  it('the diagram escapes its labels: the comparison < becomes an entity', () => {
    const r = reportBlock('scheme: relocation\nbase: 0\nbounds: 16\naccess: 3\n', 1, 0);
    assert.ok(!('errors' in r));
    const m = (r.runs[0]!.final as { mermaid: string }).mermaid;
    assert.match(m, /3 #60; 16#63;/);
    assert.match(m, /physical address 3/);
    assert.doesNotMatch(m, /</);
  });
  it('the table alternative: a row per access with the address, whether it is in bounds, and the physical address or the trap', () => {
    const t = run('scheme: relocation\nbase: 32K\nbounds: 16K\naccess: 128 20000\n').runs[0]!;
    const m = t.scheme.table(t, 1, 2);
    assert.deepEqual(m.rows.map((r) => r.map((c) => c.text)), [['1', '128', 'yes', '32896'], ['2', '20000', 'no', 'trap: out of bounds']]);
  });
  it('memory defaults to the smallest power of two that holds base + bounds (OSTEP draws 64K)', () => {
    const t = run('scheme: relocation\nbase: 32K\nbounds: 16K\naccess: 1\n').runs[0]!;
    assert.equal((t.config as { memory: number }).memory, 64 * K);
  });
});

describe('access NAME ADDRESS in contiguous traces: the process start is the base, its size the bounds', () => {
  // Stallings, OS Internals, the relocation hardware figure, as a trace (addresses derived).
  const STALLINGS = `scheme: dynamic
memory: 64M
os: 8M
trace: |
  load P1 20M
  load P2 14M
  access P2 1000
  access P2 15M
  swap-out P1
  access P1 10
  exit P1
`.replace('15M', String(15 * K * K));
  const ev = (text: string, step: number) => run(text).runs[0]!.eventAt(step) as ContiguousEvent;
  it('Stallings, the relocation hardware figure, as a dynamic trace (derived): P2 at 28M, address 1000 -> 28M + 1000', () => {
    const e = ev(STALLINGS, 3);
    assert.deepEqual(e.access && { ...e.access }, { process: 'P2', address: 1000, base: 28 * K * K, bounds: 14 * K * K, physical: 28 * K * K + 1000, trap: null, hex: false });
    assert.equal(ev(STALLINGS, 4).access!.trap, 'out of bounds');
  });
  it('a process swapped out or waiting has no base: the trap is "not resident"', () => {
    const e = ev(STALLINGS, 6);
    assert.deepEqual([e.access!.base, e.access!.physical, e.access!.trap], [null, null, 'not resident']);
    assert.match(e.sentence, /swapped out/);
  });
  it('an access never changes memory: the state after it is the state before', () => {
    const t = run(STALLINGS).runs[0]!;
    for (const step of [3, 4, 6]) {
      const before = t.stateAt(step - 1);
      assert.equal(t.scheme.apply(t.config, t.run, before, step - 1).state, before);
    }
  });
  it('fixed partitioning: the base is the partition start, the bounds the process size, not the partition', () => {
    const e = ev('scheme: fixed\nmemory: 64M\nos: 8M\npartitions: 8M, 8M\ntrace: |\n  load A 5M\n  access A 5242880\n', 2);
    assert.deepEqual([e.access!.base, e.access!.bounds, e.access!.trap], [8 * K * K, 5 * K * K, 'out of bounds']);
  });
  it('the report carries the translation on the access step and the diagram draws it', () => {
    const r = reportBlock('scheme: dynamic\nmemory: 64K\ntrace: |\n  load A 4K\n  access A 0x10\n', 1, 0);
    assert.ok(!('errors' in r));
    const s = (r.runs[0]! as { steps: Record<string, unknown>[] }).steps[1]!;
    assert.deepEqual([s.op, s.process, s.address, s.base, s.bounds, s.physical, s.trap], ['access A 0x10', 'A', 16, 0, 4096, 16, null]);
    assert.match((r.runs[0]!.final as { mermaid: string }).mermaid, /physical address 16/);
  });
});

describe('relocation: positioned errors', () => {
  const one = (text: string) => {
    const errors = errorsOf(text);
    assert.equal(errors.length, 1, JSON.stringify(errors));
    return errors[0]!;
  };
  it('a missing base or bounds names the key', () => {
    assert.match(one('scheme: relocation\nbounds: 16K\naccess: 1\n').message, /missing key 'base'/);
    assert.match(one('scheme: relocation\nbase: 16K\naccess: 1\n').message, /missing key 'bounds'/);
    assert.match(one('scheme: relocation\nbase: 16K\nbounds: 1K\n').message, /missing key 'access'/);
  });
  it('a bound that is not a positive size', () => {
    const e = one('scheme: relocation\nbase: 16K\nbounds: 0\naccess: 1\n');
    assert.deepEqual([e.line, e.column], [3, 9]);
    assert.match(e.message, /bounds: expected a size in bytes of at least 1, got '0'/);
    assert.match(one('scheme: relocation\nbase: 16K\nlimit: -4\naccess: 1\n').message, /is not a size/);
  });
  it('the register form with a trace: they exclude each other', () => {
    const e = one('scheme: relocation\nbase: 16K\nbounds: 4K\naccess: 1\ntrace: |\n  load A 1K\n');
    assert.deepEqual([e.line, e.column], [5, 1]);
    assert.match(e.message, /trace and the register form .* exclude each other/);
  });
  it('an address that is not a number, a segment:offset, a size with a unit, too large', () => {
    const e = one('scheme: relocation\nbase: 16K\nbounds: 4K\naccess: 1 x12 3\n');
    assert.deepEqual([e.line, e.column], [4, 11]);
    assert.match(e.message, /'x12' is not an address: expected a decimal or 0x number such as 1000/);
    assert.match(one('scheme: relocation\nbase: 0\nbounds: 4K\naccess: 2:10\n').message, /'2:10' is not an address: expected a decimal or 0x number such as 1000 \(a flat address\)/);
    assert.match(one('scheme: relocation\nbase: 0\nbounds: 4K\naccess: 99999999999999999\n').message, /too large/);
  });
  it('a region past memory', () => {
    assert.match(one('scheme: relocation\nbase: 60K\nbounds: 8K\nmemory: 64K\naccess: 1\n').message, /past memory \(64K\)/);
  });
  it('in a trace: an access to a process that is not live, a missing address, an address that is not a number, an unknown operation', () => {
    const d = 'scheme: dynamic\nmemory: 64M\ntrace: |\n  load A 1M\n';
    const e = one(`${d}  access B 10\n`);
    assert.deepEqual([e.line, e.column], [5, 10]);
    assert.match(e.message, /cannot access 'B': no process of that name has been loaded; did you mean 'A'\?/);
    assert.match(one(`${d}  exit A\n  access A 10\n`).message, /cannot access 'A': it exited at line 5/);
    assert.match(one(`${d}  access A\n`).message, /'access' expects a name and an address: access NAME ADDRESS/);
    assert.match(one(`${d}  access A 1M\n`).message, /'1M' is not an address/);
    assert.match(one(`${d}  acess A 1\n`).message, /unknown operation 'acess'.*did you mean 'access'\?/);
  });
});
