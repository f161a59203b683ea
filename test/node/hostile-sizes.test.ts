import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { countFaults, MAX_BYTES, parseAddress, parseSize, type BuddyState } from '../../engine/index.js';
import { errorsOf, run } from './helpers.js';

const buddy = (memory: string, trace = '') => `scheme: buddy\nmemory: ${memory}\n${trace ? `trace: |\n${trace}` : ''}`;

describe('sizes past 2^31 are exact up to 2^50 bytes, and refused past it', () => {
  for (const memory of ['5G', '12G', '4294967297', '6442450944', '0x140000000']) {
    it(`buddy memory ${memory} is refused as not a power of two, at its line and column`, () => {
      const [e] = errorsOf(buddy(memory));
      assert.deepEqual({ line: e!.line, column: e!.column }, { line: 2, column: 9 });
      assert.match(e!.message, /memory: expected a power of two/);
    });
  }
  it('buddy memory 8G splits into exact halves and merges back', () => {
    const t = run(buddy('8G', '  load A 3G\n  load B 1\n  exit A\n  exit B\n')).runs[0]!;
    const blocks = (p: number) => (t.stateAt(p) as BuddyState).mem.blocks.map((b) => [b.start, b.size, b.kind]);
    assert.deepEqual(blocks(1), [[0, 4 * 2 ** 30, 'process'], [4 * 2 ** 30, 4 * 2 ** 30, 'free']]);
    assert.equal(blocks(2).length, 1 + 33, 'B takes 1 byte after 32 halvings of the upper 4G');
    assert.deepEqual(blocks(2)[1], [4 * 2 ** 30, 1, 'process']);
    assert.match(t.eventAt(4)!.sentence, /merges .* into 8G at 0$/);
    assert.deepEqual(blocks(4), [[0, 8 * 2 ** 30, 'free']]);
  });
  for (const memory of ['1P', '1024T', '1125899906842624', '0x4000000000000', '1048576G']) {
    it(`buddy memory ${memory} (2^50, the largest size) is accepted and exact`, () => {
      const t = run(buddy(memory, '  load A 1\n  exit A\n')).runs[0]!;
      const at1 = (t.stateAt(1) as BuddyState).mem.blocks;
      assert.equal(at1.length, 51);
      assert.equal(at1.reduce((a, b) => a + b.size, 0), MAX_BYTES);
      assert.deepEqual((t.stateAt(2) as BuddyState).mem.blocks.map((b) => b.size), [MAX_BYTES]);
    });
  }
  for (const memory of ['2P', '1125899906842625', '0x4000000000001', '1025T', '99999999999999999999', '0x' + 'f'.repeat(40), '1.5P']) {
    it(`memory ${memory} (past 2^50) is refused at its position with the maximum stated`, () => {
      for (const scheme of ['buddy', 'dynamic']) {
        const [e] = errorsOf(`scheme: ${scheme}\nmemory: ${memory}\n`);
        assert.deepEqual({ line: e!.line, column: e!.column }, { line: 2, column: 9 });
        assert.match(e!.message, /is too large: the largest size or address is 1P \(2\^50 = 1,125,899,906,842,624 bytes\)/);
      }
    });
  }
  it('a load past 2^50 is refused where its size is written', () => {
    const [e] = errorsOf('scheme: dynamic\nmemory: 1M\ntrace: |\n  load A 1K\n  load B 2P\n');
    assert.deepEqual({ line: e!.line, column: e!.column }, { line: 5, column: 10 });
    assert.match(e!.message, /'2P' is too large/);
  });
  it('fixed partitions that add up past 2^50 are refused at the partition that goes past', () => {
    const [e] = errorsOf('scheme: fixed\npartitions: 512T, 512T, 1\n');
    assert.deepEqual({ line: e!.line, column: e!.column }, { line: 2, column: 25 });
    assert.match(e!.message, /add up to more than the largest memory, 1P/);
    assert.match(errorsOf('scheme: fixed\nos: 1\npartitions: 4 x 256T\n')[0]!.message, /the OS region and the partitions add up to more than the largest memory/);
  });
  it('sizes are read exactly: T and P are powers of 1024, a fraction must come to whole bytes', () => {
    assert.deepEqual(parseSize('3T'), { value: 3 * 2 ** 40 });
    assert.deepEqual(parseSize('1P'), { value: 2 ** 50 });
    assert.deepEqual(parseSize('1.5K'), { value: 1536 });
    assert.deepEqual(parseSize('0.5TiB'), { value: 2 ** 39 });
    assert.deepEqual(parseSize('1023.9990234375K'), { value: 1048575 });
    assert.deepEqual(parseSize('0000000000000000000004K'), { value: 4096 });
    for (const inexact of ['0.1K', '1.00000000000000001K', '0.3', '1.' + '1'.repeat(60) + 'P']) {
      assert.match((parseSize(inexact) as { error: string }).error, /not a whole number of bytes/, inexact);
    }
    assert.equal(parseAddress('0x4000000000000'), 2 ** 50);
    assert.equal(parseAddress('1125899906842625'), undefined);
    assert.equal(parseAddress('0x00000000000000000001'), 1);
  });
  it('property: every whole size up to 2^50, written in bytes, hex or a suffix, reads back exactly; every larger one is refused', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MAX_BYTES }), fc.constantFrom('', 'K', 'M', 'G', 'T'), (n, suffix) => {
        const unit = { '': 1, K: 2 ** 10, M: 2 ** 20, G: 2 ** 30, T: 2 ** 40 }[suffix]!;
        const units = Math.floor(n / unit);
        assert.deepEqual(parseSize(`${units}${suffix}`), { value: units * unit });
        assert.deepEqual(parseSize(`0x${n.toString(16)}`), { value: n });
        assert.equal(parseAddress(String(n)), n);
        const over = MAX_BYTES + 1 + n;
        assert.ok('error' in parseSize(String(over)), String(over));
        assert.equal(parseAddress(`0x${over.toString(16)}`), undefined);
      }),
      { numRuns: 500 },
    );
  });
});

