import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseScenario, simulate, type Simulation } from '../../engine/index.js';

/** Parses a scenario that must be valid and simulates it. */
export function run(text: string): Simulation {
  const r = parseScenario(text);
  if (!r.ok) assert.fail(`expected a valid scenario, got: ${r.errors.map((e) => `${e.line}:${e.column} ${e.message}`).join('; ')}`);
  return simulate(r.scenario);
}

/** The errors of a scenario that must be invalid. */
export function errorsOf(text: string, opts: { lineOffset?: number; scheme?: string } = {}) {
  const r = parseScenario(text, opts);
  if (r.ok) assert.fail('expected errors, but the scenario parsed');
  return r.errors;
}

/** One random operation of a contiguous trace: `k` picks the kind, `pick` the process, `size` a load's size in K. */
export interface TraceCommand {
  k: number;
  pick: number;
  size: number;
}

export const traceCommand = (maxK: number, maxSizeK: number): fc.Arbitrary<TraceCommand> =>
  fc.record({ k: fc.integer({ min: 0, max: maxK }), pick: fc.nat(), size: fc.integer({ min: 1, max: maxSizeK }) });

/**
 * The lines of a valid contiguous trace (fixed, dynamic, buddy) for random commands, following process
 * names as the parser follows them. k 0-4, or nothing alive: load a new process, which stays alive if
 * `fits` its size in K (else it is refused); 5-6: exit a live one; 7: swap out one in memory; 8: swap in
 * one of the swapped-out processes (or, with `swapInFrom: 'live'`, any live one); anything else, and a
 * 7 or 8 with nothing to pick: `otherwise`, an exit or a compaction. Sizes are in units of
 * `unit` bytes (1024 unless given), written as `unit` suggests (see `sizeWriter`).
 * @returns the lines, the processes alive after each step ([0] before the first), and the line
 *   numbers (1-based in `lines`) of the compactions
 */
export function followTrace(
  commands: readonly TraceCommand[],
  opts: {
    fits: (sizeK: number) => boolean;
    alive?: Iterable<string>;
    swapInFrom?: 'swapped' | 'live';
    otherwise?: 'exit' | 'compact';
    firstNumber?: number;
    unit?: number;
  },
): { lines: string[]; alive: Set<string>[]; compactAt: Set<number> } {
  const alive = new Set(opts.alive ?? []);
  const swapped = new Set<string>();
  const history = [new Set(alive)];
  const compactAt = new Set<number>();
  const lines: string[] = [];
  let n = opts.firstNumber ?? 0;
  const write = sizeWriter(opts.unit ?? 1024);
  for (const c of commands) {
    const live = [...alive];
    const inMemory = live.filter((x) => !swapped.has(x));
    const out = opts.swapInFrom === 'live' ? live : [...swapped];
    const exit = () => {
      const name = live[c.pick % live.length]!;
      lines.push(`  exit ${name}`);
      alive.delete(name);
      swapped.delete(name);
    };
    if (c.k <= 4 || live.length === 0) {
      const name = `P${n++}`;
      lines.push(`  load ${name} ${write(c.size)}`);
      if (opts.fits(c.size)) alive.add(name);
    } else if (c.k <= 6) {
      exit();
    } else if (c.k === 7 && inMemory.length) {
      const name = inMemory[c.pick % inMemory.length]!;
      lines.push(`  swap-out ${name}`);
      swapped.add(name);
    } else if (c.k === 8 && out.length) {
      const name = out[c.pick % out.length]!;
      lines.push(`  swap-in ${name}`);
      swapped.delete(name);
    } else if (opts.otherwise === 'compact') {
      lines.push('  compact');
      compactAt.add(lines.length);
    } else {
      exit();
    }
    history.push(new Set(alive));
  }
  return { lines, alive: history, compactAt };
}

/**
 * Units for random sizes, from kilobytes to sizes near 2^50 bytes (the largest a scenario may give),
 * so property tests also cover sizes and addresses past 2^32, where 32-bit arithmetic goes wrong.
 * Powers of two only when `powersOfTwo` (the buddy system's memory must be one); otherwise also
 * units that are not, so sizes are odd byte counts.
 */
export const sizeUnit = (powersOfTwo: boolean, max: number): fc.Arbitrary<number> =>
  fc
    .constantFrom(...(powersOfTwo ? [2 ** 10, 2 ** 30, 2 ** 35, 2 ** 41] : [2 ** 10, 2 ** 30, 2 ** 40 + 1, 3 * 2 ** 40 - 7, 2 ** 42 + 2 ** 31 + 5]))
    .filter((u) => u <= max);

/** Writes `n` units of `unit` bytes as a scenario would: `20K`, `3G`, `5T`, or the exact byte count. */
export function sizeWriter(unit: number): (n: number) => string {
  const suffix = ({ [2 ** 10]: 'K', [2 ** 20]: 'M', [2 ** 30]: 'G', [2 ** 40]: 'T' } as Record<number, string>)[unit];
  return suffix ? (n) => `${n}${suffix}` : (n) => String(n * unit);
}
