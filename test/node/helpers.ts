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
 * 7 or 8 with nothing to pick: `otherwise`, an exit or a compaction.
 * @returns the lines, the processes alive after each step ([0] before the first), and the line
 *   numbers (1-based in `lines`) of the compactions
 */
export function followTrace(
  commands: readonly TraceCommand[],
  opts: { fits: (sizeK: number) => boolean; alive?: Iterable<string>; swapInFrom?: 'swapped' | 'live'; otherwise?: 'exit' | 'compact'; firstNumber?: number },
): { lines: string[]; alive: Set<string>[]; compactAt: Set<number> } {
  const alive = new Set(opts.alive ?? []);
  const swapped = new Set<string>();
  const history = [new Set(alive)];
  const compactAt = new Set<number>();
  const lines: string[] = [];
  let n = opts.firstNumber ?? 0;
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
      lines.push(`  load ${name} ${c.size}K`);
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
