/**
 * `npm run fuzz -- --runs N [--seed S]`: the fuzzer at scale. Runs N cases (default 10,000) from the
 * grammars, prints the slowest by CPU time and flags those over 200 ms, and exits 1 on any failure
 * with the failing scenario printed.
 */
import fc from 'fast-check';
import { fuzzCase, type FuzzCase } from './grammar.js';
import { timeCase, type CheckFailure } from './harness.js';

const SLOW_MS = 200;
const SHOWN = 10;

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const v = Number(process.argv[i + 1]);
  if (!Number.isSafeInteger(v)) {
    console.error(`npm run fuzz: --${name} expects a whole number, got '${process.argv[i + 1] ?? ''}'`);
    process.exit(2);
  }
  return v;
}

const runs = option('runs', 10_000);
const seed = option('seed', Date.now() % 2 ** 31);
console.log(`fuzz: ${runs.toLocaleString('en-US')} cases, seed ${seed}`);

const slowest: { ms: number; c: FuzzCase }[] = [];
const failures = new Map<string, { count: number; first: FuzzCase; failure: CheckFailure }>();
let total = 0;
let valid = 0;
let cases = 0;
const started = Date.now();

// fc.check walks the same seeded stream fc.assert would, so `--seed S` replays a run exactly.
fc.check(
  fc.property(fuzzCase(), (c) => {
    const r = timeCase(c);
    cases++;
    total += r.cpuMs;
    if (r.valid) valid++;

    if (slowest.length < SHOWN || r.cpuMs > slowest[slowest.length - 1]!.ms) {
      slowest.push({ ms: r.cpuMs, c });
      slowest.sort((a, b) => b.ms - a.ms);
      slowest.length = Math.min(slowest.length, SHOWN);
    }
    if (r.failure) {
      const f = failures.get(r.failure.check);
      if (f) f.count++;
      else failures.set(r.failure.check, { count: 1, first: c, failure: r.failure });
    }
    if (cases % 10_000 === 0) console.log(`  ${cases.toLocaleString('en-US')} cases, ${((Date.now() - started) / 1000).toFixed(0)} s`);
    return true;
  }),
  { numRuns: runs, seed },
);

const wall = (Date.now() - started) / 1000;
console.log(`\n${cases.toLocaleString('en-US')} cases in ${wall.toFixed(1)} s wall, ${(total / 1000).toFixed(1)} s CPU in the cases (mean ${(total / cases).toFixed(2)} ms)`);
console.log(`${valid.toLocaleString('en-US')} parsed as valid scenarios and went through every check; the rest were refused with positioned errors`);
console.log(`slowest by CPU time:`);
for (const s of slowest) console.log(`  ${s.ms.toFixed(1)} ms${s.ms > SLOW_MS ? `  OVER ${SLOW_MS} ms` : ''}  ${s.c.scheme}  ${JSON.stringify(s.c.text).slice(0, 160)}`);
const slow = slowest.filter((s) => s.ms > SLOW_MS).length;
if (slow) console.log(`${slow} of the slowest case(s) took over ${SLOW_MS} ms`);

for (const [check, f] of failures) {
  console.log(`\nFAILED ${check}: ${f.count} case(s); the first:\n${f.failure.message}\nscenario (JSON string):\n${JSON.stringify(f.first.text)}`);
}
console.log(failures.size ? '\nfuzz: FAILED' : '\nfuzz: no failure');
process.exit(failures.size ? 1 : 0);
