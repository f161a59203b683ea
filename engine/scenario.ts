import { didYouMean, nearestWord, oneOf, type ScenarioError } from './errors.js';
import { SCHEME_ALIASES, SCHEME_NAMES, type SchemeModule, type SchemeName, type Work } from './scheme.js';
import { canonicalKey, ScenarioReader, ScenarioSource } from './source.js';
import { Timeline } from './timeline.js';
import { formatNumber } from './units.js';

/** A scenario text over this many bytes is refused before it is parsed. */
export const MAX_SCENARIO_BYTES = 1024 * 1024;
/** A scenario whose runs add up to more simulated steps than this is refused. */
export const MAX_SIMULATED_STEPS = 5_000_000;
/** A scenario whose runs add up to more than this many state entries (steps times frames, blocks, holes) is refused. */
export const MAX_STATE_ENTRIES = 50_000_000;

export interface ParseOptions {
  /** Added to every reported line, so a block in a markdown file reports lines of the file. */
  lineOffset?: number;
  /** The scheme to assume when the text has no `scheme` key (the element's `scheme` attribute). */
  scheme?: string;
}

/** A valid scenario, ready to simulate. */
export interface Scenario<Config = any> {
  scheme: SchemeName;
  module: SchemeModule<Config>;
  config: Config;
  title?: string;
  /** The step the simulator opens at (the `start` key: a step number, or `end` for the last); absent means 0. */
  start?: number;
}

export type ParseResult<Config = any> =
  | { ok: true; scenario: Scenario<Config> }
  | { ok: false; errors: ScenarioError[]; scheme?: SchemeName };

/** The first half of parsing: size cap, YAML, and which scheme the scenario names. */
export interface ScenarioHead {
  source: ScenarioSource;
  scheme?: SchemeName;
}

/** Resolves a scheme name or alias; undefined for an unknown one. */
export function schemeName(word: string): SchemeName | undefined {
  // What the alias table gives must be a scheme: a plain object's lookup also finds `constructor`.
  const w = canonicalKey(word);
  const name = SCHEME_ALIASES[w] ?? w;
  return (SCHEME_NAMES as readonly string[]).includes(name) ? (name as SchemeName) : undefined;
}

export function readScenarioHead(text: string, opts: ParseOptions = {}): ScenarioHead {
  // UTF-8 needs at most 3 bytes per UTF-16 unit, so most texts need no encoding to be measured.
  const bytes = text.length * 3 <= MAX_SCENARIO_BYTES ? 0 : new TextEncoder().encode(text).length;
  if (bytes > MAX_SCENARIO_BYTES) {
    const source = new ScenarioSource('', opts.lineOffset ?? 0);
    source.errors.length = 0; // the empty stand-in text's own complaint is beside the point
    source.errorAt(
      0,
      `the scenario is ${formatNumber(bytes)} bytes; the limit is 1 MiB (${formatNumber(MAX_SCENARIO_BYTES)} bytes): split it into smaller scenarios`,
    );
    return { source };
  }
  const source = new ScenarioSource(text, opts.lineOffset ?? 0);
  if (source.errors.length) return { source };
  const entry = source.entries.get('scheme');
  const allNames = () => [...SCHEME_NAMES, ...Object.keys(SCHEME_ALIASES)];
  if (!entry) {
    const fallback = opts.scheme === undefined ? undefined : schemeName(opts.scheme);
    if (fallback) return { source, scheme: fallback };
    source.errorAt(
      0,
      opts.scheme === undefined
        ? `missing key 'scheme': expected one of ${oneOf(SCHEME_NAMES)}, such as scheme: vm-paging`
        : `unknown scheme '${opts.scheme}': expected ${oneOf(SCHEME_NAMES)}${didYouMean(opts.scheme, allNames())}`,
    );
    return { source };
  }
  const word = source.word(entry.value, entry.key);
  const name = word && schemeName(word.text);
  if (!word || !name) {
    const near = word && nearestWord(word.text, allNames());
    source.error(
      entry.value ?? entry.keyNode,
      `unknown scheme '${word?.text ?? ''}': expected ${oneOf(SCHEME_NAMES)}${near ? `; did you mean '${near}'?` : ''}`,
    );
    return { source };
  }
  return { source, scheme: name };
}

const keyTables = new WeakMap<SchemeModule, Map<string, string>>();

/** Every spelling a scheme accepts, canonical key -> the key it means (built once per scheme). */
function knownKeys(module: SchemeModule): Map<string, string> {
  let known = keyTables.get(module);
  if (!known) {
    known = new Map<string, string>([['scheme', 'scheme'], ['title', 'title'], ['start', 'start']]);
    for (const k of module.keys) {
      known.set(k.key, k.key);
      for (const a of k.aliases ?? []) known.set(canonicalKey(a), k.key);
    }
    keyTables.set(module, known);
  }
  return known;
}

