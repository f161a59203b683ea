import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { BuddyState, ContiguousEvent } from '../../engine/index.js';
import { errorsOf, run } from './helpers.js';

const K = 1024;

const STALLINGS = `scheme: buddy
memory: 1M
trace: |
  load A 100K
  load B 240K
  load C 64K
  load D 256K
  exit B
  exit A
  load E 75K
  exit C
  exit E
  exit D
`;

/** The blocks from address 0 as [holder or 'free', size in K] pairs. */
const blocks = (s: BuddyState) => s.mem.blocks.map((b) => [b.kind === 'free' ? 'free' : b.name || 'OS', b.size / K]);
const ev = (sim: ReturnType<typeof run>, step: number) => sim.runs[0]!.eventAt(step) as ContiguousEvent;
const at = (sim: ReturnType<typeof run>, step: number) => sim.runs[0]!.stateAt(step) as BuddyState;

describe('buddy system: worked examples', () => {
  it('Stallings, OS Internals, buddy system example figure: after D, A 128K at 0, C 64K at 128K, B 256K at 256K, D 256K at 512K', () => {
    const sim = run(STALLINGS);
    assert.deepEqual(blocks(at(sim, 4)), [['A', 128], ['C', 64], ['free', 64], ['B', 256], ['D', 256], ['free', 256]]);
    assert.deepEqual(at(sim, 4).mem.blocks.filter((b) => b.kind === 'process').map((b) => [b.name, b.start / K]), [['A', 0], ['C', 128], ['B', 256], ['D', 512]]);
  });
  it('Stallings, the same figure step by step: A splits 1M three times; C splits the 128K block at 128K', () => {
    const sim = run(STALLINGS);
    assert.deepEqual(blocks(at(sim, 1)), [['A', 128], ['free', 128], ['free', 256], ['free', 512]]);
    assert.equal(
      ev(sim, 1).sentence,
      'A (100K) rounds up to 128K and splits the 1M block at 0 into two 512K buddies, the lower 512K into two 256K buddies and the lower 256K into two 128K buddies, and takes the lower; 28K is lost inside it',
    );
    assert.equal(ev(sim, 3).sentence, 'C (64K) splits the 128K block at 128K into two 64K buddies and takes the lower');
  });
  it('Stallings, the same figure: releasing B and then A merges nothing, since their buddies are split', () => {
    const sim = run(STALLINGS);
    assert.deepEqual(blocks(at(sim, 6)), [['free', 128], ['C', 64], ['free', 64], ['free', 256], ['D', 256], ['free', 256]]);
    assert.equal(ev(sim, 5).sentence, 'B exits: its 256K block at 256K is free; its buddy at 0 is split into smaller blocks, so it stays apart');
  });
  it('Stallings, the same figure: E (75K) takes the free 128K block at 0', () => {
    const sim = run(STALLINGS);
    assert.deepEqual(blocks(at(sim, 7))[0], ['E', 128]);
    assert.equal(at(sim, 7).mem.blocks[0]!.start, 0);
  });
  it('Stallings, the same figure: releasing C, E and D merges buddies up to one free 1M block', () => {
    const sim = run(STALLINGS);
    assert.deepEqual(blocks(at(sim, 8)), [['E', 128], ['free', 128], ['free', 256], ['D', 256], ['free', 256]]);
    assert.deepEqual(blocks(at(sim, 9)), [['free', 512], ['D', 256], ['free', 256]]);
    assert.equal(ev(sim, 9).sentence, 'E exits: its 128K block at 0 is free and merges with its buddy at 128K into 256K at 0, then with its buddy at 256K into 512K at 0');
    assert.deepEqual(blocks(at(sim, 10)), [['free', 1024]]);
  });
  it('Silberschatz, OSC, buddy system allocation figure: a 21K request in a 256K segment splits it into 128K, 64K and 32K buddies and takes 32K', () => {
    const sim = run('scheme: buddy\nmemory: 256K\ntrace: |\n  load K 21K\n  exit K');
    assert.deepEqual(blocks(at(sim, 1)), [['K', 32], ['free', 32], ['free', 64], ['free', 128]]);
    assert.match(ev(sim, 1).sentence, /^K \(21K\) rounds up to 32K and splits the 256K block at 0 into two 128K buddies, the lower 128K into two 64K buddies and the lower 64K into two 32K buddies, and takes the lower; 11K is lost inside it$/);
    // Silberschatz: the buddies coalesce back into the 256K segment when the request is freed
    assert.deepEqual(blocks(at(sim, 2)), [['free', 256]]);
  });
  it('Tanenbaum, MOS, Linux buddy algorithm figure (64 pages, recalled): 8, 8 and 4 pages leave free blocks of 4, 8 and 32 pages', () => {
    const sim = run('scheme: buddy\nmemory: 64K\nmin-block: 1K\ntrace: |\n  load A 8K\n  load B 8K\n  load C 4K\n  exit A\n  exit B');
    assert.deepEqual(blocks(at(sim, 1)), [['A', 8], ['free', 8], ['free', 16], ['free', 32]]);
    assert.deepEqual(blocks(at(sim, 3)), [['A', 8], ['B', 8], ['C', 4], ['free', 4], ['free', 8], ['free', 32]]);
    assert.deepEqual(blocks(at(sim, 5)), [['free', 16], ['C', 4], ['free', 4], ['free', 8], ['free', 32]]);
  });
});

