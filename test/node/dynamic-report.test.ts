import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { main, type Io } from '../../cli/main.js';
import { reportBlock } from '../../engine/index.js';

/**
 * A markdown post laid out like the report contract's example: the vm-paging block's fence on line 3, the
 * dynamic block's fence on line 12 and its first operation on line 17. The dynamic block is
 * Stallings' figure on the effect of dynamic partitioning.
 */
const POST = [
  '# Memory management',
  '',
  '```memsim',
  'scheme: vm-paging',
  'title: FIFO, LRU and OPT on the same reference string',
  'frames: 3',
  'policy: FIFO, LRU, OPT',
  'refs: 7 0 1 2 0 3 0 4 2 3 0 3 2 1 2 0 1 7 0 1',
  '```',
  '',
  "Stallings' figure on the effect of dynamic partitioning:",
  '```memsim',
  'scheme: dynamic',
  'memory: 64M',
  'os: 8M',
  'trace: |',
  '  load P1 20M',
  '  load P2 14M',
  '  load P3 18M',
  '  swap-out P2',
  '  load P4 8M',
  '  swap-out P1',
  '  swap-in P2',
  'placement: first-fit',
  '```',
  '',
].join('\n');

function cli(files: Record<string, string>, ...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = {
    out: (s) => out.push(s),
    err: (s) => err.push(s),
    read: (p) => {
      if (!(p in files)) throw Object.assign(new Error('no such file'), { code: 'ENOENT' });
      return files[p]!;
    },
  };
  return { code: main(args, io), out: out.join('\n'), err: err.join('\n') };
}

describe('dynamic partitioning: mem-sim run --json (the report contract)', () => {
  const r = cli({ 'post.md': POST }, 'run', 'post.md', '--json');
  const report = JSON.parse(r.out) as Record<string, any>[];
  const block = report[1]!;

  it('exits 0 and reports one object per block, in file order, with the line of each opening fence', () => {
    assert.equal(r.code, 0, r.err);
    assert.deepEqual(report.map((b) => [b.scheme, b.line]), [['vm-paging', 3], ['dynamic', 12]]);
  });
  it('one run per placement policy, named in lower case', () => {
    assert.deepEqual(block.runs.map((x: any) => x.placement), ['first-fit']);
  });
  it("the first step is the report contract's example step, field for field", () => {
    const expected = {
      line: 17,
      op: 'load P1 20M',
      sentence: 'P1 (20M) goes to the 56M hole at 8M: the first hole large enough',
      os: { start: 0, size: 8388608 },
      allocations: [{ name: 'P1', start: 8388608, size: 20971520 }],
      holes: [{ start: 29360128, size: 37748736 }],
      waiting: [],
      swapped: [],
    };
    const step = block.runs[0].steps[0];
    for (const [k, v] of Object.entries(expected)) assert.deepEqual(step[k], v, k);
  });
  it("Stallings, effect of dynamic partitioning figure: the final object is the report contract's example, exactly", () => {
    const { mermaid, ...final } = block.runs[0].final;
    assert.match(mermaid, /^flowchart/); // the last step's picture, beside the contract's example fields
    assert.deepEqual(final, {
      os: { start: 0, size: 8388608 },
      allocations: [
        { name: 'P2', start: 8388608, size: 14680064 },
        { name: 'P4', start: 29360128, size: 8388608 },
        { name: 'P3', start: 44040192, size: 18874368 },
      ],
      holes: [
        { start: 23068672, size: 6291456 },
        { start: 37748736, size: 6291456 },
        { start: 62914560, size: 4194304 },
      ],
      waiting: [],
      swapped: ['P1'],
      metrics: { utilisation: 0.714, externalFragmentation: 0.625, holeCount: 3, largestHole: 6291456, totalFree: 16777216, holesExamined: 2 },
    });
  });
  it('every step has its source line, operation, sentence and memory map; sizes and addresses are bytes', () => {
    const steps = block.runs[0].steps;
    assert.deepEqual(steps.map((s: any) => s.line), [17, 18, 19, 20, 21, 22, 23]);
    assert.deepEqual(steps.map((s: any) => s.op), ['load P1 20M', 'load P2 14M', 'load P3 18M', 'swap-out P2', 'load P4 8M', 'swap-out P1', 'swap-in P2']);
    assert.deepEqual(steps[3].swapped, ['P2']);
    assert.deepEqual(steps[4].holes, [{ start: 37748736, size: 6291456 }, { start: 62914560, size: 4194304 }]);
    for (const s of steps) assert.equal(typeof s.sentence, 'string');
  });
  it('a layout with used blocks reports them as `used`, apart from the named allocations', () => {
    const b = reportBlock('scheme: dynamic\nmemory: 10K\nlayout: |\n  used 2K\n  A 3K\n', 1, 0) as any;
    assert.deepEqual(b.runs[0].final.used, [{ start: 0, size: 2048 }]);
    assert.deepEqual(b.runs[0].final.allocations, [{ name: 'A', start: 2048, size: 3072 }]);
    assert.deepEqual(b.runs[0].steps, []);
  });
  it('several placement policies give several runs, in the order the scenario lists them', () => {
    const b = reportBlock('scheme: dynamic\nmemory: 10K\nplacement: worst-fit, first-fit\ntrace: |\n  load A 1K\n', 1, 0) as any;
    assert.deepEqual(b.runs.map((x: any) => x.placement), ['worst-fit', 'first-fit']);
  });
  it('an invalid dynamic block is {line, errors} and run exits 1, errors on stderr as path:LINE:COL', () => {
    const bad = cli({ 'bad.md': 'text\n\n```memsim\nscheme: dynamic\nmemory: 64M\ntrace: |\n  lod P1 1M\n```\n' }, 'run', 'bad.md', '--json');
    assert.equal(bad.code, 1);
    const [b] = JSON.parse(bad.out);
    assert.equal(b.line, 3);
    assert.equal(b.scheme, 'dynamic');
    assert.deepEqual(b.errors.map((e: any) => [e.line, e.column]), [[7, 3]]);
    assert.match(bad.err, /^bad\.md:7:3 unknown operation 'lod'.*did you mean 'load'\?$/);
  });
});

describe('dynamic partitioning: mem-sim run and check (text)', () => {
  it('run prints each policy\'s table: the memory map after every step, holes and queues, then the metrics', () => {
    const r = cli({ 'post.md': POST }, 'run', 'post.md');
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /post\.md:12 {2}dynamic/);
    assert.match(r.out, /OS 8M \| P2 14M \| hole 6M \| P4 8M \| hole 6M \| P3 18M \| hole 4M/);
    assert.match(r.out, /utilisation 71\.4%, external fragmentation 62\.5%, hole count 3/);
  });
  it('check reports a duplicate live name at its line in the file', () => {
    const r = cli({ 'p.md': '```memsim\nscheme: dynamic\nmemory: 64M\ntrace: |\n  load A 1M\n  load A 1M\n```\n' }, 'check', 'p.md');
    assert.equal(r.code, 1);
    assert.match(r.err, /^p\.md:6:8 a process named 'A' is still alive/);
  });
});