/** The second half of parsing: the scheme's own keys, values and the work cap. */
export function parseWithScheme(head: ScenarioHead, module: SchemeModule | undefined): ParseResult {
  const { source, scheme } = head;
  if (!scheme || source.errors.length) return { ok: false, errors: source.errors, scheme };
  if (!module) {
    const e = source.entries.get('scheme');
    source.error(e?.value ?? null, `the scheme '${scheme}' is not available yet in this version of mem-sim`);
    return { ok: false, errors: source.errors, scheme };
  }
  const known = knownKeys(module);
  // Aliases are rewritten to their key so a scheme's parser reads one spelling only.
  for (const [canonical, entry] of [...source.entries]) {
    const target = known.get(canonical);
    if (target === undefined) {
      const valid = ['title', 'start', ...module.keys.map((k) => k.key)];
      // The nearest spelling the scheme reads, an alias included (limt: limit, which is bounds).
      const spellings = [...known.keys()];
      source.error(entry.keyNode, `unknown key '${entry.key}' for scheme ${scheme}: expected ${oneOf(valid)}${didYouMean(entry.key, spellings)}`);
      // Read as the key it nearly is, so a misspelt required key is not also reported missing.
      const meant = known.get(nearestWord(entry.key, spellings)!);
      if (meant && !source.entries.has(meant)) source.entries.set(meant, entry);
    } else if (target !== canonical) {
      source.entries.delete(canonical);
      if (source.entries.has(target)) source.error(entry.keyNode, `'${entry.key}' and '${target}' are the same key; give one`);
      else source.entries.set(target, entry);
    }
  }
  const reader = new ScenarioReader(source);
  const title = reader.text('title');
  const config = module.parse(reader);
  // Read only once the config is valid: the message names the scenario's steps.
  const start = config && startStep(source, module.stepCount(config));
  if (source.errors.length || config === undefined) return { ok: false, errors: source.errors, scheme };
  const refusal = workRefusal(module.work(config));
  if (refusal) {
    const e = source.entries.get(refusal.key);
    source.error(e?.keyNode ?? null, refusal.message);
    return { ok: false, errors: source.errors, scheme };
  }
  return { ok: true, scenario: { scheme, module, config, title, start } };
}

/**
 * The `start` key: the step a simulator opens at, so a page of blocks shows states rather than
 * empty grids. A step number from 0 to `steps`, or `end` (the last step). Undefined when absent or bad.
 */
function startStep(source: ScenarioSource, steps: number): number | undefined {
  const e = source.entries.get('start');
  if (!e) return;
  const before = source.errors.length;
  const text = source.word(e.value, e.key)?.text ?? '';
  const n = /^end$/i.test(text) ? steps : /^\d+$/.test(text) ? +text : NaN;
  if (n <= steps) return n;
  // One message for a bad word and a step too far: both need the range of steps.
  if (source.errors.length === before) {
    source.error(e.value ?? e.keyNode, `start: the scenario has ${steps} steps; expected a step from 0 to ${steps} or 'end', got '${text}'${didYouMean(text, ['end'])}`);
  }
}

const count = (n: number) => formatNumber(Math.round(n));

/** Why a scenario of this cost is refused, and the key to point at; undefined when it is within the cap. */
export function workRefusal(work: Work): { key: string; message: string } | undefined {
  if (work.steps > MAX_SIMULATED_STEPS) {
    return {
      key: work.stepsKey,
      message: `this scenario needs about ${count(work.steps)} simulated steps; the limit is ${count(MAX_SIMULATED_STEPS)}: shorten the ${work.stepsKey} or compare fewer runs`,
    };
  }
  if (work.entries > MAX_STATE_ENTRIES) {
    return {
      key: work.entriesKey,
      message: `this scenario needs about ${count(work.entries)} state entries (each step's ${work.entriesKey === 'frames' ? 'frames' : 'blocks and holes'}, over every step); the limit is ${count(MAX_STATE_ENTRIES)}: make ${work.entriesKey} smaller, shorten the ${work.stepsKey} or compare fewer runs`,
    };
  }
  return undefined;
}

/** A simulated scenario: one timeline per run, in the order the scenario lists the runs. */
export interface Simulation<Config = any> {
  scenario: Scenario<Config>;
  runs: Timeline<Config>[];
}

export function simulate<Config>(scenario: Scenario<Config>): Simulation<Config> {
  const { module, config } = scenario;
  return { scenario, runs: module.runs(config).map((run) => new Timeline(module, config, run)) };
}
