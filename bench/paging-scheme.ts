/**
 * Simple-paging benchmark (issue 14): a seeded trace of 10,000 operations (loads, exits, swap-outs,
 * swap-ins and accesses) over 4,096 frames, parsed and simulated through the engine API as the
 * element does it (a timeline keeps snapshots, so every step's state is reachable), then a few
 * steps read back. No report. Budget: 200 ms.
 * Run alone: `npm run build:lib && node --import tsx bench/paging-scheme.ts`.
 */
import { fileURLToPath } from 'node:url';
import { parseScenario, simulate } from '../lib/engine/index.js'; // the compiled package, as users run it (npm run build:lib)
import { figure, printFigures, seeded, timeMedian, type Figure } from './common.js';

export const PAGING_FRAMES = 4096;
const PAGE_SIZE = 1024;

/**
 * 10,000 operations over 4,096 frames of 1K (the OS in the first 64). Processes of 1 byte to 64K
 * (1 to 64 pages, 32 on average) are loaded while fewer than 80 are alive and exit while more than
 * 120 are, so memory (4,032 frames for processes) runs nearly full and some loads wait for frames; in between, an operation is a load
 * (25%), an exit (20%), a swap-out (5%), a swap-in (5%) or an access (45%) of a random live process
 * at a random address inside it (one that is swapped out or waiting traps: not resident).
 */
export function pagingTrace(seed = 14, length = 10_000): string {
  const rand = seeded(seed);
  const pick = <T>(xs: T[]) => Math.floor(rand() * xs.length);
  const lines: string[] = [];
  const live: { name: string; size: number }[] = [];
  const swapped: { name: string; size: number }[] = [];
  const take = <T>(xs: T[], k: number) => {
    const x = xs[k]!;
    xs[k] = xs[xs.length - 1]!;
    xs.pop();
    return x;
  };
  let n = 0;
  while (lines.length < length) {
    const alive = live.length + swapped.length;
    const r = alive < 80 ? 0 : alive > 120 ? 0.3 : rand();
    if (r < 0.25) {
      const p = { name: `P${n++}`, size: 1 + Math.floor(rand() * 64 * PAGE_SIZE) };
      live.push(p);
      lines.push(`  load ${p.name} ${p.size}`);
    } else if (r < 0.45) {
      const fromSwapped = rand() < swapped.length / alive;
      const p = fromSwapped ? take(swapped, pick(swapped)) : take(live, pick(live));
      lines.push(`  exit ${p.name}`);
    } else if (r < 0.5 && live.length) {
      const p = take(live, pick(live));
      swapped.push(p);
      lines.push(`  swap-out ${p.name}`);
    } else if (r < 0.55 && swapped.length) {
      const p = take(swapped, pick(swapped));
      live.push(p);
      lines.push(`  swap-in ${p.name}`);
    } else {
      const all = rand() < swapped.length / alive ? swapped : live;
      const p = all[pick(all)]!;
      lines.push(`  access ${p.name} ${Math.floor(rand() * p.size)}`);
    }
  }
  return lines.join('\n');
}

export const pagingScenario = (trace = pagingTrace()) =>
  `scheme: paging\npage-size: 1K\nframes: ${PAGING_FRAMES}\nos: 64K\ntrace: |\n${trace}\n`;

export function benchPagingScheme(): Figure[] {
  const text = pagingScenario();
  let waited = 0;
  let used = 0;
  const simulateText = () => {
    const r = parseScenario(text);
    if (!r.ok) throw new Error(`${r.errors[0]!.line}:${r.errors[0]!.column} ${r.errors[0]!.message}`);
    const t = simulate(r.scenario).runs[0]!;
    // Read back a few steps, as a reader jumping around would: each replays from its snapshot.
    for (const at of [1, Math.floor(t.length / 3), Math.floor(t.length / 2) + 7, t.length - 1]) t.stateAt(at);
    waited = t.events.filter((e) => (e as { waited?: boolean }).waited).length;
    used = t.metricsAt(t.length).framesUsed!;
  };
  const ms = timeMedian(simulateText);
  return [
    figure(
      `paging: parse + timeline of 10,000 operations over ${PAGING_FRAMES.toLocaleString('en-US')} frames (${waited} operations waited for frames, ${used} frames used at the end), median of 5`,
      ms,
      200,
      'ms',
      true,
    ),
  ];
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const figures = benchPagingScheme();
  printFigures(figures);
  process.exit(figures.every((f) => f.ok) ? 0 : 1);
}
