/**
 * The static fallback: what a reader sees when JavaScript does not run (and what a search engine
 * indexes). The engine simulates the scenario at build time; this file turns each run's textbook
 * table and metrics into plain HTML. It knows no scheme: every scheme describes itself through the
 * same `TableModel` and metrics record, so a new scheme needs no change here.
 */
import type { ScenarioError, Simulation, TableCell, TableModel, Timeline } from '../engine/index.js';
import { escapeHtml } from './escape.js';

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

let intlFormat: Intl.NumberFormat | undefined;

/**
 * A number as `Intl.NumberFormat('en-US', { maximumFractionDigits: 3 })` writes it (`1,234.568`,
 * `0.25`, `-0`): digit grouping, at most three decimals, rounded half away from zero on the
 * number's shortest decimal form. Written out because starting Intl costs about 30 ms in each
 * build thread, more than drawing a hundred fallbacks; Intl itself still formats what this does
 * not (exponent forms, infinities).
 */
export function formatNumber(v: number): string {
  const digits = String(Math.abs(v));
  if (!/^[0-9]+(\.[0-9]+)?$/.test(digits)) return (intlFormat ??= new Intl.NumberFormat('en-US', { maximumFractionDigits: 3 })).format(v);
  const point = digits.indexOf('.');
  let whole = point < 0 ? digits : digits.slice(0, point);
  let fraction = point < 0 ? '' : digits.slice(point + 1);
  if (fraction.length > 3) {
    const up = fraction.charCodeAt(3) >= 53; /* '5' */
    fraction = fraction.slice(0, 3);
    if (up) {
      const n = (BigInt(whole + fraction) + 1n).toString().padStart(whole.length + 3, '0');
      whole = n.slice(0, -3);
      fraction = n.slice(-3);
    }
    fraction = fraction.replace(/0+$/, '');
  }
  const sign = v < 0 || Object.is(v, -0) ? '-' : '';
  return `${sign}${whole.replace(/\B(?=(\d{3})+$)/g, ',')}${fraction ? `.${fraction}` : ''}`;
}

const labels = new Map<string, string>();

/** `faultsAfterFill` -> `faults after fill`: a metric's key as words, for any scheme. */
export function metricLabel(key: string): string {
  let label = labels.get(key);
  if (label === undefined) {
    label = key
      .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
      .replace(/[-_]+/g, ' ')
      .toLowerCase();
    labels.set(key, label);
  }
  return label;
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

/** Metrics as a description list: the metric's name in words, its value. */
export function renderMetrics(metrics: Record<string, number>): string {
  const items = Object.entries(metrics)
    .map(([k, v]) => `<div><dt>${escapeHtml(metricLabel(k))}</dt><dd>${escapeHtml(formatNumber(v))}</dd></div>`)
    .join('');
  return `<dl class="mem-sim-metrics">${items}</dl>`;
}

function renderRun(t: Timeline, opts: Required<FallbackOptions>): string {
  const n = t.length;
  const full = n <= opts.maxTableSteps;
  // No titles: the fallback shows no tooltips (see cell), so the schemes need not write them.
  const model = full ? t.scheme.table(t, 1, n, { titles: false }) : t.scheme.table(t, n, n, { titles: false });
  const parts = [
    full
      ? renderTable(model)
      : `<p class="mem-sim-note">This run has ${formatNumber(n)} steps: the table shows the state after the last one. ` +
        `The step-by-step simulator needs JavaScript.</p>` +
        renderTable(model, `${model.caption}: after step ${formatNumber(n)}`),
    renderMetrics(t.metricsAt(n)),
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
 * `maxTableSteps`, its final state), its metrics and optionally its steps and Mermaid source.
 */
export function renderFallback(sim: Simulation, options: FallbackOptions = {}): string {
  const opts: Required<FallbackOptions> = {
    maxTableSteps: options.maxTableSteps ?? DEFAULT_MAX_TABLE_STEPS,
    steps: options.steps ?? false,
    mermaid: options.mermaid ?? false,
  };
  const title = sim.scenario.title ? `<p class="mem-sim-title">${escapeHtml(sim.scenario.title)}</p>\n` : '';
  return `<div class="mem-sim-fallback">\n${title}${sim.runs.map((t) => renderRun(t, opts)).join('\n')}\n</div>`;
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
