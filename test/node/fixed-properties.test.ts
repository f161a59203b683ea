import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { ContiguousEvent, FixedConfig, FixedState, Timeline } from '../../engine/index.js';
import { FIXED_RULES, fixedTarget } from '../invariants.js';
import { followTrace, run, sizeUnit, sizeWriter, traceCommand } from './helpers.js';

interface Generated {
  text: string;
  memory: number;
  /** The processes alive after each step; [0] is before the first. */
  alive: Set<string>[];
}

/**
 * A random fixed-partition scenario whose trace is valid (names followed as the parser does), in
 * units from 1K to over 2^42 bytes (odd byte counts among them), so sizes reach near 2^50.
 */
const scenario = fc
  .record({
    unit: sizeUnit(false, 2 ** 50 / 178),
    osK: fc.integer({ min: 0, max: 8 }),
    partitionsK: fc.array(fc.integer({ min: 1, max: 20 }), { minLength: 1, maxLength: 8 }),
    restK: fc.integer({ min: 0, max: 10 }),
    queue: fc.constantFrom('single', 'per-partition'),
    placement: fc.constantFrom('best-fit', 'first-fit'),
    commands: fc.array(traceCommand(8, 24), { minLength: 1, maxLength: 50 }),
  })
  .map(({ unit, osK, partitionsK, restK, queue, placement, commands }): Generated => {
    const largest = Math.max(...partitionsK);
    const { lines, alive } = followTrace(commands, { unit, fits: (sizeK) => sizeK <= largest });
    const size = sizeWriter(unit);
    const memoryK = osK + partitionsK.reduce((a, b) => a + b, 0) + restK;
    const text = [
      'scheme: fixed',
      `memory: ${size(memoryK)}`,
      `os: ${size(osK)}`,
      `partitions: ${partitionsK.map(size).join(', ')}`,
      `queue: ${queue}`,
      `placement: ${placement}`,
      'trace: |',
      ...lines,
    ].join('\n');
    return { text, memory: memoryK * unit, alive };
  });

type Check = (g: Generated, t: Timeline, p: number, s: FixedState) => void;

function everyState(check: Check, numRuns = 120) {
  fc.assert(
    fc.property(scenario, (g) => {
      const t = run(g.text).runs[0]!;
      for (let p = 0; p <= t.length; p++) check(g, t, p, t.stateAt(p) as FixedState);
    }),
    { numRuns },
  );
}

describe('fixed partitioning properties on random partitions and traces (fast-check)', () => {
  for (const [name, rule] of FIXED_RULES) it(name, () => everyState((_g, t, p, s) => rule(t, p, s)));
  it('the processes in partitions, waiting or swapped out are exactly the live ones', () => {
    everyState((g, t, p, s) => {
      assert.equal(t.config.memory, g.memory);
      const resident = s.mem.holders.flatMap((h) => (h ? [h.name] : []));
      assert.deepEqual(new Set([...resident, ...s.waiting.map((w) => w.name), ...s.swapped.map((w) => w.name)]), g.alive[p]);
    });
  });
  it('a placement takes the partition its queue and placement rule name, ties to the lower address', () => {
    everyState((_g, t, p, s) => {
      const e = t.eventAt(p) as ContiguousEvent | undefined;
      if (!e || !e.placed.length) return;
      const c = t.config as FixedConfig;
      // a load or swap-in frees nothing, so its placement is chosen among the partitions free before it
      if (e.kind !== 'load' && e.kind !== 'swap-in') return;
      const before = t.stateAt(p - 1) as FixedState;
      const size = s.mem.holders.find((h) => h?.name === e.name)!.size;
      const free = c.partitions.filter((x) => before.mem.holders[x.index] === null && x.size >= size);
      const expected =
        c.queue === 'per-partition'
          ? fixedTarget(c, size)
          : c.placement === 'first-fit'
            ? free[0]!
            : free.reduce((a, x) => (x.size < a.size ? x : a));
      assert.equal(e.placed[0]!.start, expected.start);
    });
  });
});
