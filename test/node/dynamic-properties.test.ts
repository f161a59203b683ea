import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { ContiguousEvent, DynamicState, Timeline } from '../../engine/index.js';
import { DYNAMIC_RULES } from '../invariants.js';
import { followTrace, run, sizeUnit, sizeWriter, traceCommand } from './helpers.js';

interface Generated {
  text: string;
  memory: number;
  os: number;
  whenFull: string;
  /** The processes alive (resident, waiting or swapped out) after each step; [0] is before the first. */
  alive: Set<string>[];
  compactAt: Set<number>;
}

const layoutEntry = fc.record({ k: fc.constantFrom('hole', 'used', 'proc'), size: fc.integer({ min: 1, max: 15 }) });

/**
 * A random scenario whose trace is valid: names are followed through it as the parser follows them.
 * Small ones (a few segments) reach every corner quickly; large ones (hundreds of small processes)
 * spread memory over many chunks of the segment list. Sizes are in units from 1K to over 2^42 bytes
 * (odd byte counts among them), so memory reaches near 2^50.
 */
const scenario = (large = false) =>
  fc
    .record({
      unit: sizeUnit(false, 2 ** 50 / (large ? 3000 : 120)),
      memoryK: large ? fc.integer({ min: 1000, max: 3000 }) : fc.integer({ min: 20, max: 120 }),
      osK: fc.integer({ min: 0, max: 15 }),
      whenFull: fc.constantFrom('wait', 'compact', 'swap'),
      layout: fc.array(layoutEntry, { maxLength: 6 }),
      commands: fc.array(traceCommand(large ? 8 : 9, large ? 12 : 70), large ? { minLength: 300, maxLength: 500 } : { minLength: 1, maxLength: 50 }),
    })
    .map(({ unit, memoryK, osK, whenFull, layout, commands }): Generated => {
      const size = sizeWriter(unit);
      const alive = new Set<string>();
      const layoutLines: string[] = [];
      let used = osK;
      let n = 0;
      for (const e of layout) {
        if (used + e.size > memoryK) break;
        used += e.size;
        if (e.k === 'proc') {
          const name = `L${n++}`;
          alive.add(name);
          layoutLines.push(`  ${name} ${size(e.size)}`);
        } else layoutLines.push(`  ${e.k} ${size(e.size)}`);
      }
      const { lines, alive: history, compactAt } = followTrace(commands, {
        alive,
        unit,
        firstNumber: n,
        fits: (sizeK) => sizeK <= memoryK - osK,
        swapInFrom: whenFull === 'swap' ? 'live' : 'swapped',
        otherwise: 'compact',
      });
      const text = [
        'scheme: dynamic',
        `memory: ${size(memoryK)}`,
        `os: ${size(osK)}`,
        'placement: first-fit, next-fit, best-fit, worst-fit',
        `when-full: ${whenFull}`,
        ...(layoutLines.length ? ['layout: |', ...layoutLines] : []),
        'trace: |',
        ...lines,
      ].join('\n');
      return { text, memory: memoryK * unit, os: osK * unit, whenFull, alive: history, compactAt };
    });

/** Checks `check` at every position of every run of a random scenario. */
function everyState(numRuns: number, check: (g: Generated, t: Timeline, p: number, s: DynamicState) => void, large = false) {
  fc.assert(
    fc.property(scenario(large), (g) => {
      for (const t of run(g.text).runs) for (let p = 0; p <= t.length; p++) check(g, t, p, t.stateAt(p) as DynamicState);
    }),
    { numRuns },
  );
}

const holesOf = (s: DynamicState) => s.mem.segments.filter((x) => x.kind === 'hole');

type Check = (g: Generated, t: Timeline, p: number, s: DynamicState) => void;

/** Each invariant, by the rule it states; checked at every position of every run. */
const CHECKS: [string, number, Check][] = [
  // The rules any valid scenario keeps (shared with the fuzzer).
  ...DYNAMIC_RULES.map(([name, rule]): [string, number, Check] => [name, 150, (_g, t, p, s) => rule(t, p, s)]),
  [
    'compaction leaves at most one hole, at the top of memory (admission may then fill it, but only when-full: swap opens another)',
    150,
    (g, t, p, s) => {
      if (!g.compactAt.has(p) || (t.eventAt(p) as ContiguousEvent).swappedOut.length) return;
      const holes = holesOf(s);
      assert.ok(holes.length <= 1);
      if (holes.length) assert.equal(holes[0]!.start + holes[0]!.size, g.memory);
    },
  ],
  [
    'the processes resident, waiting or swapped out are exactly the live ones',
    150,
    (g, _t, p, s) => {
      const resident = s.mem.segments.filter((x) => x.kind === 'process').map((x) => x.name);
      assert.deepEqual(new Set([...resident, ...s.waiting.map((w) => w.name), ...s.swapped.map((w) => w.name)]), g.alive[p]);
    },
  ],
  [
    'a load placed without compaction or swapping goes where its policy says, ties to the lower address',
    150,
    (_g, t, p, s) => {
      const e = t.eventAt(p) as ContiguousEvent | undefined;
      if (!e || (e.kind !== 'load' && e.kind !== 'swap-in') || e.placed[0]?.name !== e.name || e.swappedOut.length || / compacted /.test(e.sentence)) return;
      const before = t.stateAt(p - 1) as DynamicState;
      const size = s.mem.segments.find((x) => x.name === e.name)!.size;
      const fits = holesOf(before).filter((h) => h.size >= size);
      const policy = t.run.fields.placement;
      let expected: number;
      if (policy === 'first-fit') expected = fits[0]!.start;
      else if (policy === 'best-fit') expected = fits.reduce((a, h) => (h.size < a.size ? h : a)).start;
      else if (policy === 'worst-fit') expected = fits.reduce((a, h) => (h.size > a.size ? h : a)).start;
      else {
        const rover = before.mem.rover;
        const after = rover === null ? [] : fits.filter((h) => h.start + h.size > rover);
        expected = (after[0] ?? fits[0]!).start;
      }
      assert.equal(e.placed[0]!.start, expected, `${policy} put ${e.name} at ${e.placed[0]!.start}`);
    },
  ],
];

describe('dynamic partitioning properties on random traces, every policy and when-full (fast-check)', () => {
  for (const [name, runs, check] of CHECKS) it(name, () => everyState(runs, check));
  it('long traces of hundreds of small processes (memory spread over many chunks) keep every rule above', () => {
    everyState(6, (g, t, p, s) => CHECKS.forEach(([, , check]) => check(g, t, p, s)), true);
  });
});
