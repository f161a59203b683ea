import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { main, type Io } from '../../cli/main.js';
import { reportBlock } from '../../engine/index.js';

const M = 1024 * 1024;

/** Stallings' unequal-size partitions above an 8M OS, in 70M so that 6M is left unused. */
const STALLINGS = `scheme: fixed
memory: 70M
os: 8M
partitions: 2M, 4M, 6M, 8M, 8M, 12M, 16M
trace: |
  load A 5M
  load B 7M
  load C 20M
  load D 15M
  load E 16M
`;

function runJson(text: string) {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = { out: (s) => out.push(s), err: (s) => err.push(s), read: () => text };
  const code = main(['run', 'scenario.yaml', '--json'], io);
  return { code, report: JSON.parse(out.join('\n')), err: err.join('\n') };
}

describe('fixed partitioning: mem-sim run --json (the report contract)', () => {
  const { code, report, err } = runJson(STALLINGS);
  const r = report[0];
  const final = r.runs[0].final;

  it('one block, one run named by its queue and placement', () => {
    assert.equal(code, 0, err);
    assert.equal(r.scheme, 'fixed');
    assert.equal(r.line, 1);
    assert.equal(r.runs.length, 1);
    assert.equal(r.runs[0].queue, 'single');
    assert.equal(r.runs[0].placement, 'best-fit');
  });
  it('each allocation names its partition (an index) and size is the process size', () => {
    assert.deepEqual(
      final.allocations.map((a: any) => [a.name, a.partition, a.start / M, a.size / M]),
      [['A', 2, 14, 5], ['B', 3, 20, 7], ['D', 6, 48, 15]],
    );
  });
  it('final lists the partitions as {start, size, holder}, holder null when free, and the unused rest as a hole', () => {
    assert.deepEqual(
      final.partitions.map((p: any) => ({ start: p.start / M, size: p.size / M, holder: p.holder })),
      [
        { start: 8, size: 2, holder: null },
        { start: 10, size: 4, holder: null },
        { start: 14, size: 6, holder: 'A' },
        { start: 20, size: 8, holder: 'B' },
        { start: 28, size: 8, holder: null },
        { start: 36, size: 12, holder: null },
        { start: 48, size: 16, holder: 'D' },
      ],
    );
    assert.deepEqual(final.holes, [{ start: 64 * M, size: 6 * M }]);
    assert.deepEqual(final.os, { start: 0, size: 8 * M });
  });
  it('waiting and swapped name processes; metrics carry internal fragmentation; sizes are bytes, ratios 3 decimals', () => {
    assert.deepEqual(final.waiting, ['E']);
    assert.deepEqual(final.swapped, []);
    assert.equal(final.metrics.internalFragmentation, 3 * M);
    assert.equal(final.metrics.utilisation, 0.435);
    assert.equal(final.metrics.unused, 6 * M);
  });
  it('every step has its line, operation, sentence and the memory map', () => {
    const steps = r.runs[0].steps;
    assert.deepEqual(steps.map((s: any) => s.line), [6, 7, 8, 9, 10]);
    assert.equal(steps[2].sentence, 'C (20M) is refused: it is larger than every partition (the largest is 16M), so it can never be loaded; it would need overlays');
    assert.deepEqual(steps[1].allocations.map((a: any) => a.name), ['A', 'B']);
    assert.equal(steps[4].sentence, 'E (16M) waits: no free partition is large enough (the largest free one is 12M)');
  });
  it('per-partition queues report each partition\'s queue, and the run is named by its queue', () => {
    const b = reportBlock(STALLINGS.replace('trace:', 'queue: per-partition\ntrace:'), 1, 0) as any;
    assert.deepEqual(b.runs[0].queue, 'per-partition');
    assert.deepEqual(b.runs[0].final.queues[6], { partition: 6, waiting: ['E'] });
  });
  it('an invalid fixed block gives {line, errors} and exit status 1', () => {
    const bad = runJson('scheme: fixed\nmemory: 8M\npartitions: 3 x 4M\n');
    assert.equal(bad.code, 1);
    assert.deepEqual(bad.report[0].errors.map((e: any) => [e.line, e.column]), [[3, 13]]);
    assert.match(bad.err, /^scenario\.yaml:3:13 partitions: the partitions \(12M\)/);
  });
});
