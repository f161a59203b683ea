import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { main, type Io } from '../../cli/main.js';

const K = 1024;

/** Stallings' buddy-system example up to the request of D, in a markdown post (fence on line 3). */
const POST = `# The buddy system

\`\`\`memsim
scheme: buddy
memory: 1M
trace: |
  request A 100K
  request B 240K
  request C 64K
  request D 256K
\`\`\`
`;

function cli(text: string, ...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = { out: (s) => out.push(s), err: (s) => err.push(s), read: () => text };
  return { code: main(args, io), out: out.join('\n'), err: err.join('\n') };
}

describe('buddy system: mem-sim run --json (the report contract)', () => {
  const r = cli(POST, 'run', 'post.md', '--json');
  const block = JSON.parse(r.out)[0];
  const final = block.runs[0].final;

  it('one block at the line of its fence, one run', () => {
    assert.equal(r.code, 0, r.err);
    assert.deepEqual([block.scheme, block.line, block.runs.length], ['buddy', 3, 1]);
  });
  it("Stallings, buddy system example figure: size is the block's size and requested the request (100K in a 128K block has size 131072)", () => {
    assert.deepEqual(final.allocations, [
      { name: 'A', start: 0, size: 131072, requested: 102400 },
      { name: 'C', start: 128 * K, size: 64 * K, requested: 64 * K },
      { name: 'B', start: 256 * K, size: 256 * K, requested: 240 * K },
      { name: 'D', start: 512 * K, size: 256 * K, requested: 256 * K },
    ]);
  });
  it('holes are the free blocks; the free list of every block size is reported too', () => {
    assert.deepEqual(final.holes, [{ start: 192 * K, size: 64 * K }, { start: 768 * K, size: 256 * K }]);
    assert.deepEqual(
      final.freeLists.map((l: any) => [l.size / K, l.starts.map((s: number) => s / K)]),
      [[64, [192]], [128, []], [256, [768]], [512, []], [1024, []]],
    );
  });
  it('waiting, swapped and metrics, with internal fragmentation', () => {
    assert.deepEqual([final.waiting, final.swapped], [[], []]);
    assert.equal(final.metrics.internalFragmentation, 44 * K);
    assert.equal(final.metrics.holeCount, 2);
    assert.equal(final.metrics.totalFree, 320 * K);
  });
  it('each step has its source line (counted in the file), operation and sentence', () => {
    const steps = block.runs[0].steps;
    assert.deepEqual(steps.map((s: any) => s.line), [7, 8, 9, 10]);
    assert.equal(steps[2].op, 'request C 64K');
    assert.equal(steps[2].sentence, 'C (64K) splits the 128K block at 128K into two 64K buddies and takes the lower');
  });
  it('an invalid buddy block: a memory that is not a power of two, at its line in the file', () => {
    const bad = cli(POST.replace('memory: 1M', 'memory: 1000K'), 'run', 'post.md', '--json');
    assert.equal(bad.code, 1);
    assert.match(bad.err, /^post\.md:5:9 memory: expected a power of two/);
  });
  it('mem-sim run prints the blocks after each step', () => {
    const text = cli(POST, 'run', 'post.md');
    assert.equal(text.code, 0);
    assert.match(text.out, /A 128K \(100K\) \| C 64K \| free 64K \| B 256K \(240K\) \| D 256K \| free 256K/);
  });
});