describe('buddy system: rules', () => {
  it('a request rounds up to a power of two, and to at least min-block', () => {
    const sim = run('scheme: buddy\nmemory: 1M\nmin-block: 64K\ntrace: |\n  load A 1K\n  load B 65K');
    assert.deepEqual(blocks(at(sim, 2)).slice(0, 3), [['A', 64], ['free', 64], ['B', 128]]);
  });
  it('the smallest free block that fits is taken, the lowest address on ties (derived)', () => {
    const sim = run('scheme: buddy\nmemory: 64K\ntrace: |\n  load A 8K\n  load B 16K\n  load C 8K\n  exit A\n  load D 8K\n  load E 8K');
    // after exit A the free blocks are 8K at 0 and 32K at 32K: D takes 8K at 0
    assert.equal(at(sim, 5).mem.blocks.find((b) => b.name === 'D')!.start, 0);
    // no 8K block is free for E: the smallest free block is 32K at 32K, split
    assert.deepEqual(blocks(at(sim, 6)).slice(3), [['E', 8], ['free', 8], ['free', 16]]);
    // two free 16K blocks, at 0 and 32K (their buddies are held): the lower one is taken
    const tie = run('scheme: buddy\nmemory: 64K\ntrace: |\n  load A 16K\n  load B 16K\n  load C 16K\n  load D 16K\n  exit A\n  exit C\n  load E 16K');
    assert.equal(at(tie, 7).mem.blocks.find((b) => b.name === 'E')!.start, 0);
  });
  it('a request that finds no block waits, and is placed when a block is freed (arrival order)', () => {
    const sim = run('scheme: buddy\nmemory: 64K\ntrace: |\n  load A 32K\n  load B 20K\n  load C 32K\n  load D 16K\n  exit A');
    assert.equal(ev(sim, 3).sentence, 'C (32K) waits: it needs a 32K block and no block is free');
    assert.equal(ev(sim, 4).sentence, 'D (16K) waits: it needs a 16K block and no block is free');
    assert.deepEqual(ev(sim, 5).placed.map((p) => p.name), ['C']);
    assert.deepEqual(at(sim, 5).waiting.map((w) => w.name), ['D']);
  });
  it('a request larger than memory is refused in its sentence', () => {
    const sim = run('scheme: buddy\nmemory: 1M\ntrace: |\n  load BIG 1025K');
    assert.equal(ev(sim, 1).sentence, 'BIG (1025K) is refused: it needs a 2M block, more than the whole memory (1M), so it can never be loaded');
  });
  it('the OS takes the block at address 0, rounded up, which leaves half of memory as the largest block', () => {
    const sim = run('scheme: buddy\nmemory: 1M\nos: 100K\ntrace: |\n  load A 512K\n  load B 513K');
    assert.deepEqual(blocks(at(sim, 0)), [['OS', 128], ['free', 128], ['free', 256], ['free', 512]]);
    assert.equal(at(sim, 1).mem.blocks.find((b) => b.name === 'A')!.start, 512 * K);
    assert.match(ev(sim, 2).sentence, /more than the largest block the OS leaves \(512K\)/);
  });
  it('metrics: internal fragmentation per block and in total, utilisation of the requests, free blocks as holes', () => {
    const t = run(STALLINGS).runs[0]!;
    const m = t.metricsAt(4);
    assert.equal(m.internalFragmentation, 28 * K + 16 * K);
    assert.equal(m.utilisation, Math.round(((100 + 240 + 64 + 256) / 1024) * 1000) / 1000);
    assert.equal(m.holeCount, 2);
    assert.equal(m.totalFree, 320 * K);
    assert.equal(m.largestHole, 256 * K);
  });
  it('the table lists blocks with their requests, the free blocks and the queue', () => {
    const t = run(STALLINGS).runs[0]!;
    const table = t.scheme.table(t, 4, 4);
    assert.deepEqual(table.head.map((c) => c.text), ['step', 'operation', 'memory from address 0', 'free blocks', 'waiting', 'swapped out']);
    assert.deepEqual(table.rows[0]!.map((c) => c.text), [
      '4',
      'load D 256K',
      'A 128K (100K) | C 64K | free 64K | B 256K (240K) | D 256K | free 256K',
      '64K at 192K, 256K at 768K',
      '',
      '',
    ]);
  });
});

