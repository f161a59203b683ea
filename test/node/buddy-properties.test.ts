import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { BuddyConfig, BuddyState, ContiguousEvent, Timeline } from '../../engine/index.js';
import { buddyOf, isPowerOfTwo } from '../../engine/index.js';
import { followTrace, run, sizeUnit, sizeWriter, traceCommand } from './helpers.js';

interface Generated {
  text: string;
  memory: number;
  minBlock: number;
  /** The processes alive after each step; [0] is before the first. */
  alive: Set<string>[];
}

const pow2 = (n: number) => 2 ** Math.ceil(Math.log2(n));

/**
 * A random buddy scenario whose trace is valid (names followed as the parser does), in units from
 * 1K up to 2^41 bytes, so memory reaches 2^50, the largest a scenario may give.
 */
const scenario = fc
  .record({
    unit: sizeUnit(true, 2 ** 41),
    memoryLog: fc.integer({ min: 4, max: 9 }),
    minLog: fc.integer({ min: 0, max: 3 }),
    osK: fc.constantFrom(0, 0, 1, 3, 5),
    commands: fc.array(traceCommand(8, 300), { minLength: 1, maxLength: 60 }),
  })
  .map(({ unit, memoryLog, minLog, osK, commands }): Generated => {
    const memoryK = 2 ** memoryLog;
    const minK = Math.min(2 ** minLog, memoryK);
    const osBlock = osK ? Math.max(pow2(osK), minK) : 0;
    const os = osBlock && osBlock < memoryK ? osK : 0;
    const largest = os ? memoryK / 2 : memoryK;
    const { lines, alive } = followTrace(commands, { unit, fits: (sizeK) => Math.max(pow2(sizeK), minK) <= largest });
    const size = sizeWriter(unit);
    const text = ['scheme: buddy', `memory: ${size(memoryK)}`, `os: ${size(os)}`, `min-block: ${size(minK)}`, 'trace: |', ...lines].join('\n');
    return { text, memory: memoryK * unit, minBlock: minK * unit, alive };
  });

type Check = (g: Generated, t: Timeline, p: number, s: BuddyState) => void;

function everyState(check: Check, numRuns = 150) {
  fc.assert(
    fc.property(scenario, (g) => {
      const t = run(g.text).runs[0]!;
      for (let p = 0; p <= t.length; p++) check(g, t, p, t.stateAt(p) as BuddyState);
    }),
    { numRuns },
  );
}

const freeBlocks = (s: BuddyState) => s.mem.blocks.filter((b) => b.kind === 'free');

describe('buddy system properties on random traces (fast-check)', () => {
  it('every block is a whole power of two of at least min-block, aligned to its size, and the blocks add up to memory without overlap', () => {
    everyState((g, _t, _p, s) => {
      let at = 0;
      for (const b of s.mem.blocks) {
        assert.ok(Number.isSafeInteger(b.start) && Number.isSafeInteger(b.size), `block ${b.start}+${b.size} is not whole bytes`);
        assert.equal(b.start, at);
        assert.ok(isPowerOfTwo(b.size), `${b.size} is not a power of two`);
        assert.ok(b.size >= g.minBlock);
        assert.equal(b.start % b.size, 0, `the ${b.size}-byte block at ${b.start} is not aligned`);
        at += b.size;
      }
      assert.equal(at, g.memory);
    });
  });
  it('no free block has a free buddy of the same size', () => {
    everyState((_g, _t, _p, s) => {
      const free = new Set(freeBlocks(s).map((b) => `${b.start}/${b.size}`));
      for (const b of freeBlocks(s)) assert.ok(!free.has(`${buddyOf(b.start, b.size)}/${b.size}`), `free buddies at ${b.start} and ${buddyOf(b.start, b.size)}`);
    });
  });
  it('each block is the request rounded up to a power of two (at least min-block); internal fragmentation adds up', () => {
    everyState((g, t, _p, s) => {
      let internal = 0;
      for (const b of s.mem.blocks) {
        if (b.kind === 'free') continue;
        assert.equal(b.size, Math.max(pow2(b.requested), g.minBlock));
        if (b.kind === 'process') internal += b.size - b.requested;
      }
      assert.equal(t.scheme.metrics(t.config, t.run, s).internalFragmentation, internal);
    });
  });
  it('a waiting request never fits a free block once admission has run', () => {
    everyState((g, _t, _p, s) => {
      const largest = Math.max(0, ...freeBlocks(s).map((b) => b.size));
      for (const w of s.waiting) assert.ok(Math.max(pow2(w.size), g.minBlock) > largest, `${w.name} waits beside a ${largest}-byte block`);
    });
  });
  it('every live process is exactly one of resident, waiting or swapped out', () => {
    everyState((g, _t, p, s) => {
      const all = [...s.mem.blocks.filter((b) => b.kind === 'process').map((b) => b.name), ...s.waiting.map((w) => w.name), ...s.swapped.map((w) => w.name)];
      assert.equal(new Set(all).size, all.length);
      assert.deepEqual(new Set(all), g.alive[p]);
    });
  });
  it('a load takes the smallest free block that fits, the lowest on ties', () => {
    everyState((_g, t, p, s) => {
      const e = t.eventAt(p) as ContiguousEvent | undefined;
      if (!e || (e.kind !== 'load' && e.kind !== 'swap-in') || e.placed[0]?.name !== e.name) return;
      const c = t.config as BuddyConfig;
      const need = s.mem.blocks.find((b) => b.name === e.name)!.size;
      const fits = freeBlocks(t.stateAt(p - 1) as BuddyState).filter((b) => b.size >= need);
      const best = fits.reduce((a, b) => (b.size < a.size ? b : a));
      assert.equal(e.placed[0]!.start, best.start);
      assert.ok(need >= c.minBlock);
    });
  });
});
