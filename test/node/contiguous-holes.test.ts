import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { bestOrWorstFit, compactSegments, freeSegment, hole, holesOf, largestHole, segment, SegmentList, splitHole, type Segment } from '../../engine/contiguous/holes.js';

/** A memory map of `n` alternating processes and holes of random sizes, from address 0. */
const memoryMap = fc.array(fc.integer({ min: 1, max: 50 }), { minLength: 1, maxLength: 400 }).map((sizes) => {
  const out: Segment[] = [];
  let at = 0;
  sizes.forEach((size, i) => {
    out.push(i % 2 ? segment(at, size, 'process', `P${i}`) : hole(at, size));
    at += size;
  });
  return out;
});

/** Checks a list against the plain array it should equal, chunk summaries included. */
function same(list: SegmentList, expected: readonly Segment[]) {
  assert.deepEqual([...list.toArray()], [...expected]);
  assert.equal(list.length, expected.length);
  list.chunks.forEach((chunk, c) => {
    const holes = chunk.filter((s) => s.kind === 'hole');
    assert.deepEqual([...list.chunkHoleSizes[c]!], holes.map((h) => h.size).sort((a, b) => a - b));
    assert.equal(list.holesIn(c), holes.length);
    assert.equal(list.largestIn(c), Math.max(0, ...holes.map((h) => h.size)));
  });
}

describe('contiguous memory maps: the chunked segment list', () => {
  it('splicing a chunked list gives the same segments as splicing a plain array (fast-check)', () => {
    fc.assert(
      fc.property(memoryMap, fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 3 })), { maxLength: 60 }), (map, edits) => {
        let list = SegmentList.from(map);
        const plain = [...map];
        for (const [at, del, add] of edits) {
          const start = plain.length ? at % plain.length : 0;
          const count = Math.min(del, plain.length - start);
          const items = Array.from({ length: add }, (_, k) => hole(at + k, 1));
          plain.splice(start, count, ...items);
          list = list.splice(start, count, items);
          same(list, plain);
        }
      }),
      { numRuns: 200 },
    );
  });
  it('a splice leaves the list it came from unchanged (states are immutable)', () => {
    fc.assert(
      fc.property(memoryMap, fc.nat(), (map, at) => {
        const list = SegmentList.from(map);
        const before = [...list.toArray()];
        const i = at % map.length;
        list.splice(i, 1, []);
        SegmentList.from(map).splice(i, 0, [hole(0, 1)]);
        same(list, before);
      }),
    );
  });
  it('the first fit in a range, skipping chunks with no hole large enough, equals a plain scan, holes looked at included', () => {
    fc.assert(
      fc.property(memoryMap, fc.integer({ min: 1, max: 60 }), fc.nat(), fc.nat(), (map, size, a, b) => {
        let list = SegmentList.from(map);
        // split the chunks unevenly, as a long run does
        for (let k = 0; k < 5 && list.length > 1; k++) list = list.splice((a * (k + 1)) % list.length, 1, []);
        const segs = list.toArray();
        const from = a % (segs.length + 1);
        const to = from + (b % (segs.length + 1 - from));
        let expected = -1;
        let looked = 0;
        for (let i = from; i < to; i++) {
          if (segs[i]!.kind !== 'hole') continue;
          looked++;
          if (segs[i]!.size >= size) {
            expected = i;
            break;
          }
        }
        const r = list.firstFit(size, from, to);
        assert.equal(r.index, expected);
        assert.equal(r.looked, looked);
      }),
      { numRuns: 500 },
    );
  });
  it('best-fit and worst-fit answered from the sorted hole sizes of each chunk equal a plain scan, ties to the lowest address', () => {
    fc.assert(
      fc.property(memoryMap, fc.integer({ min: 1, max: 60 }), fc.boolean(), (map, size, smallest) => {
        const list = SegmentList.from(map);
        const fits = map.map((s, i) => ({ s, i })).filter((x) => x.s.kind === 'hole' && x.s.size >= size);
        const r = bestOrWorstFit(list, size, smallest);
        if (!fits.length) return assert.equal(r.index, -1);
        const target = smallest ? Math.min(...fits.map((x) => x.s.size)) : Math.max(...map.filter((s) => s.kind === 'hole').map((s) => s.size));
        const expected = fits.find((x) => x.s.size === target)!;
        assert.equal(r.index, expected.i);
        assert.equal(r.ties, fits.filter((x) => x.s.size === target).length);
      }),
      { numRuns: 500 },
    );
  });
  it('indexContaining finds the segment holding an address by binary search', () => {
    fc.assert(
      fc.property(memoryMap, fc.nat(), (map, x) => {
        const list = SegmentList.from(map);
        const end = map[map.length - 1]!.start + map[map.length - 1]!.size;
        const address = x % (end + 5);
        const expected = map.findIndex((s) => s.start <= address && address < s.start + s.size);
        assert.equal(list.indexContaining(address), expected);
      }),
      { numRuns: 500 },
    );
  });
  it('freeing a segment coalesces it with the holes on both sides; splitting leaves the remainder above', () => {
    const list = SegmentList.from([hole(0, 10), segment(10, 5, 'process', 'A'), hole(15, 20), segment(35, 5, 'process', 'B')]);
    const f = freeSegment(list, 1);
    assert.deepEqual(f.hole, { start: 0, size: 35 });
    assert.deepEqual([f.below, f.above], [{ start: 0, size: 10 }, { start: 15, size: 20 }]);
    assert.deepEqual(holesOf(f.list), [{ start: 0, size: 35 }]);
    const s = splitHole(list, 2, 'C', 8, 1);
    assert.deepEqual(s.toArray().slice(2, 4).map((x) => [x.kind, x.start, x.size]), [['process', 15, 8], ['hole', 23, 12]]);
    assert.equal(largestHole(s), 12);
  });
  it('compaction keeps the order of processes and used blocks and leaves one hole at the top', () => {
    const list = SegmentList.from([hole(8, 10), segment(18, 5, 'process', 'A'), segment(23, 2, 'used'), hole(25, 20), segment(45, 5, 'process', 'B')]);
    const r = compactSegments(list, 8, 60);
    assert.deepEqual(r.list.toArray().map((x) => [x.kind, x.name, x.start, x.size]), [
      ['process', 'A', 8, 5],
      ['used', '', 13, 2],
      ['process', 'B', 15, 5],
      ['hole', '', 20, 40],
    ]);
    assert.deepEqual(r.moved.map((x) => x.name), ['A', '', 'B']);
  });
});
