import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MAX_STATE_ENTRIES, parseScenario, simulate, writeReport } from '../../engine/index.js';
import { errorsOf, run } from './helpers.js';

const only = (text: string) => {
  const errors = errorsOf(text);
  assert.equal(errors.length, 1, errors.map((e) => e.message).join('; '));
  return errors[0]!;
};

describe('the work cap counts what a step costs, not only steps', () => {
  it('a million frames for a hundred references (100 million frame entries) is refused at frames', () => {
    const refs = Array.from({ length: 100 }, (_, i) => i % 7).join(' ');
    const e = only(`scheme: vm-paging\nrefs: ${refs}\nframes: 1000000\n`);
    assert.deepEqual([e.line, e.column], [3, 1]);
    assert.match(e.message, /state entries/);
    assert.match(e.message, /the limit is 50,000,000/);
  });
  it('a long reference string over many frame counts is refused at refs, the larger factor', () => {
    const refs = '1 2 3 4 5 6 7 8 9 '.repeat(20_000); // 180,000 references
    const e = only(`scheme: vm-paging\nframes: 100, 200\nrefs: ${refs}\n`);
    assert.deepEqual([e.line, e.column], [3, 1]);
    assert.match(e.message, /state entries/);
  });
  it('a million frames for ten references is within the cap (10 million entries)', () => {
    const sim = run('scheme: vm-paging\nframes: 1000000\nrefs: 1 2 3 1 4 5 1 2 6 7\n');
    assert.equal(sim.runs[0]!.final.faults, 7);
  });
  it('the 200,000-reference trace with 100 frames is within both caps (20 million entries)', () => {
    const refs = Array.from({ length: 200_000 }, (_, i) => (i * 7919) % 250).join(' ');
    const r = parseScenario(`scheme: vm-paging\nframes: 100\npolicy: FIFO, LRU\nrefs: ${refs}\n`);
    assert.equal(r.ok, true);
  });
  it('a buddy memory of 2^40 bytes with 2,000 loads that stay (up to 60 million blocks over the steps) is refused at trace', () => {
    const loads = Array.from({ length: 2000 }, (_, i) => `  load P${i} 1`).join('\n');
    const e = only(`scheme: buddy\nmemory: 1099511627776\ntrace: |\n${loads}\n`);
    assert.deepEqual([e.line, e.column], [3, 1]);
    assert.match(e.message, /state entries/);
  });
  it('dynamic partitioning with a trace of live processes is bounded by the processes alive at each step', () => {
    // 2,000 loads that exit at once never have more than one process alive: far under the cap.
    const trace = Array.from({ length: 2000 }, (_, i) => `  load P${i} 1K\n  exit P${i}`).join('\n');
    assert.equal(parseScenario(`scheme: dynamic\nmemory: 1M\ntrace: |\n${trace}\n`).ok, true);
  });
});

describe('a sparse state stays small', () => {
  const text = 'scheme: vm-paging\nframes: 1000000\npolicy: FIFO, CLOCK\nrefs: 1 2 3 1 4 5 1 2 6 7\n';
  it('a run keeps only the frames its pages can fill (empty frames fill lowest first)', () => {
    const t = run(text).runs[0]!;
    assert.equal(t.final.capacity, 7);
    assert.equal(t.final.frameCount, 1_000_000);
  });
  it('the table and the Mermaid diagram draw the never-filled frames as one row and one node', () => {
    for (const t of run(text).runs) {
      const model = t.scheme.table(t, 1, t.length);
      assert.deepEqual(model.rows.map((r) => r[0]!.text).slice(6), ['frame 6', 'frames 7 to 999999', 'fault']);
      const mermaid = t.mermaidAt(t.length);
      assert.ok(mermaid.split('\n').length < 40);
      assert.match(mermaid, /frames 7 to 999999: empty/);
    }
  });
  it('the report still lists every frame in contents, as the contract says', () => {
    const r = parseScenario(text.replace('1000000', '100000'));
    assert.ok(r.ok);
    let out = '';
    writeReport([{ line: 1, parsed: r }], (s) => (out += s));
    const report = JSON.parse(out);
    const step = report[0].runs[0].steps[9];
    assert.equal(step.contents.length, 100_000);
    assert.deepEqual(step.contents.slice(0, 8), [1, 2, 3, 4, 5, 6, 7, null]);
    assert.equal(report[0].runs[1].final.contents.length, 100_000);
  });
  it('one frame more than the pages keeps the textbook row of that frame', () => {
    const t = simulate((parseScenario('scheme: vm-paging\nframes: 4\nrefs: 1 2 3\n') as any).scenario).runs[0]!;
    assert.deepEqual(t.scheme.table(t, 1, 3).rows.map((r) => r[0]!.text), ['frame 0', 'frame 1', 'frame 2', 'frame 3', 'fault']);
  });
  it('the cap is 50 million entries', () => assert.equal(MAX_STATE_ENTRIES, 50_000_000));
});
