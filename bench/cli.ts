/**
 * The CLI on hostile and long scenarios (issue 11): the peak memory of `mem-sim run --json` on the
 * largest scenarios the work cap accepts, each a different way of being large, and the time of a
 * whole `--summary` process on the 200,000-reference trace. Runs the compiled CLI in child
 * processes, as authors run it.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, openSync, closeSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { figure, median, printFigures, type Figure } from './common.js';
import { hotColdString } from './paging.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const dir = `${root}.bench-tmp/cli`;

const lines = (n: number, line: (i: number) => string) => Array.from({ length: n }, (_, i) => `  ${line(i)}`).join('\n');

/** Scenarios at or near the cap, each large in its own way: many steps, many frames, many blocks. */
export function capScenarios(): Record<string, string> {
  const trace200k = Array.from(hotColdString(200_000)).join(' ');
  return {
    // The issue's realistic long trace: 200,000 references, 100 frames (20 million frame entries).
    'trace 200,000 refs x 100 frames': `scheme: vm-paging\nframes: 100\nrefs: ${trace200k}\n`,
    // The same trace under two policies: 40 million entries.
    'trace 200,000 refs x 100 frames x FIFO, LRU': `scheme: vm-paging\nframes: 100\npolicy: FIFO, LRU\nrefs: ${trace200k}\n`,
    // A million frames for ten references (the issue's 59 bytes that wrote 428 MB).
    '1M frames x 10 refs': 'scheme: vm-paging\nframes: 1000000\nrefs: 1 2 3 4 1 2 5 1 2 3\n',
    // At the entry cap: a million frames for 50 references (50 million entries).
    '1M frames x 50 refs (at the cap)': `scheme: vm-paging\nframes: 1000000\nrefs: ${Array.from({ length: 50 }, (_, i) => i % 9).join(' ')}\n`,
    // Near the step cap: 500,000 references under ten frame counts (5 million steps).
    '5M steps (500,000 refs x 10 runs)': `scheme: vm-paging\nframes: 1, 2, 3, 4, 5, 6, 7, 8, 9, 10\nrefs: ${'1 2 3 4 5 '.repeat(100_000)}\n`,
    // A buddy memory of 2^40 with loads that stay (blocks over every step near the cap).
    'buddy 2^40, 1,400 resident loads': `scheme: buddy\nmemory: 1099511627776\ntrace: |\n${lines(1400, (i) => `load P${i} ${1 + (i % 4096)}`)}\n`,
    // Dynamic partitioning, four placements, 10,000 operations keeping about 300 processes alive.
    'dynamic 4 placements x 10,000 ops': `scheme: dynamic\nmemory: 1G\nplacement: first-fit, next-fit, best-fit, worst-fit\ntrace: |\n${lines(10_000, (i) =>
      i < 300 || i % 2 === 0 ? `load P${i} ${1 + ((i * 37) % 500)}K` : `exit P${i - 301}`,
    )}\n`,
  };
}

interface Measured {
  ms: number;
  peakMb: number;
  status: number | null;
  stderr: string;
}

function runCli(file: string, args: string[]): Measured {
  const out = openSync('/dev/null', 'w');
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ['--import', `${root}bench/peak-memory.mjs`, `${root}bin/mem-sim.js`, 'run', file, ...args], {
    stdio: ['ignore', out, 'pipe'],
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const ms = performance.now() - t0;
  closeSync(out);
  const kb = Number(/peak-rss-kb (\d+)/.exec(r.stderr)?.[1] ?? NaN);
  return { ms, peakMb: kb / 1024, status: r.status, stderr: r.stderr };
}

export function benchCli(): Figure[] {
  mkdirSync(dir, { recursive: true });
  const figures: Figure[] = [];
  const files: Record<string, string> = {};
  for (const [name, text] of Object.entries(capScenarios())) {
    const file = `${dir}/${name.replace(/[^a-z0-9]+/gi, '-')}.yaml`;
    writeFileSync(file, text);
    files[name] = file;
    const m = runCli(file, ['--json']);
    if (m.status !== 0) throw new Error(`${name}: mem-sim run --json exited ${m.status}: ${m.stderr.slice(0, 400)}`);
    figures.push(figure(`run --json peak memory: ${name} (${(m.ms / 1000).toFixed(1)} s)`, m.peakMb, 512, 'MB', true));
  }
  // Whole processes, start-up included, in turn with the step-by-step report's: median of five.
  const summary: number[] = [];
  for (let i = 0; i < 5; i++) summary.push(runCli(files['trace 200,000 refs x 100 frames']!, ['--json', '--summary']).ms);
  figures.push(figure('run --json --summary, 200,000 refs x 100 frames, whole process (median of 5)', median(summary), 1000, 'ms', true));
  return figures;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const figures = benchCli();
  printFigures(figures);
  process.exit(figures.every((f) => f.ok) ? 0 : 1);
}
