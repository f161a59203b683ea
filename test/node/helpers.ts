import assert from 'node:assert/strict';
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
