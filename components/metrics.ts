/**
 * A run's metrics as a definition list. The engine gives plain numbers keyed in camelCase; the
 * names say how to show them, so a new scheme's metrics need no code here.
 */
import { css, html, type TemplateResult } from 'lit';
import { formatSize } from '../engine/units.js';

/** `faultsAfterFill` -> `faults after fill`, `writeBacks` -> `write-backs`. */
export function metricLabel(key: string): string {
  return key === 'writeBacks' ? 'write-backs' : key.replace(/[A-Z]/g, (c) => ` ${c.toLowerCase()}`);
}

/**
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

export function renderMetrics(metrics: Record<string, number>): TemplateResult {
  return html`<dl part="metrics">
    ${Object.entries(metrics).map(([k, v]) => html`<div><dt>${metricLabel(k)}</dt><dd>${metricText(k, v)}</dd></div>`)}
  </dl>`;
}