describe('page numbers and addresses in vm-paging are exact up to 2^50', () => {
  it('an address past 2^32 gives its exact page and offset; one past 2^50 is refused at its position', () => {
    const t = run('scheme: vm-paging\npage-size: 4K\nrefs: 0x4000000000000 0x3FFFFFFFFFFFF 4294971392\n').runs[0]!;
    const pages = [1, 2, 3].map((p) => t.eventAt(p) as unknown as { page: number; offset: number });
    assert.deepEqual(pages.map((e) => [e.page, e.offset]), [[2 ** 38, 0], [2 ** 38 - 1, 4095], [2 ** 20 + 1, 0]]);
    const [e] = errorsOf('scheme: vm-paging\npage-size: 4K\nrefs: 1 0x4000000000001\n');
    assert.deepEqual({ line: e!.line, column: e!.column }, { line: 3, column: 9 });
    assert.match(e!.message, /address 0x4000000000001 is too large: the largest address is 1P/);
  });
  it('page numbers past 2^31 are kept exact (no 32-bit slot), and past 2^50 refused', () => {
    const t = run('scheme: vm-paging\nframes: 2\nrefs: 4294967297 1 4294967297 1125899906842624\n').runs[0]!;
    assert.deepEqual(t.metricsAt(t.length).hits, 1);
    assert.deepEqual((t.stateAt(4) as unknown as { frames: number[] }).frames, [2 ** 50, 1]);
    assert.match(errorsOf('scheme: vm-paging\nrefs: 1125899906842625\n')[0]!.message, /page 1125899906842625 is too large: the largest page number is 2\^50 \(1,125,899,906,842,624\)$/);
  });
  it('the fast path counts pages past 2^31 as distinct pages, as the stepwise path does', () => {
    const pages = [2 ** 31, 2 ** 32, 0, 2 ** 31, 2 ** 50, 2 ** 32];
    for (const policy of ['FIFO', 'LRU', 'OPT', 'CLOCK']) {
      assert.deepEqual(countFaults(pages, 2, policy), countFaults([3, 4, 0, 3, 5, 4], 2, policy), policy);
    }
    assert.throws(() => countFaults([2 ** 50 + 2], 3, 'FIFO'), /pages\[0\] is .*: expected a whole number from 0 to 1,125,899,906,842,624/);
    assert.deepEqual(countFaults([1, 2, 1], 2 ** 31, 'OPT'), { faults: 2, faultsAfterFill: 0, hits: 1 });
  });
});
