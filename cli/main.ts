/**
 * `mem-sim check` and `mem-sim run`: the author's command line. Reads markdown files (every
 * ```memsim block) and YAML scenario files (one scenario each).
 */
import { readFileSync } from 'node:fs';
import { describeMetrics, forEachStep, parseScenario, Timeline, writeReport, type Scenario, type ScenarioError, type SchemeModule } from '../engine/index.js';
import { findBlocks } from '../plugin/blocks.js';
import { formatError } from '../plugin/fallback.js';
import { fileColumn } from '../plugin/fence.js';
import { visibleIo } from './terminal.js';
import { renderTextTable } from './text-table.js';

const HELP: Record<string, string> = {
  main: `mem-sim: simulate operating-system memory management from memsim scenarios

Usage:
  mem-sim check FILES...     validate every memsim block in markdown (.md) and scenario (.yaml) files
  mem-sim run FILE [--json] [--summary]
                             simulate every block and print the textbook tables, or the JSON report
  mem-sim help [COMMAND]     show help for a command

Errors are printed as path:LINE:COL message, LINE counted in the file. Exit status 1 on any error.`,
  check: `Usage: mem-sim check FILES...

Validates every memsim block in each markdown file (a fenced block whose language is memsim) and
each .yaml/.yml scenario file (the whole file is one scenario). Prints each error as
path:LINE:COL message (LINE counted in the file, front matter included) and exits 1 if any.`,
  run: `Usage: mem-sim run FILE [--json] [--summary]

Simulates every memsim block in FILE (markdown, or a .yaml scenario) and prints, for each run,
the textbook table and the metrics. With --json, prints the JSON report instead: an array with
one object per block ({scheme, line, runs: [{..., steps, final}]}, or {line, errors} for an
invalid block), written step by step as it is simulated. With --summary, leaves out the steps:
the metrics of each run as text, or with --json each run's fields and final.
Exits 1 if any block is invalid; the errors also go to stderr as path:LINE:COL message.`,
};

interface Block {
  line: number;
  text: string;
  lineOffset: number;
  /** Per line of `text`, the characters before it on its file line (see plugin/blocks.ts). */
  columns: readonly number[];
}

/** A markdown file's blocks by the markdown-it plugin's own parse and rule, so both see the same ones. */
function blocksOf(path: string, content: string): Block[] {
  if (/\.ya?ml$/i.test(path)) return [{ line: 1, text: content, lineOffset: 0, columns: [] }];
  return findBlocks(content).map((b) => ({ ...b, lineOffset: b.line }));
}

/** A block's errors with their columns counted in the file, past quote markers and list indentation. */
function fileErrors(b: Block, errors: ScenarioError[]): ScenarioError[] {
  return errors.map((e) => ({ ...e, column: fileColumn({ line: b.lineOffset, columns: b.columns }, e.line, e.column) }));
}

export interface Io {
  /** Writes a line. */
  out: (s: string) => void;
  err: (s: string) => void;
  read: (path: string) => string;
  /**
   * Writes a piece of a long output as it is made (without a line break of its own). Without it,
   * the pieces are gathered and given to `out` at the end.
   */
  write?: (chunk: string) => void;
}

const defaultIo: Io = {
  // Writes to files and pipes are synchronous on Linux and macOS, so pieces do not pile up in memory.
  write: (s) => void process.stdout.write(s),
  out: (s) => process.stdout.write(s + '\n'),
  err: (s) => process.stderr.write(s + '\n'),
  read: (p) => readFileSync(p, 'utf8'),
};

/**
 * Runs the CLI with `args` (without `node` and the script) and returns the exit status. Everything
 * it writes goes through `visibleIo`: control characters in scenario text reach `io` escaped.
 */
