/** One benchmark figure against its budget. `lower` says whether smaller values are better. */
export interface Figure {
  name: string;
  value: number;
  budget: number;
  unit: string;
  ok: boolean;
}

export function figure(name: string, value: number, budget: number, unit: string, lowerIsBetter: boolean): Figure {
  return { name, value, budget, unit, ok: lowerIsBetter ? value <= budget : value >= budget };
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** The `p`-th quantile (0 to 1) of `xs`, nearest rank: the value at or below which that share of them lie. */
export function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.max(0, Math.ceil(s.length * p) - 1)]!;
}

/** Median wall time in ms of `runs` calls after one warm-up call. */
export function timeMedian(fn: () => void, runs = 5): number {
  fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  return median(times);
}

/** A small seeded generator (mulberry32), so every run measures the same input. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function printFigures(figures: Figure[]): void {
  for (const f of figures) {
    const v = f.value >= 100 ? f.value.toFixed(0) : f.value.toFixed(2);
    console.log(`${f.ok ? 'ok  ' : 'MISS'} ${f.name}: ${v} ${f.unit} (budget ${f.budget} ${f.unit})`);
  }
}
