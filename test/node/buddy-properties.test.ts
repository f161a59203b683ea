import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { BuddyConfig, BuddyState, ContiguousEvent, Timeline } from '../../engine/index.js';
import { BUDDY_RULES } from '../invariants.js';
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
  for (const [name, rule] of BUDDY_RULES) it(name, () => everyState((_g, t, p, s) => rule(t, p, s)));
  it('the processes in blocks, waiting or swapped out are exactly the live ones', () => {
    everyState((g, t, p, s) => {
      assert.equal(t.config.memory, g.memory);
      const all = [...s.mem.blocks.filter((b) => b.kind === 'process').map((b) => b.name), ...s.waiting.map((w) => w.name), ...s.swapped.map((w) => w.name)];
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
