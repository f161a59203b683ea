// `npm test`: type check, build, then every suite: Node (engine, CLI, plugins), Chromium
// (components, through @web/test-runner) and end to end (built sites opened in Chromium).
// Ends with one line `N passed, N failed` over all suites.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { findChromium, findJekyll } from './tools.mjs';

const root = new URL('..', import.meta.url).pathname;
const only = process.argv.slice(2); // e.g. `npm test -- node` runs only the Node suite

let chromium;
let jekyll;
try {
  chromium = findChromium();
  jekyll = findJekyll();
} catch (e) {
  console.error(`npm test: ${e.message}`);
  process.exit(1);
}
const env = { ...process.env, CHROME_PATH: chromium, JEKYLL_PATH: jekyll };

function files(dir, suffix) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .flatMap((name) => {
      const p = join(dir, name);
      return statSync(p).isDirectory() ? files(p, suffix) : p.endsWith(suffix) ? [p] : [];
    })
    .sort();
}

let passed = 0;
let failed = 0;
let broken = false;

function run(label, cmd, args, counts) {
  return new Promise((resolve) => {
    console.log(`\n== ${label}: ${[cmd, ...args].join(' ').slice(0, 200)}`);
    const child = spawn(cmd, args, { cwd: root, env, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d) => {
      process.stdout.write(d);
      out += d;
    });
    child.on('close', (code) => {
      if (counts) {
        const c = counts(out);
        passed += c.passed;
        failed += c.failed;
      }
      if (code !== 0) broken = true;
      resolve(code);
    });
  });
}

const nodeCounts = (out) => ({
  passed: Number(/^(?:ℹ|#) pass (\d+)/m.exec(out)?.[1] ?? 0),
  // A test that timed out is reported as cancelled, not failed: it counts as failed here.
  failed: Number(/^(?:ℹ|#) fail (\d+)/m.exec(out)?.[1] ?? 0) + Number(/^(?:ℹ|#) cancelled (\d+)/m.exec(out)?.[1] ?? 0),
});
const wtrCounts = (out) => {
  const m = [...out.matchAll(/(\d+) passed, (\d+) failed/g)].pop();
  return { passed: Number(m?.[1] ?? 0), failed: Number(m?.[2] ?? 0) };
};
const want = (suite) => only.length === 0 || only.includes(suite);

const node = process.execPath;
const bin = (name) => join(root, 'node_modules', '.bin', name);

if (want('build')) {
  await run('type check', node, [join(root, 'node_modules/typescript/bin/tsc'), '--noEmit', '-p', 'tsconfig.json']);
  await run('build lib', node, ['scripts/build-lib.mjs']);
  if (existsSync(join(root, 'rollup.config.mjs'))) await run('build bundle', node, ['scripts/build-bundle.mjs']);
}
const nodeTests = files(join(root, 'test/node'), '.test.ts');
if (want('node') && nodeTests.length) {
  await run('node tests', node, ['--import', 'tsx', '--test', '--test-timeout=300000', '--test-reporter=spec', ...nodeTests], nodeCounts);
}
const browserTests = files(join(root, 'test/browser'), '.test.ts');
if (want('browser') && browserTests.length) {
  await run('browser tests', bin('wtr'), ['--config', 'web-test-runner.config.mjs'], wtrCounts);
}
const e2eTests = files(join(root, 'test/e2e'), '.test.ts');
if (want('e2e') && e2eTests.length) {
  await run('end-to-end tests', node, ['--import', 'tsx', '--test', '--test-concurrency=1', '--test-timeout=300000', '--test-reporter=spec', ...e2eTests], nodeCounts);
}

console.log(`\n${passed} passed, ${failed} failed${broken && failed === 0 ? ' (but a step above exited with an error)' : ''}`);
process.exit(broken || failed > 0 ? 1 : 0);
