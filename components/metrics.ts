/**
 * A run's metrics as a definition list, in the words and numbers the engine writes for every
 * reader (engine/metrics.ts, from the scheme's `metricDocs`): the static fallback and the CLI show
 * the same, so a new scheme's metrics need no code here.
 */
import { css, html, type TemplateResult } from 'lit';
import { describeMetrics } from '../engine/metrics.js';
import type { SchemeModule } from '../engine/scheme.js';
import { formatSize } from '../engine/units.js';

/**
 * `faultsAfterFill` -> `faults after fill`, `writeBacks` -> `write-backs`.
 * @deprecated only for a caller that does not pass the scheme to `renderMetrics`; remove with it.
 */
export function metricLabel(key: string): string {
  return key === 'writeBacks' ? 'write-backs' : key.replace(/[A-Z]/g, (c) => ` ${c.toLowerCase()}`);
}

/**
 * @deprecated only for a caller that does not pass the scheme to `renderMetrics`; remove with it.
 * Ratios (`hitRatio`, `utilisation`, `externalFragmentation`) as percentages, sizes (`largestHole`,
 * `totalFree`, `internalFragmentation`, `unused`, anything ending in Size or Bytes) as 64M or 1.5K,
 * counts as they are.
 */
export function metricText(key: string, value: number): string {
  if (/ratio|utili[sz]ation|externalFragmentation/i.test(key)) return `${Math.round(value * 1000) / 10}%`;
  if (/hole$|free$|size$|bytes$|internalFragmentation|unused$/i.test(key)) return formatSize(value);
  return String(value);
}

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

/**
 * The metrics of a run at one step. Pass the run's scheme (`timeline.scheme`): its `metricDocs`
 * give the words and kinds. Without it the keys' spelling is read as before, until every caller
 * passes the scheme (then the `scheme` parameter becomes required and metricLabel/metricText go).
 */
export function renderMetrics(metrics: Record<string, number>, scheme?: Pick<SchemeModule, 'metricDocs'>): TemplateResult {
  const items = scheme
    ? describeMetrics(scheme, metrics)
    : Object.entries(metrics).map(([key, v]) => ({ key, label: metricLabel(key), text: metricText(key, v) }));
  return html`<dl part="metrics">
    ${items.map((m) => html`<div><dt>${m.label}</dt><dd>${m.text}</dd></div>`)}
  </dl>`;
}
