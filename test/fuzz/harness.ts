/**
 * One fuzz case through everything that reads a scenario: parse, simulate, the JSON report, the
 * static fallback and the CLI's text. Whatever the text, nothing may throw but the positioned
 * errors the parser returns; every error points inside the text; every state keeps its scheme's
 * rules. Used by the Node test (a fixed seed, a few thousand cases) and by `npm run fuzz`.
 */
import { main as cli } from '../../cli/main.js';
import { parseScenario, reportSimulation, simulate, type ScenarioError } from '../../engine/index.js';
import { renderErrorBox, renderFallback } from '../../plugin/fallback.js';
import { unexpectedMarkup } from '../html-check.js';
import { checkTimeline } from '../invariants.js';
import type { FuzzCase } from './grammar.js';

/** Which check a failure broke, so a report can group them. */
export type CheckName = 'parse' | 'error-position' | 'steps' | 'simulate' | 'invariants' | 'invariants-past-2^31' | 'report' | 'fallback' | 'markup' | 'cli' | 'terminal';

export class CheckFailure extends Error {
  constructor(
    readonly check: CheckName,
    message: string,
  ) {
    super(`${check}: ${message}`);
  }
}

export interface CaseResult {
  /** Whether the text parsed (a valid scenario); false for one refused with errors, or a failure. */
  valid: boolean;
  /** CPU time of the case, user + system, in milliseconds. */
  cpuMs: number;
}

function attempt<T>(check: CheckName, f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof CheckFailure) throw e;
    throw new CheckFailure(check, e instanceof Error ? (e.stack ?? e.message) : String(e));
  }
}

/** Every error on a line of the text (lineOffset 0) and a column of that line, with a message. */
export function checkPositions(text: string, errors: readonly ScenarioError[]): void {
  const lines = text.split('\n');
  if (errors.length === 0) throw new CheckFailure('error-position', 'a failed parse gave no error');
  for (const e of errors) {
    const where = `${e.line}:${e.column} ${e.message}`;
    if (!Number.isInteger(e.line) || e.line < 1 || e.line > lines.length) throw new CheckFailure('error-position', `line outside the text's ${lines.length}: ${where}`);
    const room = lines[e.line - 1]!.length + 1;
    if (!Number.isInteger(e.column) || e.column < 1 || e.column > room) throw new CheckFailure('error-position', `column outside line ${e.line} (${room - 1} characters): ${where}`);
    if (typeof e.message !== 'string' || e.message.trim() === '') throw new CheckFailure('error-position', `an empty message at ${e.line}:${e.column}`);
  }
}

/** Control characters a terminal acts on (all but tab and line feed), C1 controls included. */
export const TERMINAL_CONTROLS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/;

/** Runs `mem-sim run` on the text as an in-memory `.yaml` file; its exit status and what it printed. */
export function runCli(text: string): { status: number; out: string; err: string } {
  let out = '';
  let err = '';
  const status = cli(['run', 'case.yaml'], { out: (s) => (out += s + '\n'), err: (s) => (err += s + '\n'), read: () => text });
  return { status, out, err };
}

/** Runs every check on one case; throws a CheckFailure naming the first one broken. Says whether the text parsed. */
export function checkCase(c: FuzzCase): boolean {
  const parsed = attempt('parse', () => parseScenario(c.text, { lineOffset: 0 }));
  let html: string;
  if (!parsed.ok) {
    checkPositions(c.text, parsed.errors);
    html = attempt('fallback', () => renderErrorBox(parsed.errors));
  } else {
    const sim = attempt('simulate', () => {
      const s = simulate(parsed.scenario);
      for (const t of s.runs) t.final;
      return s;
    });
    if (c.steps !== undefined) {
      for (const t of sim.runs) if (t.length !== c.steps) throw new CheckFailure('steps', `${t.run.label} has ${t.length} steps; the text has ${c.steps} operations`);
    }
    const huge = (parsed.scenario.config as { memory?: number }).memory! > 2 ** 31;
    attempt(huge ? 'invariants-past-2^31' : 'invariants', () => sim.runs.forEach(checkTimeline));
    attempt('report', () => {
      const report = reportSimulation(sim, 1);
      const json = JSON.stringify(report);
      const back = JSON.parse(json);
      if (JSON.stringify(back) !== json) throw new Error('the report does not survive a JSON round trip');
      if (back.runs.length !== sim.runs.length) throw new Error('the report lost a run');
    });
    html = attempt('fallback', () => renderFallback(sim, { steps: true, mermaid: true }) + renderFallback(sim, { maxTableSteps: 3 }));
  }
  const stray = unexpectedMarkup(html);
  if (stray.length) throw new CheckFailure('markup', stray.slice(0, 3).join('; '));
  const r = attempt('cli', () => runCli(c.text));
  if (r.status !== (parsed.ok ? 0 : 1)) throw new CheckFailure('cli', `exit status ${r.status} for a ${parsed.ok ? 'valid' : 'invalid'} scenario\n${r.err}`);
  if (!parsed.ok && r.err.trimEnd().split('\n').length < parsed.errors.length) throw new CheckFailure('cli', `printed fewer errors than the parser found:\n${r.err}`);
  const control = TERMINAL_CONTROLS.exec(r.out + r.err);
  if (control) throw new CheckFailure('terminal', `the CLI printed control character U+${control[0].charCodeAt(0).toString(16).padStart(4, '0')} raw`);
  return parsed.ok;
}

/** Runs the checks on one case and measures its CPU time; the failure, if any, is returned with it. */
export function timeCase(c: FuzzCase): CaseResult & { failure?: CheckFailure } {
  const before = process.cpuUsage();
  let failure: CheckFailure | undefined;
  let valid = false;
  try {
    valid = checkCase(c);
  } catch (e) {
    failure = e instanceof CheckFailure ? e : new CheckFailure('parse', String(e));
  }
  const used = process.cpuUsage(before);
  return { valid, cpuMs: (used.user + used.system) / 1000, failure };
}
