/**
 * The JSON report of `mem-sim run --json` (a contract checked by tests outside this repo): one object
 * per block, `runs` always an array, each run with its `steps` and `final`.
 */
import type { ScenarioError } from './errors.js';
import { parseWithScheme, readScenarioHead, simulate, type ParseResult, type Simulation } from './scenario.js';
import type { SchemeName } from './scheme.js';
import { SCHEMES } from './schemes/all.js';

export interface BlockErrorReport {
  line: number;
  scheme?: SchemeName;
  errors: ScenarioError[];
}

export interface BlockReport {
  scheme: SchemeName;
  line: number;
  title?: string;
  runs: Record<string, unknown>[];
}

/**
 * Parses a scenario with every scheme built so far (the synchronous entry for Node and tests).
 * @param text the YAML text of one scenario
 * @param opts `lineOffset` shifts reported lines; `scheme` is assumed when the text names none
 */
export function parseScenario(text: string, opts: { lineOffset?: number; scheme?: string } = {}): ParseResult {
  const head = readScenarioHead(text, opts);
  return parseWithScheme(head, head.scheme ? SCHEMES[head.scheme] : undefined);
}

/** The report object of one simulated scenario. */
export function reportSimulation(sim: Simulation, line: number): BlockReport {
  const { module, config, scheme, title } = sim.scenario;
  const runs = sim.runs.map((t) => {
    const steps = t.events.map((event, i) => {
      const state = t.stateAt(i + 1);
      return { line: event.line, ...module.stepReport(config, t.run, state, event), sentence: event.sentence };
    });
    return { ...t.run.fields, steps, final: module.finalReport(config, t.run, t.final) };
  });
  const out: BlockReport = { scheme, line, runs };
  if (title !== undefined) out.title = title;
  return out;
}

/**
 * Parses, simulates and reports one block.
 * @param line the line of the block's opening fence (its text starts on the next line); 1 for a whole YAML file
 * @param lineOffset added to the block's own line numbers (the fence line for markdown, 0 for a YAML file)
 */
export function reportBlock(text: string, line: number, lineOffset: number): BlockReport | BlockErrorReport {
  const parsed = parseScenario(text, { lineOffset });
  if (!parsed.ok) {
    const out: BlockErrorReport = { line, errors: parsed.errors };
    if (parsed.scheme) out.scheme = parsed.scheme;
    return out;
  }
  return reportSimulation(simulate(parsed.scenario), line);
}
