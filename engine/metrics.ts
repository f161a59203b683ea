/**
 * Metrics as a reader sees them, written once for the element, the static fallback and the CLI:
 * each scheme describes its metrics (`metricDocs`: key, words, kind) and this formats their values,
 * so the three show the same words and the same numbers. The JSON report keeps the plain numbers.
 */
import type { MetricDoc, MetricKind, SchemeModule } from './scheme.js';
import { formatNumber, formatSize } from './units.js';

/** A ratio rounded to 3 decimals, as the JSON report gives every ratio. */
export const ratio = (x: number): number => Math.round(x * 1000) / 1000;

/** One metric in words: `{ key: 'hitRatio', label: 'hit ratio', text: '25%' }`. */
export interface MetricText {
  key: string;
  label: string;
  text: string;
}

/** A value as its kind reads: ratios as percentages (`25%`), bytes as sizes (`16M`), counts grouped (`1,024`). */
export function formatMetric(kind: MetricKind, value: number): string {
  if (kind === 'ratio') return `${formatNumber(Math.round(value * 1000) / 10)}%`;
  if (kind === 'bytes') return formatSize(value);
  return formatNumber(value);
}

/**
 * A scheme's metrics, in the order `metrics()` gives them, with the scheme's words for each. A key
 * the scheme does not describe (a test holds every scheme to describing all) reads as a count.
 */
export function describeMetrics(scheme: Pick<SchemeModule, 'metricDocs'>, values: Record<string, number>): MetricText[] {
  const docs = new Map<string, MetricDoc>(scheme.metricDocs.map((d) => [d.key, d]));
  return Object.entries(values).map(([key, value]) => {
    const doc = docs.get(key);
    return { key, label: doc?.label ?? key, text: formatMetric(doc?.kind ?? 'count', value) };
  });
}