export function main(args: string[], terminal: Io = defaultIo): number {
  const io = visibleIo(terminal);
  const [command, ...rest] = args;
  const wantsHelp = rest.includes('--help') || rest.includes('-h');
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    const topic = command === 'help' ? rest[0] : undefined;
    io.out(HELP[topic ?? 'main'] ?? HELP.main!);
    return command === undefined ? 1 : 0;
  }
  if (command === '--version' || command === '-v') {
    io.out('mem-sim 0.1.0');
    return 0;
  }
  if (command !== 'check' && command !== 'run') {
    io.err(`mem-sim: unknown command '${command}': expected check or run (mem-sim --help)`);
    return 2;
  }
  if (wantsHelp) {
    io.out(HELP[command]!);
    return 0;
  }
  const json = rest.includes('--json');
  const summary = rest.includes('--summary');
  const unknownFlag = rest.find((a) => a.startsWith('-') && a !== '--json' && (a !== '--summary' || command !== 'run'));
  if (unknownFlag) {
    io.err(`mem-sim ${command}: unknown option '${unknownFlag}' (mem-sim ${command} --help)`);
    return 2;
  }
  const files = rest.filter((a) => !a.startsWith('-'));
  if (files.length === 0 || (command === 'run' && files.length !== 1)) {
    for (const line of HELP[command]!.split('\n')) io.err(line);
    return 2;
  }
  return command === 'check' ? check(files, io) : run(files[0]!, { json, summary }, io);
}

/** Why a file could not be read, in words, for the system errors an author meets (the code stays, for searching). */
const WHY_UNREADABLE: Record<string, string> = { ENOENT: 'no such file', EACCES: 'permission denied', EISDIR: 'it is a folder', ENOTDIR: 'a part of the path is not a folder' };

function read(path: string, io: Io): string | undefined {
  try {
    return io.read(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code && Object.hasOwn(WHY_UNREADABLE, code) ? `${WHY_UNREADABLE[code]}, ${code}` : code ?? (e as Error).message;
    io.err(`${path}: cannot read the file (${why})`);
    return undefined;
  }
}

function check(files: string[], io: Io): number {
  let failed = false;
  for (const path of files) {
    const content = read(path, io);
    if (content === undefined) {
      failed = true;
      continue;
    }
    const blocks = blocksOf(path, content);
    let errors = 0;
    for (const b of blocks) {
      const r = parseScenario(b.text, { lineOffset: b.lineOffset });
      if (!r.ok) for (const e of fileErrors(b, r.errors)) (errors++, io.err(formatError({ ...e, file: path })));
    }
    if (errors) failed = true;
    else io.out(`${path}: ${blocks.length} memsim block${blocks.length === 1 ? '' : 's'}, no errors`);
  }
  return failed ? 1 : 0;
}

/** Steps per table drawn at a time: a long trace's table is written window by window, never whole. */
const TABLE_WINDOW = 200;

function run(path: string, opts: { json: boolean; summary: boolean }, io: Io): number {
  const content = read(path, io);
  if (content === undefined) return 1;
  const pieces: string[] = [];
  const write = io.write ?? ((s: string) => void pieces.push(s));
  let failed = false;
  const blocks = blocksOf(path, content).map((b) => {
    const parsed = parseScenario(b.text, { lineOffset: b.lineOffset });
    if (!parsed.ok) {
      failed = true;
      const errors = fileErrors(b, parsed.errors);
      for (const e of errors) io.err(formatError({ ...e, file: path }));
      return { line: b.line, parsed: { ...parsed, errors } };
    }
    return { line: b.line, parsed };
  });
  if (opts.json) writeReport(blocks, write, { summary: opts.summary });
  else for (const b of blocks) if (b.parsed.ok) writeText(path, b.line, b.parsed.scenario, opts.summary, write);
  if (!io.write) io.out(pieces.join('').replace(/\n$/, ''));
  return failed ? 1 : 0;
}

/** One block as text: per run, its table (unless `summary`) and its metrics. */
function writeText(path: string, line: number, scenario: Scenario, summary: boolean, write: (s: string) => void): void {
  write(`${path}:${line}  ${scenario.scheme}${scenario.title ? `: ${scenario.title}` : ''}\n`);
  const { module, config } = scenario;
  for (const run of module.runs(config)) {
    if (summary) {
      const final = forEachStep(module, config, run, () => {});
      write(`\n${run.label}\n${metricsText(module, module.metrics(config, run, final))}\n`);
      continue;
    }
    const t = new Timeline(module, config, run);
    for (let from = 1; from <= Math.max(1, t.length); from += TABLE_WINDOW) {
      write(`\n${renderTextTable(module.table(t, from, Math.min(t.length, from + TABLE_WINDOW - 1), { titles: false }))}\n`);
    }
    write(`${metricsText(module, t.metricsAt(t.length))}\n`);
  }
  write('\n');
}

/** `faults 15, hit ratio 25%, ...`: the words and numbers the element and the static fallback show. */
export const metricsText = (module: SchemeModule, values: Record<string, number>): string =>
  describeMetrics(module, values)
    .map((m) => `${m.label} ${m.text}`)
    .join(', ');
