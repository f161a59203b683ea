/**
 * Metrics the contiguous schemes share: how broken up the free memory is, and what searching it costs.
 */
import { ratio } from '../metrics.js';
import type { MetricDoc } from '../scheme.js';
import type { Region } from './common.js';

/** Hole count, largest hole, total free and external fragmentation of a list of free regions. */
export interface FreeSummary {
  holeCount: number;
  largestHole: number;
  totalFree: number;
  /** 1 - largest hole / total free: 0 when the free memory is one piece (or there is none). */
  externalFragmentation: number;
}

export function summariseFree(holes: Iterable<Region>): FreeSummary {
  let holeCount = 0;
  let largestHole = 0;
  let totalFree = 0;
  for (const h of holes) {
    holeCount++;
    totalFree += h.size;
    if (h.size > largestHole) largestHole = h.size;
  }
  return { holeCount, largestHole, totalFree, externalFragmentation: externalFragmentation(largestHole, totalFree) };
}

/** docs/ARCHITECTURE.md: external fragmentation = 1 - largest hole / total free, 0 when nothing is free. */
export function externalFragmentation(largestHole: number, totalFree: number): number {
  return totalFree === 0 ? 0 : ratio(1 - largestHole / totalFree);
}

/**
 * The holes a search is charged for: the holes it looked at, a failed search included, but only
 * while there are two or more holes to choose among. With a single hole there is no choice to make
 * and so nothing to search, as in Stallings' figure, where the first processes are simply laid one
 * after another into the one free region; the count grows only once memory has been broken up, which
 * is the cost this metric is there to show. (the report contract's example for that figure says 2: the load of
 * P4 and the swap-in of P2, the two placements made with more than one hole in memory.)
 */
export function searchCost(looked: number, holeCount: number): number {
  return holeCount >= 2 ? looked : 0;
}

/**
 * The metrics every contiguous scheme reports, in the order of the report contract (docs/ARCHITECTURE.md): utilisation
 * (`used` bytes of `available`), the free-memory summary and the holes examined, then the scheme's
 * own (`extra`) and the length of the waiting queue.
 */
export function contiguousMetrics(
  used: number,
  available: number,
  free: FreeSummary,
  state: { examined: number; waiting: readonly unknown[] },
  extra: Record<string, number> = {},
): Record<string, number> {
  return {
    utilisation: ratio(used / available),
    externalFragmentation: free.externalFragmentation,
    holeCount: free.holeCount,
    largestHole: free.largestHole,
    totalFree: free.totalFree,
    holesExamined: state.examined,
    ...extra,
    waiting: state.waiting.length,
  };
}

/** How a reader sees the metrics of `contiguousMetrics`, with a scheme's own (`extra`) in the same place. */
export function contiguousMetricDocs(...extra: MetricDoc[]): MetricDoc[] {
  return [
    { key: 'utilisation', label: 'utilisation', kind: 'ratio' },
    { key: 'externalFragmentation', label: 'external fragmentation', kind: 'ratio' },
    { key: 'holeCount', label: 'hole count', kind: 'count' },
    { key: 'largestHole', label: 'largest hole', kind: 'bytes' },
    { key: 'totalFree', label: 'total free', kind: 'bytes' },
    { key: 'holesExamined', label: 'holes examined', kind: 'count' },
    ...extra,
    { key: 'waiting', label: 'waiting', kind: 'count' },
  ];
}
