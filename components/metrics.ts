/**
 * A run's metrics as a definition list, in the words and numbers the engine writes for every
 * reader (engine/metrics.ts, from the scheme's `metricDocs`): the static fallback and the CLI show
 * the same, so a new scheme's metrics need no code here.
 */
import { css, html, type TemplateResult } from 'lit';
import { describeMetrics } from '../engine/metrics.js';
import type { SchemeModule } from '../engine/scheme.js';

export const metricsStyles = css`
  dl {
    display: flex;
    flex-wrap: wrap;
    gap: 0.1rem 1rem;
    margin: 0.4rem 0 0;
    font-size: 0.9em;
  }
  dl div {
    display: flex;
    gap: 0.3em;
  }
  dt {
    color: var(--_muted);
  }
  dd {
    margin: 0;
    font-weight: bold;
    font-variant-numeric: tabular-nums;
  }
`;

/** The metrics of a run at one step, in the words and kinds of its scheme's `metricDocs`. */
export function renderMetrics(metrics: Record<string, number>, scheme: Pick<SchemeModule, 'metricDocs'>): TemplateResult {
  const items = describeMetrics(scheme, metrics);
  return html`<dl part="metrics">
    ${items.map((m) => html`<div><dt>${m.label}</dt><dd>${m.text}</dd></div>`)}
  </dl>`;
}
