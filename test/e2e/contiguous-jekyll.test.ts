/**
 * The drop-in script on a post built by a real Jekyll (kramdown + rouge) with dynamic, fixed and
 * buddy fences (test/e2e/fixtures/contiguous/fences.md): every fence becomes a <mem-sim> with its
 * scheme's view, End reaches the last step with the textbooks' final layouts, the broken block shows
 * its positioned errors as the engine reports them in Node, and the page loads only the chunks of
 * the schemes it shows.
 */
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { parseScenario } from '../../engine/report.js';
import { openJekyllPost, within, type JekyllPost, type StaticServer } from './support.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const fixtures = join(root, 'test/e2e/fixtures/contiguous');
const POST = '/notes/2024/04/01/contiguous-allocation.html';

let site: JekyllPost | undefined;
let server: StaticServer;
let page: Page;
let pageErrors: string[] = [];
let failed: string[] = [];

interface Shown {
  view: string;
  step: number;
  total: number;
  errors: string[];
  /** The view's tables by caption: rows of cell texts, header first. */
  tables: Record<string, string[][]>;
  text: string;
}

/** What each <mem-sim> on the page holds and shows. */
const shown = (): Promise<Shown[]> =>
  page.$$eval('mem-sim', (sims) =>
    sims.map((el) => {
      const sim = el as HTMLElement & { step: number; total: number };
      const root = sim.shadowRoot!;
      const view = root.querySelector('mem-sim-dynamic, mem-sim-fixed, mem-sim-buddy');
      const tables: Record<string, string[][]> = {};
      for (const t of view?.shadowRoot?.querySelectorAll('table') ?? []) {
        tables[t.caption!.textContent!] = [...t.rows].map((r) => [...r.cells].map((c) => c.textContent!.trim()));
      }
      return {
        view: view?.localName ?? '',
        step: sim.step,
        total: sim.total,
        errors: [...root.querySelectorAll('[part=error-list] li')].map((li) => li.textContent!.trim()),
        tables,
        text: sim.querySelector(':scope > pre > code.language-memsim')!.textContent!,
      };
    }),
  );

before(async () => {
  site = await openJekyllPost(join(fixtures, 'jekyll'), 'notes', POST, 5, (source) => {
    mkdirSync(join(source, '_posts'));
    const post = `---\nlayout: default\ntitle: Contiguous allocation, step by step\n---\n\n${readFileSync(join(fixtures, 'fences.md'), 'utf8')}`;
    writeFileSync(join(source, '_posts/2024-04-01-contiguous-allocation.md'), post);
  });
  ({ server, page, pageErrors, failed } = site);
});

after(() => site?.close());

test('every memsim fence of the Jekyll post becomes a <mem-sim> with its scheme view', async () => {
  assert.equal(await page.locator('code.language-memsim').count(), 5);
  assert.equal(await page.$$eval('code.language-memsim', (codes) => codes.filter((c) => !c.closest('mem-sim')).length), 0);
  const sims = await shown();
  assert.deepEqual(
    sims.map((s) => s.view),
    ['mem-sim-dynamic', 'mem-sim-dynamic', 'mem-sim-fixed', 'mem-sim-buddy', ''],
  );
  // The Silberschatz block compares three policies side by side.
  assert.equal(await page.locator('mem-sim').nth(1).locator('mem-sim-dynamic').count(), 3);
});

test('End reaches the last step of every working block, with the final layouts the textbooks give', async () => {
  const sims = page.locator('mem-sim');
  for (const i of [0, 1, 2, 3]) {
    await sims.nth(i).locator('input[type=range]').focus();
    await page.keyboard.press('End');
  }
  await within(page.evaluate(() => Promise.all([...document.querySelectorAll('mem-sim')].map((s) => (s as any).ready))), 'every simulator became ready');
  const [stallings, silberschatz, fixed, buddy] = await shown();
  for (const s of [stallings!, silberschatz!, fixed!, buddy!]) assert.equal(s.step, s.total);
  // Stallings: OS 8M, P2 14M, hole 6M, P4 8M, hole 6M, P3 18M, hole 4M.
  assert.deepEqual(
    stallings!.tables['Allocations and holes']!.slice(1).map((r) => `${r[2]} ${r[1]}`),
    ['OS 8M', 'P2 14M', 'hole 6M', 'P4 8M', 'hole 6M', 'P3 18M', 'hole 4M'],
  );
  assert.equal(await sims.nth(1).locator('[part=sentence]').first().innerText(), 'D (426K) waits: the largest hole is 300K');
  // Stallings' per-partition queues: C waited for partition 3 and took it when B left.
  assert.deepEqual(fixed!.tables['Partitions']![4], ['3', '20M', '8M', 'C (7M)', '1M', '–']);
  // Stallings' buddy example ends with one free 1M block.
  assert.deepEqual(buddy!.tables['Free lists']!.slice(1), [['1M', '0']]);
  assert.equal(await sims.nth(3).locator('[part=position]').textContent(), 'Step 10 of 10');
});

test('the broken block shows each error at its line and column, as the engine reports it in Node', async () => {
  const broken = (await shown())[4]!;
  const parsed = parseScenario(broken.text);
  assert.equal(parsed.ok, false);
  const expected = parsed.ok ? [] : parsed.errors.map((e) => `${e.line}:${e.column} ${e.message}`);
  assert.deepEqual(broken.errors, expected);
  assert.match(broken.errors[0]!, /^4:11 '20X' is not a size/);
  assert.match(broken.errors[1]!, /^5:3 unknown operation 'alocate'.*did you mean 'allocate'\?$/);
});

test('the page loads the contiguous chunks it needs from assets/ under the baseurl, and nothing else', () => {
  const chunks = server.requests.filter((p) => p.startsWith('/notes/assets/mem-sim/chunks/')).map((p) => p.replace(/^.*\/chunks\/|-[\w-]{8}\.js$/g, ''));
  // The key under each view (legend) comes after the first paint; the diagram and table only when asked for.
  assert.deepEqual(chunks.sort(), ['buddy', 'contiguous', 'core', 'dynamic', 'error-box', 'fixed', 'legend']);
  assert.deepEqual(failed, []);
  assert.deepEqual(pageErrors, []);
  assert.deepEqual(server.requests.filter((p) => p.includes('/mermaid/')), []);
});
