import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ContiguousEvent } from '../../engine/index.js';
import { errorsOf, run } from './helpers.js';

/** The trace language shared by fixed, dynamic and buddy: checked once here on all three. */
const HEADS = {
  dynamic: 'scheme: dynamic\nmemory: 64K\n',
  fixed: 'scheme: fixed\npartitions: 4 x 16K\n',
  buddy: 'scheme: buddy\nmemory: 64K\n',
};

const ops = (sim: ReturnType<typeof run>) => sim.runs[0]!.events.map((e) => [(e as ContiguousEvent).kind, (e as ContiguousEvent).name, e.line]);

describe('contiguous trace: the operations every contiguous scheme reads', () => {
  for (const [scheme, head] of Object.entries(HEADS)) {
    it(`${scheme}: one operation per line, # comments and blank lines skipped, lines counted in the scenario`, () => {
      const sim = run(`${head}trace: |\n  # the first process\n  load A 4K   # four kilobytes\n\n  exit A\n`);
      assert.deepEqual(ops(sim), [['load', 'A', 5], ['exit', 'A', 7]]);
    });
    it(`${scheme}: Stallings' words request and release, and any letter case, are accepted`, () => {
      const sim = run(`${head}trace: |\n  Request A 4K\n  SWAP_OUT A\n  swapin A\n  release A\n`);
      assert.deepEqual(ops(sim).map((o) => o[0]), ['load', 'swap-out', 'swap-in', 'exit']);
    });
    it(`${scheme}: a trace may be a YAML list of operations`, () => {
      const sim = run(`${head}trace:\n  - load A 4K\n  - exit A\n`);
      assert.deepEqual(ops(sim).map((o) => o[0]), ['load', 'exit']);
    });
  }
  it('a scenario without a trace has no steps, only its starting memory', () => {
    assert.equal(run(HEADS.fixed).runs[0]!.length, 0);
  });
  it('an operation without its arguments, or with too many, says what it expects', () => {
    assert.match(errorsOf(`${HEADS.dynamic}trace: |\n  load A\n`)[0]!.message, /'load' expects a name and a size: load NAME SIZE \(load P1 20M\)/);
    assert.match(errorsOf(`${HEADS.dynamic}trace: |\n  exit\n`)[0]!.message, /'exit' expects a process name: exit NAME/);
    const e = errorsOf(`${HEADS.dynamic}trace: |\n  load A 4K B\n`)[0]!;
    assert.deepEqual([e.line, e.column], [4, 13]);
    assert.match(e.message, /unexpected 'B' after load A 4K/);
    assert.match(errorsOf(`${HEADS.dynamic}trace: |\n  compact now\n`)[0]!.message, /unexpected 'now' after compact/);
  });
  it('hole and used are layout words, not process names; a size of 0 is refused', () => {
    assert.match(errorsOf(`${HEADS.dynamic}trace: |\n  load hole 4K\n`)[0]!.message, /'hole' is a layout word/);
    assert.match(errorsOf(`${HEADS.dynamic}trace: |\n  load A 0\n`)[0]!.message, /at least 1 byte/);
  });
  it('every error of a trace is reported in one pass', () => {
    const errors = errorsOf(`${HEADS.buddy}trace: |\n  lod A 1K\n  load B 1Q\n  exit C\n`);
    assert.deepEqual(errors.map((e) => e.line), [4, 5, 6]);
  });
  it('a name may be used again after its process exits, and is followed through swaps', () => {
    const sim = run(`${HEADS.dynamic}trace: |\n  load A 4K\n  swap-out A\n  swap-in A\n  exit A\n  load A 8K\n`);
    assert.equal(sim.runs[0]!.length, 5);
  });
});