describe('buddy system: positioned errors', () => {
  const one = (text: string) => {
    const errors = errorsOf(text);
    assert.equal(errors.length, 1, JSON.stringify(errors));
    return errors[0]!;
  };
  it('a memory that is not a power of two', () => {
    const e = one('scheme: buddy\nmemory: 1000K\n');
    assert.deepEqual([e.line, e.column], [2, 9]);
    assert.match(e.message, /memory: expected a power of two/);
  });
  it('a min-block larger than memory, or not a power of two', () => {
    const e = one('scheme: buddy\nmemory: 1M\nmin-block: 2M\n');
    assert.deepEqual([e.line, e.column], [3, 12]);
    assert.match(e.message, /the minimum block \(2M\) is larger than memory \(1M\)/);
    assert.match(one('scheme: buddy\nmemory: 1M\nmin-block: 3K\n').message, /min-block: expected a power of two/);
  });
  it('an OS that would take all of memory', () => {
    assert.match(one('scheme: buddy\nmemory: 1M\nos: 600K\n').message, /would take all of memory/);
  });
  it('an unknown operation, and compact, which the buddy system does not have', () => {
    assert.match(one('scheme: buddy\nmemory: 1M\ntrace: |\n  relase A\n').message, /unknown operation 'relase'.*did you mean 'release'\?/);
    assert.match(one('scheme: buddy\nmemory: 1M\ntrace: |\n  compact\n').message, /'compact' does not apply to the buddy system/);
  });
  it('a duplicate live name, a size that does not parse, and a release of a process that is not there', () => {
    const e = one('scheme: buddy\nmemory: 1M\ntrace: |\n  request A 100K\n  request A 1K\n');
    assert.deepEqual([e.line, e.column], [5, 11]);
    assert.match(one('scheme: buddy\nmemory: 1M\ntrace: |\n  load A 1X\n').message, /'1X' is not a size/);
    assert.match(one('scheme: buddy\nmemory: 1M\ntrace: |\n  release B\n').message, /cannot exit 'B'/);
  });
});
