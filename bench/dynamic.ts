/**
 * Dynamic-partitioning benchmark (issue 5): a seeded trace of 10,000 operations that keeps about
 * 1,000 holes in memory, simulated once per placement policy. Budget: 200 ms per policy.
 * Run alone: `node --import tsx bench/dynamic.ts`.
 */
import { fileURLToPath } from 'node:url';
import { parseScenario, simulate } from '../lib/engine/index.js'; // the compiled package, as users run it (npm run build:lib)
import { figure, printFigures, seeded, timeMedian, type Figure } from './common.js';

/**
 * 3,000 loads of 1K to 64K, then every third process exits (leaving about 1,000 holes between the
 * survivors), then 6,000 operations alternating a load with the exit of a random live process, so
 * the hole count stays near 1,000 while every search has many holes to look at.
 */
export function dynamicTrace(seed = 5): string {
  const rand = seeded(seed);
  const size = () => `${1 + Math.floor(rand() * 64)}K`;
  const lines: string[] = [];
  const alive: string[] = [];
  let n = 0;
  for (let i = 0; i < 3000; i++) lines.push(`  load P${n++} ${size()}`);
  for (let i = 0; i < 3000; i++) {
    if (i % 3 === 0) lines.push(`  exit P${i}`);
    else alive.push(`P${i}`);
  }
  while (lines.length < 10_000) {
    if (lines.length % 2 === 0) {
      const name = `P${n++}`;
      alive.push(name);
      lines.push(`  load ${name} ${size()}`);
    } else {
      const k = Math.floor(rand() * alive.length);
      lines.push(`  exit ${alive[k]}`);
      alive[k] = alive[alive.length - 1]!;
      alive.pop();
    }
  }
  return lines.join('\n');
}

export function benchDynamic(): Figure[] {
  const trace = dynamicTrace();
  const policies = ['first-fit', 'next-fit', 'best-fit', 'worst-fit'];
  const texts = policies.map((placement) => `scheme: dynamic\nmemory: 256M\nos: 1M\nplacement: ${placement}\ntrace: |\n${trace}\n`);
  let holes = 0;
  const simulateText = (text: string) => {
    const r = parseScenario(text);
    if (!r.ok) throw new Error(r.errors[0]!.message);
    const t = simulate(r.scenario).runs[0]!;
    holes = t.metricsAt(t.length).holeCount!;
  };
  // Warm up every path once, so the first policy measured does not pay for the compiler alone.
  for (const text of texts) simulateText(text);
  return policies.map((placement, i) => {
    const ms = timeMedian(() => simulateText(texts[i]!));
    return figure(`dynamic ${placement}: parse + simulate 10,000 operations (${holes} holes at the end)`, ms, 200, 'ms', true);
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const figures = benchDynamic();
  printFigures(figures);
  process.exit(figures.every((f) => f.ok) ? 0 : 1);
}
