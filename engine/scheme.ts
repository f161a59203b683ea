import type { ScenarioReader } from './source.js';
import type { Timeline } from './timeline.js';

/** The schemes of the scenario language, by their short names. */
export const SCHEME_NAMES = [
  'fixed',
  'dynamic',
  'buddy',
  'relocation',
  'paging',
  'segmentation',
  'vm-paging',
  'vm-segmentation',
  'stack-heap',
] as const;
export type SchemeName = (typeof SCHEME_NAMES)[number];

/** Long forms accepted for each scheme (the contract allows adding aliases, never renaming). */
export const SCHEME_ALIASES: Record<string, SchemeName> = {
  'fixed-partitioning': 'fixed',
  'fixed-partition': 'fixed',
  'dynamic-partitioning': 'dynamic',
  'dynamic-partition': 'dynamic',
  'buddy-system': 'buddy',
  'base-bounds': 'relocation',
  'base-and-bounds': 'relocation',
  'simple-paging': 'paging',
  'simple-segmentation': 'segmentation',
  'virtual-memory-paging': 'vm-paging',
  'virtual-paging': 'vm-paging',
  'page-replacement': 'vm-paging',
  'virtual-memory-segmentation': 'vm-segmentation',
  'stack-vs-heap': 'stack-heap',
  'stack-and-heap': 'stack-heap',
};

/** What a scheme's `describeKeys` lists: used for suggestions and for the scenario reference. */
export interface KeyDoc {
  key: string;
  /** Other spellings that mean the same key. */
  aliases?: readonly string[];
  summary: string;
}

/** What a run's fields may hold: each scheme names its own (`{policy, frames}`, `{placement}`). */
export type RunFields = Record<string, unknown>;

/**
 * One run of a scenario: a policy and frame count (paging) or a placement policy (contiguous).
 * `F` is the scheme's own fields, so a scheme and its view read them typed, without casts.
 */
export interface RunSpec<F extends RunFields = RunFields> {
  /** Short label shown above the run's table: `FIFO, 3 frames`, `first-fit`. */
  label: string;
  /** The run's identifying fields as they appear in the JSON report (`{policy, frames}`). */
  fields: F;
}

/**
 * How a metric reads: a count (`1,024`), a ratio (shown as a percentage, `25%`) or a number of
 * bytes (`16M`). The JSON report keeps the plain number whatever the kind.
 */
export type MetricKind = 'count' | 'ratio' | 'bytes';

/** One metric a scheme reports, as a reader sees it in the element, the static fallback and the CLI. */
export interface MetricDoc {
  /** The key in `metrics()` and in the JSON report (`hitRatio`). */
  key: string;
  /** The words a reader sees (`hit ratio`). */
  label: string;
  kind: MetricKind;
}

/**
 * The cost of a scenario, an upper bound computed from its config before anything runs. Steps alone
 * do not bound the work: a step of a million frames costs a million entries to simulate and report,
 * so the cap also counts steps times the entries of each step's state.
 */
export interface Work {
  /** Operations or references simulated, over all runs. */
  steps: number;
  /** Steps times the entries of each step's state (frames, blocks, holes, queue places), over all runs. */
  entries: number;
  /** The key that makes the steps many, where a refusal points (`refs`, `trace`). */
  stepsKey: string;
  /** The key that makes each step's state large (`frames`, `memory`, or the trace's own processes). */
  entriesKey: string;
}

/** What every step event carries, whatever the scheme. */
export interface StepEvent {
  /** Source line of the operation or reference (counted in the file when parsed with a line offset). */
  line: number;
  /** What happened and why, in one sentence: the text a view shows and screen readers announce. */
  sentence: string;
}

/** How much of a table model to build. */
export interface TableOptions {
  /**
   * Give cells their `title` (a tooltip in the element). Default true; the static fallback, which
   * shows no tooltips, asks for none and so skips a string per cell on every block of a site.
   */
  titles?: boolean;
}

/** One cell of a table model; `classes` mark meaning (`fault`, `victim`, `hit`, `current`). */
export interface TableCell {
  text: string;
  classes?: string[];
  /** A longer description for assistive technology and tooltips. */
  title?: string;
}

