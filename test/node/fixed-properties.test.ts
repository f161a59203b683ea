import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { ContiguousEvent, FixedConfig, FixedState, Timeline } from '../../engine/index.js';
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

/** The partition the per-partition queue sends a process to: the smallest that holds it, lowest first. */
const target = (c: FixedConfig, size: number) =>
  c.partitions.filter((p) => p.size >= size).reduce((a, p) => (p.size < a.size ? p : a));

describe('fixed partitioning properties on random partitions and traces (fast-check)', () => {
  it('no two processes share a partition, and every live process is resident, waiting or swapped out, once', () => {
    everyState((g, _t, p, s) => {
      const resident = s.mem.holders.flatMap((h) => (h ? [h.name] : []));
      const all = [...resident, ...s.waiting.map((w) => w.name), ...s.swapped.map((w) => w.name)];
      assert.equal(new Set(all).size, all.length, all.join(' '));
      assert.deepEqual(new Set(all), g.alive[p]);
    });
  });
  it('partitions and holes are whole bytes, never overlap, and with the OS add up to memory', () => {
    everyState((g, t, _p, s) => {
      const r = t.scheme.finalReport(t.config, t.run, s) as { os: { size: number }; partitions: { start: number; size: number }[]; holes: { start: number; size: number }[] };
      const regions = [{ start: 0, size: r.os.size }, ...r.partitions, ...r.holes.filter((h) => !r.partitions.some((p) => p.start === h.start))];
      let at = 0;
      for (const x of regions.sort((a, b) => a.start - b.start)) {
        assert.ok(Number.isSafeInteger(x.start) && Number.isSafeInteger(x.size), `region ${x.start}+${x.size} is not whole bytes`);
        assert.equal(x.start, at, `a region starts at ${x.start}, expected ${at}`);
        at += x.size;
      }
      assert.equal(at, g.memory);
    });
  });
  it('a process never exceeds its partition', () => {
    everyState((_g, t, _p, s) => {
      const c = t.config as FixedConfig;
      s.mem.holders.forEach((h, i) => assert.ok(!h || h.size <= c.partitions[i]!.size));
    });
  });
  it('internal fragmentation adds up: each occupied partition wastes its size minus its process, and the total is their sum', () => {
    everyState((g, t, _p, s) => {
      const c = t.config as FixedConfig;
      const r = t.scheme.finalReport(c, t.run, s) as any;
      const wasted = c.partitions.map((p, i) => (s.mem.holders[i] ? p.size - s.mem.holders[i]!.size : 0));
      assert.deepEqual(r.partitions.map((p: any) => p.wasted), wasted);
      assert.equal(r.metrics.internalFragmentation, wasted.reduce((a, b) => a + b, 0));
      const used = s.mem.holders.reduce((a, h) => a + (h?.size ?? 0), 0);
      assert.equal(r.metrics.utilisation, Math.round((used / (c.memory - c.os)) * 1000) / 1000);
      // the OS, the partitions and the unused rest make up memory
      const sum = (xs: { size: number }[]) => xs.reduce((a, b) => a + b.size, 0);
      assert.equal(r.os.size + sum(r.partitions) + sum(r.holes), g.memory);
      // each allocation sits at its partition's start and names its partition
      for (const a of r.allocations) assert.equal(a.start, c.partitions[a.partition]!.start);
    });
  });
  it('a waiting process never fits a free partition once admission has run (with one queue per partition: its own is taken)', () => {
    everyState((_g, t, _p, s) => {
      const c = t.config as FixedConfig;
      const free = c.partitions.filter((p) => s.mem.holders[p.index] === null);
      for (const w of s.waiting) {
        if (c.queue === 'per-partition') assert.notEqual(s.mem.holders[target(c, w.size).index], null);
        else for (const p of free) assert.ok(w.size > p.size, `${w.name} waits while partition ${p.index} is free`);
      }
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
          ? target(c, size)
          : c.placement === 'first-fit'
            ? free[0]!
            : free.reduce((a, x) => (x.size < a.size ? x : a));
      assert.equal(e.placed[0]!.start, expected.start);
    });
  });
});
