/**
 * The JSON report of `mem-sim run --json` (a contract checked by tests outside this repo): one object
 * per block, `runs` always an array, each run with its `steps` and `final`.
 */
import type { ScenarioError } from './errors.js';
import { fastFinalReport } from './fast/final.js';
import { explainErrors } from './hints/index.js';
import { jsonText } from './json-text.js';
import { parseWithScheme, readScenarioHead, simulate, type ParseResult, type Scenario, type Simulation } from './scenario.js';
import type { RunSpec, SchemeModule, SchemeName, StepEvent } from './scheme.js';
import { SCHEMES } from './schemes/all.js';
import { forEachStep } from './timeline.js';

export interface BlockErrorReport {
  line: number;
  scheme?: SchemeName;
  errors: ScenarioError[];
}

export interface BlockReport {
  scheme: SchemeName;
  line: number;
  title?: string;
  /** The step the simulator opens at, when the scenario gives `start` (`end` written as the last step's number). */
  start?: number;
  runs: Record<string, unknown>[];
}

/**
 * Parses a scenario with every scheme built so far (the synchronous entry for Node and tests).
 * @param text the YAML text of one scenario
 * @param opts `lineOffset` shifts reported lines; `scheme` is assumed when the text names none
 */
export function parseScenario(text: string, opts: { lineOffset?: number; scheme?: string } = {}): ParseResult {
  const head = readScenarioHead(text, opts);
  const parsed = parseWithScheme(head, head.scheme ? SCHEMES[head.scheme] : undefined);
  // The slips authors make most, in the scenario's words (hints/).
  return parsed.ok ? parsed : { ...parsed, errors: explainErrors(text, parsed.errors, opts.lineOffset) };
}

/** One step's object in the report: its source line, the scheme's fields, its sentence. */
function stepObject<C, S, E extends StepEvent>(module: SchemeModule<C, S, E>, config: C, run: RunSpec, state: S, event: E) {
  return { line: event.line, ...module.stepReport(config, run, state, event), sentence: event.sentence };
}

/** A run's `final`: the scheme's final report and the Mermaid source of its last step (the report contract). */
function finalObject<C, S, E extends StepEvent>(module: SchemeModule<C, S, E>, config: C, run: RunSpec, state: S, last: E | undefined) {
  return { ...module.finalReport(config, run, state), mermaid: module.mermaid(config, run, state, last) };
}

/** The report object of one simulated scenario. */
export function reportSimulation(sim: Simulation, line: number): BlockReport {
  const { module, config, scheme, title, start } = sim.scenario;
  const runs = sim.runs.map((t) => {
    const steps = t.events.map((event, i) => stepObject(module, config, t.run, t.stateAt(i + 1), event));
    return { ...t.run.fields, steps, final: finalObject(module, config, t.run, t.final, t.eventAt(t.length)) };
  });
  const out: BlockReport = { scheme, line, runs };
  if (title !== undefined) out.title = title;
  if (start !== undefined) out.start = start;
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

/** A block to report: its fence line and what parsing it gave. */
export interface ReportInput {
  line: number;
  parsed: ParseResult;
}

export interface WriteReportOptions {
  /** Leave out every run's `steps`: the report is then each run's fields and `final`. */
  summary?: boolean;
}

/**
 * Writes the JSON report of `mem-sim run --json` for several blocks, in pieces: each step is written
 * as soon as it is simulated and then dropped, so writing a report of any length holds one step's
 * state and one step's text at a time, never the whole report. The text parses to what
 * `reportSimulation` and the error reports give (the layout is `jsonText`'s).
 * @param write receives the text in order; the pieces joined are the whole report
 */
export function writeReport(blocks: Iterable<ReportInput>, write: (chunk: string) => void, options: WriteReportOptions = {}): void {
  let first = true;
  for (const { line, parsed } of blocks) {
    write(first ? '[\n  ' : ',\n  ');
    first = false;
    if (!parsed.ok) {
      write(jsonText({ line, ...(parsed.scheme ? { scheme: parsed.scheme } : {}), errors: parsed.errors }, '  '));
      continue;
    }
    writeScenario(parsed.scenario, line, write, options);
  }
  write(first ? '[]\n' : '\n]\n');
}

/** An object's JSON text without its closing brace, so more members can follow. */
const openObject = (value: Record<string, unknown>, indent: string) => {
  const text = jsonText(value, indent);
  return text === '{}' ? '{' : `${text.slice(0, -(indent.length + 2))},`;
};

function writeScenario(scenario: Scenario, line: number, write: (chunk: string) => void, options: WriteReportOptions): void {
  const { module, config, scheme, title, start } = scenario;
  const head: Record<string, unknown> = { scheme, line };
  if (title !== undefined) head.title = title;
  if (start !== undefined) head.start = start;
  write(`${openObject(head, '  ')}\n    "runs": [`);
  module.runs(config).forEach((run, r) => {
    write(`${r === 0 ? '\n      ' : ',\n      '}${openObject(run.fields, '      ')}`);
    let final;
    let last: StepEvent | undefined;
    if (options.summary) {
      const fast = fastFinalReport(scenario, run);
      if (fast) {
        write(`\n        "final": ${jsonText(fast, '        ')}\n      }`);
        return;
      }
      final = forEachStep(module, config, run, (_state, event) => (last = event));
    } else {
      write('\n        "steps": [');
      final = forEachStep(module, config, run, (state, event, i) => {
        last = event;
        write(`${i === 0 ? '\n          ' : ',\n          '}${jsonText(stepObject(module, config, run, state, event), '          ')}`);
      });
      write(module.stepCount(config) === 0 ? '],' : '\n        ],');
    }
    write(`\n        "final": ${jsonText(finalObject(module, config, run, final, last), '        ')}\n      }`);
  });
  write('\n    ]\n  }');
}