/**
 * A scheme's textbook table as data, drawn three ways from one source: as text by the CLI, as
 * static HTML by the build plugins, and as the accessible table alternative in the element.
 */
export interface TableModel {
  caption: string;
  /** Header row; the first cell heads the row-label column. */
  head: TableCell[];
  /** Body rows; each row's first cell is its label (a row header). */
  rows: TableCell[][];
}

/**
 * The contract every scheme implements. A newcomer who has read one scheme has read them all.
 * States are immutable values: `apply` returns a new state and never changes the old one, which
 * is what lets the timeline keep snapshots by reference and step back for free.
 */
export interface SchemeModule<Config = any, State = any, Event extends StepEvent = StepEvent, Fields extends RunFields = any> {
  name: SchemeName;
  /** One line for the docs' table of schemes; the scheme's own page says the rest. */
  summary: string;
  /** The keys this scheme reads besides `scheme` and `title`. */
  keys: readonly KeyDoc[];
  /** Every key `metrics` returns, in its order, with the words and kind a reader sees (see engine/metrics.ts). */
  metricDocs: readonly MetricDoc[];
  /** Reads the scheme's keys; reports errors on the reader's source and returns undefined on any. */
  parse(reader: ScenarioReader): Config | undefined;
  /** The runs to simulate, in the order the scenario lists them. */
  runs(config: Config): RunSpec<Fields>[];
  /** How many operations (steps) each run has. */
  stepCount(config: Config): number;
  /** What simulating and reporting every run costs, checked against the work cap (see `Work`). */
  work(config: Config): Work;
  initial(config: Config, run: RunSpec<Fields>): State;
  /** Applies operation `index` (0-based) and says what happened. */
  apply(config: Config, run: RunSpec<Fields>, state: State, index: number): { state: State; event: Event };
  /**
   * Optional, for schemes whose state is large (a frame table): applies operation `index` to a state
   * the caller owns, changing it in place, and returns the event. With `clone`, the timeline uses it
   * to avoid copying the whole state at every step. Must agree with `apply`.
   */
  step?(config: Config, run: RunSpec<Fields>, state: State, index: number): Event;
  /** A deep copy of a state, for `step`. */
  clone?(state: State): State;
  /**
   * Optional, with `clone`: the entries a clone of this state copies. The timeline then spaces its
   * snapshots so that copying them costs a few entries per step, however large the state grows.
   */
  size?(state: State): number;
  /** The metrics of a state, as numbers, for the view and the report's `final`. */
  metrics(config: Config, run: RunSpec<Fields>, state: State): Record<string, number>;
  /** The JSON report's object for one step (without `line` and `sentence`, which are added). */
  stepReport(config: Config, run: RunSpec<Fields>, state: State, event: Event): Record<string, unknown>;
  /** The JSON report's `final` object. */
  finalReport(config: Config, run: RunSpec<Fields>, state: State): Record<string, unknown>;
  /**
   * The textbook table of a run between two positions (1-based step numbers, inclusive), so a
   * view can window a long trace. For paging: the references across, a row per frame, faults marked.
   */
  table(timeline: Timeline<Config, State, Event, Fields>, from: number, to: number, options?: TableOptions): TableModel;
  /** Mermaid source for a state (labels escaped). */
  mermaid(config: Config, run: RunSpec<Fields>, state: State, event: Event | undefined): string;
  /**
   * Optional: loads the module's presentation half, for a scheme that keeps `stepReport`,
   * `finalReport`, `table` and `mermaid` in a separate chunk (see engine/presentation.ts), so a page
   * does not fetch them before its first render. Until it settles those four throw. Idempotent.
   * Node's map of schemes (schemes/all.ts) has already awaited it; a browser awaits it before it
   * shows a table or a diagram.
   */
  present?(): Promise<void>;
  /**
   * Optional: loads the code that parsing and simulating the scenario `text` need beyond the
   * scheme's own chunk, for a scheme that keeps a rarely used operation's code in a chunk of its own
   * (the contiguous traces' `access`: engine/contiguous/trace.ts), so pages that do not use it never
   * fetch it. Await it before `parse`: until it settles, such an operation is a parse error. Without
   * a text it loads everything any scenario may need, as Node's map of schemes (schemes/all.ts) does.
   * Idempotent.
   */
  prepare?(text?: string): Promise<void>;
}
