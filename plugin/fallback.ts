/**
 * The static fallback: what a reader sees when JavaScript does not run (and what a search engine
 * indexes). The engine simulates the scenario at build time; this file turns each run's textbook
 * table and metrics into plain HTML. It knows no scheme: every scheme describes itself through the
 * same `TableModel` and metrics record, so a new scheme needs no change here.
 */
import { describeMetrics, formatNumber, type MetricText, type ScenarioError, type Simulation, type TableCell, type TableModel, type Timeline } from '../engine/index.js';
import { escapeHtml } from './escape.js';

/** The engine's number formatter, re-exported where the fallback's callers have always found it. */
export { formatNumber };

/** Runs longer than this show only their final state in the fallback, by default. */
export const DEFAULT_MAX_TABLE_STEPS = 2000;

export interface FallbackOptions {
  /**
   * A run with more steps than this shows only its final state and metrics, not the full table
   * (whose HTML grows with every step). Default 2000.
   */
  maxTableSteps?: number;
  /** Add each run's step-by-step sentences in a closed `<details>` (full tables only). Default false: they add a sentence per step to the page. */
  steps?: boolean;
  /** Add the Mermaid source of each run's last step in a `<pre class="mermaid">`. Default false. */
  mermaid?: boolean;
}

/** An error of a block, located in its file. */
export interface LocatedError extends ScenarioError {
  /** The file's path as the host names it (undefined when the host gives none). */
  file?: string;
}

/** `path:LINE:COL message`, the form compilers use, which editors and terminals turn into links. */
export function formatError(e: LocatedError): string {
  return `${e.file ? `${e.file}:` : ''}${e.line}:${e.column} ${e.message}`;
}

/**
 * One cell. Its classes (fault, hit, victim, dirty) let a stylesheet mark it; its `title` is left
 * out: a tooltip on every cell would double the size of a page for little (the step-by-step list
 * says the same in words).
 */
function cell(open: string, close: string, c: TableCell): string {
  const classes = c.classes?.length ? ` class="${escapeHtml(c.classes.join(' '))}"` : '';
  return `${open}${classes}>${escapeHtml(c.text)}${close}`;
}

/** A table model as an HTML table: a header row of columns and a row header on every row. */
export function renderTable(model: TableModel, caption = model.caption): string {
  let head = '<tr>';
  for (const c of model.head) head += cell('<th scope="col"', '</th>', c);
  head += '</tr>';
  let rows = '';
  for (const row of model.rows) {
    rows += '<tr>';
    row.forEach((c, i) => (rows += i === 0 ? cell('<th scope="row"', '</th>', c) : cell('<td', '</td>', c)));
    rows += '</tr>';
  }
  // The wrapper scrolls a long reference string sideways on a narrow screen; tabindex lets a
  // keyboard user scroll it too.
  return (
    `<div class="mem-sim-scroll" tabindex="0"><table class="mem-sim-table"><caption>${escapeHtml(caption)}</caption>` +
    `<thead>${head}</thead><tbody>${rows}</tbody></table></div>`
  );
}

/** Metrics as a description list: each metric's words and value as the engine writes them (engine/metrics.ts). */
export function renderMetrics(metrics: readonly MetricText[]): string {
  const items = metrics.map((m) => `<div><dt>${escapeHtml(m.label)}</dt><dd>${escapeHtml(m.text)}</dd></div>`).join('');
  return `<dl class="mem-sim-metrics">${items}</dl>`;
}

function renderRun(t: Timeline, opts: Required<FallbackOptions>, start: number | undefined): string {
  const n = t.length;
  const full = n <= opts.maxTableSteps;
  // A long run shows one step's state: the scenario's `start` when it names a step taken, else the last.
  const shown = start || n;
  // No titles: the fallback shows no tooltips (see cell), so the schemes need not write them.
  const model = full ? t.scheme.table(t, 1, n, { titles: false }) : t.scheme.table(t, shown, shown, { titles: false });
  const parts = [
    full
      ? renderTable(model)
      : `<p class="mem-sim-note">This run has ${formatNumber(n)} steps: the table shows the state after ${shown === n ? 'the last one' : `step ${formatNumber(shown)}`}. ` +
        `The step-by-step simulator needs JavaScript.</p>` +
        renderTable(model, `${model.caption}: after step ${formatNumber(shown)}`),
    renderMetrics(describeMetrics(t.scheme, t.metricsAt(full ? n : shown))),
  ];
  if (full && opts.steps && n > 0) {
    const items = t.events.map((e) => `<li>${escapeHtml(e.sentence)}</li>`).join('');
    parts.push(`<details class="mem-sim-steps"><summary>Step by step: ${escapeHtml(t.run.label)}</summary><ol>${items}</ol></details>`);
  }
  if (opts.mermaid) parts.push(`<pre class="mermaid">${escapeHtml(t.mermaidAt(n))}</pre>`);
  return `<div class="mem-sim-run">${parts.join('\n')}</div>`;
}

