/**
 * The same dynamic, fixed and buddy fences (test/e2e/fixtures/contiguous/fences.md) built by a real
 * Eleventy with the project's plugin: without JavaScript a reader gets each scenario, its table of
 * steps and its metrics from the static fallback (and the broken block's errors); with JavaScript the
 * element replaces the fallback with the simulator.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
// @ts-expect-error: Eleventy ships no type declarations
import Eleventy from '@11ty/eleventy';
import type { Browser } from 'playwright-core';
import memSim from '../../plugin/eleventy.js';
import { everySimulatorShown, launchChromium, serve, textWhenShown, type StaticServer } from './support.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const fences = readFileSync(join(root, 'test/e2e/fixtures/contiguous/fences.md'), 'utf8');

let temp: string;
let server: StaticServer;
let browser: Browser;

before(async () => {
  temp = mkdtempSync(join(tmpdir(), 'mem-sim-contiguous-11ty-'));
  mkdirSync(join(temp, 'in'));
  const elev = new Eleventy(join(temp, 'in'), join(temp, 'out'), {
    quietMode: true,
    config(cfg: any) {
      cfg.addPlugin(memSim, { errors: 'inline', bundleDir: join(root, 'dist') });
      cfg.addTemplate('post.md', `---\ntemplateEngineOverride: md\n---\n# Contiguous allocation\n\n${fences}`);
    },
  });
  elev.disableLogger();
  const warn = console.warn;
  console.warn = () => {}; // the broken block's warning, expected
  try {
    await elev.write();
  } finally {
    console.warn = warn;
  }
  server = await serve(join(temp, 'out'));
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await server?.close();
  if (temp) rmSync(temp, { recursive: true, force: true });
});

test('without JavaScript, each block shows its scenario, its table of steps and its metrics', async () => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`${server.url}/post/`);
  const sims = page.locator('mem-sim');
  assert.equal(await sims.count(), 5);
  for (let i = 0; i < 4; i++) {
    assert.ok(await sims.nth(i).locator('pre > code.language-memsim').isVisible(), `block ${i}: scenario visible`);
    assert.ok(await sims.nth(i).locator('.mem-sim-fallback table').first().isVisible(), `block ${i}: table visible`);
    assert.ok(await sims.nth(i).locator('.mem-sim-fallback .mem-sim-metrics').first().isVisible(), `block ${i}: metrics visible`);
  }
  const tables = await page.$$eval('mem-sim .mem-sim-fallback table', (ts) => ts.map((t) => [...(t as HTMLTableElement).rows].map((r) => [...r.cells].map((c) => c.textContent!.trim()))));
  // Stallings: the header, a row before the first operation, one per operation; the last is the figure's end.
  const stallings = tables[0]!;
  assert.deepEqual(stallings[0], ['step', 'operation', 'memory from address 0', 'holes', 'waiting', 'swapped out']);
  assert.equal(stallings.length, 9);
  assert.deepEqual(stallings.at(-1), ['7', 'swap-in P2', 'OS 8M | P2 14M | hole 6M | P4 8M | hole 6M | P3 18M | hole 4M', '6M at 22M, 6M at 36M, 4M at 60M', '', 'P1']);
  // Silberschatz: one table per policy; first-fit and worst-fit leave D waiting, best-fit does not.
  assert.deepEqual([1, 2, 3].map((t) => tables[t]!.at(-1)![4]), ['D', '', 'D']);
  // Stallings' per-partition queues: C waits for partition 3 (#3), then takes it.
  assert.deepEqual(tables[4]!.map((r) => r[4]), ['waiting', '', '', 'C (#3)', '']);
  // Stallings' buddy example ends with one free 1M block.
  assert.equal(tables[5]!.at(-1)![3], '1M at 0');
  assert.match(await textWhenShown(sims.nth(4).locator('.mem-sim-errors')), /'20X' is not a size/);
  await context.close();
});

test('with JavaScript, every block upgrades to its simulator and hides the fallback', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${server.url}/post/`);
  await everySimulatorShown(page);
  const sims = page.locator('mem-sim');
  for (let i = 0; i < 4; i++) {
    assert.equal(await sims.nth(i).locator('[part=simulator]').count(), 1);
    assert.equal(await sims.nth(i).locator('.mem-sim-fallback').isHidden(), true);
  }
  assert.deepEqual(
    await page.$$eval('mem-sim', (all) => all.map((s) => s.shadowRoot!.querySelector('mem-sim-dynamic, mem-sim-fixed, mem-sim-buddy')?.localName ?? 'error')),
    ['mem-sim-dynamic', 'mem-sim-dynamic', 'mem-sim-fixed', 'mem-sim-buddy', 'error'],
  );
  // The broken block's error box counts lines of the markdown file, as the build's warning did.
  assert.match(await sims.nth(4).locator('[part=error-list] li').first().innerText(), /^\d+:11 '20X' is not a size/);
  assert.deepEqual(errors, []);
  await context.close();
});
