/**
 * Page-replacement benchmarks (issue 2): the fast path on a seeded million-reference string, and the
 * stepwise path into a timeline with random jumps.
 */
import { fileURLToPath } from 'node:url';
import { countFaults, faultCurve, parseScenario, simulate } from '../lib/engine/index.js'; // the compiled package, as users run it (npm run build:lib)
import { figure, printFigures, seeded, timeMedian, type Figure } from './common.js';

/** Pages 0..999: with probability 0.8 one of the hot pages 0..199, else one of 200..999. */
export function hotColdString(length: number, seed = 42): Int32Array {
  const rand = seeded(seed);
  const out = new Int32Array(length);
  for (let i = 0; i < length; i++) out[i] = rand() < 0.8 ? Math.floor(rand() * 200) : 200 + Math.floor(rand() * 800);
  return out;
}

export function benchPaging(): Figure[] {
  const figures: Figure[] = [];
  const refs = hotColdString(1_000_000);
  // Issue 17: the policies that scan or count at 10 M/s. MRU and RANDOM have no budget in the issue:
  // their figures are reported, against 0.
  const policies = [['FIFO', 20], ['LRU', 20], ['CLOCK', 20], ['OPT', 3], ['NRU', 10], ['AGING', 10], ['LFU', 10], ['MFU', 10], ['ENHANCED-CLOCK', 10], ['MRU', 0], ['RANDOM', 0]] as const;
  for (const [policy, budget] of policies) {
    const ms = timeMedian(() => countFaults(refs, 100, policy));
    const name = `fast path ${policy}, 1M references, 100 frames${budget ? '' : ' (no budget: reported only)'}`;
    figures.push(figure(name, refs.length / ms / 1000, budget, 'M refs/s', false));
  }

  const sweepRefs = hotColdString(100_000, 3);
  const counts = Array.from({ length: 100 }, (_, k) => k + 1);
  const sweepMs = timeMedian(() => ['FIFO', 'LRU', 'OPT'].forEach((p) => faultCurve(sweepRefs, counts, p)), 3);
  figures.push(figure("Belady sweep: 1 to 100 frames, 100,000 references, FIFO + LRU + OPT", sweepMs, 2000, 'ms', true));

  const stepRefs = hotColdString(100_000, 7);
  const text = `scheme: vm-paging\nframes: 100\npolicy: FIFO, LRU, OPT, CLOCK\nrefs: ${Array.from(stepRefs).join(' ')}\n`;
  let sim: ReturnType<typeof simulate> | undefined;
  const buildMs = timeMedian(() => {
    const r = parseScenario(text);
    if (!r.ok) throw new Error(r.errors[0]!.message);
    sim = simulate(r.scenario);
  }, 3);
  figures.push(figure('stepwise: parse + timelines of 100,000 references x 4 policies', buildMs, 2000, 'ms', true));

  const rand = seeded(9);
  let worst = 0;
  for (const t of sim!.runs) {
    for (let i = 0; i < 50; i++) {
      const p = Math.floor(rand() * (t.length + 1));
      const t0 = performance.now();
      t.stateAt(p);
      t.eventAt(p);
      worst = Math.max(worst, performance.now() - t0);
    }
  }
  figures.push(figure('timeline jump to a random step (worst of 200)', worst, 50, 'ms', true));
  return figures;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const figures = benchPaging();
  printFigures(figures);
  process.exit(figures.every((f) => f.ok) ? 0 : 1);
}