/**
 * The fallback of a simulated scenario: its title, then for every run its textbook table (or, past
 * `maxTableSteps`, the state after the scenario's `start` step, or after the last step when `start`
 * is absent or 0), its metrics and optionally its steps and Mermaid source. A full table ignores
 * `start`: a reader without JavaScript cannot step, so the table keeps every step.
 */
export function renderFallback(sim: Simulation, options: FallbackOptions = {}): string {
  const opts: Required<FallbackOptions> = {
    maxTableSteps: options.maxTableSteps ?? DEFAULT_MAX_TABLE_STEPS,
    steps: options.steps ?? false,
    mermaid: options.mermaid ?? false,
  };
  const title = sim.scenario.title ? `<p class="mem-sim-title">${escapeHtml(sim.scenario.title)}</p>\n` : '';
  return `<div class="mem-sim-fallback">\n${title}${sim.runs.map((t) => renderRun(t, opts, sim.scenario.start)).join('\n')}\n</div>`;
}

/**
 * The error box of an invalid block, shown in the page instead of failing the build when the host
 * asks for inline errors: each error as `file:line:col` and its message.
 */
export function renderErrorBox(errors: LocatedError[]): string {
  const items = errors
    .map((e) => {
      const where = `${e.file ? `${e.file}:` : ''}${e.line}:${e.column}`;
      return `<li><code>${escapeHtml(where)}</code> ${escapeHtml(e.message)}</li>`;
    })
    .join('');
  const count = errors.length === 1 ? 'an error' : `${errors.length} errors`;
  return `<div class="mem-sim-fallback mem-sim-errors">\n<p>This memsim block has ${count}:</p><ul>${items}</ul>\n</div>`;
}

/**
 * The stylesheet added with `fallbackStyles`: readable tables in light and dark pages, scrolling on
 * narrow screens. Until a simulator has loaded, the browser lays out only the fallbacks near the
 * viewport (`content-visibility`): a page of many simulators laid its prerendered tables (thousands of
 * cells) out in full before its first paint. The element has no shadow root (and so none of its own
 * style) until its scenario has loaded, then the same rule (components/visibility.ts). `[hidden]`
 * stays the element's own.
 */
export const FALLBACK_CSS = [
  'mem-sim:not([hidden]){display:block;margin:1em 0;content-visibility:auto;contain-intrinsic-size:auto 24rem}',
  '.mem-sim-title{font-weight:bold}',
  '.mem-sim-scroll{overflow-x:auto;max-width:100%}',
  '.mem-sim-table{border-collapse:collapse;font-variant-numeric:tabular-nums;margin:.5em 0}',
  '.mem-sim-table caption{text-align:start;font-weight:bold;padding:.25em 0}',
  '.mem-sim-table th,.mem-sim-table td{border:1px solid rgba(128,128,128,.6);padding:.15em .45em;text-align:center;min-width:1.6em}',
  '.mem-sim-table th[scope=row]{text-align:start;white-space:nowrap}',
  '.mem-sim-table td.fault{font-weight:bold;background:rgba(230,120,20,.18)}',
  '.mem-sim-table td.victim{text-decoration:underline}',
  // The working set lists a page a line, as the view stacks it.
  '.mem-sim-table td.set{white-space:pre-line}',
  '.mem-sim-metrics{display:flex;flex-wrap:wrap;gap:.25em 1.5em;margin:.5em 0}',
  '.mem-sim-metrics>div{display:flex;gap:.4em}',
  '.mem-sim-metrics dd{margin:0;font-weight:bold}',
  '.mem-sim-errors{border-inline-start:4px solid #c33;padding:.25em .75em}',
].join('');
